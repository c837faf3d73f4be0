import { useReportDue } from '#app/components/report-due.tsx'
import { Link } from '@remix-run/react'
import { useT } from '#app/utils/i18n.tsx'
import { formatIsoDate } from '#lib/format.ts'
import { PlanFacts } from './plan-facts.tsx'

interface WorkRow {
	id: string
	name: string
	status: string
	country: string | null
	plan_year: number
	start_date: string | null
	end_date: string | null
	timing_kind: string
	timing_month: number | null
	report_due_on: string | null
	report_due_count?: number | null
	report_due_unit?: 'days' | 'working_days' | null
	last_day?: string | null
	start_by?: string | null
	comment: string | null
}

const GROUPS = [
	{ key: 'returned', statuses: ['returned', 'report_returned'] },
	{ key: 'reports', statuses: ['trip_done'] },
	{ key: 'drafts', statuses: ['drafting'] },
	{ key: 'approved', statuses: ['approved'] },
	{ key: 'departed', statuses: ['departed'] },
] as const

/** The drafter's next steps: what was returned (and why), reports to write, drafts not sent, approved plans and trips under way to record. */
export function DrafterWork({
	rows,
	today,
}: {
	rows: WorkRow[]
	today: string
}) {
	const t = useT()
	const reportDue = useReportDue()
	if (!rows.length) return null
	// The day an approved plan was to start by, or a trip under way to end by (the list gives each
	// only the one its status has), once it has passed.
	const missedDay = (row: WorkRow) => {
		const day = row.start_by ?? row.last_day
		return day && day < today ? day : null
	}
	const href = (row: WorkRow) =>
		row.status === 'trip_done' || row.status === 'report_returned'
			? `/plans/${row.id}/report`
			: row.status === 'drafting' || row.status === 'returned'
				? `/plans/${row.id}/edit`
				: `/plans/${row.id}`
	return (
		<section className="panel highlight" aria-labelledby="drafter-work">
			<h2 id="drafter-work">{t('home.work')}</h2>
			{GROUPS.map(group => {
				const list = rows.filter(r =>
					(group.statuses as readonly string[]).includes(r.status),
				)
				if (!list.length) return null
				return (
					<div key={group.key}>
						<h3>{t(`home.work.${group.key}`)}</h3>
						<ul className="work-list">
							{list.map(row => (
								<li key={row.id}>
									<Link to={href(row)}>{row.name || t('plan.notSet')}</Link>
									<PlanFacts plan={row} />
									{missedDay(row) ? (
										<span className="late">
											{t(
												row.start_by
													? 'home.work.startOver'
													: 'home.work.tripOver',
												{ date: formatIsoDate(missedDay(row)) },
											)}
										</span>
									) : null}
									{row.report_due_on && row.status !== 'approved' ? (
										<span
											className={
												row.report_due_on < today ? 'late' : 'plan-facts'
											}
										>
											{t(
												row.report_due_on < today
													? 'home.work.overdue'
													: 'home.work.due',
												{ date: reportDue(row) },
											)}
										</span>
									) : null}
									{row.comment ? (
										<p className="comment">
											{t('home.work.comment', { comment: row.comment })}
										</p>
									) : null}
								</li>
							))}
						</ul>
					</div>
				)
			})}
		</section>
	)
}
