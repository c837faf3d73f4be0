import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here.
// A return recorded after the report's due date reminds the drafter at once; the day it did so
// is where the overdue reminders (and the escalation to the approvers) are counted from.
export async function up(db: Kysely<any>) {
	await sql`ALTER TABLE plan ADD COLUMN report_late_reminded_on date`.execute(
		db,
	)
}

export async function down(db: Kysely<any>) {
	await sql`ALTER TABLE plan DROP COLUMN report_late_reminded_on`.execute(db)
}
