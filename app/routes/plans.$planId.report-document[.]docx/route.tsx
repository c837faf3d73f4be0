import { type LoaderFunctionArgs } from '@remix-run/node'
import { buildOfficialDocx } from '#workflows/documents/docx.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { documentFileName } from '#lib/file-name.ts'
import { requireTripReportDocument } from '../plans.$planId.report-document/trip-report-document.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const { record, document, entry } = await requireTripReportDocument(
				request,
				params.planId,
			)
			const buffer = await buildOfficialDocx(document, {
				creator: document.organisationName,
				title: `Báo cáo kết quả chuyến công tác ${record.name}`,
			})
			const name = documentFileName(
				`bao cao ${entry?.notation ?? ''}`,
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
