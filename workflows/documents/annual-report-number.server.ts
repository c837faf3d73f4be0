import { type Db } from '#db/client.server.ts'
import {
	getAnnualReportEntry,
	setAnnualReportNumber,
} from '#db/repos/document-register.server.ts'
import { issueDocument } from './register.server.ts'

/**
 * The annual report takes the next BC number of its organisation's register and the day of
 * issue as its date, once. The number and the report change together or not at all.
 */
export async function issueAnnualReportNumber(
	db: Db,
	{
		report,
		expectedVersion,
		issuedBy,
		issuedOn,
	}: {
		report: { id: string; organisation_id: string; year: number }
		expectedVersion: number
		issuedBy: string
		issuedOn: string
	},
): Promise<
	{ status: 'ok'; notation: string } | { status: 'conflict' | 'already_issued' }
> {
	return db
		.transaction()
		.execute(async trx => {
			if (await getAnnualReportEntry(trx, report.id))
				return { status: 'already_issued' as const }
			const entry = await issueDocument(trx, {
				organisationId: report.organisation_id,
				kind: 'BC',
				subject: `Báo cáo kết quả công tác đối ngoại năm ${report.year} và kế hoạch hoạt động đối ngoại năm ${report.year + 1}`,
				issuedOn,
				issuedBy,
				annualReportId: report.id,
			})
			const saved = await setAnnualReportNumber(
				trx,
				report.id,
				expectedVersion,
				{
					number_symbol: entry.notation,
					report_date: issuedOn,
				},
			)
			// Throwing rolls the number back: the register keeps no gap.
			if (!saved) throw new StaleReport()
			return { status: 'ok' as const, notation: entry.notation }
		})
		.catch(error => {
			if (error instanceof StaleReport) return { status: 'conflict' as const }
			throw error
		})
}

class StaleReport extends Error {}
