import postgres from 'postgres'
import { afterAll, beforeEach, inject } from 'vitest'
import { databaseUrl } from './database-url.ts'
import './setup-test-env.ts'

// Runs before the test file's own imports: the app's `db` singleton reads DATABASE_URL
// when #db/client.server.ts is first imported, so the file's database must exist by then.
const adminUrl = inject('dbAdminUrl')
const template = inject('dbTemplate')
const database = `${inject('dbPrefix')}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })

async function createDatabase() {
	for (let attempt = 1; ; attempt++) {
		try {
			await admin.unsafe(`CREATE DATABASE "${database}" TEMPLATE "${template}"`)
			return
		} catch (error) {
			// 55006: the template is briefly in use (another file is copying it, or a teardown is connected).
			if ((error as { code?: string }).code !== '55006' || attempt >= 10) throw error
			await new Promise(resolve => setTimeout(resolve, 100 * attempt))
		}
	}
}

await createDatabase()
process.env.DATABASE_URL = databaseUrl(adminUrl, database)

let tables: string[] | null = null

beforeEach(async () => {
	const { db } = await import('#db/client.server.ts')
	const { sql } = await import('kysely')
	tables ??= (
		await sql<{ name: string }>`
			SELECT quote_ident(tablename) AS name FROM pg_tables
			WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_migration%'`.execute(db)
	).rows.map(r => r.name)
	if (tables.length) await sql.raw(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`).execute(db)
	// The job queue keeps its own schema: a job left by the last test (an email of a message
	// truncated above) must not run, nor be counted, in this one.
	await sql`DELETE FROM graphile_worker._private_jobs`.execute(db)
	await sql`DELETE FROM graphile_worker._private_job_queues`.execute(db)
})

afterAll(async () => {
	const { db } = await import('#db/client.server.ts')
	await db.destroy()
	// The app's singletons (db, lucia) hold the destroyed pool; never hand them to another file.
	;(globalThis as { __singletons?: Map<string, unknown> }).__singletons?.clear()
	await admin.unsafe(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
	await admin.end()
})
