import { json } from '@remix-run/node'

/** Throws a Response (rendered by the route's error boundary) when the condition fails. */
export function invariantResponse(
	condition: unknown,
	message: string,
	init?: ResponseInit,
): asserts condition {
	if (!condition) throw json({ message }, { status: 404, ...init })
}

const MAX_PAGE = 1_000_000

export function pageFrom(url: URL) {
	const page = Number(url.searchParams.get('page') ?? '1')
	// A page number too large for the database's OFFSET is no page anyone reached by a link.
	return Number.isInteger(page) && page > 0 && page <= MAX_PAGE ? page : 1
}

export { errorWithParams, splitErrorParams } from '#lib/form-errors.ts'
