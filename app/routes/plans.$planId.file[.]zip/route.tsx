import { type LoaderFunctionArgs } from '@remix-run/node'
import { db } from '#db/client.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { requireVisiblePlan } from '#workflows/access/plan-access.server.ts'
import { buildPlanFileZip } from '#workflows/documents/plan-file.server.ts'
import { documentFileName } from '#lib/file-name.ts'
import { web } from '#app/utils/domain.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
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
		},
	)
