import { type Db } from '#db/client.server.ts'
import { getPlanDocumentSource } from '#db/repos/plan-document.server.ts'
import {
	getTripReportDocumentSource,
	getTripReportEntry,
} from '#db/repos/trip-report-document.server.ts'
import { REPORT_DUE_STATUSES } from '#workflows/plans/plan.machine.ts'
import { type OfficialDocument } from './official-document.ts'
import { blankNotation, issueDocument } from './register.server.ts'
import {
	buildTripReportDocument,
	leaderSignature,
} from './trip-report-document.ts'

const FILED = ['report_submitted', 'report_returned', 'closed']

/**
 * The post-trip report as a document. Its owner sees the report as it stands while it is being
 * written or revised (with its number once it has one); everyone else sees it as last filed,
 * and nothing before it is filed (null). The caller has checked that the viewer may see the plan.
 */
export async function loadTripReportDocument(
	db: Db,
	planId: string,
	viewerOrganisationId: string,
) {
	const [base, source] = await Promise.all([
		getPlanDocumentSource(db, planId),
		getTripReportDocumentSource(db, planId),
	])
	if (!base || !source) return null
	const { record, organisation, nextLevels } = base
	const owner = record.organisation_id === viewerOrganisationId
	const writing = (REPORT_DUE_STATUSES as readonly string[]).includes(
		record.status,
	)
	const report =
		owner && writing && source.draft
			? source.draft
			: FILED.includes(record.status)
				? source.filed
				: null
	if (!report) return null
	const signed = source.plan_document?.content as OfficialDocument | undefined
	const document = buildTripReportDocument({
		plan: {
			...record,
			departed_on: source.departed_on,
			returned_on: source.returned_on,
		},
		organisation,
		report,
		receivers: nextLevels,
		planDocument: source.plan_document,
		answers: source.answers,
		notation:
			source.entry?.notation ??
			(await blankNotation(db, record.organisation_id, 'BC')),
		issuedOn: source.entry?.issued_on ?? null,
		signature: signed
			? {
					title: signed.signature.filter(l => !l.startsWith('TM.')).join('\n'),
					name: signed.signerName,
				}
			: leaderSignature(source.approver),
	})
	return { record, document, entry: source.entry }
}

/**
 * Gives the post-trip report its BC number when it is first filed, inside the filing's
 * transaction (the plan row is locked, so parallel filings wait): a report filed again after a
 * return keeps its number, and a refused filing rolls the number back.
 */
export async function issueTripReportNumber(
	trx: Db,
	{
		planId,
		organisationId,
		planName,
		issuedBy,
		issuedOn,
	}: {
		planId: string
		organisationId: string
		planName: string
		issuedBy: string
		issuedOn: string
	},
) {
	const entry = await getTripReportEntry(trx, planId)
	if (entry) return entry
	return issueDocument(trx, {
		organisationId,
		kind: 'BC',
		subject: `Báo cáo kết quả chuyến công tác: ${planName}`,
		issuedOn,
		issuedBy,
		planId,
	})
}
