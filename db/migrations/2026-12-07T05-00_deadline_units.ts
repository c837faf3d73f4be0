import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here.
// Every deadline says what it counts. The post-trip report: calendar days after the return (as
// before) or working days, per organisation. A plan keeps the rule its due date was computed with
// (the number and the unit), so a page can say "15 ngày sau ngày về" / "10 ngày làm việc sau
// ngày về" even after the organisation changes its setting, and a day the board declares later
// can move a working-day due date.
export async function up(db: Kysely<any>) {
	await sql`
		ALTER TABLE organisation ADD COLUMN report_due_unit text NOT NULL DEFAULT 'days'
			CHECK (report_due_unit IN ('days', 'working_days'))`.execute(db)
	await sql`
		ALTER TABLE plan
			ADD COLUMN report_due_count int CHECK (report_due_count > 0),
			ADD COLUMN report_due_unit text CHECK (report_due_unit IN ('days', 'working_days'))`.execute(
		db,
	)
	// Due dates set before this migration were calendar days after the return.
	await sql`
		UPDATE plan SET report_due_unit = 'days', report_due_count = report_due_on - returned_on
		WHERE report_due_on IS NOT NULL AND returned_on IS NOT NULL
			AND report_due_on > returned_on`.execute(db)
}

export async function down(db: Kysely<any>) {
	await sql`ALTER TABLE plan DROP COLUMN report_due_count, DROP COLUMN report_due_unit`.execute(
		db,
	)
	await sql`ALTER TABLE organisation DROP COLUMN report_due_unit`.execute(db)
}
