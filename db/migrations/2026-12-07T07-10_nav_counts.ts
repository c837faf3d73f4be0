import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// The nav's counts, read with the session on every page (issue 20: the layout's cost). Plans
// returned to an organisation and reports it owes were counted by reading every plan of the
// organisation (3,700 at the benchmark's large scale); reports waiting for an organisation's
// acknowledgement by reading every submitted report of every organisation. Now each is a range of
// an index: the organisation's plans by status, and the submitted reports by chain (the page
// first takes the chains with a step of the organisation).
export async function up(db: Kysely<any>) {
	await sql`CREATE INDEX plan_org_status_idx ON plan (organisation_id, status)`.execute(
		db,
	)
	await sql`
		CREATE INDEX plan_report_submitted_idx ON plan (chain_id)
		INCLUDE (organisation_id, optional_step_ids, status_changed_at)
		WHERE status = 'report_submitted'`.execute(db)
}

export async function down(db: Kysely<any>) {
	await sql`DROP INDEX IF EXISTS plan_report_submitted_idx`.execute(db)
	await sql`DROP INDEX IF EXISTS plan_org_status_idx`.execute(db)
}
