/** `url` with its database name replaced. */
export function databaseUrl(url: string, database: string) {
	const next = new URL(url)
	next.pathname = `/${database}`
	return next.toString()
}
