import {
	json,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { db } from '#db/client.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { formatDateTime } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { notFound } from '#workflows/access/permissions.server.ts'
import { readMyEmail } from '#workflows/notify/my-mail.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

/** A message to the signed-in user; anyone else's is a 404, as if it did not exist. */
export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const id = z.uuid().safeParse(params.emailId)
			const email = id.success ? await readMyEmail(db, id.data, user.id) : null
			if (!email) throw notFound()
			return json({ email })
		},
	)

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [data?.email.subject, t('mail.title')])

export default function MyEmailRoute() {
	const { email } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<p>
				<Link to="/mail">← {t('mail.back')}</Link>
			</p>
			<h1>{email.subject}</h1>
			<p className="muted">
				{formatDateTime(email.created_at)} · {t(`email.status.${email.status}`)}
			</p>
			{email.sent ? <p className="muted">{t('mail.sentHint')}</p> : null}
			{/* Shown as a mail client would, isolated from this page; its links open in a new tab. */}
			<iframe
				title={email.subject}
				className="email-preview"
				sandbox="allow-popups allow-popups-to-escape-sandbox"
				srcDoc={email.html}
			/>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
