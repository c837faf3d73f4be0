import { sql } from 'kysely'
import { type Db } from './connect.ts'
import { migrationProvider } from './migrations/index.ts'

/** Whether the database answers and has every migration of this build applied. */
export async function databaseReady(db: Db) {
	const expected = Object.keys(await migrationProvider.getMigrations())
	const { rows } = await sql<{ name: string }>`
		SELECT name FROM kysely_migration`.execute(db)
	const applied = new Set(rows.map(r => r.name))
	return expected.every(name => applied.has(name))
}
