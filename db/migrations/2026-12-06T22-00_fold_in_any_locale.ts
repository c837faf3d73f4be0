import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// lower() follows the cluster's locale: in a cluster made with --locale=C (the embedded
// PostgreSQL's) it lowers only ASCII, so 'Đồng' folded to 'Đong' and 'dong' never found it.
// vn_fold now lowers the Vietnamese capitals itself, whatever the locale.
const lowerLetters =
	'àáảãạăằắẳẵặâầấẩẫậđðèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ'
const plainLetters =
	'aaaaaaaaaaaaaaaaaddeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy'
const ascii = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

// Tables whose stored search_text is generated from vn_fold: rewriting a column recomputes it.
// Only rows the old fold left with capitals are rewritten.
const searchSources: Record<string, string> = {
	organisation: 'name_vi',
	app_user: 'full_name',
	plan: 'name',
}

async function defineFold(db: Kysely<any>, from: string, to: string) {
	await sql`
		CREATE OR REPLACE FUNCTION vn_fold(input text) RETURNS text
		LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
			SELECT translate(lower(normalize(input, NFC)), ${sql.lit(from)}, ${sql.lit(to)})
		$$`.execute(db)
	for (const [table, column] of Object.entries(searchSources)) {
		await sql`
			UPDATE ${sql.id(table)} SET ${sql.id(column)} = ${sql.id(column)}
			WHERE search_text <> vn_fold(search_text)`.execute(db)
	}
}

export async function up(db: Kysely<any>) {
	await defineFold(
		db,
		lowerLetters + lowerLetters.toUpperCase() + ascii,
		plainLetters + plainLetters + ascii.toLowerCase(),
	)
}

export async function down(db: Kysely<any>) {
	await defineFold(db, lowerLetters, plainLetters)
}
