import { type RawBuilder, sql } from 'kysely'
import { searchPattern } from '#lib/vietnamese.ts'

/** An ORDER BY key that puts rows whose `text` itself matches the query before the others. */
export function nameFirst(text: RawBuilder<unknown>, query: string) {
	return sql<number>`CASE WHEN vn_fold(${text}) LIKE ${searchPattern(query)} THEN 0 ELSE 1 END`
}
