import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// Statistics read a summary kept by triggers in the transaction of every change, instead of every
// plan, member, report and event of the period (issue 20: 600–860 ms at the benchmark's large scale).
//
// statistics_delegation: one row per plan counted as a delegation (approved and after), with what
// the counts need: the partner's typed name (the partner record's name is joined when read, so a
// renamed partner shows its new name), the people (plan_member rows, else member_count; 0 once
// cancelled) and the day its report was submitted in Asia/Ho_Chi_Minh. Recomputed from the plan,
// its members and its report, set-based, after every statement that changes one of them.
//
// statistics_step_time: the hours of every pass through a step (entering step_N to leaving it,
// `plan_event.left_at`), gathered per organisation, plan year, chain, chosen optional steps and N,
// the groups the page computed on the fly (it still looks up which step of the chain N is when
// read). Kept by row triggers: a pass is added when its event gets `left_at`, moved when it
// changes (an event written before it), removed when the event goes; a plan whose organisation,
// year, chain or optional steps change moves its passes to its new group.
export async function up(db: Kysely<any>) {
	await sql`
		CREATE TABLE statistics_delegation (
			plan_id uuid PRIMARY KEY REFERENCES plan (id) ON DELETE CASCADE,
			organisation_id uuid NOT NULL,
			plan_year int NOT NULL,
			direction text NOT NULL,
			status text NOT NULL,
			country text,
			partner_id uuid,
			partner_name text,
			cancel_reason text,
			report_due_on date,
			people int NOT NULL,
			report_submitted_on date
		)`.execute(db)
	await sql`CREATE INDEX statistics_delegation_year_idx ON statistics_delegation (plan_year)`.execute(
		db,
	)
	await sql`CREATE INDEX statistics_delegation_org_idx ON statistics_delegation (organisation_id, plan_year)`.execute(
		db,
	)
	// The same filter and expressions as the page's query had over plan, plan_member and trip_report.
	await sql`
		CREATE FUNCTION statistics_delegation_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
			INSERT INTO statistics_delegation AS d (plan_id, organisation_id, plan_year, direction,
				status, country, partner_id, partner_name, cancel_reason, report_due_on, people,
				report_submitted_on)
			SELECT p.id, p.organisation_id, p.plan_year, p.direction, p.status, p.country, p.partner_id,
				nullif(trim(p.partner_name), ''), p.cancel_reason, p.report_due_on,
				CASE WHEN p.status = 'cancelled' THEN 0 ELSE coalesce(m.n, p.member_count, 0) END,
				(r.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
			FROM plan p
			LEFT JOIN LATERAL (
				SELECT nullif(count(*), 0)::int AS n FROM plan_member WHERE plan_id = p.id
			) m ON true
			LEFT JOIN trip_report r ON r.plan_id = p.id
			WHERE p.id = ANY (ids)
				AND p.status NOT LIKE 'step\\_%'
				AND p.status NOT IN ('drafting', 'returned', 'rejected', 'withdrawn')
			ON CONFLICT (plan_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id,
				plan_year = EXCLUDED.plan_year, direction = EXCLUDED.direction,
				status = EXCLUDED.status, country = EXCLUDED.country,
				partner_id = EXCLUDED.partner_id, partner_name = EXCLUDED.partner_name,
				cancel_reason = EXCLUDED.cancel_reason, report_due_on = EXCLUDED.report_due_on,
				people = EXCLUDED.people, report_submitted_on = EXCLUDED.report_submitted_on
			WHERE (d.*) IS DISTINCT FROM (EXCLUDED.*);
			DELETE FROM statistics_delegation d
			WHERE d.plan_id = ANY (ids) AND NOT EXISTS (
				SELECT 1 FROM plan p WHERE p.id = d.plan_id
					AND p.status NOT LIKE 'step\\_%'
					AND p.status NOT IN ('drafting', 'returned', 'rejected', 'withdrawn'));
		$$`.execute(db)
	// New plans: a statement trigger with the rows inserted (the benchmark inserts a thousand at once).
	// A changed plan: a row trigger whose condition is checked without calling it, so it runs only
	// when a plan that is or was a delegation changes a column counted (an approval between two
	// steps does not).
	await sql`
		CREATE FUNCTION statistics_delegation_plan_changed() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF TG_LEVEL = 'STATEMENT' THEN
				PERFORM statistics_delegation_refresh(ARRAY(SELECT id FROM new_rows));
			ELSE
				PERFORM statistics_delegation_refresh(ARRAY[NEW.id]);
			END IF;
			RETURN NULL;
		END $$`.execute(db)
	await sql`
		CREATE TRIGGER statistics_delegation_plan_insert AFTER INSERT ON plan
		REFERENCING NEW TABLE AS new_rows
		FOR EACH STATEMENT EXECUTE FUNCTION statistics_delegation_plan_changed()`.execute(
		db,
	)
	await sql`
		CREATE TRIGGER statistics_delegation_plan_update AFTER UPDATE ON plan
		FOR EACH ROW WHEN (
			((OLD.status NOT LIKE 'step\\_%'
					AND OLD.status NOT IN ('drafting', 'returned', 'rejected', 'withdrawn'))
				OR (NEW.status NOT LIKE 'step\\_%'
					AND NEW.status NOT IN ('drafting', 'returned', 'rejected', 'withdrawn')))
			AND (OLD.status, OLD.organisation_id, OLD.plan_year, OLD.direction, OLD.country,
					OLD.partner_id, OLD.partner_name, OLD.cancel_reason, OLD.report_due_on, OLD.member_count)
				IS DISTINCT FROM (NEW.status, NEW.organisation_id, NEW.plan_year, NEW.direction,
					NEW.country, NEW.partner_id, NEW.partner_name, NEW.cancel_reason, NEW.report_due_on,
					NEW.member_count))
		EXECUTE FUNCTION statistics_delegation_plan_changed()`.execute(db)
	// Members and reports: the plans whose rows changed.
	await sql`
		CREATE FUNCTION statistics_delegation_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
		DECLARE ids uuid[];
		BEGIN
			IF TG_OP = 'INSERT' THEN
				ids := ARRAY(SELECT DISTINCT plan_id FROM new_rows);
			ELSIF TG_OP = 'DELETE' THEN
				ids := ARRAY(SELECT DISTINCT plan_id FROM old_rows);
			ELSE
				ids := ARRAY(SELECT plan_id FROM new_rows UNION SELECT plan_id FROM old_rows);
			END IF;
			IF cardinality(ids) > 0 THEN PERFORM statistics_delegation_refresh(ids); END IF;
			RETURN NULL;
		END $$`.execute(db)
	for (const table of ['plan_member', 'trip_report']) {
		await sql`
			CREATE TRIGGER ${sql.raw(`statistics_delegation_${table}_insert`)} AFTER INSERT ON ${sql.table(table)}
			REFERENCING NEW TABLE AS new_rows
			FOR EACH STATEMENT EXECUTE FUNCTION statistics_delegation_rows_changed()`.execute(
			db,
		)
		await sql`
			CREATE TRIGGER ${sql.raw(`statistics_delegation_${table}_update`)} AFTER UPDATE ON ${sql.table(table)}
			REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
			FOR EACH STATEMENT EXECUTE FUNCTION statistics_delegation_rows_changed()`.execute(
			db,
		)
		await sql`
			CREATE TRIGGER ${sql.raw(`statistics_delegation_${table}_delete`)} AFTER DELETE ON ${sql.table(table)}
			REFERENCING OLD TABLE AS old_rows
			FOR EACH STATEMENT EXECUTE FUNCTION statistics_delegation_rows_changed()`.execute(
			db,
		)
	}
	await sql`
		SELECT statistics_delegation_refresh(ARRAY(
			SELECT id FROM plan WHERE status NOT LIKE 'step\\_%'
				AND status NOT IN ('drafting', 'returned', 'rejected', 'withdrawn')))`.execute(
		db,
	)

	await sql`
		CREATE TABLE statistics_step_time (
			organisation_id uuid NOT NULL,
			plan_year int NOT NULL,
			chain_id uuid NOT NULL,
			optional_step_ids uuid[] NOT NULL,
			n int NOT NULL,
			-- extract(epoch FROM left_at - created_at) / 3600 of each pass, as float8: the median was
			-- always taken over float8; the longest, rounded to 0.1 h, is the same (a pass's hours
			-- are microseconds / 3.6e9, so one not at a rounding boundary is at least 2.8e-10 from it)
			hours float8[] NOT NULL,
			PRIMARY KEY (organisation_id, plan_year, chain_id, optional_step_ids, n)
		)`.execute(db)
	await sql`CREATE INDEX statistics_step_time_year_idx ON statistics_step_time (plan_year)`.execute(
		db,
	)
	// Passes of several groups merged for one step's median.
	await sql`
		CREATE AGGREGATE statistics_hours_cat(float8[]) (
			SFUNC = array_cat, STYPE = float8[], INITCOND = '{}')`.execute(db)
	// Adds (sign 1) or removes (sign -1, one occurrence) one pass of a plan's group. Increments
	// and removals of one row by concurrent transactions queue on its row lock, each applied to the
	// latest row.
	await sql`
		CREATE FUNCTION statistics_step_time_apply(
			plan statistics_step_time, h float8, sign int
		) RETURNS void LANGUAGE plpgsql AS $$
		BEGIN
			IF plan.chain_id IS NULL OR h IS NULL THEN RETURN; END IF;
			IF sign > 0 THEN
				INSERT INTO statistics_step_time AS s
					(organisation_id, plan_year, chain_id, optional_step_ids, n, hours)
				VALUES (plan.organisation_id, plan.plan_year, plan.chain_id, plan.optional_step_ids,
					plan.n, ARRAY[h])
				ON CONFLICT (organisation_id, plan_year, chain_id, optional_step_ids, n)
				DO UPDATE SET hours = s.hours || h;
			ELSE
				UPDATE statistics_step_time s
				SET hours = s.hours[:array_position(s.hours, h) - 1] || s.hours[array_position(s.hours, h) + 1:]
				WHERE (s.organisation_id, s.plan_year, s.chain_id, s.optional_step_ids, s.n)
					= (plan.organisation_id, plan.plan_year, plan.chain_id, plan.optional_step_ids, plan.n)
					AND array_position(s.hours, h) IS NOT NULL;
			END IF;
		END $$`.execute(db)
	await sql`
		CREATE FUNCTION statistics_step_time_event_changed() RETURNS trigger LANGUAGE plpgsql AS $$
		DECLARE
			g statistics_step_time;
			ev plan_event;
		BEGIN
			IF TG_OP = 'DELETE' THEN ev := OLD; ELSE ev := NEW; END IF;
			SELECT p.organisation_id, p.plan_year, p.chain_id, p.optional_step_ids INTO
				g.organisation_id, g.plan_year, g.chain_id, g.optional_step_ids
			FROM plan p WHERE p.id = ev.plan_id;
			-- A plan being deleted took its passes along already (statistics_step_time_plan_changed).
			IF NOT FOUND THEN RETURN NULL; END IF;
			IF TG_OP IN ('UPDATE', 'DELETE') THEN
				IF OLD.left_at IS NOT NULL AND OLD.to_status LIKE 'step\\_%' THEN
					g.n := substring(OLD.to_status FROM 6)::int;
					PERFORM statistics_step_time_apply(g, (extract(epoch FROM OLD.left_at - OLD.created_at) / 3600)::float8, -1);
				END IF;
			END IF;
			IF TG_OP IN ('UPDATE', 'INSERT') THEN
				IF NEW.left_at IS NOT NULL AND NEW.to_status LIKE 'step\\_%' THEN
					g.n := substring(NEW.to_status FROM 6)::int;
					PERFORM statistics_step_time_apply(g, (extract(epoch FROM NEW.left_at - NEW.created_at) / 3600)::float8, 1);
				END IF;
			END IF;
			RETURN NULL;
		END $$`.execute(db)
	await sql`
		CREATE TRIGGER statistics_step_time_event_insert AFTER INSERT ON plan_event
		FOR EACH ROW WHEN (NEW.left_at IS NOT NULL AND NEW.to_status LIKE 'step\\_%')
		EXECUTE FUNCTION statistics_step_time_event_changed()`.execute(db)
	await sql`
		CREATE TRIGGER statistics_step_time_event_update AFTER UPDATE ON plan_event
		FOR EACH ROW WHEN ((OLD.left_at, OLD.created_at, OLD.to_status, OLD.plan_id)
			IS DISTINCT FROM (NEW.left_at, NEW.created_at, NEW.to_status, NEW.plan_id))
		EXECUTE FUNCTION statistics_step_time_event_changed()`.execute(db)
	await sql`
		CREATE TRIGGER statistics_step_time_event_delete AFTER DELETE ON plan_event
		FOR EACH ROW WHEN (OLD.left_at IS NOT NULL AND OLD.to_status LIKE 'step\\_%')
		EXECUTE FUNCTION statistics_step_time_event_changed()`.execute(db)
	// A plan's passes follow it to its new group; a deleted plan's leave with it.
	await sql`
		CREATE FUNCTION statistics_step_time_plan_changed() RETURNS trigger LANGUAGE plpgsql AS $$
		DECLARE
			g_old statistics_step_time;
			g_new statistics_step_time;
			ev record;
		BEGIN
			g_old := ROW(OLD.organisation_id, OLD.plan_year, OLD.chain_id, OLD.optional_step_ids, 0, NULL);
			IF TG_OP = 'UPDATE' THEN
				g_new := ROW(NEW.organisation_id, NEW.plan_year, NEW.chain_id, NEW.optional_step_ids, 0, NULL);
			END IF;
			FOR ev IN
				SELECT substring(e.to_status FROM 6)::int AS n,
					(extract(epoch FROM e.left_at - e.created_at) / 3600)::float8 AS h
				FROM plan_event e
				WHERE e.plan_id = OLD.id AND e.left_at IS NOT NULL AND e.to_status LIKE 'step\\_%'
			LOOP
				g_old.n := ev.n;
				PERFORM statistics_step_time_apply(g_old, ev.h, -1);
				IF TG_OP = 'UPDATE' THEN
					g_new.n := ev.n;
					PERFORM statistics_step_time_apply(g_new, ev.h, 1);
				END IF;
			END LOOP;
			-- Also a BEFORE DELETE trigger: the row goes.
			RETURN OLD;
		END $$`.execute(db)
	await sql`
		CREATE TRIGGER statistics_step_time_plan_update AFTER UPDATE ON plan
		FOR EACH ROW WHEN ((OLD.organisation_id, OLD.plan_year, OLD.chain_id, OLD.optional_step_ids)
			IS DISTINCT FROM (NEW.organisation_id, NEW.plan_year, NEW.chain_id, NEW.optional_step_ids))
		EXECUTE FUNCTION statistics_step_time_plan_changed()`.execute(db)
	await sql`
		CREATE TRIGGER statistics_step_time_plan_delete BEFORE DELETE ON plan
		FOR EACH ROW EXECUTE FUNCTION statistics_step_time_plan_changed()`.execute(db)
	await sql`
		INSERT INTO statistics_step_time (organisation_id, plan_year, chain_id, optional_step_ids, n, hours)
		SELECT p.organisation_id, p.plan_year, p.chain_id, p.optional_step_ids,
			substring(ev.to_status FROM 6)::int,
			array_agg((extract(epoch FROM ev.left_at - ev.created_at) / 3600)::float8)
		FROM plan p JOIN plan_event ev ON ev.plan_id = p.id
		WHERE ev.left_at IS NOT NULL AND ev.to_status LIKE 'step\\_%' AND p.chain_id IS NOT NULL
		GROUP BY 1, 2, 3, 4, 5`.execute(db)
}

