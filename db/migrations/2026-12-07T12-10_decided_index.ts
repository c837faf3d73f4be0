import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// An approver's home lists their latest decisions: a partial index of the decisions by actor.
export async function up(db: Kysely<any>) {
	await sql`CREATE INDEX plan_event_decided_idx ON plan_event (actor_id, created_at DESC, id DESC)
		WHERE event IN ('APPROVE', 'APPROVE_PARTIAL', 'RETURN', 'REJECT')`.execute(db)
}

export async function down(db: Kysely<any>) {
	await sql`DROP INDEX IF EXISTS plan_event_decided_idx`.execute(db)
}
