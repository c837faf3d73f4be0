import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// A session also ends after a time without requests; the last request is noted at most once a minute.
export async function up(db: Kysely<any>) {
	await db.schema
		.alterTable('session')
		.addColumn('last_seen_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.execute()
}

export async function down(db: Kysely<any>) {
	await db.schema.alterTable('session').dropColumn('last_seen_at').execute()
}
