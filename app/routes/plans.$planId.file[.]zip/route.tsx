import { type LoaderFunctionArgs } from '@remix-run/node'
import { db } from '#db/client.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { requireVisiblePlan } from '#app/utils/plan-access.server.ts'
import { buildPlanFileZip } from '#workflows/documents/plan-file.server.ts'
import { documentFileName } from '../plans.$planId.document/plan-document.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const planId = await requireVisiblePlan(user, params.planId)
	const { plan, buffer } = await buildPlanFileZip(
		db,
		planId,
		user.organisationId,
	)
	return new Response(new Uint8Array(buffer), {
		headers: {
			'Content-Type': 'application/zip',
			'Content-Disposition': `attachment; filename="${documentFileName('ho so', `${plan.name} ${plan.plan_year}`, 'zip')}"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
