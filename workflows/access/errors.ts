/**
 * A refusal the domain throws when a request must stop outright: the plan is not there (or not
 * the user's to see), the user may not act, or the plan is in the wrong state. The page turns
 * it into a 404, 403 or 409 (app/utils/domain.server.ts).
 */
export class DomainError extends Error {
	constructor(
		readonly kind: 'notFound' | 'forbidden' | 'conflict',
		message: string,
	) {
		super(message)
	}
}

export function forbidden() {
	return new DomainError('forbidden', 'error.forbidden')
}

export function notFound() {
	return new DomainError('notFound', 'error.notFound')
}

export function conflict(message: string) {
	return new DomainError('conflict', message)
}
