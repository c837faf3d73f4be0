import path from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Benchmark only (BENCH=1): the number of SQL queries this process has run so far.
 * The app's `db` singleton is created by server.ts's own module graph (not the bundle), so
 * the counter is read from that copy of db/connect.ts, loaded by its file URL.
 */
export async function loader() {
	if (process.env.BENCH !== '1')
		throw new Response('Not found', { status: 404 })
	const file = pathToFileURL(path.resolve('db/connect.ts')).href
	const { queryCounter } = (await import(/* @vite-ignore */ file)) as {
		queryCounter: { count: number }
	}
	return new Response(String(queryCounter.count), {
		headers: { 'content-type': 'text/plain; charset=utf-8' },
	})
}
