import { type SelectQueryBuilder } from 'kysely'
import { PAGE_SIZE, pageOf, pageOffset } from '#lib/pagination.ts'

/**
 * One page of a query that selects `count(*) over () as total` and orders by a unique key last.
 * Past the last page the count has no row to ride on, so (only then) it is asked for apart.
 */
export async function paginate<
	DB,
	TB extends keyof DB,
	O extends { total: string | number | bigint },
>(query: SelectQueryBuilder<DB, TB, O>, page: number) {
	const rows = await query.limit(PAGE_SIZE).offset(pageOffset(page)).execute()
	if (rows.length || page <= 1) return pageOf(rows)
	const row = await (
		query.clearSelect().clearOrderBy() as SelectQueryBuilder<any, any, {}>
	)
		.select(eb => eb.fn.countAll<string>().as('n'))
		.executeTakeFirst()
	return { ...pageOf(rows), total: Number(row?.n ?? 0) }
}
