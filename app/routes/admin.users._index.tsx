import { parseWithZod } from '@conform-to/zod/v4'
import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ListTable, Pagination, SearchForm } from '#app/components/list.tsx'
import { db } from '#db/client.server.ts'
import { recordAudit } from '#db/repos/audit-log.server.ts'
import { getUser, listUsers, setUserActive } from '#db/repos/user.server.ts'
import { endAllSessions } from '#app/utils/auth.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import { invariantResponse, pageFrom } from '#app/utils/misc.ts'
import {
	isBoardAdmin,
	requireOrganisationInScope,
} from '#workflows/access/permissions.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { requireRole } from '#app/utils/access.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { MAX_INT } from '#lib/column-limits.ts'
import { pageTitle } from '#app/utils/meta.ts'

const SetActiveSchema = z.object({
	intent: z.enum(['activate', 'deactivate']),
	userId: z.uuid(),
	version: z.number().int().min(0).max(MAX_INT),
})

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireRole(request, 'admin')
			const url = new URL(request.url)
			const page = pageFrom(url)
			const orgFilter = z.uuid().safeParse(url.searchParams.get('org'))
			const { rows, total } = await listUsers(db, {
				query: url.searchParams.get('q') ?? undefined,
				page,
				organisationId: isBoardAdmin(user)
					? (orgFilter.data ?? undefined)
					: user.organisationId,
			})
			return json({ rows, total, page, currentUserId: user.id })
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: ActionFunctionArgs) => {
			const admin = await requireRole(request, 'admin')
			const submission = parseWithZod(await request.formData(), {
				schema: SetActiveSchema,
			})
			invariantResponse(submission.status === 'success', 'error.notFound', {
				status: 400,
			})
			const { intent, userId, version } = submission.value
			const target = await getUser(db, userId)
			invariantResponse(target, 'error.notFound')
			requireOrganisationInScope(admin, target.organisation_id)
			if (target.id === admin.id)
				return json({ error: 'user.cannotDeactivateSelf' } as const, {
					status: 400,
				})
			const active = intent === 'activate'
			const updated = await db.transaction().execute(async trx => {
				const row = await setUserActive(trx, target.id, version, active)
				if (row)
					await recordAudit(trx, {
						actorId: admin.id,
						organisationId: target.organisation_id,
						action: active ? 'user.activated' : 'user.deactivated',
						subjectId: target.id,
						before: { email: target.email, active: target.active },
						after: { email: target.email, active },
					})
				return row
			})
			if (!updated)
				return json({ error: 'error.conflict' } as const, { status: 409 })
			if (!active) await endAllSessions(target.id)
			return redirectWithToast(`/admin/users${new URL(request.url).search}`, {
				type: 'success',
				message: active ? 'user.activated' : 'user.deactivated',
				params: { name: target.full_name },
			})
		},
	)

export default function UsersRoute() {
	const { rows, total, page, currentUserId } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<h1>{t('user.list')}</h1>
			{actionData?.error ? (
				<p className="form-error" role="alert">
					{t(actionData.error)}
				</p>
			) : null}
			<div className="toolbar">
				<SearchForm />
				<Link className="button" to="/admin/users/new">
					{t('user.new')}
				</Link>
			</div>
			<ListTable
				searchable
				headings={[
					t('user.fullName'),
					t('user.email'),
					t('user.organisation'),
					t('user.roles'),
					t('user.status'),
					t('common.actions'),
				]}
				empty={t('common.none')}
			>
				{rows.map(user => (
					<tr key={user.id}>
						<td>
							<Link to={`/admin/users/${user.id}`}>{user.full_name}</Link>
							{user.title ? <div className="muted">{user.title}</div> : null}
						</td>
						<td>{user.email}</td>
						<td>{user.organisation_short_name}</td>
						<td>{user.roles.map(role => t(`role.${role}`)).join(', ')}</td>
						<td>
							<span className={user.active ? 'badge' : 'badge off'}>
								{user.active ? t('user.active') : t('user.inactive')}
							</span>
						</td>
						<td>
							{user.id === currentUserId ? null : (
								<Form method="post" className="inline">
									<input type="hidden" name="userId" value={user.id} />
									<input type="hidden" name="version" value={user.version} />
									<button
										type="submit"
										name="intent"
										value={user.active ? 'deactivate' : 'activate'}
										className={user.active ? 'danger small' : 'secondary small'}
										aria-label={`${user.active ? t('user.deactivate') : t('user.activate')} ${user.full_name}`}
									>
										{user.active ? t('user.deactivate') : t('user.activate')}
									</button>
								</Form>
							)}
						</td>
					</tr>
				))}
			</ListTable>
			<Pagination total={total} page={page} />
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('nav.users')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
