import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// Solar dates of Tết (lunar 1/1) and Giỗ Tổ Hùng Vương (lunar 10/3), Viet Nam time (UTC+7),
// as lib/lunar.ts computes them; the test "TS and SQL agree" keeps the two honest.
const LUNAR: [number, string, string][] = [
	[2020, '2020-01-25', '2020-04-02'],
	[2021, '2021-02-12', '2021-04-21'],
	[2022, '2022-02-01', '2022-04-10'],
	[2023, '2023-01-22', '2023-04-29'],
	[2024, '2024-02-10', '2024-04-18'],
	[2025, '2025-01-29', '2025-04-07'],
	[2026, '2026-02-17', '2026-04-26'],
	[2027, '2027-02-06', '2027-04-16'],
	[2028, '2028-01-26', '2028-04-04'],
	[2029, '2029-02-13', '2029-04-23'],
	[2030, '2030-02-02', '2030-04-12'],
	[2031, '2031-01-23', '2031-04-01'],
	[2032, '2032-02-11', '2032-04-19'],
	[2033, '2033-01-31', '2033-04-09'],
	[2034, '2034-02-19', '2034-04-28'],
	[2035, '2035-02-08', '2035-04-17'],
]

export async function up(db: Kysely<any>) {
	// Reference data, not user data: its own schema, so that nothing clearing the app's tables
	// (the tests' TRUNCATE of public) empties it.
	await sql`CREATE SCHEMA calendar`.execute(db)
	await sql`
		CREATE TABLE calendar.public_holiday (
			day date PRIMARY KEY,
			name text NOT NULL
		)`.execute(db)
	await sql`
		CREATE TABLE calendar.lunar_year (
			year int PRIMARY KEY,
			tet date NOT NULL,
			hung_kings date NOT NULL
		)`.execute(db)
	await sql`INSERT INTO calendar.lunar_year (year, tet, hung_kings) VALUES ${sql.join(
		LUNAR.map(([y, tet, hung]) => sql`(${y}, ${tet}::date, ${hung}::date)`),
	)}`.execute(db)
	// Tết: lunar 30 (or 29) of the last month to lunar 4/1; 2/9 and 1/9 (Bộ luật Lao động 2019 art. 112).
	await sql`
		INSERT INTO calendar.public_holiday (day, name)
		SELECT make_date(year, 1, 1), 'newYear' FROM calendar.lunar_year
		UNION ALL SELECT tet + n, 'tet' FROM calendar.lunar_year, generate_series(-1, 3) AS n
		UNION ALL SELECT hung_kings, 'hungKings' FROM calendar.lunar_year
		UNION ALL SELECT make_date(year, 4, 30), 'reunification' FROM calendar.lunar_year
		UNION ALL SELECT make_date(year, 5, 1), 'labour' FROM calendar.lunar_year
		UNION ALL SELECT make_date(year, 9, 1), 'national' FROM calendar.lunar_year
		UNION ALL SELECT make_date(year, 9, 2), 'national' FROM calendar.lunar_year`.execute(
		db,
	)

	await sql`
		CREATE TABLE declared_day (
			day date PRIMARY KEY,
			kind text NOT NULL CHECK (kind IN ('off', 'working')),
			note text NOT NULL,
			declared_by uuid NOT NULL REFERENCES app_user (id),
			version int NOT NULL DEFAULT 1,
			created_at timestamptz NOT NULL DEFAULT now()
		)`.execute(db)

	await sql`
		CREATE FUNCTION is_working_day(d date) RETURNS boolean
		LANGUAGE sql STABLE PARALLEL SAFE AS $$
			SELECT coalesce(
				(SELECT kind = 'working' FROM declared_day WHERE day = d),
				extract(isodow FROM d) < 6
					AND NOT EXISTS (SELECT 1 FROM calendar.public_holiday WHERE day = d)
			)
		$$`.execute(db)
	// The n-th working day after d (before it when n < 0); n = 0 gives d.
	await sql`
		CREATE FUNCTION add_working_days(d date, n int) RETURNS date
		LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
		DECLARE
			step int := CASE WHEN n < 0 THEN -1 ELSE 1 END;
			left_ int := abs(n);
			cur date := d;
		BEGIN
			WHILE left_ > 0 LOOP
				cur := cur + step;
				IF is_working_day(cur) THEN left_ := left_ - 1; END IF;
			END LOOP;
			RETURN cur;
		END
		$$`.execute(db)
}

export async function down(db: Kysely<any>) {
	await sql`DROP FUNCTION IF EXISTS add_working_days(date, int)`.execute(db)
	await sql`DROP FUNCTION IF EXISTS is_working_day(date)`.execute(db)
	await sql`DROP TABLE IF EXISTS declared_day`.execute(db)
	await sql`DROP SCHEMA IF EXISTS calendar CASCADE`.execute(db)
}
