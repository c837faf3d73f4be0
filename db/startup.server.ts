import { sql } from 'kysely'
import { createDb, type Db } from './connect.ts'
import { migrateDatabase } from './migrate.ts'
import { migrationProvider } from './migrations/index.ts'
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

/** Whether the database answers and has every migration of this build applied. */
export async function databaseReady(db: Db) {
	const expected = Object.keys(await migrationProvider.getMigrations())
	const { rows } = await sql<{ name: string }>`
		SELECT name FROM kysely_migration`.execute(db)
	const applied = new Set(rows.map(r => r.name))
	return expected.every(name => applied.has(name))
}
