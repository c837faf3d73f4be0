export const annualReportVi = {
	'nav.annualReports': 'Báo cáo năm',
} as const
