import { Link } from '@remix-run/react'
import { useT } from '#app/utils/i18n.tsx'
import { formatDate } from '#lib/format.ts'
import { StatusBadge } from './plan-view.tsx'

interface Decided {
	event_id: string | number
	event: string
	created_at: string
	id: string
	name: string
	status: string
	direction: 'out' | 'in'
	step_organisation: string | null
}

/** An approver's latest decisions and where each plan stands now (did the next step approve it?). */
export function MyDecisions({ rows }: { rows: Decided[] }) {
	const t = useT()
	if (!rows.length) return null
	return (
		<section className="panel" aria-labelledby="my-decisions">
			<h2 id="my-decisions">{t('home.decided')}</h2>
			<ul className="work-list">
				{rows.map(row => (
					<li key={row.event_id}>
						<Link to={`/plans/${row.id}`}>{row.name || t('plan.notSet')}</Link>
						<span className="plan-facts">
							{t('home.decided.line', {
								decision: t(
									row.event === 'APPROVE_PARTIAL'
										? 'event.APPROVE'
										: (`event.${row.event}` as 'event.APPROVE'),
								),
								date: formatDate(row.created_at),
							})}
						</span>
						<span className="plan-facts">
							{t('home.decided.now')}{' '}
							<StatusBadge
								status={row.status}
								stepLabel={row.step_organisation}
								direction={row.direction}
							/>
						</span>
					</li>
				))}
			</ul>
		</section>
	)
}
