import { type LoaderFunctionArgs } from '@remix-run/node'
import { buildAnnualReportDocx } from '#workflows/annual-report/docx.server.ts'
import { docxFileName } from '#workflows/annual-report/access.server.ts'
import { loadReportInput } from '#app/utils/access.server.ts'
import { web } from '#app/utils/domain.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const { report, organisation, plans } = await loadReportInput(
				request,
				params.reportId,
			)
			const buffer = await buildAnnualReportDocx({
				report,
				organisation,
				plans,
			})
			return new Response(new Uint8Array(buffer), {
				headers: {
					'Content-Type':
						'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
					'Content-Disposition': `attachment; filename="${docxFileName(report.year)}"`,
					'Cache-Control': 'private, no-store',
				},
			})
		},
	)
