const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * A state-changing request must come from our own pages: its Origin (sent by every current
 * browser on POST) must be this host. Without Origin, a browser's Sec-Fetch-Site still tells.
 */
export function isCrossSiteRequest({
	method,
	origin,
	host,
	fetchSite,
}: {
	method: string
	origin: string | undefined
	host: string | undefined
	fetchSite: string | undefined
}) {
	if (SAFE_METHODS.has(method.toUpperCase())) return false
	if (!origin || origin === 'null')
		return (
			origin === 'null' ||
			fetchSite === 'cross-site' ||
			fetchSite === 'same-site'
		)
	try {
		return new URL(origin).host !== host
	} catch {
		return true
	}
}
