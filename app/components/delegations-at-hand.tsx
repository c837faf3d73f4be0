import { Link } from '@remix-run/react'
import { useT } from '#app/utils/i18n.tsx'
import { formatNumber } from '#lib/format.ts'
import { PlanFacts } from './plan-facts.tsx'

interface AtHandRow {
	id: string
	name: string
	country: string | null
	plan_year: number
	timing_kind: string
	timing_month: number | null
	start_date: string | null
	end_date: string | null
	organisation_short_name: string
}

/** For an approver: the delegations on their trip now and those approved to start within 30 days. */
export function DelegationsAtHand({
	abroad,
	abroadTotal,
	upcoming,
	upcomingTotal,
}: {
	abroad: AtHandRow[]
	abroadTotal: number
	upcoming: AtHandRow[]
	upcomingTotal: number
}) {
	const t = useT()
	const list = (rows: AtHandRow[]) => (
		<ul className="work-list">
			{rows.map(row => (
				<li key={row.id}>
					<Link to={`/plans/${row.id}`}>{row.name || t('plan.notSet')}</Link>
					<PlanFacts plan={row} />
					<span className="plan-facts">{row.organisation_short_name}</span>
				</li>
			))}
		</ul>
	)
	return (
		<section className="panel" aria-labelledby="at-hand">
			<h2 id="at-hand">{t('home.atHand')}</h2>
			{!abroadTotal && !upcomingTotal ? (
				<p className="muted">{t('home.atHand.none')}</p>
			) : null}
			{abroadTotal ? (
				<>
					<h3>
						{t('home.atHand.abroad', { count: formatNumber(abroadTotal) })}
					</h3>
					{list(abroad)}
					{abroadTotal > abroad.length ? (
						<p>
							<Link to="/plans?status=departed">
								{t('home.atHand.allAbroad', {
									count: formatNumber(abroadTotal),
								})}
							</Link>
						</p>
					) : null}
				</>
			) : null}
			{upcomingTotal ? (
				<>
					<h3>
						{t('home.atHand.upcoming', { count: formatNumber(upcomingTotal) })}
					</h3>
					{list(upcoming)}
					{upcomingTotal > upcoming.length ? (
						<p>
							<Link to="/plans?status=approved">
								{t('home.atHand.allApproved')}
							</Link>
						</p>
					) : null}
				</>
			) : null}
		</section>
	)
}
