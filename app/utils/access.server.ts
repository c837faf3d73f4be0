import { db } from '#db/client.server.ts'
import { type Role } from '#lib/enums.ts'
import * as annualReport from '#workflows/annual-report/access.server.ts'
import { forbidden } from '#workflows/access/errors.ts'
import {
	hasRole,
	organisationForAdmin,
} from '#workflows/access/permissions.server.ts'
import { decisionActor } from '#workflows/access/plan-access.server.ts'
import * as partners from '#workflows/partners/partner-access.server.ts'
import * as statistics from '#workflows/statistics/statistics.server.ts'
import { requireUser } from './auth.server.ts'
import { oncePerRequest } from './request-scope.server.ts'

// The domain's access rules (workflows/) applied to the user signed in on a request.

export async function requireRole(request: Request, role: Role) {
	const user = await requireUser(request)
	if (!hasRole(user, role)) throw forbidden()
	return user
}

/** An admin and an organisation they manage, from a route's id param; anything else is 404. */
export async function requireOrganisationForAdmin(
	request: Request,
	organisationId: string | undefined,
) {
	const user = await requireRole(request, 'admin')
	return {
		user,
		organisation: await organisationForAdmin(user, organisationId),
	}
}

/**
 * The actor for a decision on a page view (GET): the root loader and the page's loader share
 * the substitutions' query; other requests read afresh.
 */
export function pageDecisionActor(
	user: Parameters<typeof decisionActor>[0],
	today: string,
	request: Request,
) {
	const share =
		request.method === 'GET' || request.method === 'HEAD'
			? oncePerRequest
			: undefined
	return decisionActor(user, today, db, share)
}

export async function requirePartnerReader(request: Request) {
	return partners.requirePartnerReader(await requireUser(request))
}

export async function requireReportUser(request: Request) {
	return annualReport.requireReportUser(await requireUser(request))
}

export async function loadReportInput(
	request: Request,
	reportId: string | undefined,
) {
	return annualReport.loadReportInput(await requireUser(request), reportId)
}

export async function loadStatistics(request: Request) {
	return statistics.loadStatistics(
		await requireUser(request),
		new URL(request.url).searchParams,
	)
}
