import {
	type MetaFunction,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { db } from '#db/client.server.ts'
import { getEmail } from '#db/repos/notification.server.ts'
import { formatDateTime } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import {
	isBoardAdmin,
	notFound,
	requireRole,
} from '#app/utils/permissions.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const admin = await requireRole(request, 'admin')
	const id = z.uuid().safeParse(params.emailId)
	const email = id.success
		? await getEmail(
				db,
				id.data,
				isBoardAdmin(admin) ? undefined : admin.organisationId,
			)
		: undefined
	if (!email) throw notFound()
	return json({ email })
}

export default function OutboxEmailRoute() {
	const { email } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<p>
				<Link to="/admin/outbox">← {t('outbox.back')}</Link>
			</p>
			<h1>{email.subject ?? t('email.status.queued')}</h1>
			<p className="muted">
				{t('outbox.to')}: {email.to_address} ·{' '}
				{formatDateTime(email.created_at)} · {t(`email.status.${email.status}`)}
			</p>
			{email.last_error ? (
				<p className="form-error">
					{t('outbox.lastError')}: {email.last_error}
				</p>
			) : null}
			<p className="panel muted">{t('outbox.bodyPrivate')}</p>
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [data?.email.subject, t('nav.outbox')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
