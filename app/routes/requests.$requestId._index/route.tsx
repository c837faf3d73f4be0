import {
	type LoaderFunctionArgs,
	type MetaFunction,
	json,
	redirect,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ListTable, Pagination } from '#app/components/list.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import { pageTitle } from '#app/utils/meta.ts'
import { pageFrom } from '#app/utils/misc.ts'
import { formatDateTime, formatIsoDate } from '#lib/format.ts'
import { todayIso } from '#lib/trip-dates.ts'
import {
	loadTracking,
	requestPageFor,
} from '#workflows/requests/tracking.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const page = await requestPageFor(user, params.requestId)
			if ('answer' in page) throw redirect(page.answer)
			const tracking = await loadTracking(
				user,
				params.requestId,
				pageFrom(new URL(request.url)),
				todayIso(),
			)
			const r = tracking.request
			return json({
				request: {
					id: r.id,
					title: r.title,
					number_symbol: r.number_symbol,
					issued_on: formatIsoDate(r.issued_on),
					due_on: formatIsoDate(r.due_on),
					template: r.template.name,
					letter: r.letter_name,
				},
				counts: tracking.counts,
				late: tracking.late,
				total: tracking.total,
				page: pageFrom(new URL(request.url)),
				rows: tracking.rows.map(row => ({
					id: row.id,
					name: row.short_name,
					status: row.status,
					late: row.late,
					submitted_at: row.submitted_at
						? formatDateTime(row.submitted_at)
						: '',
				})),
			})
		},
	)

export default function RequestTrackingRoute() {
	const data = useLoaderData<typeof loader>()
	const t = useT()
	const { request: r, counts } = data
	return (
		<>
			<h1>{r.title}</h1>
			<div className="panel">
				<dl className="facts">
					<dt>{t('request.number')}</dt>
					<dd>
						{r.number_symbol} ({r.issued_on})
					</dd>
					<dt>{t('request.due')}</dt>
					<dd>{r.due_on}</dd>
					<dt>{t('request.template')}</dt>
					<dd>{r.template}</dd>
					{r.letter ? (
						<>
							<dt>{t('request.letter')}</dt>
							<dd>
								<a href={`/requests/${r.id}/letter`}>{r.letter}</a>
							</dd>
						</>
					) : null}
				</dl>
				<p>
					{t('request.summary', {
						submitted: counts.submitted ?? 0,
						draft: counts.draft ?? 0,
						returned: counts.returned ?? 0,
						notStarted: counts.not_started ?? 0,
					})}
					{data.late ? (
						<>
							{' '}
							<span className="late">
								{t('request.lateCount', { count: data.late })}
							</span>
						</>
					) : null}
				</p>
				<div className="actions">
					<Link className="button" to={`/requests/${r.id}/consolidation`}>
						{t('request.consolidation')}
					</Link>
					<a
						className="button secondary"
						href={`/requests/${r.id}/consolidation.xlsx`}
						download
					>
						{t('request.xlsx')}
					</a>
				</div>
			</div>
			<h2>{t('request.tracking')}</h2>
			<ListTable
				headings={[
					t('request.organisation'),
					t('request.state'),
					t('request.submittedAt'),
				]}
				empty={t('request.nobody')}
			>
				{data.rows.map(row => (
					<tr key={row.id}>
						<td>
							<Link to={`/requests/${r.id}/responses/${row.id}`}>
								{row.name}
							</Link>
						</td>
						<td>
							<span
								className={`status status-${row.status === 'submitted' ? 'approved' : row.status === 'returned' ? 'returned' : 'drafting'}`}
							>
								{t(`request.status.${row.status}`)}
							</span>
							{row.late ? (
								<>
									{' '}
									<span className="badge badge-warning">
										{t('request.late')}
									</span>
								</>
							) : null}
						</td>
						<td>{row.submitted_at}</td>
					</tr>
				))}
			</ListTable>
			<Pagination total={data.total} page={data.page} />
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
	pageTitle(matches, t => [data?.request.title, t('request.list')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
