import { type SubmissionResult } from '@conform-to/react'
import { Link } from '@remix-run/react'
import { type ReactNode } from 'react'
import { type DueUnit, type TimingKind } from '#lib/enums.ts'
import { formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { daysBetween, dueState } from '#lib/trip-dates.ts'
import { CancelForm, DateForm, PostponeForm } from './trip-action-forms.tsx'

export interface TripPlan {
	id: string
	direction: 'out' | 'in'
	status: string
	version: number
	plan_year: number
	timing_kind: TimingKind
	timing_month: number | null
	start_date: string | null
	end_date: string | null
	departed_on: string | null
	returned_on: string | null
	report_due_on: string | null
	/** The rule the due date was computed with (null for due dates set before it was kept). */
	report_due_count?: number | null
	report_due_unit?: DueUnit | null
	cancel_reason: string | null
}

type TripResult = { intent: string; result: SubmissionResult<string[]> }

const OWED = ['trip_done', 'report_returned']
/** The trip's dated events: intent, the date field, and its label. */
const DATE_FORMS = [
	['DEPART', 'departed_on', 'trip.departedOn'],
	['COMPLETE_TRIP', 'returned_on', 'trip.returnedOn'],
] as const

/** "quá hạn 3 ngày" in red, or "còn 5 ngày", for a report not yet with the receivers. */
export function DueNote({ dueOn, today }: { dueOn: string; today: string }) {
	const t = useT()
	const state = dueState(dueOn, today)
	if (state.late)
		return (
			<span className="late">{t('trip.daysLate', { days: state.days })}</span>
		)
	return (
		<span className="muted">
			{state.days === 0
				? t('trip.dueToday')
				: t('trip.daysLeft', { days: state.days })}
		</span>
	)
}

type TripFactsPlan = Pick<
	TripPlan,
	| 'direction'
	| 'status'
	| 'departed_on'
	| 'returned_on'
	| 'report_due_on'
	| 'report_due_count'
	| 'report_due_unit'
	| 'cancel_reason'
>

/** The trip's dates, the report's due date (with days left or late) and a cancellation's reason. */
function useTripFactRows(plan: TripFactsPlan, today: string) {
	const t = useT()
	const inbound = plan.direction === 'in' ? '.in' : ''
	const rows: [string, ReactNode][] = []
	if (plan.departed_on)
		rows.push([t(`trip.departedOn${inbound}`), formatIsoDate(plan.departed_on)])
	if (plan.returned_on)
		rows.push([t(`trip.returnedOn${inbound}`), formatIsoDate(plan.returned_on)])
	if (plan.report_due_on && plan.returned_on)
		rows.push([
			t('trip.reportDue'),
			<>
				{formatIsoDate(plan.report_due_on)}{' '}
				<span className="muted">
					(
					{t(
						`trip.dueRule${plan.report_due_unit === 'working_days' ? 'Working' : ''}${inbound}`,
						{
							days:
								plan.report_due_count ??
								daysBetween(plan.returned_on, plan.report_due_on),
						},
					)}
					)
				</span>
				{OWED.includes(plan.status) ? (
					<>
						{' · '}
						<DueNote dueOn={plan.report_due_on} today={today} />
					</>
				) : null}
			</>,
		])
	if (plan.cancel_reason)
		rows.push([t('trip.cancelReason'), plan.cancel_reason])
	return rows
}

function FactsTable({ rows }: { rows: [string, ReactNode][] }) {
	return (
		<table className="details">
			<tbody>
				{rows.map(([label, value]) => (
					<tr key={label}>
						<th scope="row">{label}</th>
						<td className="pre">{value}</td>
					</tr>
				))}
			</tbody>
		</table>
	)
}

/** The trip's facts on their own (the report page). */
export function TripFacts({
	plan,
	today,
}: {
	plan: TripFactsPlan
	today: string
}) {
	const rows = useTripFactRows(plan, today)
	return rows.length ? (
		<section className="panel">
			<FactsTable rows={rows} />
		</section>
	) : null
}

/**
 * "Chuyến đi" on the plan page: the trip's facts, and for the owning drafter the forms that
 * record it (each posting its own intent), the way to the report, and the amendment link.
 */
export function TripPanel({
	plan,
	actions,
	today,
	hasReport,
	canAmend,
	last,
	defaults,
}: {
	plan: TripPlan
	actions: string[]
	today: string
	hasReport: boolean
	canAmend: boolean
	last: TripResult | null
	/** What the date fields offer (the approved dates), by intent. */
	defaults: { DEPART: string | null; COMPLETE_TRIP: string | null }
}) {
	const t = useT()
	const rows = useTripFactRows(plan, today)
	const inbound = plan.direction === 'in' ? '.in' : ''
	const lastFor = (intent: string) =>
		last?.intent === intent ? last.result : undefined
	const forms: ReactNode[] = []
	for (const [intent, name, label] of DATE_FORMS)
		if (actions.includes(intent))
			forms.push(
				<DateForm
					key={intent}
					intent={intent}
					name={name}
					label={t(`${label}${inbound}`)}
					button={t(`plan.action.${intent.toLowerCase()}${inbound}`)}
					plan={plan}
					defaultDate={defaults[intent]}
					lastResult={lastFor(intent)}
				/>,
			)
	const reportVisible =
		actions.includes('SUBMIT_REPORT') ||
		['report_submitted', 'report_returned', 'closed'].includes(plan.status) ||
		(plan.status === 'trip_done' && hasReport)
	if (reportVisible)
		forms.push(
			<p key="report" className="actions">
				<Link
					className={
						actions.includes('SUBMIT_REPORT') ? 'button' : 'button secondary'
					}
					to={`/plans/${plan.id}/report`}
				>
					{t(
						!actions.includes('SUBMIT_REPORT')
							? 'report.view'
							: hasReport
								? 'report.continue'
								: 'report.write',
					)}
				</Link>
			</p>,
		)
	if (actions.includes('POSTPONE') || actions.includes('AMEND'))
		forms.push(
			<PostponeForm
				key="POSTPONE"
				plan={plan}
				lastResult={lastFor('POSTPONE')}
			/>,
		)
	if (canAmend)
		forms.push(
			<p key="amend" className="trip-amend">
				<Link to={`/plans/${plan.id}/edit`}>{t('plan.action.amend')}</Link>{' '}
				<span className="muted">{t('trip.amendHint')}</span>
			</p>,
		)
	if (actions.includes('CANCEL'))
		forms.push(
			<CancelForm key="CANCEL" plan={plan} lastResult={lastFor('CANCEL')} />,
		)
	if (!rows.length && !forms.length) return null
	return (
		<section className="panel trip-panel">
			<h2>{t(`trip.title${inbound}`)}</h2>
			{rows.length ? <FactsTable rows={rows} /> : null}
			{forms.length ? <div className="trip-actions">{forms}</div> : null}
		</section>
	)
}
