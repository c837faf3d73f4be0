import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { buildConsolidationDocx } from '#workflows/requests/consolidation-docx.server.ts'
import { loadConsolidation } from '#workflows/requests/consolidation.server.ts'
import { documentFileName } from '#lib/file-name.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const loaded = await loadConsolidation(user, params.requestId)
			const buffer = await buildConsolidationDocx(
				loaded.request,
				loaded.consolidation,
				loaded.answers,
				todayIso(),
			)
			return new Response(new Uint8Array(buffer), {
				headers: {
					'Content-Type':
						'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
					'Content-Disposition': `attachment; filename="${documentFileName('tong hop bao cao', loaded.request.number_symbol, 'docx')}"`,
					'Cache-Control': 'private, no-store',
				},
			})
		},
	)
