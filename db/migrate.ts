import { type Kysely, Migrator } from 'kysely'
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

if (import.meta.url === `file://${process.argv[1]}`) {
	const { withDatabase } = await import('./embedded.server.ts')
	await withDatabase(async db => {
		const results = await migrateToLatest(db)
		console.log(
			results.length
				? results.map(r => `${r.status}: ${r.migrationName}`).join('\n')
				: 'Cơ sở dữ liệu đã ở phiên bản mới nhất.',
		)
	})
}
