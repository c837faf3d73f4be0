/**
 * The Content-Security-Policy forbids eval, which zod probes (`new Function`: a reported
 * violation) when it builds an object schema. Zod 4 keeps its settings in
 * globalThis.__zod_globalConfig (whichever runs first creates it), so this sets `jitless`
 * without importing zod: a page without forms ships no zod. The root module calls it before
 * any page's module runs.
 */
export function configureZod() {
	const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } }
	g.__zod_globalConfig = Object.assign(g.__zod_globalConfig ?? {}, {
		jitless: true,
	})
}
