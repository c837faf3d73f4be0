import {
	json,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ListTable, Pagination } from '#app/components/list.tsx'
import { db } from '#db/client.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { formatDateTime } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { pageFrom } from '#app/utils/misc.ts'
import { listMyEmails } from '#workflows/notify/my-mail.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const page = pageFrom(new URL(request.url))
			return json({ ...(await listMyEmails(db, user.id, page)), page })
		},
	)

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('mail.title')])

export default function MyMailRoute() {
	const { rows, total, page } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<h1>{t('mail.title')}</h1>
			<p className="muted">{t('mail.hint')}</p>
			<ListTable
				headings={[
					t('outbox.createdAt'),
					t('outbox.subject'),
					t('outbox.status'),
				]}
				empty={t('common.none')}
			>
				{rows.map(email => (
					<tr key={email.id}>
						<td>{formatDateTime(email.created_at)}</td>
						<td>
							<Link to={email.id}>{email.subject ?? email.template}</Link>
						</td>
						<td>
							<span className={`status status-email-${email.status}`}>
								{t(`email.status.${email.status}`)}
							</span>
						</td>
					</tr>
				))}
			</ListTable>
			<Pagination total={total} page={page} />
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
