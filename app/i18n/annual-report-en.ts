import { type annualReportVi } from './annual-report-vi.ts'

export const annualReportEn: Record<keyof typeof annualReportVi, string> = {
	'nav.annualReports': 'Annual reports',
}
