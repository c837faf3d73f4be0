import {
	getFormProps,
	getInputProps,
	getSelectProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { AttachmentsSection } from '#app/components/attachments-section.tsx'
import { Form } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { daysBetween } from '#lib/trip-dates.ts'
import { type z } from 'zod'
import {
	DefaultSubmit,
	Field,
	FormErrors,
	RequiredLegend,
	SubmitButton,
	TextareaField,
	TextField,
} from '#app/components/forms.tsx'
import { useDraftOrSubmitValidation } from '#app/components/draft-validation.ts'
import { TimingFields } from '#app/components/timing-fields.tsx'
import { DIRECTIONS } from '#lib/enums.ts'
import { COUNTRY_CODES, countryName } from '#lib/countries.ts'
import { formatIsoDate, formatNumber, parseDate } from '#lib/format.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import {
	type PlanDraft,
	PlanDraftSchema,
	PlanSubmitSchema,
} from '#workflows/plans/plan-schema.ts'
import {
	BudgetSection,
	MembersSection,
	OptionalStepsField,
} from './plan-form-lists.tsx'

export interface PlanFormProps {
	lastResult?: SubmissionResult<string[]>
	defaultValue?: PlanDraft
	partners: { id: string; name_vi: string; country: string | null }[]
	optionalSteps: { id: string; label_vi: string; label_en: string }[]
	attachments: { id: string; file_name: string; size: number }[]
	resubmit: boolean
	/** An approved plan: one "save" button and the reason of the change. */
	amend?: boolean
}

export type PlanFormValues = z.input<typeof PlanDraftSchema> & {
	attachments?: string
	amend_reason?: string
}

/** Dates are typed as dd/mm/yyyy and amounts as 45.000.000; the stored plan has ISO dates and numbers. */
function formDefaults(plan: PlanDraft | undefined): PlanFormValues {
	if (!plan)
		return {
			plan_year: new Date().getFullYear() + 1,
			direction: 'out',
			timing_kind: 'year',
		}
	return {
		...plan,
		start_date: formatIsoDate(plan.start_date),
		end_date: formatIsoDate(plan.end_date),
		budget: plan.budget?.map(line => ({
			...line,
			amount: line.amount === undefined ? undefined : formatNumber(line.amount),
		})),
	}
}

