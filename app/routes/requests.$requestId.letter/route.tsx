import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { loadLetter } from '#workflows/requests/tracking.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const letter = await loadLetter(user, params.requestId)
			return new Response(new Uint8Array(letter.data), {
				headers: {
					'Content-Type': 'application/pdf',
					'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(letter.name)}`,
					'X-Content-Type-Options': 'nosniff',
					'Cache-Control': 'private, no-store',
				},
			})
		},
	)
