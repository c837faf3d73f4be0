import { type Migration, type MigrationProvider } from 'kysely'
import * as foundation from './2026-11-23T00-00_foundation.ts'

// Listed by hand so the migrations are bundled into the server build as well.
const migrations: Record<string, Migration> = {
	'2026-11-23T00-00_foundation': foundation,
}

export const migrationProvider: MigrationProvider = {
	getMigrations: async () => migrations,
}
