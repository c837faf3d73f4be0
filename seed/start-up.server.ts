import { sql } from 'kysely'
import { createDb } from '#db/connect.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { isDatabaseEmpty, seedDemo } from './seed.ts'

/**
 * Migrates the database and loads the demo data into an empty one, holding a PostgreSQL advisory
 * lock, so that of several processes started at once one migrates and seeds while the others
 * wait, then find the work done.
 */
export async function prepareDatabase(url: string, { demo = true } = {}) {
	const db = createDb(url, { max: 1 })
	try {
		return await db.connection().execute(async conn => {
			await sql`SELECT pg_advisory_lock(hashtext('doi-ngoai-cong-doan:start-up'))`.execute(
				conn,
			)
			try {
				await migrateDatabase(url)
				const seeded = demo && (await isDatabaseEmpty(conn))
				if (seeded) await seedDemo(conn)
				return { seeded }
			} finally {
				await sql`SELECT pg_advisory_unlock(hashtext('doi-ngoai-cong-doan:start-up'))`.execute(
					conn,
				)
			}
		})
	} finally {
		await db.destroy()
	}
}
