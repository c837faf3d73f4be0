import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// The pages of issue 20, made to read only what they show.
// Statistics: time per step read every event of the period and paired each change of status with
// the next one (a window over ~93,000 events at the benchmark's large scale). Now each change of
// status carries the moment the plan left the status it entered (`left_at`: the plan's next change
// of status), written in the transaction that inserts that next event, by a trigger, so every way
// events are written keeps it (the workflow, the benchmark's generator, tests). Rows are
// backfilled from the same window the page used.
export async function up(db: Kysely<any>) {
	await sql`ALTER TABLE plan_event ADD COLUMN left_at timestamptz`.execute(db)
	await sql`
		UPDATE plan_event e SET left_at = x.next_at
		FROM (
			SELECT id, lead(created_at) OVER (PARTITION BY plan_id ORDER BY created_at, id) AS next_at
			FROM plan_event WHERE from_status IS DISTINCT FROM to_status
		) x
		WHERE e.id = x.id AND x.next_at IS NOT NULL`.execute(db)
	// A partial approval (from a step to the same step) neither enters nor leaves a status.
	await sql`
		CREATE FUNCTION plan_event_left_at() RETURNS trigger LANGUAGE plpgsql AS $$
		DECLARE next_at timestamptz;
		BEGIN
			UPDATE plan_event SET left_at = NEW.created_at
			WHERE id = (
				SELECT id FROM plan_event
				WHERE plan_id = NEW.plan_id AND from_status IS DISTINCT FROM to_status
					AND (created_at, id) < (NEW.created_at, NEW.id)
				ORDER BY created_at DESC, id DESC LIMIT 1);
			-- An event written before one that is already there (older created_at) ends at it.
			SELECT created_at INTO next_at FROM plan_event
			WHERE plan_id = NEW.plan_id AND from_status IS DISTINCT FROM to_status
				AND (created_at, id) > (NEW.created_at, NEW.id)
			ORDER BY created_at, id LIMIT 1;
			IF next_at IS NOT NULL THEN
				UPDATE plan_event SET left_at = next_at WHERE id = NEW.id;
			END IF;
			RETURN NULL;
		END $$`.execute(db)
	await sql`
		CREATE TRIGGER plan_event_left_at AFTER INSERT ON plan_event
		FOR EACH ROW WHEN (NEW.from_status IS DISTINCT FROM NEW.to_status)
		EXECUTE FUNCTION plan_event_left_at()`.execute(db)
	// The passes through a step, read per plan of the period.
	await sql`
		CREATE INDEX plan_event_step_pass_idx ON plan_event (plan_id)
		INCLUDE (to_status, created_at, left_at)
		WHERE left_at IS NOT NULL AND to_status LIKE 'step\\_%'`.execute(db)
	// The statistics' report counts read when each plan's report was submitted, index-only.
	await sql`CREATE INDEX trip_report_submitted_idx ON trip_report (plan_id) INCLUDE (submitted_at)`.execute(
		db,
	)
	// The plan list's total, counted index-only per part of the viewer's visibility: their
	// organisation's plans, and others' plans of a chain with a step of theirs (with the columns
	// the list filters on).
	await sql`
		CREATE INDEX plan_list_org_idx ON plan (organisation_id, plan_year)
		INCLUDE (status, direction)`.execute(db)
	await sql`
		CREATE INDEX plan_list_chain_idx ON plan (chain_id, plan_year)
		INCLUDE (organisation_id, status, direction)`.execute(db)
	// The third part: plans that chose one of the viewer's optional steps.
	await sql`CREATE INDEX plan_optional_steps_idx ON plan USING gin (optional_step_ids)`.execute(
		db,
	)
}

export async function down(db: Kysely<any>) {
	await sql`DROP INDEX IF EXISTS plan_optional_steps_idx`.execute(db)
	await sql`DROP INDEX IF EXISTS trip_report_submitted_idx`.execute(db)
	await sql`DROP INDEX IF EXISTS plan_list_chain_idx`.execute(db)
	await sql`DROP INDEX IF EXISTS plan_list_org_idx`.execute(db)
	await sql`DROP INDEX IF EXISTS plan_event_step_pass_idx`.execute(db)
	await sql`DROP TRIGGER IF EXISTS plan_event_left_at ON plan_event`.execute(db)
	await sql`DROP FUNCTION IF EXISTS plan_event_left_at()`.execute(db)
	await sql`ALTER TABLE plan_event DROP COLUMN left_at`.execute(db)
}
