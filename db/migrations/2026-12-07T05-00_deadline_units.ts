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
	// Working days after a up to and including b (0 when b <= a), as workingDaysBetween in
	// lib/working-days.ts counts them, without walking the days: the weekdays (5 a full week, the
	// few days left counted one by one), less the computed holidays on weekdays nobody declared,
	// less the weekdays declared off, plus the weekend days declared working. For the inbox, where
	// a plan may have waited for years.
	await sql`
		CREATE FUNCTION working_days_between(a date, b date) RETURNS int
		LANGUAGE sql STABLE PARALLEL SAFE AS $$
			SELECT CASE WHEN b <= a THEN 0 ELSE
				5 * ((b - a) / 7)
				+ (SELECT count(*)::int FROM generate_series(1, (b - a) % 7) AS k
					WHERE extract(isodow FROM a + 7 * ((b - a) / 7) + k) < 6)
				- (SELECT count(*)::int FROM calendar.public_holiday h
					WHERE h.day > a AND h.day <= b AND extract(isodow FROM h.day) < 6
						AND NOT EXISTS (SELECT 1 FROM declared_day d WHERE d.day = h.day))
				- (SELECT count(*)::int FROM declared_day d
					WHERE d.day > a AND d.day <= b AND d.kind = 'off' AND extract(isodow FROM d.day) < 6)
				+ (SELECT count(*)::int FROM declared_day d
					WHERE d.day > a AND d.day <= b AND d.kind = 'working' AND extract(isodow FROM d.day) >= 6)
			END
		$$`.execute(db)
	// Due dates set before this migration were calendar days after the return.
	await sql`
		UPDATE plan SET report_due_unit = 'days', report_due_count = report_due_on - returned_on
		WHERE report_due_on IS NOT NULL AND returned_on IS NOT NULL
			AND report_due_on > returned_on`.execute(db)
}

export async function down(db: Kysely<any>) {
	await sql`DROP FUNCTION IF EXISTS working_days_between(date, date)`.execute(
		db,
	)
	await sql`ALTER TABLE plan DROP COLUMN report_due_count, DROP COLUMN report_due_unit`.execute(
		db,
	)
	await sql`ALTER TABLE organisation DROP COLUMN report_due_unit`.execute(db)
}