export async function down(db: Kysely<any>) {
	await sql`DROP TRIGGER IF EXISTS statistics_step_time_plan_delete ON plan`.execute(
		db,
	)
	await sql`DROP TRIGGER IF EXISTS statistics_step_time_plan_update ON plan`.execute(
		db,
	)
	await sql`DROP TRIGGER IF EXISTS statistics_step_time_event_delete ON plan_event`.execute(
		db,
	)
	await sql`DROP TRIGGER IF EXISTS statistics_step_time_event_update ON plan_event`.execute(
		db,
	)
	await sql`DROP TRIGGER IF EXISTS statistics_step_time_event_insert ON plan_event`.execute(
		db,
	)
	await sql`DROP FUNCTION IF EXISTS statistics_step_time_plan_changed()`.execute(
		db,
	)
	await sql`DROP FUNCTION IF EXISTS statistics_step_time_event_changed()`.execute(
		db,
	)
	await sql`DROP FUNCTION IF EXISTS statistics_step_time_apply(statistics_step_time, float8, int)`.execute(
		db,
	)
	await sql`DROP AGGREGATE IF EXISTS statistics_hours_cat(float8[])`.execute(db)
	await sql`DROP TABLE IF EXISTS statistics_step_time`.execute(db)
	for (const table of ['plan_member', 'trip_report'])
		for (const op of ['insert', 'update', 'delete'])
			await sql`DROP TRIGGER IF EXISTS ${sql.raw(`statistics_delegation_${table}_${op}`)} ON ${sql.table(table)}`.execute(
				db,
			)
	await sql`DROP TRIGGER IF EXISTS statistics_delegation_plan_update ON plan`.execute(
		db,
	)
	await sql`DROP TRIGGER IF EXISTS statistics_delegation_plan_insert ON plan`.execute(
		db,
	)
	await sql`DROP FUNCTION IF EXISTS statistics_delegation_rows_changed()`.execute(
		db,
	)
	await sql`DROP FUNCTION IF EXISTS statistics_delegation_plan_changed()`.execute(
		db,
	)
	await sql`DROP FUNCTION IF EXISTS statistics_delegation_refresh(uuid[])`.execute(
		db,
	)
	await sql`DROP TABLE IF EXISTS statistics_delegation`.execute(db)
}
