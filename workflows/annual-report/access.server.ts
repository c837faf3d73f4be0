import { z } from 'zod'
import { db } from '#db/client.server.ts'
import {
	getAnnualReport,
	getReportData,
} from '#db/repos/annual-report.server.ts'
import { notFound } from '#workflows/access/errors.ts'
import { type SessionUser } from '#workflows/access/user.ts'

/** The VGCL board sees and edits every organisation's reports. */
export function isBoard(user: SessionUser) {
	return user.organisationKind === 'vgcl_board'
}

/** Drafters, approvers and admins of a domestic organisation work on its annual reports; anyone else gets 404. */
export function requireReportUser<U extends SessionUser>(user: U) {
	if (user.organisationKind === 'foreign_partner' || user.roles.length === 0)
		throw notFound()
	return user
}

export function canUseOrganisation(user: SessionUser, organisationId: string) {
	return isBoard(user) || user.organisationId === organisationId
}

/** The report of the route's id param, if the user may see it; 404 otherwise (also for another organisation's). */
export async function requireAnnualReport<U extends SessionUser>(
	signedIn: U,
	reportId: string | undefined,
) {
	const user = requireReportUser(signedIn)
	const id = z.uuid().safeParse(reportId)
	const report = id.success ? await getAnnualReport(db, id.data) : undefined
	if (!report || !canUseOrganisation(user, report.organisation_id))
		throw notFound()
	return { user, report }
}

/** The report with the plans its tables are built from: three queries, however many plans. */
export async function loadReportInput<U extends SessionUser>(
	signedIn: U,
	reportId: string | undefined,
) {
	const { user, report } = await requireAnnualReport(signedIn, reportId)
	const { organisation, plans } = await getReportData(
		db,
		report.organisation_id,
		report.year,
	)
	return { user, report, organisation, plans }
}

export function docxFileName(year: number) {
	return `bao-cao-doi-ngoai-${year}.docx`
}
