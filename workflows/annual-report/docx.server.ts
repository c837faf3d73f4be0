import { buildOfficialDocx } from '#workflows/documents/docx.server.ts'
import { buildReport, type ReportInput } from './report.ts'

/** The annual report as a .docx file, drawn by the builder of every official document. */
export function buildAnnualReportDocx(input: ReportInput) {
	return buildOfficialDocx(buildReport(input), {
		creator: input.organisation.short_name,
		title: `Báo cáo công tác đối ngoại năm ${input.report.year}`,
	})
}
