import { AsyncLocalStorage } from 'node:async_hooks'
import { singleton } from '#lib/singleton.server.ts'

/**
 * A store for the duration of one HTTP request (server.ts runs the Remix handler in it), so the
 * loaders of one page can share work such as validating the session. One instance per process:
 * server.ts's modules and the app bundle's copy of this file see the same one.
 */
export const requestScope = singleton(
	'request-scope',
	() => new AsyncLocalStorage<Map<string, unknown>>(),
)

/** `compute()` once per key and request; outside a request (tests, jobs) every call computes. */
export function oncePerRequest<T>(key: string, compute: () => T): T {
	const store = requestScope.getStore()
	if (!store) return compute()
	if (!store.has(key)) store.set(key, compute())
	return store.get(key) as T
}
