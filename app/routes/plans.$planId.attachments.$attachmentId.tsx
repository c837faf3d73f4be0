import { type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { db } from '#db/client.server.ts'
import { getAttachment } from '#db/repos/plan.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { notFound } from '#workflows/access/permissions.server.ts'
import { requireVisiblePlan } from '#workflows/access/plan-access.server.ts'
import { web } from '#app/utils/domain.server.ts'

/** The report's receivers see its files once it has been submitted to them, not while it is a draft. */
const REPORT_SENT = ['report_submitted', 'report_returned', 'closed']

function canSeeAttachment(
	user: { organisationId: string },
	file: { purpose: string; organisation_id: string; status: string },
) {
	return (
		file.purpose !== 'report' ||
		file.organisation_id === user.organisationId ||
		REPORT_SENT.includes(file.status)
	)
}

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const planId = await requireVisiblePlan(user, params.planId)
			const attachmentId = z.uuid().safeParse(params.attachmentId)
			const file = attachmentId.success
				? await getAttachment(db, planId, attachmentId.data)
				: undefined
			if (!file || !canSeeAttachment(user, file)) throw notFound()
			return new Response(Buffer.from(file.data), {
				headers: {
					'Content-Type': file.content_type,
					'Content-Length': String(file.size),
					'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
					'X-Content-Type-Options': 'nosniff',
					'Cache-Control': 'private, no-store',
				},
			})
		},
	)
