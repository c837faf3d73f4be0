import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// "Chờ tôi xử lý" and the inbox count on every page read the plans waiting at an organisation's
// step, longest waiting first. Without an index each read every plan (20,000 at the benchmark's
// large scale) and sorted the 3,000 waiting to show 20; now the page reads its 20 in order, and
// the count is a range of this index.
export async function up(db: Kysely<any>) {
	await sql`CREATE INDEX plan_waiting_step_idx ON plan (current_step_organisation_id, status_changed_at, id)
		WHERE current_step_organisation_id IS NOT NULL`.execute(db)
}

export async function down(db: Kysely<any>) {
	await sql`DROP INDEX IF EXISTS plan_waiting_step_idx`.execute(db)
}
