import { type MessageKey, type Params } from '#lib/i18n/index.ts'

/** Why an action saved nothing: the form's data says what to show next to the fields. */
export type Refusal =
	'invalid' | 'forbidden' | 'notFound' | 'conflict' | 'confirm'

/**
 * What a domain action answers: done (the plan it changed and the message for the user), or
 * refused with the form's data. Forbidden and missing plans are thrown (access/errors.ts).
 */
export type Outcome<Body> =
	| {
			done: true
			planId: string
			message: MessageKey
			params?: Params
			/** Where to go instead of the plan's page (the next item of the inbox). */
			to?: string
	  }
	| { done: false; refusal: Refusal; body: Body }

export function done(
	planId: string,
	message: MessageKey,
	params?: Params,
	to?: string,
) {
	return { done: true as const, planId, message, params, to }
}

export function refused<Body>(refusal: Refusal, body: Body) {
	return { done: false as const, refusal, body }
}
