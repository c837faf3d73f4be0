import { type SelectQueryBuilder } from 'kysely'

export const PAGE_SIZE = 20

export function pageOffset(page: number) {
	return (Math.max(1, page) - 1) * PAGE_SIZE
}

export function pageCount(total: number) {
	return Math.max(1, Math.ceil(total / PAGE_SIZE))
}

/** Rows selected with `count(*) over () as total`: the page, and the count of all matching rows. */
export function pageOf<T extends { total: string | number | bigint }>(
	rows: T[],
) {
	return {
		rows: rows.map(({ total: _total, ...row }) => row),
		total: Number(rows[0]?.total ?? 0),
	}
}

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
