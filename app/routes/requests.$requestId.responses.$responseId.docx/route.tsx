import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { loadAnswer } from '#workflows/requests/answer.server.ts'
import { buildResponseDocx } from '#workflows/requests/docx.server.ts'
import { documentFileName } from '#lib/file-name.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const loaded = await loadAnswer(user, params.requestId, params.responseId)
			const buffer = await buildResponseDocx(loaded)
			return new Response(new Uint8Array(buffer), {
				headers: {
					'Content-Type':
						'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
					'Content-Disposition': `attachment; filename="${documentFileName(
						'bao cao',
						`${loaded.response.organisation_name} theo ${loaded.request.number_symbol}`,
						'docx',
					)}"`,
					'Cache-Control': 'private, no-store',
				},
			})
		},
	)
