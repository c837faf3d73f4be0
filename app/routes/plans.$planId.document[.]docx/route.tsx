import { type LoaderFunctionArgs } from '@remix-run/node'
import { buildOfficialDocx } from '#workflows/documents/docx.server.ts'
import { loadPlanDocument } from '../plans.$planId.document/plan-document.server.ts'
import { documentFileName } from '#lib/file-name.ts'
import { web } from '#app/utils/domain.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const { record, document, chosen } = await loadPlanDocument(
				request,
				params.planId,
			)
			const buffer = await buildOfficialDocx(document, {
				creator: document.organisationName,
				title: `Kế hoạch ${record.name}`,
			})
			const name = documentFileName(
				`ke hoach ${chosen ? chosen.notation : ''}`,
				`${record.name} ${record.plan_year}`,
				'docx',
			)
			return new Response(new Uint8Array(buffer), {
				headers: {
					'Content-Type':
						'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
					'Content-Disposition': `attachment; filename="${name}"`,
					'Cache-Control': 'private, no-store',
				},
			})
		},
	)
