/**
 * `DATABASE_URL=… node --import tsx bench/reminder-scan.ts [runs]` times the daily reminder scan
 * (first run and re-run) on an existing database, such as the one `npm run bench -- --hold` keeps,
 * inside a transaction that is rolled back, so old and new code can be alternated on the same
 * data. Prints each run's wall time and CPU time (this process, and the PostgreSQL backend read
 * from /proc, so the server must run on this machine), and with VERBOSE=1 each statement's time
 * and backend CPU: on a loaded machine CPU times vary far less than wall times.
 * TODAY=YYYY-MM-DD scans another day.
 */
import { readFileSync } from 'node:fs'
import { Kysely, sql } from 'kysely'
import { connectPostgres } from '#db/connect.ts'
import { PostgresJsDialect } from '#db/postgres-driver.ts'
import { type DB } from '#db/schema.ts'
import { runDailyReminders } from '#workflows/reminders/reminders.server.ts'
import { dateInVietnam } from '#workflows/reminders/reminder-points.ts'

const runs = Number(process.argv[2] ?? 3)
const today = process.env.TODAY ?? dateInVietnam(new Date())
/** CPU time of a PostgreSQL backend so far, in ms (its process's run time). */
const backendMs = (pid: number) =>
	Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6

let backend = 0
let last = 0
let lines: string[] = []
const db = new Kysely<DB>({
	dialect: new PostgresJsDialect(
		connectPostgres(process.env.DATABASE_URL!, { max: 1 }),
	),
	log: event => {
		if (event.level === 'error') return console.error(event.error)
		const now = backend ? backendMs(backend) : 0
		lines.push(
			`${event.queryDurationMillis.toFixed(1).padStart(7)} ms, backend CPU ${(now - last).toFixed(1).padStart(6)} ms  ${event.query.sql.replace(/\s+/g, ' ').slice(0, 70)}`,
		)
		last = now
	},
})

class Rollback extends Error {}

async function timed(trx: Kysely<DB>) {
	const cpu = process.cpuUsage()
	const pg = backendMs(backend)
	const t0 = performance.now()
	const run = await runDailyReminders(trx, today)
	const { user, system } = process.cpuUsage(cpu)
	return `${(performance.now() - t0).toFixed(0)} ms (CPU: node ${((user + system) / 1000).toFixed(0)} ms, PostgreSQL ${(backendMs(backend) - pg).toFixed(0)} ms; ${run.reminders.length} reminders, ${run.emailsQueued} emails queued)`
}

// A warm connection, as in the app: the first statements of a new backend load its caches.
await sql`SELECT 1`.execute(db)
for (let i = 0; i < runs; i++) {
	lines = []
	await db
		.transaction()
		.execute(async trx => {
			backend = (
				await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx)
			).rows[0]!.pid
			last = backendMs(backend)
			const first = await timed(trx)
			lines.push('--- re-run')
			const again = await timed(trx)
			console.log(`run ${i}: first ${first}\n       re-run ${again}`)
			throw new Rollback()
		})
		.catch(error => {
			if (!(error instanceof Rollback)) throw error
		})
	if (process.env.VERBOSE) console.log(lines.join('\n'))
}
await db.destroy()
