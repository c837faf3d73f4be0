import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// Text pasted from old documents spells Đ with the Icelandic Ð (U+00D0) or ð (U+00F0): they look
// the same but were found only by themselves and sorted before D. Stored text is corrected to Đ/đ
// on every write (so the `COLLATE vi` indexes sort it with Đ), and vn_fold reads ð as d.
const columns: Record<string, string[]> = {
	organisation: ['name_vi', 'name_en', 'short_name'],
	app_user: ['full_name', 'title'],
	plan: ['name', 'in_name_of', 'head_title', 'head_name', 'partner_name'],
	plan_member: ['full_name', 'title', 'organisation_name'],
}

export async function up(db: Kysely<any>) {
	await sql`
		CREATE OR REPLACE FUNCTION vn_fold(input text) RETURNS text
		LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
			SELECT translate(
				lower(normalize(input, NFC)),
				'àáảãạăằắẳẵặâầấẩẫậđðèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ',
				'aaaaaaaaaaaaaaaaaddeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy'
			)
		$$`.execute(db)
	await sql`
		CREATE FUNCTION vn_fix_lookalikes() RETURNS trigger LANGUAGE plpgsql AS $$
		DECLARE
			row_json jsonb := to_jsonb(NEW);
			patch jsonb := '{}';
			col text;
		BEGIN
			FOREACH col IN ARRAY TG_ARGV LOOP
				IF row_json ->> col ~ '[Ðð]' THEN
					patch := patch || jsonb_build_object(col, translate(row_json ->> col, 'Ðð', 'Đđ'));
				END IF;
			END LOOP;
			IF patch <> '{}' THEN
				NEW := jsonb_populate_record(NEW, patch);
			END IF;
			RETURN NEW;
		END $$`.execute(db)
	for (const [table, cols] of Object.entries(columns)) {
		const args = sql.join(cols.map(c => sql.lit(c)))
		await sql`
			CREATE TRIGGER ${sql.id(`${table}_fix_lookalikes`)}
			BEFORE INSERT OR UPDATE OF ${sql.join(cols.map(c => sql.id(c)))} ON ${sql.id(table)}
			FOR EACH ROW EXECUTE FUNCTION vn_fix_lookalikes(${args})`.execute(db)
		// Rewriting the rows also recomputes their stored search_text with the new vn_fold.
		await sql`
			UPDATE ${sql.id(table)} SET ${sql.join(
				cols.map(c => sql`${sql.id(c)} = ${sql.id(c)}`),
			)}
			WHERE ${sql.join(
				cols.map(c => sql`${sql.id(c)} ~ '[Ðð]'`),
				sql` OR `,
			)}`.execute(db)
	}
}

export async function down(db: Kysely<any>) {
	for (const table of Object.keys(columns)) {
		await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_fix_lookalikes`)} ON ${sql.id(table)}`.execute(
			db,
		)
	}
	await sql`DROP FUNCTION IF EXISTS vn_fix_lookalikes()`.execute(db)
	await sql`
		CREATE OR REPLACE FUNCTION vn_fold(input text) RETURNS text
		LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
			SELECT translate(
				lower(normalize(input, NFC)),
				'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ',
				'aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy'
			)
		$$`.execute(db)
}
