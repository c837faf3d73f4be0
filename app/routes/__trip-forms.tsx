import {
	getFormProps,
	getInputProps,
	getTextareaProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { Form, Link, useNavigation } from '@remix-run/react'
import { type ReactNode } from 'react'
import { Field, FormErrors } from '#app/components/forms.tsx'
import { TimingFields } from '#app/components/timing-fields.tsx'
import { type TimingKind } from '#db/schema.ts'
import { formatIsoDate } from '#app/utils/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { daysBetween, dueState } from '#app/utils/trip-dates.ts'

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
	cancel_reason: string | null
}

type TripResult = { intent: string; result: SubmissionResult<string[]> }

const OWED = ['trip_done', 'report_returned']

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
					{t(`trip.dueRule${inbound}`, {
						days: daysBetween(plan.returned_on, plan.report_due_on),
					})}
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
}: {
	plan: TripPlan
	actions: string[]
	today: string
	hasReport: boolean
	canAmend: boolean
	last: TripResult | null
}) {
	const t = useT()
	const rows = useTripFactRows(plan, today)
	const inbound = plan.direction === 'in' ? '.in' : ''
	const lastFor = (intent: string) =>
		last?.intent === intent ? last.result : undefined
	const forms: ReactNode[] = []
	if (actions.includes('DEPART'))
		forms.push(
			<DateForm
				key="DEPART"
				intent="DEPART"
				name="departed_on"
				label={t(`trip.departedOn${inbound}`)}
				button={t(`plan.action.depart${inbound}`)}
				plan={plan}
				today={today}
				lastResult={lastFor('DEPART')}
			/>,
		)
	if (actions.includes('COMPLETE_TRIP'))
		forms.push(
			<DateForm
				key="COMPLETE_TRIP"
				intent="COMPLETE_TRIP"
				name="returned_on"
				label={t(`trip.returnedOn${inbound}`)}
				button={t(`plan.action.complete_trip${inbound}`)}
				plan={plan}
				today={today}
				lastResult={lastFor('COMPLETE_TRIP')}
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

function useTripForm(
	intent: string,
	lastResult: SubmissionResult<string[]> | undefined,
	defaultValue: Record<string, string>,
) {
	return useForm<Record<string, string>>({
		id: `trip-${intent}`,
		lastResult,
		defaultValue,
		shouldValidate: 'onSubmit',
	})
}

function Hidden({ intent, version }: { intent: string; version: number }) {
	return (
		<>
			<input type="hidden" name="intent" value={intent} />
			<input type="hidden" name="version" value={version} />
		</>
	)
}

function DateForm({
	intent,
	name,
	label,
	button,
	plan,
	today,
	lastResult,
}: {
	intent: string
	name: string
	label: string
	button: string
	plan: TripPlan
	today: string
	lastResult: SubmissionResult<string[]> | undefined
}) {
	const busy = useNavigation().state !== 'idle'
	const [form, fields] = useTripForm(intent, lastResult, {
		[name]: formatIsoDate(today),
	})
	return (
		<Form method="post" className="trip-form" {...getFormProps(form)}>
			<Hidden intent={intent} version={plan.version} />
			<FormErrors id={form.errorId} errors={form.errors} />
			<Field label={label} errors={fields[name].errors}>
				{props => (
					<input
						{...getInputProps(fields[name], { type: 'text' })}
						{...props}
						placeholder="dd/mm/yyyy"
						inputMode="numeric"
					/>
				)}
			</Field>
			<button type="submit" disabled={busy}>
				{button}
			</button>
		</Form>
	)
}

function CancelForm({
	plan,
	lastResult,
}: {
	plan: TripPlan
	lastResult: SubmissionResult<string[]> | undefined
}) {
	const t = useT()
	const busy = useNavigation().state !== 'idle'
	const [form, fields] = useTripForm('CANCEL', lastResult, {})
	return (
		<details className="trip-more" open={Boolean(lastResult)}>
			<summary>{t('plan.action.cancel')}</summary>
			<Form method="post" className="trip-form" {...getFormProps(form)}>
				<Hidden intent="CANCEL" version={plan.version} />
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					label={t('trip.cancelReason')}
					errors={fields.reason.errors}
					hint={t('trip.cancelHint')}
				>
					{props => (
						<textarea
							{...getTextareaProps(fields.reason)}
							{...props}
							rows={2}
						/>
					)}
				</Field>
				<button type="submit" className="danger" disabled={busy}>
					{t('plan.action.cancel')}
				</button>
			</Form>
		</details>
	)
}

function PostponeForm({
	plan,
	lastResult,
}: {
	plan: TripPlan
	lastResult: SubmissionResult<string[]> | undefined
}) {
	const t = useT()
	const busy = useNavigation().state !== 'idle'
	const [form, fields] = useTripForm('POSTPONE', lastResult, {
		plan_year: String(plan.plan_year),
		timing_kind: plan.timing_kind as string,
		timing_month: plan.timing_month ? String(plan.timing_month) : '',
		start_date: formatIsoDate(plan.start_date),
		end_date: formatIsoDate(plan.end_date),
	})
	return (
		<details className="trip-more" open={Boolean(lastResult)}>
			<summary>{t('plan.action.postpone')}</summary>
			<Form method="post" className="trip-form" {...getFormProps(form)}>
				<Hidden intent="POSTPONE" version={plan.version} />
				<p className="hint">
					{t('trip.postponeHint', { year: plan.plan_year })}
				</p>
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field label={t('trip.reason')} errors={fields.reason.errors}>
					{props => (
						<textarea
							{...getTextareaProps(fields.reason)}
							{...props}
							rows={2}
						/>
					)}
				</Field>
				<div className="grid-2">
					<Field label={t('plan.year')} errors={fields.plan_year.errors}>
						{props => (
							<input
								{...getInputProps(fields.plan_year, { type: 'number' })}
								{...props}
							/>
						)}
					</Field>
					<TimingFields
						fields={{
							timing_kind: fields.timing_kind,
							timing_month: fields.timing_month,
							start_date: fields.start_date,
							end_date: fields.end_date,
						}}
						direction={plan.direction}
					/>
				</div>
				<button type="submit" className="secondary" disabled={busy}>
					{t('plan.action.postpone')}
				</button>
			</Form>
		</details>
	)
}
