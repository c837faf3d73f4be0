import { db } from '#db/client.server.ts'
import {
	getDocumentNotation,
	listRegister,
	listRegisterYears,
} from '#db/repos/document-register.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { notFound } from '#app/utils/permissions.server.ts'
import { todayIso } from '#lib/trip-dates.ts'

/** The register of the user's organisation for `?year=` (this year by default); domestic organisations' staff only. */
export async function loadRegister(request: Request) {
	const user = await requireUser(request)
	if (user.organisationKind === 'foreign_partner' || user.roles.length === 0)
		throw notFound()
	const thisYear = Number(todayIso().slice(0, 4))
	const asked = Number(new URL(request.url).searchParams.get('year'))
	const year =
		Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear
	const [rows, years, organisation] = await Promise.all([
		listRegister(db, user.organisationId, year),
		listRegisterYears(db, user.organisationId),
		getDocumentNotation(db, user.organisationId),
	])
	return {
		user,
		year,
		rows,
		years: [...new Set([thisYear, ...years])].sort((a, b) => b - a),
		organisation: organisation!,
	}
}

export function registerRowLink(row: {
	plan_id: string | null
	annual_report_id: string | null
	id: string
	kind: string
}) {
	if (row.annual_report_id) return `/annual-reports/${row.annual_report_id}`
	if (row.plan_id && row.kind === 'KH')
		return `/plans/${row.plan_id}/document?v=${row.id}`
	if (row.plan_id) return `/plans/${row.plan_id}`
	return null
}
