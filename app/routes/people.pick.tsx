import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { pickFromDirectory } from '#workflows/people/people.server.ts'

/** The plan form's member picker: people of the user's organisation matching ?q= (JSON). */
export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const q = new URL(request.url).searchParams.get('q') ?? ''
			return json(
				{ people: await pickFromDirectory(user, q) },
				{ headers: { 'Cache-Control': 'private, no-store' } },
			)
		},
	)
