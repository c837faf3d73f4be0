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
