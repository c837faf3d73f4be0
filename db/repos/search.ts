import { type RawBuilder, sql } from 'kysely'
import { searchPattern } from '#lib/vietnamese.ts'

/** An ORDER BY key that puts rows whose `text` itself matches the query before the others. */
export function nameFirst(text: RawBuilder<unknown>, query: string) {
	return foldedFirst(sql`vn_fold(${text})`, query)
}

/** The same, from a text already folded (a stored column: no folding per row). */
export function foldedFirst(folded: RawBuilder<unknown>, query: string) {
	return sql<number>`CASE WHEN ${folded} LIKE ${searchPattern(query)} THEN 0 ELSE 1 END`
}
