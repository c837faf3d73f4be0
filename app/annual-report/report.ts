import { type AnnualReport } from '#db/repos/annual-report.server.ts'
import { doneTable, planTables, type ReportPlan } from './tables.ts'

export interface ReportInput {
	report: Pick<
		AnnualReport,
		| 'year'
		| 'number_symbol'
		| 'place'
		| 'report_date'
		| 'request_text'
		| 'results'
		| 'difficulties'
		| 'plan_intro'
		| 'recipients'
		| 'signature_on_behalf'
		| 'signature_title'
		| 'signer_name'
	>
	organisation: {
		name_vi: string
		short_name: string
		parent_name: string | null
	}
	plans: ReportPlan[]
}

/** "Quảng Trị, ngày 25 tháng 10 năm 2019" (day and month with two digits below 10 only for days 1–2 and months 1–2, as the decree asks). */
export function placeDate(place: string, date: string | null) {
	if (!date) return `${place}, ngày … tháng … năm …`
	const [y, m, d] = date.split('-').map(Number) as [number, number, number]
	const dd = d < 10 ? `0${d}` : String(d)
	const mm = m < 3 ? `0${m}` : String(m)
	return `${place}, ngày ${dd} tháng ${mm} năm ${y}`
}

/** Everything the DOCX and the print view show, in order. */
export function buildReport({ report, organisation, plans }: ReportInput) {
	const lines = (text: string) =>
		text
			.split('\n')
			.map(l => l.trim())
			.filter(Boolean)
	return {
		year: report.year,
		parentName: organisation.parent_name,
		organisationName: organisation.name_vi,
		numberSymbol: report.number_symbol,
		placeDate: placeDate(report.place, report.report_date),
		titleLines: [
			`Kết quả công tác đối ngoại năm ${report.year}`,
			`và kế hoạch hoạt động đối ngoại năm ${report.year + 1}`,
		],
		intro: report.request_text
			? `${report.request_text.replace(/[,.\s]+$/, '')}, ${organisation.short_name} báo cáo cụ thể như sau:`
			: '',
		results: report.results,
		difficulties: report.difficulties,
		planIntro: report.plan_intro,
		doneTable: doneTable(plans, report.year),
		tables: planTables(plans, report.year + 1),
		recipients: lines(report.recipients),
		signature: [report.signature_on_behalf, report.signature_title].filter(
			Boolean,
		),
		signerName: report.signer_name,
	}
}

export type BuiltReport = ReturnType<typeof buildReport>
