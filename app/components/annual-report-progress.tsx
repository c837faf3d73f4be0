import { Form, Link } from '@remix-run/react'
import { useT } from '#app/utils/i18n.tsx'

interface ProgressRow {
	id: string
	short_name: string
	report_id: string | null
	number_symbol: string | null
	report_date: string
	issued: boolean
}

const GROUPS = ['missing', 'drafting', 'issued'] as const

/**
 * For the VGCL board: which federations and sector unions have issued their report on `year`
 * (number and date), which are still drafting it, and which have not started, each with a count.
 */
export function ReportProgress({
	year,
	reportYear,
	rows,
}: {
	year: number
	/** The year reports are written on now: the choice runs from the next year back. */
	reportYear: number
	rows: ProgressRow[]
}) {
	const t = useT()
	const years = Array.from({ length: 12 }, (_, i) => reportYear + 1 - i)
	if (!years.includes(year)) years.push(year)
	const groupOf = (row: ProgressRow) =>
		row.issued ? 'issued' : row.report_id ? 'drafting' : 'missing'
	return (
		<section className="panel" aria-labelledby="report-progress">
			<h2 id="report-progress">{t('annualReport.progress', { year })}</h2>
			<Form method="get" className="filters">
				<select
					name="progress"
					defaultValue={year}
					aria-label={t('annualReport.progressYear')}
				>
					{years.map(y => (
						<option key={y} value={y}>
							{y}
						</option>
					))}
				</select>
				<button type="submit" className="secondary">
					{t('annualReport.progressShow')}
				</button>
			</Form>
			{GROUPS.map(group => {
				const list = rows.filter(row => groupOf(row) === group)
				return (
					<details
						key={group}
						className="progress-group"
						open={group !== 'issued' && list.length > 0}
					>
						<summary>
							{t(`annualReport.progress.${group}`, { count: list.length })}
						</summary>
						{list.length ? (
							<ul className="work-list">
								{list.map(row => (
									<li key={row.id}>
										{row.report_id ? (
											<Link to={`/annual-reports/${row.report_id}`}>
												{row.short_name}
											</Link>
										) : (
											row.short_name
										)}
										{row.issued ? (
											<span className="plan-facts">
												{t('annualReport.progress.issuedAs', {
													number: row.number_symbol ?? '',
													date: row.report_date,
												})}
											</span>
										) : null}
									</li>
								))}
							</ul>
						) : null}
					</details>
				)
			})}
		</section>
	)
}
