import {
	json,
	type LinksFunction,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import chartStyles from '#app/components/charts.css'
import { BarChart } from '#app/components/charts.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { db } from '#db/client.server.ts'
import { listOrganisationChoices } from '#db/repos/organisation.server.ts'
import { type CountRow } from '#db/repos/statistics.server.ts'
import { countryName } from '#app/utils/countries.ts'
import { formatNumber } from '#app/utils/format.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { loadStatistics } from './__statistics.server.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: chartStyles },
]

const OUT = '#1d4ed8'
const IN = '#d97706'

export async function loader({ request }: LoaderFunctionArgs) {
	const { board, organisationId, fromYear, toYear, stats } =
		await loadStatistics(request)
	const organisations = board ? await listOrganisationChoices(db) : []
	return json({ board, organisationId, fromYear, toYear, stats, organisations })
}

/** Pivot rows keyed by year/country/partner into out and in series. */
function pivot(rows: CountRow[], field: 'delegations' | 'people') {
	const keys = [...new Set(rows.map(r => r.key))]
	const value = (key: string, direction: 'out' | 'in') =>
		rows.find(r => r.key === key && r.direction === direction)?.[field] ?? 0
	return {
		keys,
		out: keys.map(k => value(k, 'out')),
		in: keys.map(k => value(k, 'in')),
	}
}

export default function StatisticsRoute() {
	const data = useLoaderData<typeof loader>()
	const { stats, fromYear, toYear } = data
	const t = useT()
	const locale = useLocale()
	const sum = (
		direction: 'out' | 'in',
		field: 'delegations' | 'people' | 'cancelled',
	) =>
		stats.byYear
			.filter(r => r.direction === direction)
			.reduce((n, r) => n + r[field], 0)
	const years: string[] = []
	for (let y = fromYear; y <= toYear; y++) years.push(String(y))
	const byYear = pivot(stats.byYear, 'delegations')
	const yearValues = (values: number[]) =>
		years.map(y => values[byYear.keys.indexOf(y)] ?? 0)
	const topCountries = pivot(stats.byCountry, 'delegations')
	const countries = topCountries.keys.slice(0, 12)
	const query = new URLSearchParams({
		...(data.organisationId && data.board ? { org: data.organisationId } : {}),
		from: String(fromYear),
		to: String(toYear),
	}).toString()
	const series = [
		{ name: t('stats.outDelegations'), color: OUT },
		{ name: t('stats.inDelegations'), color: IN },
	]
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
									{locale === 'vi' ? o.name_vi : o.name_en || o.name_vi}
								</option>
							))}
						</select>
					</label>
				)}
				<label>
					{t('stats.fromYear')}
					<input
						type="number"
						name="from"
						min={2000}
						max={2100}
						defaultValue={fromYear}
					/>
				</label>
				<label>
					{t('stats.toYear')}
					<input
						type="number"
						name="to"
						min={2000}
						max={2100}
						defaultValue={toYear}
					/>
				</label>
				<button type="submit">{t('stats.apply')}</button>
				<a href={`/statistics.csv?${query}`} download>
					{t('stats.csv')}
				</a>
				<a href={`/statistics.xlsx?${query}`} download>
					{t('stats.xlsx')}
				</a>
			</Form>
			<p>{t('stats.period', { from: String(fromYear), to: String(toYear) })}</p>
			<dl className="stat-cards">
				{(
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
				).map(([key, value]) => (
					<div key={key}>
						<dt>{t(key)}</dt>
						<dd>{formatNumber(value)}</dd>
					</div>
				))}
			</dl>
			<section className="chart-grid">
				<div>
					<h2>{t('stats.byYear')}</h2>
					<BarChart
						title={t('stats.byYear')}
						tableLabel={t('stats.tableAlt')}
						labels={years}
						series={[
							{ ...series[0]!, values: yearValues(byYear.out) },
							{ ...series[1]!, values: yearValues(byYear.in) },
						]}
					/>
				</div>
				<div>
					<h2>{t('stats.byCountry')}</h2>
					{countries.length ? (
						<BarChart
							horizontal
							title={t('stats.byCountry')}
							tableLabel={t('stats.tableAlt')}
							labels={countries.map(c => countryName(c, locale))}
							series={[
								{ ...series[0]!, values: topCountries.out.slice(0, 12) },
								{ ...series[1]!, values: topCountries.in.slice(0, 12) },
							]}
						/>
					) : (
						<p className="muted">{t('stats.none')}</p>
					)}
				</div>
			</section>
			<CountTable
				title={t('stats.byPartner')}
				keyLabel={t('stats.partner')}
				rows={stats.byPartner}
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
			<dl className="stat-cards">
				{(
					[
						['stats.onTime', stats.reports.on_time],
						['stats.late', stats.reports.late],
						['stats.overdue', stats.reports.overdue],
						['stats.pending', stats.reports.pending],
					] as const
				).map(([key, value]) => (
					<div key={key}>
						<dt>{t(key)}</dt>
						<dd>{formatNumber(value)}</dd>
					</div>
				))}
			</dl>
			<h2>{t('stats.stepTimes')}</h2>
			{stats.stepTimes.length ? (
				<table>
					<thead>
						<tr>
							<th scope="col">{t('stats.organisation')}</th>
							<th scope="col">{t('stats.step')}</th>
							<th scope="col">{t('stats.passes')}</th>
							<th scope="col">{t('stats.median')}</th>
							<th scope="col">{t('stats.slowest')}</th>
						</tr>
					</thead>
					<tbody>
						{stats.stepTimes.map(s => (
							<tr key={s.organisation_name + s.step}>
								<td>{s.organisation_name}</td>
								<td>{locale === 'en' && s.label_en ? s.label_en : s.label}</td>
								<td>{s.passes}</td>
								<td>{duration(t, s.median_hours)}</td>
								<td>{duration(t, s.max_hours)}</td>
							</tr>
						))}
					</tbody>
				</table>
			) : (
				<p className="muted">{t('stats.none')}</p>
			)}
		</>
	)
}

function duration(t: ReturnType<typeof useT>, hours: number) {
	return hours >= 48
		? t('stats.days', {
				value: formatNumber(Math.round((hours / 24) * 10) / 10),
			})
		: t('stats.hours', { value: formatNumber(hours) })
}

function CountTable({
	title,
	keyLabel,
	rows,
}: {
	title: string
	keyLabel: string
	rows: CountRow[]
}) {
	const t = useT()
	return (
		<>
			<h2>{title}</h2>
			{rows.length ? (
				<table>
					<thead>
						<tr>
							<th scope="col">{keyLabel}</th>
							<th scope="col">{t('stats.direction')}</th>
							<th scope="col">{t('stats.delegations')}</th>
							<th scope="col">{t('stats.people')}</th>
							<th scope="col">{t('stats.cancelledTrips')}</th>
						</tr>
					</thead>
					<tbody>
						{rows.slice(0, 50).map(r => (
							<tr key={(r.partner_id ?? r.key) + r.direction}>
								<td>{r.key}</td>
								<td>
									{t(
										r.direction === 'out'
											? 'stats.outDelegations'
											: 'stats.inDelegations',
									)}
								</td>
								<td>{r.delegations}</td>
								<td>{r.people}</td>
								<td>{r.cancelled}</td>
							</tr>
						))}
					</tbody>
				</table>
			) : (
				<p className="muted">{t('stats.none')}</p>
			)}
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
