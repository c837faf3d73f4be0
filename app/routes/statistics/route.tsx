import {
	type MetaFunction,
	json,
	type LinksFunction,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import chartStyles from '#app/components/charts.css'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { db } from '#db/client.server.ts'
import { listPlanOwners } from '#db/repos/organisation.server.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import {
	CHART_COUNTRIES,
	CountTable,
	PARTNER_ROWS,
	slowestSteps,
	StatCards,
	StatisticsCharts,
	StepTimesTable,
} from './statistics-view.tsx'
import { loadStatistics } from '#app/utils/access.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { web } from '#app/utils/domain.server.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: chartStyles },
]

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const { user, board, organisationId, fromYear, toYear, stats } =
				await loadStatistics(request)
			const organisations = board ? await listPlanOwners(db) : []
			const locale = await getLocale(request, user)
			// Only what the page shows: the top partners and the countries of its chart.
			const charted = new Set(
				[...new Set(stats.byCountry.map(r => r.key))].slice(0, CHART_COUNTRIES),
			)
			return json({
				board,
				organisationId,
				fromYear,
				toYear,
				stats: {
					...stats,
					byCountry: stats.byCountry.filter(r => charted.has(r.key)),
					byPartner: stats.byPartner.slice(0, PARTNER_ROWS),
					stepTimes: slowestSteps(stats.stepTimes),
				},
				// The CSV and XLSX have every row.
				totals: {
					partners: stats.byPartner.length,
					stepTimes: stats.stepTimes.length,
				},
				// The filter's choices, named in the reader's language.
				organisations: organisations.map(o => ({
					id: o.id,
					name: locale === 'en' && o.name_en ? o.name_en : o.name_vi,
				})),
			})
		},
	)

export default function StatisticsRoute() {
	const data = useLoaderData<typeof loader>()
	const { stats, fromYear, toYear } = data
	const t = useT()
	const sum = (
		direction: 'out' | 'in',
		field: 'delegations' | 'people' | 'cancelled',
	) =>
		stats.byYear
			.filter(r => r.direction === direction)
			.reduce((n, r) => n + r[field], 0)
	const query = new URLSearchParams({
		...(data.organisationId && data.board ? { org: data.organisationId } : {}),
		from: String(fromYear),
		to: String(toYear),
	}).toString()
	return (
		<>
			<h1>{t('stats.title')}</h1>
			<p className="muted">{t('stats.intro')}</p>
			<Form method="get" className="filters">
				{data.board && (
					<label>
						{t('stats.organisation')}
						<select name="org" defaultValue={data.organisationId ?? ''}>
							<option value="">{t('stats.allOrganisations')}</option>
							{data.organisations.map(o => (
								<option key={o.id} value={o.id}>
									{o.name}
								</option>
							))}
						</select>
					</label>
				)}
				{(
					[
						['from', 'stats.fromYear', fromYear],
						['to', 'stats.toYear', toYear],
					] as const
				).map(([name, label, value]) => (
					<label key={name}>
						{t(label)}
						<input
							type="number"
							name={name}
							min={2000}
							max={2100}
							defaultValue={value}
						/>
					</label>
				))}
				<button type="submit">{t('stats.apply')}</button>
				<a href={`/statistics.csv?${query}`} download>
					{t('stats.csv')}
				</a>
				<a href={`/statistics.xlsx?${query}`} download>
					{t('stats.xlsx')}
				</a>
			</Form>
			<p>{t('stats.period', { from: String(fromYear), to: String(toYear) })}</p>
			<StatCards
				cards={
					[
						['stats.outDelegations', sum('out', 'delegations')],
						['stats.outPeople', sum('out', 'people')],
						['stats.inDelegations', sum('in', 'delegations')],
						['stats.inGuests', sum('in', 'people')],
						[
							'stats.cancelledTrips',
							sum('out', 'cancelled') + sum('in', 'cancelled'),
						],
					] as const
				}
			/>
			<StatisticsCharts stats={stats} fromYear={fromYear} toYear={toYear} />
			<CountTable
				title={t('stats.byPartner')}
				keyLabel={t('stats.partner')}
				rows={stats.byPartner}
				total={data.totals.partners}
			/>
			<h2>{t('stats.cancelled')}</h2>
			{stats.cancelled.length ? (
				<table>
					<thead>
						<tr>
							<th scope="col">{t('stats.reason')}</th>
							<th scope="col">{t('stats.count')}</th>
						</tr>
					</thead>
					<tbody>
						{stats.cancelled.map(c => (
							<tr key={c.reason}>
								<td>{c.reason}</td>
								<td>{c.count}</td>
							</tr>
						))}
					</tbody>
				</table>
			) : (
				<p className="muted">{t('stats.none')}</p>
			)}
			<h2>{t('stats.reports')}</h2>
			<StatCards
				cards={
					[
						['stats.onTime', stats.reports.on_time],
						['stats.late', stats.reports.late],
						['stats.overdue', stats.reports.overdue],
						['stats.pending', stats.reports.pending],
					] as const
				}
			/>
			<StepTimesTable rows={stats.stepTimes} total={data.totals.stepTimes} />
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('stats.title')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
