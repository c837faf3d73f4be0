import { type Migration, type MigrationProvider } from 'kysely'
import * as foundation from './2026-11-23T00-00_foundation.ts'
import * as plans from './2026-11-23T01-00_plans.ts'
import * as notifications from './2026-11-23T02-00_notifications.ts'
import * as trips from './2026-11-23T03-00_trips.ts'

// Listed by hand so the migrations are bundled into the server build as well.
const migrations: Record<string, Migration> = {
	'2026-11-23T00-00_foundation': foundation,
	'2026-11-23T01-00_plans': plans,
	'2026-11-23T02-00_notifications': notifications,
	'2026-11-23T03-00_trips': trips,
}

export const migrationProvider: MigrationProvider = {
	getMigrations: async () => migrations,
}
