import { type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { db } from '#db/client.server.ts'
import { getWrittenAnswerFile } from '#db/repos/written-answer.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { notFound } from '#app/utils/permissions.server.ts'
import { requireVisiblePlan } from '#app/utils/plan-access.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const planId = await requireVisiblePlan(user, params.planId)
	const answerId = z.uuid().safeParse(params.answerId)
	const file = answerId.success
		? await getWrittenAnswerFile(db, planId, answerId.data)
		: undefined
	if (!file) throw notFound()
	return new Response(Buffer.from(file.data), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Length': String(file.size),
			'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store',
		},
	})
}
