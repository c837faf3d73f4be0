import JSZip from 'jszip'
import { type Db } from '#db/client.server.ts'
import { listPlanDocuments } from '#db/repos/document-register.server.ts'
import {
	getPlanAttachmentFiles,
	getPlanHeading,
	getWrittenAnswerFiles,
} from '#db/repos/plan-file.server.ts'
import { buildOfficialDocx } from './docx.server.ts'
import { type OfficialDocument } from './official-document.ts'
import { loadTripReportDocument } from './trip-report-document.server.ts'

/** The report's files belong to the file once the report has gone to its receivers. */
const REPORT_SENT = ['report_submitted', 'report_returned', 'closed']

const safe = (name: string) =>
	name
		.replace(/[\\/:*?"<>|]+/g, '-')
		.replace(/\s+/g, ' ')
		.trim()

/**
 * The whole file of a plan as one ZIP, in the order of the page's "Hồ sơ": the plan document's
 * issued versions (DOCX), the plan's attachments, each step's written answer (PDF), the
 * post-trip report as a numbered document (DOCX) and its files. The caller has checked that the viewer may see the plan.
 */
export async function buildPlanFileZip(
	db: Db,
	planId: string,
	viewerOrganisationId: string,
) {
	const [attachments, answers] = await Promise.all([
		getPlanAttachmentFiles(db, planId),
		getWrittenAnswerFiles(db, planId),
	])
	const plan = await getPlanHeading(db, planId)
	const documents = await listPlanDocuments(db, planId, plan.organisation_id)
	const zip = new JSZip()
	let n = 0
	const add = (name: string, data: Uint8Array | Buffer) =>
		zip.file(`${String(++n).padStart(2, '0')} ${safe(name)}`, data)
	for (const d of documents.filter(d => d.kind === 'KH')) {
		const content = d.content as OfficialDocument | null
		if (!content) continue
		add(
			`${d.subject} - so ${d.notation}.docx`,
			await buildOfficialDocx(content, {
				creator: content.organisationName,
				title: d.subject,
			}),
		)
	}
	for (const a of attachments.filter(a => a.purpose === 'plan'))
		add(a.file_name, a.data)
	for (const a of answers)
		add(`Van ban tra loi ${a.short_name} ${a.number}.pdf`, a.data)
	const report = await loadTripReportDocument(db, planId, viewerOrganisationId)
	if (report?.entry)
		add(
			`Bao cao ket qua chuyen cong tac - so ${report.entry.notation}.docx`,
			await buildOfficialDocx(report.document, {
				creator: report.document.organisationName,
				title: `Báo cáo kết quả chuyến công tác ${plan.name}`,
			}),
		)
	for (const a of attachments.filter(
		a =>
			a.purpose === 'report' &&
			(a.organisation_id === viewerOrganisationId ||
				REPORT_SENT.includes(a.status)),
	))
		add(`Bao cao - ${a.file_name}`, a.data)
	return {
		plan,
		buffer: await zip.generateAsync({
			type: 'nodebuffer',
			compression: 'DEFLATE',
		}),
	}
}
