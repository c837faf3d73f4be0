import {
	getFormProps,
	getInputProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { Field, FormErrors, TextareaField } from '#app/components/forms.tsx'
import { TimingFields } from '#app/components/timing-fields.tsx'
import { formatIsoDate } from '#lib/format.ts'
import { approvedRange } from '#lib/trip-dates.ts'
import { useT } from '#app/utils/i18n.tsx'
import type { TripPlan } from './trip-forms.tsx'

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

export function DateForm({
	intent,
	name,
	label,
	button,
	plan,
	defaultDate,
	lastResult,
}: {
	intent: 'DEPART' | 'COMPLETE_TRIP'
	name: string
	label: string
	button: string
	plan: TripPlan
	defaultDate: string | null
	lastResult: SubmissionResult<string[]> | undefined
}) {
	const t = useT()
	const busy = useNavigation().state !== 'idle'
	const [form, fields] = useTripForm(intent, lastResult, {
		[name]: formatIsoDate(defaultDate),
	})
	// Asked for once the server says the date is far from the approved one, and kept while answering.
	const askConfirm =
		fields[name].errors?.some(e => e.startsWith('trip.offApproved.')) ||
		Boolean(fields.confirm_dates.value) ||
		Boolean(fields.date_reason.errors)
	const approved = approvedRange(plan, intent)
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
			{askConfirm ? (
				<>
					<div className="field">
						<label className="checks">
							<input
								{...getInputProps(fields.confirm_dates, { type: 'checkbox' })}
							/>{' '}
							{t('trip.confirmDates', {
								approved:
									approved.from === approved.to
										? formatIsoDate(approved.from)
										: `${formatIsoDate(approved.from)} – ${formatIsoDate(approved.to)}`,
							})}
						</label>
					</div>
					<TextareaField
						label={t('trip.dateReason')}
						field={fields.date_reason}
						rows={2}
					/>
				</>
			) : null}
			<button type="submit" disabled={busy}>
				{button}
			</button>
		</Form>
	)
}

export function CancelForm({
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
				<TextareaField
					label={t('trip.cancelReason')}
					field={fields.reason}
					hint={t('trip.cancelHint')}
					rows={2}
				/>
				<button type="submit" className="danger" disabled={busy}>
					{t('plan.action.cancel')}
				</button>
			</Form>
		</details>
	)
}

export function PostponeForm({
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
				<TextareaField
					label={t('trip.reason')}
					field={fields.reason}
					rows={2}
				/>
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
