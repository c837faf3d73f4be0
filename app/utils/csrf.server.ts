const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * A state-changing request must prove it comes from our own pages: the browser says so with
 * Sec-Fetch-Site: same-origin, or (browsers without it) with an Origin of this host. A request
 * with neither, as curl or a forged form in an old browser sends, is refused.
 */
export function isCrossSiteRequest({
	method,
	origin,
	host,
	fetchSite,
}: {
	method: string
	origin: string | undefined
	/** The hosts this request may come from (Host, and X-Forwarded-Host behind a trusted proxy). */
	host: string | undefined | (string | undefined)[]
	fetchSite: string | undefined
}) {
	if (SAFE_METHODS.has(method.toUpperCase())) return false
	if (fetchSite) return fetchSite !== 'same-origin'
	if (!origin || origin === 'null') return true
	const hosts = (Array.isArray(host) ? host : [host]).filter(Boolean)
	try {
		return !hosts.includes(new URL(origin).host)
	} catch {
		return true
	}
}
