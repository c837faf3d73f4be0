import { type LoaderFunctionArgs } from '@remix-run/node'

/** Benchmark only: the number of SQL queries this process has run so far (server.ts passes the counter when BENCH=1). */
export async function loader({ context }: LoaderFunctionArgs) {
	const counter = context.queryCounter
	if (!counter) throw new Response('Not found', { status: 404 })
	return new Response(String(counter.count), {
		headers: { 'content-type': 'text/plain; charset=utf-8' },
	})
}
