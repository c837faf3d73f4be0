import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// plan_waiting_step_idx (2026-12-07T08-00) has the columns of plan_inbox_page_idx, only without
// the plans that wait at no step: every change of a plan's status wrote both. One is kept.
export async function up(db: Kysely<any>) {
	await sql`DROP INDEX IF EXISTS plan_inbox_page_idx`.execute(db)
}

export async function down(db: Kysely<any>) {
	await sql`CREATE INDEX plan_inbox_page_idx ON plan (current_step_organisation_id, status_changed_at, id)`.execute(
		db,
	)
}
