import {
	json,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ListTable, Pagination } from '#app/components/list.tsx'
import { db } from '#db/client.server.ts'
import { listAuditLog } from '#db/repos/audit-log.server.ts'
import { formatDateTime } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { pageFrom } from '#app/utils/misc.ts'
import { isBoardAdmin } from '#workflows/access/permissions.server.ts'
import { requireRole } from '#app/utils/access.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

/** The board's admins see every organisation's entries; other admins their own organisation's. */
export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const admin = await requireRole(request, 'admin')
			const page = pageFrom(new URL(request.url))
			const { rows, total } = await listAuditLog(db, {
				page,
				organisationId: isBoardAdmin(admin) ? undefined : admin.organisationId,
			})
			return json({ rows, total, page })
		},
	)

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('audit.title')])

export default function AuditLogRoute() {
	const { rows, total, page } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<h1>{t('audit.title')}</h1>
			<p className="muted">{t('audit.hint')}</p>
			<ListTable
				headings={[
					t('audit.when'),
					t('audit.who'),
					t('audit.organisation'),
					t('audit.action'),
					t('audit.change'),
				]}
				empty={t('common.none')}
			>
				{rows.map(entry => (
					<tr key={entry.id}>
						<td>{formatDateTime(entry.created_at)}</td>
						<td>
							{entry.actor_name}
							<div className="muted">{entry.actor_email}</div>
						</td>
						<td>{entry.organisation_short_name}</td>
						<td>
							{t(`audit.action.${entry.action}`)}
							{entry.subject_name ? (
								<div className="muted">{entry.subject_name}</div>
							) : null}
						</td>
						<td>
							<Change before={entry.before} after={entry.after} />
						</td>
					</tr>
				))}
			</ListTable>
			<Pagination total={total} page={page} />
		</>
	)
}

function show(value: unknown) {
	if (value === null || value === undefined) return '—'
	return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Each field that changed: its value before → after (only after for a creation). */
function Change({ before, after }: { before: unknown; after: unknown }) {
	const old = (before ?? {}) as Record<string, unknown>
	const now = (after ?? {}) as Record<string, unknown>
	const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])]
	return (
		<dl className="audit-change">
			{keys.map(key => (
				<div key={key}>
					<dt>{key}</dt>
					<dd>
						{before ? (
							<>
								<del>{show(old[key])}</del> →{' '}
							</>
						) : null}
						<ins>{show(now[key])}</ins>
					</dd>
				</div>
			))}
		</dl>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
