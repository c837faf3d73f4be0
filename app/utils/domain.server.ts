import { json } from '@remix-run/node'
import { DomainError } from '#workflows/access/errors.ts'
import { type Outcome, type Refusal } from '#workflows/outcome.ts'
import { redirectWithToast } from './toast.server.ts'

const STATUS = { notFound: 404, forbidden: 403, conflict: 409 } as const

/** A refusal of the domain as the response a page throws: `{ message }` with 404, 403 or 409. */
export function httpError(error: unknown) {
	return error instanceof DomainError
		? json({ message: error.message }, { status: STATUS[error.kind] })
		: error
}

/** A loader or action whose domain refusals answer as 404, 403 or 409 (see httpError). */
export function web<Args extends unknown[], R>(
	handler: (...args: Args) => Promise<R>,
) {
	return async (...args: Args): Promise<R> => {
		try {
			return await handler(...args)
		} catch (error) {
			throw httpError(error)
		}
	}
}

const REFUSAL_STATUS: Record<Refusal, number> = {
	invalid: 400,
	forbidden: 403,
	notFound: 404,
	conflict: 409,
	confirm: 200,
}

/**
 * The answer of an action to a domain outcome: done goes to `to(planId)` with the outcome's
 * message as a toast; a refusal is the form's data with its status.
 */
export function respond<O extends Outcome<unknown>>(
	outcome: O,
	to: (planId: string) => string = planId => `/plans/${planId}`,
) {
	if (outcome.done)
		return redirectWithToast(outcome.to ?? to(outcome.planId), {
			type: 'success',
			message: outcome.message,
			...(outcome.params ? { params: outcome.params } : {}),
		})
	return json(outcome.body as BodyOf<O>, {
		status: REFUSAL_STATUS[outcome.refusal],
	})
}

type BodyOf<O> = O extends { done: false; body: infer Body } ? Body : never
