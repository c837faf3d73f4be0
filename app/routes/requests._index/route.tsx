import {
	type LoaderFunctionArgs,
	type MetaFunction,
	json,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ListTable, Pagination } from '#app/components/list.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import { pageTitle } from '#app/utils/meta.ts'
import { pageFrom } from '#app/utils/misc.ts'
import { formatIsoDate } from '#lib/format.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { loadRequestList } from '#workflows/requests/list.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const url = new URL(request.url)
			const page = pageFrom(url)
			const list = await loadRequestList(
				user,
				url.searchParams.get('view'),
				page,
			)
			const today = todayIso()
			return json({
				canIssue: list.canIssue,
				view: list.view,
				page,
				total: (list.issued ?? list.asked).total,
				issued: list.issued?.rows.map(r => ({
					...r,
					issued_on: formatIsoDate(r.issued_on),
					due: formatIsoDate(r.due_on),
					late: r.due_on < today && r.submitted < r.asked,
				})),
				asked: list.asked?.rows.map(r => ({
					...r,
					issued_on: formatIsoDate(r.issued_on),
					due: formatIsoDate(r.due_on),
					late: r.status !== 'submitted' && r.due_on < today,
				})),
			})
		},
	)

export default function RequestsRoute() {
	const data = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<div className="toolbar">
				<h1>{t('request.list')}</h1>
				{data.canIssue ? (
					<Link className="button" to="/requests/new">
						{t('request.new')}
					</Link>
				) : null}
			</div>
			{data.canIssue ? (
				<nav className="actions" aria-label={t('request.views')}>
					<Link
						to="?view=issued"
						aria-current={data.view === 'issued' ? 'page' : undefined}
						className="button secondary"
					>
						{t('request.viewIssued')}
					</Link>
					<Link
						to="?view=asked"
						aria-current={data.view === 'asked' ? 'page' : undefined}
						className="button secondary"
					>
						{t('request.viewAsked')}
					</Link>
				</nav>
			) : null}
			{data.issued ? (
				<ListTable
					headings={[
						t('request.title'),
						t('request.number'),
						t('request.due'),
						t('request.answered'),
					]}
					empty={t('request.noneIssued')}
				>
					{data.issued.map(r => (
						<tr key={r.id}>
							<td>
								<Link to={`/requests/${r.id}`}>{r.title}</Link>
							</td>
							<td>
								{r.number_symbol} ({r.issued_on})
							</td>
							<td className={r.late ? 'late' : undefined}>{r.due}</td>
							<td>
								{t('request.answeredOf', {
									submitted: r.submitted,
									asked: r.asked,
								})}
							</td>
						</tr>
					))}
				</ListTable>
			) : (
				<ListTable
					headings={[
						t('request.title'),
						t('request.from'),
						t('request.due'),
						t('request.state'),
					]}
					empty={t('request.noneAsked')}
				>
					{(data.asked ?? []).map(r => (
						<tr key={r.id}>
							<td>
								<Link to={`/requests/${r.id}/responses/${r.response_id}`}>
									{r.title}
								</Link>
							</td>
							<td>
								{r.issuer_short_name}, {r.number_symbol} ({r.issued_on})
							</td>
							<td className={r.late ? 'late' : undefined}>{r.due}</td>
							<td>
								{t(`request.status.${r.status}`)}
								{r.late ? (
									<>
										{' '}
										<span className="badge badge-warning">
											{t('request.late')}
										</span>
									</>
								) : null}
							</td>
						</tr>
					))}
				</ListTable>
			)}
			<Pagination total={data.total} page={data.page} />
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('request.list')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
