export const statisticsVi = {
	'nav.statistics': 'Thống kê',
} as const
