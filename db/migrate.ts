import { Logger, runMigrations as runWorkerMigrations } from 'graphile-worker'
import { type Kysely, Migrator } from 'kysely'
import { createDb } from './connect.ts'
import { migrationProvider } from './migrations/index.ts'
import { type DB } from './schema.ts'

export async function migrateToLatest(db: Kysely<DB>) {
	const migrator = new Migrator({ db, provider: migrationProvider })
	const { error, results } = await migrator.migrateToLatest()
	for (const result of results ?? []) {
		if (result.status === 'Error')
			console.error(`migration ${result.migrationName} failed`)
	}
	if (error) throw error
	return results ?? []
}

/** The app's tables and the job queue's (graphile-worker keeps its own schema and migrations). */
export async function migrateDatabase(url: string) {
	const db = createDb(url, { max: 1 })
	try {
		const results = await migrateToLatest(db)
		await runWorkerMigrations({ connectionString: url, logger: quietLogger })
		return results
	} finally {
		await db.destroy()
	}
}

/** graphile-worker's own logger, keeping only warnings and errors. */
export const quietLogger = new Logger(() => (level, message) => {
	if (level === 'error' || level === 'warning')
		console.error(`[worker] ${message}`)
})

if (import.meta.url === `file://${process.argv[1]}`) {
	const { resolveDatabase } = await import('./embedded.server.ts')
	const { url, stop } = await resolveDatabase()
	try {
		const results = await migrateDatabase(url)
		console.log(
			results.length
				? results.map(r => `${r.status}: ${r.migrationName}`).join('\n')
				: 'Cơ sở dữ liệu đã ở phiên bản mới nhất.',
		)
	} finally {
		await stop()
	}
}
