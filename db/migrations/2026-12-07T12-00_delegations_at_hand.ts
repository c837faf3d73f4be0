import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// The approver's home lists the delegations on their trip (soonest back first) and the approved
// ones starting soon (soonest first): a small partial index each, also for the board, which sees
// every organisation. email_message_org_page_idx goes: no query filters the Outbox by the
// message's organisation (an admin's Outbox is chosen by its recipients), and every email wrote it.
export async function up(db: Kysely<any>) {
	await sql`CREATE INDEX plan_departed_return_idx ON plan (end_date, id) WHERE status = 'departed'`.execute(
		db,
	)
	await sql`CREATE INDEX plan_approved_start_idx ON plan (start_date, id) WHERE status = 'approved'`.execute(
		db,
	)
	await sql`DROP INDEX IF EXISTS email_message_org_page_idx`.execute(db)
}

export async function down(db: Kysely<any>) {
	await sql`CREATE INDEX email_message_org_page_idx ON email_message (organisation_id, created_at)`.execute(
		db,
	)
	await sql`DROP INDEX IF EXISTS plan_approved_start_idx`.execute(db)
	await sql`DROP INDEX IF EXISTS plan_departed_return_idx`.execute(db)
}
