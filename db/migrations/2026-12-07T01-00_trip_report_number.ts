import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// A post-trip report takes one BC number from its organisation's register, once: filed again
// after a return it keeps it. The filing locks the plan row; this index holds even if it did not.
export async function up(db: Kysely<any>) {
	await sql`
		CREATE UNIQUE INDEX outgoing_document_trip_report
		ON outgoing_document (plan_id) WHERE kind = 'BC' AND plan_id IS NOT NULL`.execute(
		db,
	)
}

export async function down(db: Kysely<any>) {
	await sql`DROP INDEX outgoing_document_trip_report`.execute(db)
}
