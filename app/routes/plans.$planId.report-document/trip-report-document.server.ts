import { db } from '#db/client.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { notFound } from '#workflows/access/permissions.server.ts'
import { requireVisiblePlan } from '#workflows/access/plan-access.server.ts'
import { loadTripReportDocument } from '#workflows/documents/trip-report-document.server.ts'

/** The post-trip report as a document, for a plan the user may see (404 otherwise, and before there is a report to show). */
export async function requireTripReportDocument(
	request: Request,
	planId: string | undefined,
) {
	const user = await requireUser(request)
	const id = await requireVisiblePlan(user, planId)
	const loaded = await loadTripReportDocument(db, id, user.organisationId)
	if (!loaded) throw notFound()
	return loaded
}
