export const PAGE_SIZE = 20

export function pageOffset(page: number) {
	return (Math.max(1, page) - 1) * PAGE_SIZE
}

export function pageCount(total: number) {
	return Math.max(1, Math.ceil(total / PAGE_SIZE))
}
