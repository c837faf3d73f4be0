import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { buildOfficialDocx } from '#workflows/documents/docx.server.ts'
import { loadPassportRegister } from '#workflows/passports/passports.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const { year, document } = await loadPassportRegister(
				user,
				new URL(request.url).searchParams,
			)
			const buffer = await buildOfficialDocx(document, {
				creator: document.organisationName,
				title: `Sổ theo dõi giao, nhận hộ chiếu năm ${year}`,
			})
			return new Response(new Uint8Array(buffer), {
				headers: {
					'Content-Type':
						'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
					'Content-Disposition': `attachment; filename="so-giao-nhan-ho-chieu-${year}.docx"`,
					'Cache-Control': 'private, no-store',
				},
			})
		},
	)
