import { BarChart } from '#app/components/charts.tsx'
import { type CountRow, type Statistics } from '#db/repos/statistics.server.ts'
import { countryName } from '#lib/countries.ts'
import { formatNumber } from '#lib/format.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'

const OUT = '#1d4ed8'
const IN = '#d97706'
/** The partners listed and the countries charted (the exports have them all). */
export const PARTNER_ROWS = 50
/** Past this many steps (the board's view of every organisation), the slowest are shown. */
export const STEP_ROWS = 50
export const CHART_COUNTRIES = 12

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

/** A row of labelled totals ("Đoàn ra: 12"). */
export function StatCards({
	cards,
}: {
	cards: readonly (readonly [key: string, value: number])[]
}) {
	const t = useT()
	return (
		<dl className="stat-cards">
			{cards.map(([key, value]) => (
				<div key={key}>
					<dt>{t(key)}</dt>
					<dd>{formatNumber(value)}</dd>
				</div>
			))}
		</dl>
	)
}

/** Delegations by year (every year of the period) and by country (the top 12), out and in. */
export function StatisticsCharts({
	stats,
	fromYear,
	toYear,
}: {
	stats: Pick<Statistics, 'byYear' | 'byCountry'>
	fromYear: number
	toYear: number
}) {
	const t = useT()
	const locale = useLocale()
	const years: string[] = []
	for (let y = fromYear; y <= toYear; y++) years.push(String(y))
	const byYear = pivot(stats.byYear, 'delegations')
	const yearValues = (values: number[]) =>
		years.map(y => values[byYear.keys.indexOf(y)] ?? 0)
	const topCountries = pivot(stats.byCountry, 'delegations')
	const countries = topCountries.keys.slice(0, CHART_COUNTRIES)
	const series = [
		{ name: t('stats.outDelegations'), color: OUT },
		{ name: t('stats.inDelegations'), color: IN },
	]
	return (
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
							{
								...series[0]!,
								values: topCountries.out.slice(0, CHART_COUNTRIES),
							},
							{
								...series[1]!,
								values: topCountries.in.slice(0, CHART_COUNTRIES),
							},
						]}
					/>
				) : (
					<p className="muted">{t('stats.none')}</p>
				)}
			</div>
		</section>
	)
}

/** How long each step of the chains took: passes, median and slowest. */
/** Every step in its order when they are few; past `limit`, the slowest by median, slowest first. */
export function slowestSteps<S extends { median_hours: number }>(
	steps: S[],
	limit = STEP_ROWS,
) {
	return steps.length > limit
		? steps.toSorted((a, b) => b.median_hours - a.median_hours).slice(0, limit)
		: steps
}

export function StepTimesTable({
	rows,
	total,
}: {
	rows: Statistics['stepTimes']
	/** How many steps there were before the slowest were picked. */
	total: number
}) {
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<h2>{t('stats.stepTimes')}</h2>
			{total > rows.length ? (
				<p className="muted">
					{t('stats.slowestShown', { shown: rows.length, total })}
				</p>
			) : null}
			{rows.length ? (
				<div className="table-wrap cards">
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
							{rows.map(s => (
								<tr key={s.organisation_name + s.step}>
									<td>{s.organisation_name}</td>
									<td data-label={t('stats.step')}>
										{locale === 'en' && s.label_en ? s.label_en : s.label}
									</td>
									<td data-label={t('stats.passes')}>{s.passes}</td>
									<td data-label={t('stats.median')}>
										{duration(t, s.median_hours)}
									</td>
									<td data-label={t('stats.slowest')}>
										{duration(t, s.max_hours)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
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

export function CountTable({
	title,
	keyLabel,
	rows,
	total = rows.length,
}: {
	title: string
	keyLabel: string
	rows: CountRow[]
	/** How many rows there were before the first PARTNER_ROWS were kept. */
	total?: number
}) {
	const t = useT()
	return (
		<>
			<h2>{title}</h2>
			{total > Math.min(rows.length, PARTNER_ROWS) ? (
				<p className="muted">
					{t('stats.firstShown', {
						shown: Math.min(rows.length, PARTNER_ROWS),
						total,
					})}
				</p>
			) : null}
			{rows.length ? (
				<div className="table-wrap cards">
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
							{rows.slice(0, PARTNER_ROWS).map(r => (
								<tr key={(r.partner_id ?? r.key) + r.direction}>
									<td>{r.key}</td>
									<td data-label={t('stats.direction')}>
										{t(
											r.direction === 'out'
												? 'stats.outDelegations'
												: 'stats.inDelegations',
										)}
									</td>
									<td data-label={t('stats.delegations')}>{r.delegations}</td>
									<td data-label={t('stats.people')}>{r.people}</td>
									<td data-label={t('stats.cancelledTrips')}>{r.cancelled}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : (
				<p className="muted">{t('stats.none')}</p>
			)}
		</>
	)
}
