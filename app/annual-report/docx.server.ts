import { buildOfficialDocx } from '#workflows/documents/docx.server.ts'
import { buildReport, type ReportInput } from './report.ts'

/** The report in the format of Nghị định 30/2020/NĐ-CP, as a .docx file. */
export async function buildAnnualReportDocx(
	input: ReportInput,
): Promise<Buffer> {
	const r = buildReport(input)
	return buildOfficialDocx(r, {
		creator: input.organisation.short_name,
		title: `Báo cáo công tác đối ngoại năm ${r.year}`,
	})
}
