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

/** An error message key with parameters, carried as one string through form replies. */
export function errorWithParams(
	key: string,
	params: Record<string, string | number>,
) {
	return `${key}::${JSON.stringify(params)}`
}

export function splitErrorParams(
	error: string,
): [string, Record<string, string | number> | undefined] {
	const at = error.indexOf('::')
	if (at < 0) return [error, undefined]
	try {
		return [error.slice(0, at), JSON.parse(error.slice(at + 2))]
	} catch {
		return [error.slice(0, at), undefined]
	}
}
