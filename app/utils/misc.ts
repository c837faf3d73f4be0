import { json } from '@remix-run/node'

/** Throws a Response (rendered by the route's error boundary) when the condition fails. */
export function invariantResponse(condition: unknown, message: string, init?: ResponseInit): asserts condition {
	if (!condition) throw json({ message }, { status: 404, ...init })
}

export function pageFrom(url: URL) {
	const page = Number(url.searchParams.get('page') ?? '1')
	return Number.isInteger(page) && page > 0 ? page : 1
}
