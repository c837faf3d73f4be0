import { type Db } from '#db/client.server.ts'
import {
	getDocumentNotation,
	insertOutgoingDocument,
	setDocumentNotation,
	takeNextNumber,
} from '#db/repos/document-register.server.ts'
import {
	DEFAULT_NOTATION,
	type DocumentKind,
	formatNotation,
	notationProblem,
} from '#lib/document-notation.ts'

/**
 * Gives the next number of the organisation's register (per year of issue and kind) and enters
 * the document in it, inside the caller's transaction: a rolled-back issue gives its number back.
 * `build` makes the stored content once the notation is known.
 */
export async function issueDocument(
	trx: Db,
	{
		organisationId,
		kind,
		subject,
		issuedOn,
		issuedBy,
		planId = null,
		planVersion = null,
		annualReportId = null,
		build,
	}: {
		organisationId: string
		kind: DocumentKind
		subject: string
		/** 'YYYY-MM-DD' in Asia/Ho_Chi_Minh: its year is the register's year. */
		issuedOn: string
		issuedBy: string
		planId?: string | null
		planVersion?: number | null
		annualReportId?: string | null
		build?: (notation: string) => unknown
	},
) {
	const org = await getDocumentNotation(trx, organisationId)
	if (!org) throw new Error(`issueDocument: no organisation ${organisationId}`)
	const year = Number(issuedOn.slice(0, 4))
	const number = await takeNextNumber(trx, {
		organisation_id: organisationId,
		year,
		kind,
	})
	const pattern = notationProblem(org.document_notation)
		? DEFAULT_NOTATION
		: org.document_notation
	const notation = formatNotation(pattern, number, kind)
	return insertOutgoingDocument(trx, {
		organisation_id: organisationId,
		year,
		kind,
		number,
		notation,
		subject,
		issued_on: issuedOn,
		issued_by: issuedBy,
		plan_id: planId,
		plan_version: planVersion,
		annual_report_id: annualReportId,
		content: build?.(notation),
	})
}

/** An admin of the organisation (or an all-organisations admin) sets its notation. */
export async function changeDocumentNotation(
	db: Db,
	organisationId: string,
	pattern: string,
): Promise<{ ok: true } | { ok: false; error: string }> {
	const value = pattern.trim()
	const problem = notationProblem(value)
	if (problem) return { ok: false, error: problem }
	await setDocumentNotation(db, organisationId, value)
	return { ok: true }
}

/** The notation a document of this kind would get, with its number left blank ("/KH-LĐLĐ"). */
export async function blankNotation(
	db: Db,
	organisationId: string,
	kind: DocumentKind,
) {
	const org = await getDocumentNotation(db, organisationId)
	const pattern =
		org && !notationProblem(org.document_notation)
			? org.document_notation
			: DEFAULT_NOTATION
	return formatNotation(pattern, '', kind)
}
