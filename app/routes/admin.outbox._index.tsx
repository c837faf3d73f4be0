import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import {
	Form,
	Link,
	useActionData,
	useLoaderData,
	useSearchParams,
} from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ListTable, Pagination } from '#app/components/list.tsx'
import { db } from '#db/client.server.ts'
import { recordAudit } from '#db/repos/audit-log.server.ts'
import {
	listEmails,
	requeueFailedEmail,
} from '#db/repos/notification.server.ts'
import { EMAIL_STATUSES } from '#lib/enums.ts'
import { formatDateTime } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { pageFrom } from '#app/utils/misc.ts'
import { isBoardAdmin, requireRole } from '#app/utils/permissions.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const admin = await requireRole(request, 'admin')
	const url = new URL(request.url)
	const page = pageFrom(url)
	const status = z
		.enum(EMAIL_STATUSES)
		.optional()
		.catch(undefined)
		.parse(url.searchParams.get('status') ?? undefined)
	const { rows, total } = await listEmails(db, {
		page,
		status,
		organisationId: isBoardAdmin(admin) ? undefined : admin.organisationId,
	})
	return json({ rows, total, page })
}

/** "Gửi lại": a failed message goes back in the queue. */
export async function action({ request }: ActionFunctionArgs) {
	const admin = await requireRole(request, 'admin')
	const id = z.uuid().safeParse((await request.formData()).get('id'))
	const requeued =
		id.success &&
		(await db.transaction().execute(async trx => {
			const row = await requeueFailedEmail(
				trx,
				id.data,
				isBoardAdmin(admin) ? undefined : admin.organisationId,
			)
			if (row)
				await recordAudit(trx, {
					actorId: admin.id,
					organisationId: row.organisation_id ?? admin.organisationId,
					action: 'email.resent',
					subjectId: row.id,
					before: { status: 'failed' },
					after: {
						status: 'queued',
						to_address: row.to_address,
						template: row.template,
						subject: row.subject,
					},
				})
			return row
		}))
	if (!requeued)
		return json({ error: 'outbox.notFailed' as const }, { status: 409 })
	return redirectWithToast(`/admin/outbox${new URL(request.url).search}`, {
		type: 'success',
		message: 'outbox.resent',
	})
}

export default function OutboxRoute() {
	const { rows, total, page } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [params] = useSearchParams()
	const t = useT()
	return (
		<>
			<h1>{t('outbox.title')}</h1>
			<p className="muted">{t('outbox.hintPrivate')}</p>
			{actionData?.error ? (
				<p className="form-error" role="alert">
					{t(actionData.error)}
				</p>
			) : null}
			<Form method="get" className="filters">
				<select
					name="status"
					defaultValue={params.get('status') ?? ''}
					aria-label={t('outbox.status')}
				>
					<option value="">{t('outbox.filter.all')}</option>
					{EMAIL_STATUSES.map(s => (
						<option key={s} value={s}>
							{t(`email.status.${s}`)}
						</option>
					))}
				</select>
				<button type="submit">{t('plan.filter.apply')}</button>
			</Form>
			<ListTable
				headings={[
					t('outbox.createdAt'),
					t('outbox.to'),
					t('outbox.subject'),
					t('outbox.status'),
					t('common.actions'),
				]}
				empty={t('common.none')}
			>
				{rows.map(email => (
					<tr key={email.id}>
						<td>{formatDateTime(email.created_at)}</td>
						<td>{email.to_address}</td>
						<td>
							<Link to={email.id}>{email.subject ?? email.template}</Link>
						</td>
						<td>
							<span className={`status status-email-${email.status}`}>
								{t(`email.status.${email.status}`)}
							</span>
							{email.status === 'failed' && email.last_error ? (
								<div className="muted">{email.last_error}</div>
							) : null}
						</td>
						<td>
							{email.status === 'failed' ? (
								<Form method="post" className="inline">
									<input type="hidden" name="id" value={email.id} />
									<button type="submit" className="secondary small">
										{t('outbox.resend')}
									</button>
								</Form>
							) : null}
						</td>
					</tr>
				))}
			</ListTable>
			<Pagination total={total} page={page} />
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('nav.outbox')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
