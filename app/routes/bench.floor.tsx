import { type LoaderFunctionArgs } from '@remix-run/node'
import { sql } from 'kysely'
import { requireUser } from '#app/utils/auth.server.ts'
import { db } from '#db/client.server.ts'

/** Benchmark floor: sign-in check and one trivial query. Exists only when the server runs with BENCH=1. */
export async function loader({ request }: LoaderFunctionArgs) {
	if (process.env.BENCH !== '1')
		throw new Response('Not found', { status: 404 })
	await requireUser(request)
	const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db)
	return new Response(String(rows[0]?.one), {
		headers: { 'content-type': 'text/plain; charset=utf-8' },
	})
}
