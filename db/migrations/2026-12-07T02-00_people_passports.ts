import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// Each organisation's directory of people, their passports (kept in the organisation's safe,
// Quyết định 58/2012/QĐ-TTg) and the append-only history of where each passport went.
export async function up(db: Kysely<any>) {
	await sql`
		CREATE TABLE person (
			id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
			organisation_id uuid NOT NULL REFERENCES organisation (id),
			full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
			position text NOT NULL DEFAULT '' CHECK (length(position) <= 200),
			unit text NOT NULL DEFAULT '' CHECK (length(unit) <= 300),
			born_on date,
			search_text text GENERATED ALWAYS AS (vn_fold(full_name || ' ' || position || ' ' || unit)) STORED,
			version int NOT NULL DEFAULT 1,
			created_by uuid REFERENCES app_user (id),
			created_at timestamptz NOT NULL DEFAULT now(),
			updated_at timestamptz NOT NULL DEFAULT now()
		)`.execute(db)
	await sql`CREATE INDEX person_org_name_idx ON person (organisation_id, full_name COLLATE vi, id)`.execute(
		db,
	)
	await sql`CREATE INDEX person_search_idx ON person USING gin (search_text gin_trgm_ops)`.execute(
		db,
	)
	await sql`
		CREATE TRIGGER person_fix_lookalikes
		BEFORE INSERT OR UPDATE OF full_name, position, unit ON person
		FOR EACH ROW EXECUTE FUNCTION vn_fix_lookalikes('full_name', 'position', 'unit')`.execute(
		db,
	)

	await sql`ALTER TABLE plan_member ADD COLUMN person_id uuid REFERENCES person (id) ON DELETE SET NULL`.execute(
		db,
	)
	await sql`CREATE INDEX plan_member_person_idx ON plan_member (person_id) WHERE person_id IS NOT NULL`.execute(
		db,
	)
	// Working days after the return within which a passport must be handed back (QĐ 58/2012: 5).
	await sql`ALTER TABLE organisation ADD COLUMN passport_return_working_days int NOT NULL DEFAULT 5 CHECK (passport_return_working_days BETWEEN 1 AND 60)`.execute(
		db,
	)

	await sql`
		CREATE TABLE passport (
			id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
			organisation_id uuid NOT NULL REFERENCES organisation (id),
			person_id uuid NOT NULL REFERENCES person (id),
			number text NOT NULL CHECK (number ~ '^[A-Z0-9]{6,12}$'),
			kind text NOT NULL CHECK (kind IN ('diplomatic', 'official', 'ordinary')),
			issued_on date NOT NULL,
			expires_on date NOT NULL CHECK (expires_on > issued_on),
			state text NOT NULL DEFAULT 'in_safe' CHECK (state IN ('in_safe', 'out', 'lost', 'cancelled')),
			-- While out: the plan it went with and the hand-out in the history.
			plan_id uuid REFERENCES plan (id),
			out_event_id bigint,
			version int NOT NULL DEFAULT 1,
			created_at timestamptz NOT NULL DEFAULT now(),
			updated_at timestamptz NOT NULL DEFAULT now(),
			CHECK ((state = 'out') = (plan_id IS NOT NULL AND out_event_id IS NOT NULL)),
			UNIQUE (organisation_id, number)
		)`.execute(db)
	await sql`CREATE INDEX passport_person_idx ON passport (person_id)`.execute(db)
	await sql`CREATE INDEX passport_out_idx ON passport (plan_id) WHERE state = 'out'`.execute(
		db,
	)

	await sql`
		CREATE TABLE passport_event (
			id bigserial PRIMARY KEY,
			passport_id uuid NOT NULL REFERENCES passport (id),
			organisation_id uuid NOT NULL REFERENCES organisation (id),
			event text NOT NULL CHECK (event IN ('registered', 'handed_out', 'handed_back', 'lost', 'cancelled')),
			from_state text,
			to_state text NOT NULL,
			plan_id uuid REFERENCES plan (id),
			-- A hand-back closes this hand-out (one register row).
			out_event_id bigint REFERENCES passport_event (id),
			happened_on date NOT NULL,
			handed_by text NOT NULL DEFAULT '',
			received_by text NOT NULL DEFAULT '',
			note text NOT NULL DEFAULT '',
			actor_id uuid NOT NULL REFERENCES app_user (id),
			created_at timestamptz NOT NULL DEFAULT now()
		)`.execute(db)
	await sql`CREATE INDEX passport_event_passport_idx ON passport_event (passport_id, id)`.execute(
		db,
	)
	await sql`CREATE INDEX passport_event_register_idx ON passport_event (organisation_id, happened_on, id) WHERE event = 'handed_out'`.execute(
		db,
	)
	await sql`CREATE UNIQUE INDEX passport_event_back_idx ON passport_event (out_event_id) WHERE out_event_id IS NOT NULL`.execute(
		db,
	)
	await sql`ALTER TABLE passport ADD FOREIGN KEY (out_event_id) REFERENCES passport_event (id)`.execute(
		db,
	)
	await sql`
		CREATE FUNCTION passport_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			RAISE EXCEPTION 'passport_event is append-only: % is not allowed', TG_OP;
		END $$`.execute(db)
	await sql`
		CREATE TRIGGER passport_event_append_only BEFORE UPDATE OR DELETE ON passport_event
		FOR EACH ROW EXECUTE FUNCTION passport_event_append_only()`.execute(db)
}

export async function down(db: Kysely<any>) {
	await sql`ALTER TABLE passport DROP COLUMN out_event_id`.execute(db)
	await sql`DROP TABLE passport_event`.execute(db)
	await sql`DROP FUNCTION passport_event_append_only()`.execute(db)
	await sql`DROP TABLE passport`.execute(db)
	await sql`ALTER TABLE organisation DROP COLUMN passport_return_working_days`.execute(
		db,
	)
	await sql`ALTER TABLE plan_member DROP COLUMN person_id`.execute(db)
	await sql`DROP TABLE person`.execute(db)
}
