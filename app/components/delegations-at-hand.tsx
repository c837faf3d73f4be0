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
	return (
		<section className="panel" aria-labelledby="at-hand">
			<h2 id="at-hand">{t('home.atHand')}</h2>
			{!abroadTotal && !upcomingTotal ? (
				<p className="muted">{t('home.atHand.none')}</p>
			) : null}
			<Group
				title={t('home.atHand.abroad', { count: formatNumber(abroadTotal) })}
				rows={abroad}
				total={abroadTotal}
				all={{
					to: '/plans?status=departed',
					text: t('home.atHand.allAbroad', {
						count: formatNumber(abroadTotal),
					}),
				}}
			/>
			<Group
				title={t('home.atHand.upcoming', {
					count: formatNumber(upcomingTotal),
				})}
				rows={upcoming}
				total={upcomingTotal}
				all={{
					to: '/plans?status=approved',
					text: t('home.atHand.allApproved'),
				}}
			/>
		</section>
	)
}

/** One group's first rows, and a link to the list when there are more. */
function Group({
	title,
	rows,
	total,
	all,
}: {
	title: string
	rows: AtHandRow[]
	total: number
	all: { to: string; text: string }
}) {
	const t = useT()
	if (!total) return null
	return (
		<>
			<h3>{title}</h3>
			<ul className="work-list">
				{rows.map(row => (
					<li key={row.id}>
						<Link to={`/plans/${row.id}`}>{row.name || t('plan.notSet')}</Link>
						<PlanFacts plan={row} />
						<span className="plan-facts">{row.organisation_short_name}</span>
					</li>
				))}
			</ul>
			{total > rows.length ? (
				<p>
					<Link to={all.to}>{all.text}</Link>
				</p>
			) : null}
		</>
	)
}