export function PlanForm({
	lastResult,
	defaultValue,
	partners,
	optionalSteps,
	attachments,
	resubmit,
	amend = false,
}: PlanFormProps) {
	const t = useT()
	const locale = useLocale()
	const [form, fields] = useForm<PlanFormValues>({
		id: 'plan',
		lastResult,
		defaultValue: formDefaults(defaultValue),
		constraint: getZodConstraint(PlanDraftSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: useDraftOrSubmitValidation({
			draft: PlanDraftSchema,
			submit: PlanSubmitSchema,
			submitIntents: ['submit', 'amend'],
			submitting: amend || lastResult?.initialValue?.intent === 'submit',
		}),
	})
	const direction = fields.direction.value ?? 'out'

	// Filled in for the user: the partner's country, and the days from exact dates.
	const partnerId = fields.partner_id.value
	const chosen = useRef(partnerId)
	useEffect(() => {
		if (chosen.current === partnerId) return
		chosen.current = partnerId
		const country = partners.find(p => p.id === partnerId)?.country
		if (country) form.update({ name: fields.country.name, value: country })
	}, [partnerId, partners, form, fields.country.name])
	const start = fields.start_date.value
	const end = fields.end_date.value
	const dates = useRef(`${start}|${end}`)
	useEffect(() => {
		if (dates.current === `${start}|${end}`) return
		dates.current = `${start}|${end}`
		const days = tripDays(start, end)
		if (days) form.update({ name: fields.days.name, value: String(days) })
	}, [start, end, form, fields.days.name])

	return (
		<Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
			<DefaultSubmit name="intent" value={amend ? 'amend' : 'save'} />
			<FormErrors id={form.errorId} errors={form.errors} />
			<RequiredLegend />
			<input {...getInputProps(fields.version, { type: 'hidden' })} />
			<section className="panel">
				<h2>{t('plan.details')}</h2>
				<div className="grid-2">
					<Field label={t('plan.year')} errors={fields.plan_year.errors}>
						{props => (
							<input
								{...getInputProps(fields.plan_year, { type: 'number' })}
								{...props}
							/>
						)}
					</Field>
					<Field label={t('plan.direction')} errors={fields.direction.errors}>
						{props => (
							<select {...getSelectProps(fields.direction)} {...props}>
								{DIRECTIONS.map(d => (
									<option key={d} value={d}>
										{t(`plan.direction.${d}`)}
									</option>
								))}
							</select>
						)}
					</Field>
					<TextField
						label={t('plan.name')}
						field={fields.name}
						required
						placeholder={t('plan.placeholder.name')}
					/>
					<TextField
						label={t('plan.inNameOf')}
						field={fields.in_name_of}
						required
						placeholder={t('plan.placeholder.inNameOf')}
					/>
					<TextField
						label={t('plan.headTitle')}
						field={fields.head_title}
						required
						placeholder={t('plan.placeholder.headTitle')}
					/>
					<TextField
						label={t('plan.headName')}
						field={fields.head_name}
						placeholder={t('plan.placeholder.headName')}
						hint={t('plan.headIsMember')}
					/>
					<Field
						label={t(`plan.country.${direction === 'in' ? 'in' : 'out'}`)}
						errors={fields.country.errors}
						required
					>
						{props => (
							<select {...getSelectProps(fields.country)} {...props}>
								<option value="" />
								{COUNTRY_CODES.filter(c => c !== 'VN').map(code => (
									<option key={code} value={code}>
										{countryName(code, locale)}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field
						label={t('plan.partner')}
						errors={fields.partner_id.errors}
						required
					>
						{props => (
							<select {...getSelectProps(fields.partner_id)} {...props}>
								<option value="">{t('plan.partnerOther')}</option>
								{partners.map(p => (
									<option key={p.id} value={p.id}>
										{p.name_vi}
									</option>
								))}
							</select>
						)}
					</Field>
					{fields.partner_id.value ? null : (
						<TextField
							label={t('plan.partnerName')}
							field={fields.partner_name}
						/>
					)}
					<Field
						label={t('plan.memberCount')}
						errors={fields.member_count.errors}
						hint={t('plan.memberCountHint')}
					>
						{props => (
							<input
								{...getInputProps(fields.member_count, { type: 'number' })}
								{...props}
								min={1}
							/>
						)}
					</Field>
					<TextField
						label={t('plan.days')}
						field={fields.days}
						hint={t('plan.daysHint')}
						required
						placeholder={t('plan.placeholder.days')}
					/>
					<TimingFields fields={fields} direction={direction} />
				</div>
				<TextareaField
					label={t('plan.activities')}
					field={fields.activities}
					hint={t('plan.activitiesHint')}
					required
					rows={4}
				/>
				<OptionalStepsField
					steps={optionalSteps}
					field={fields.optional_step_ids}
				/>
			</section>

			<MembersSection
				form={form}
				fields={fields}
				direction={direction}
				head={{
					full_name: fields.head_name.value ?? '',
					title: fields.head_title.value ?? '',
				}}
			/>

			<BudgetSection form={form} fields={fields} />

			<AttachmentsSection
				attachments={attachments}
				errors={fields.attachments.errors}
				hint={t('plan.attachmentsHint')}
			/>

			{amend ? (
				<section className="panel">
					<TextareaField
						label={t('plan.amendReason')}
						field={fields.amend_reason}
						hint={t('plan.amendReasonHint')}
						rows={3}
					/>
				</section>
			) : null}
			<div className="actions sticky-actions">
				{amend ? (
					<SubmitButton name="intent" value="amend">
						{t('plan.saveAmendment')}
					</SubmitButton>
				) : (
					<>
						<SubmitButton name="intent" value="save" className="secondary">
							{t('plan.saveDraft')}
						</SubmitButton>
						<SubmitButton name="intent" value="submit">
							{t(resubmit ? 'plan.saveAndResubmit' : 'plan.saveAndSubmit')}
						</SubmitButton>
					</>
				)}
			</div>
		</Form>
	)
}

/** Days from dd/mm/yyyy `start` to `end`, both counted; undefined unless both are real dates in order. */
function tripDays(start?: string, end?: string) {
	const from = start ? parseDate(start) : null
	const to = end ? parseDate(end) : null
	if (!from || !to) return undefined
	const days = daysBetween(from, to) + 1
	return days >= 1 && days <= 366 ? days : undefined
}
