import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// A version of the statistics per organisation and plan year, so the page can keep the figures it
// last read and reuse them while nothing they depend on has changed (issue 20: the page's query
// took 100–135 ms at the benchmark's large scale, most of it the medians of 43,000 passes).
//
// Every statement that changes a row of statistics_delegation or statistics_step_time gives the
// (organisation, year) of the old and new rows a new random version, in its transaction; renaming
// an organisation (a partner's or a step's organisation name) or changing a chain's steps (which
// step a pass belongs to) gives the names' row a new one. Versions are random, never counted: a state
// whose versions equal another's is the same state, whatever was rolled back, truncated or
// restored in between. Bumps of one row queue on its lock in the order the changes commit.
export async function up(db: Kysely<any>) {
	await sql`
		CREATE TABLE statistics_version (
			organisation_id uuid NOT NULL,
			plan_year int NOT NULL,
			version uuid NOT NULL DEFAULT gen_random_uuid(),
			PRIMARY KEY (organisation_id, plan_year)
		)`.execute(db)
	// The row of the nil organisation and year 0 is the version of the names and chain steps the
	// figures show, part of every filter's versions.
	await sql`
		CREATE FUNCTION statistics_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF TG_TABLE_NAME IN ('organisation', 'chain_step') THEN
				INSERT INTO statistics_version (organisation_id, plan_year)
				VALUES ('00000000-0000-0000-0000-000000000000', 0)
				ON CONFLICT (organisation_id, plan_year) DO UPDATE SET version = gen_random_uuid();
			ELSIF TG_OP = 'INSERT' THEN
				INSERT INTO statistics_version (organisation_id, plan_year)
				SELECT DISTINCT organisation_id, plan_year FROM new_rows ORDER BY 1, 2
				ON CONFLICT (organisation_id, plan_year) DO UPDATE SET version = gen_random_uuid();
			ELSIF TG_OP = 'DELETE' THEN
				INSERT INTO statistics_version (organisation_id, plan_year)
				SELECT DISTINCT organisation_id, plan_year FROM old_rows ORDER BY 1, 2
				ON CONFLICT (organisation_id, plan_year) DO UPDATE SET version = gen_random_uuid();
			ELSE
				INSERT INTO statistics_version (organisation_id, plan_year)
				SELECT organisation_id, plan_year FROM new_rows
				UNION SELECT organisation_id, plan_year FROM old_rows ORDER BY 1, 2
				ON CONFLICT (organisation_id, plan_year) DO UPDATE SET version = gen_random_uuid();
			END IF;
			RETURN NULL;
		END $$`.execute(db)
	for (const table of ['statistics_delegation', 'statistics_step_time']) {
		await sql`
			CREATE TRIGGER ${sql.raw(`${table}_version_insert`)} AFTER INSERT ON ${sql.table(table)}
			REFERENCING NEW TABLE AS new_rows
			FOR EACH STATEMENT EXECUTE FUNCTION statistics_version_bump()`.execute(db)
		await sql`
			CREATE TRIGGER ${sql.raw(`${table}_version_update`)} AFTER UPDATE ON ${sql.table(table)}
			REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
			FOR EACH STATEMENT EXECUTE FUNCTION statistics_version_bump()`.execute(db)
		await sql`
			CREATE TRIGGER ${sql.raw(`${table}_version_delete`)} AFTER DELETE ON ${sql.table(table)}
			REFERENCING OLD TABLE AS old_rows
			FOR EACH STATEMENT EXECUTE FUNCTION statistics_version_bump()`.execute(db)
	}
	await sql`
		CREATE TRIGGER statistics_version_organisation AFTER UPDATE ON organisation
		FOR EACH ROW WHEN (OLD.name_vi IS DISTINCT FROM NEW.name_vi)
		EXECUTE FUNCTION statistics_version_bump()`.execute(db)
	await sql`
		CREATE TRIGGER statistics_version_chain_step AFTER INSERT OR UPDATE OR DELETE ON chain_step
		FOR EACH STATEMENT EXECUTE FUNCTION statistics_version_bump()`.execute(db)
	await sql`
		INSERT INTO statistics_version (organisation_id, plan_year)
		SELECT organisation_id, plan_year FROM statistics_delegation
		UNION SELECT organisation_id, plan_year FROM statistics_step_time
		UNION SELECT '00000000-0000-0000-0000-000000000000', 0`.execute(db)
}

export async function down(db: Kysely<any>) {
	await sql`DROP TRIGGER IF EXISTS statistics_version_chain_step ON chain_step`.execute(
		db,
	)
	await sql`DROP TRIGGER IF EXISTS statistics_version_organisation ON organisation`.execute(
		db,
	)
	for (const table of ['statistics_delegation', 'statistics_step_time'])
		for (const op of ['insert', 'update', 'delete'])
			await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_version_${op}`)} ON ${sql.table(table)}`.execute(
				db,
			)
	await sql`DROP FUNCTION IF EXISTS statistics_version_bump()`.execute(db)
	await sql`DROP TABLE IF EXISTS statistics_version`.execute(db)
}
