import { useReportDue } from '#app/components/report-due.tsx'
import {
	type MetaFunction,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterBar, ListTable, Pagination } from '#app/components/list.tsx'
import { db } from '#db/client.server.ts'
import { listReports } from '#db/repos/report.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { formatDate, formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { pageFrom } from '#app/utils/misc.ts'
import { planViewer } from '#workflows/access/plan-access.server.ts'
import { REPORT_SORTS as SORTS, REPORT_STATES } from '#lib/enums.ts'
import { REPORT_DUE_STATUSES } from '#workflows/plans/plan-status.ts'
import { StatusBadge } from '../components/plan-view.tsx'
import { pageTitle } from '#app/utils/meta.ts'
import { web } from '#app/utils/domain.server.ts'
import { ReportFilterSchema } from '#app/utils/list-filters.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const url = new URL(request.url)
			const filter = ReportFilterSchema.parse(
				Object.fromEntries(url.searchParams),
			)
			const page = pageFrom(url)
			const { rows, total } = await listReports(db, planViewer(user), {
				query: filter.q,
				state: filter.state,
				sort: filter.sort === 'due' ? undefined : filter.sort,
				page,
			})
			return json({
				rows,
				total,
				page,
				allOrganisations: user.organisationKind === 'vgcl_board',
			})
		},
	)

export default function ReportsRoute() {
	const { rows, total, page, allOrganisations } = useLoaderData<typeof loader>()
	const t = useT()
	const reportDue = useReportDue()
	return (
		<>
			<h1>{t('reports.title')}</h1>
			<p className="muted">
				{t(allOrganisations ? 'reports.introAll' : 'reports.intro')}
			</p>
			<FilterBar
				submitLabel={t('plan.filter.apply')}
				selects={[
					{
						name: 'state',
						label: t('reports.state'),
						all: t('reports.state.all'),
						options: REPORT_STATES.map(s => ({
							value: s,
							label: t(`reports.state.${s}`),
						})),
					},
					{
						name: 'sort',
						label: t('reports.sort'),
						fallback: 'due',
						options: SORTS.map(s => ({
							value: s,
							label: t(`reports.sort.${s}`),
						})),
					},
				]}
			/>
			<ListTable
				searchable
				headings={[
					t('plan.name'),
					t('plan.organisation'),
					t('reports.returnedOn'),
					t('trip.reportDue'),
					t('reports.daysLate'),
					t('plan.status'),
				]}
				empty={t('reports.none')}
			>
				{rows.map(row => {
					const owed = (REPORT_DUE_STATUSES as readonly string[]).includes(
						row.status,
					)
					const late = row.days_late > 0
					return (
						<tr key={row.id}>
							<td>
								<Link to={`/plans/${row.id}/report`}>
									{row.name || t('plan.notSet')}
								</Link>
							</td>
							<td>{row.organisation_short_name}</td>
							<td>{formatIsoDate(row.returned_on)}</td>
							<td>{reportDue(row)}</td>
							<td className={late && owed ? 'late' : undefined}>
								{late ? row.days_late : '—'}
							</td>
							<td>
								{owed ? (
									late ? (
										<span className="late">
											{t('trip.daysLate', { days: row.days_late })}
										</span>
									) : (
										<span>
											{row.days_late === 0
												? t('trip.dueToday')
												: t('trip.daysLeft', { days: -row.days_late })}
										</span>
									)
								) : row.submitted_at ? (
									<span className="muted">
										{t('reports.submittedOn', {
											date: formatDate(row.submitted_at),
										})}
										{late
											? ` (${t('reports.submittedLate', { days: row.days_late })})`
											: ''}
									</span>
								) : null}{' '}
								<StatusBadge status={row.status} direction={row.direction} />
							</td>
						</tr>
					)
				})}
			</ListTable>
			<Pagination total={total} page={page} />
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('nav.reports')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
