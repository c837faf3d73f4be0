import {
	type FieldMetadata,
	getFormProps,
	getInputProps,
	getSelectProps,
	getTextareaProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { AttachmentsSection } from '#app/components/attachments-section.tsx'
import { Form } from '@remix-run/react'
import { type z } from 'zod'
import {
	ErrorList,
	Field,
	FormErrors,
	useDraftOrSubmitValidation,
} from '#app/components/forms.tsx'
import { TimingFields } from '#app/components/timing-fields.tsx'
import {
	CURRENCIES,
	DIRECTIONS,
	FUNDING_SOURCES,
	PASSPORT_TYPES,
} from '#db/schema.ts'
import { COUNTRY_CODES, countryName } from '#app/utils/countries.ts'
import { formatIsoDate } from '#app/utils/format.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import {
	type PlanDraft,
	PlanDraftSchema,
	PlanSubmitSchema,
} from '#app/utils/plan-schema.ts'

export interface PlanFormProps {
	lastResult?: SubmissionResult<string[]>
	defaultValue?: PlanDraft
	partners: { id: string; name_vi: string }[]
	optionalSteps: { id: string; label_vi: string; label_en: string }[]
	attachments: { id: string; file_name: string; size: number }[]
	resubmit: boolean
	/** An approved plan: one "save" button and the reason of the change. */
	amend?: boolean
}

type PlanFormValues = z.input<typeof PlanDraftSchema> & {
	attachments?: string
	amend_reason?: string
}

/** Dates are typed as dd/mm/yyyy; the stored plan has ISO dates. */
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
	const members = fields.members.getFieldList()
	const budget = fields.budget.getFieldList()
	// One checked box comes back from the form as a string, several as an array.
	const checkedSteps = new Set<unknown>(
		[fields.optional_step_ids.value ?? []].flat(),
	)
	const text = (field: FieldMetadata<string | undefined>) =>
		getInputProps(field, { type: 'text' })

	return (
		<Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
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
					<Field label={t('plan.name')} errors={fields.name.errors}>
						{props => (
							<input
								{...text(fields.name)}
								{...props}
								placeholder="Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)"
							/>
						)}
					</Field>
					<Field label={t('plan.inNameOf')} errors={fields.in_name_of.errors}>
						{props => <input {...text(fields.in_name_of)} {...props} />}
					</Field>
					<Field label={t('plan.headTitle')} errors={fields.head_title.errors}>
						{props => <input {...text(fields.head_title)} {...props} />}
					</Field>
					<Field label={t('plan.headName')} errors={fields.head_name.errors}>
						{props => <input {...text(fields.head_name)} {...props} />}
					</Field>
					<Field
						label={t(`plan.country.${direction === 'in' ? 'in' : 'out'}`)}
						errors={fields.country.errors}
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
					<Field label={t('plan.partner')} errors={fields.partner_id.errors}>
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
						<Field
							label={t('plan.partnerName')}
							errors={fields.partner_name.errors}
						>
							{props => <input {...text(fields.partner_name)} {...props} />}
						</Field>
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
					<Field
						label={t('plan.days')}
						errors={fields.days.errors}
						hint={t('plan.daysHint')}
					>
						{props => <input {...text(fields.days)} {...props} />}
					</Field>
					<TimingFields fields={fields} direction={direction} />
				</div>
				<Field
					label={t('plan.activities')}
					errors={fields.activities.errors}
					hint={t('plan.activitiesHint')}
				>
					{props => (
						<textarea
							{...getTextareaProps(fields.activities)}
							{...props}
							rows={4}
						/>
					)}
				</Field>
				{optionalSteps.length ? (
					<fieldset className="field">
						<legend>{t('plan.optionalSteps')}</legend>
						<div className="checks">
							{optionalSteps.map(step => (
								<label key={step.id}>
									<input
										type="checkbox"
										name={fields.optional_step_ids.name}
										value={step.id}
										defaultChecked={checkedSteps.has(step.id)}
									/>
									{locale === 'en' && step.label_en
										? step.label_en
										: step.label_vi}
								</label>
							))}
						</div>
						<ErrorList errors={fields.optional_step_ids.errors} />
					</fieldset>
				) : null}
			</section>

			<section className="panel">
				<h2>{t('plan.members')}</h2>
				<ol className="steps">
					{members.map((member, index) => {
						const m = member.getFieldset()
						return (
							<li key={member.key} className="step">
								<div className="grid-4">
									<Field
										label={t('plan.member.fullName')}
										errors={m.full_name.errors}
									>
										{props => <input {...text(m.full_name)} {...props} />}
									</Field>
									<Field label={t('plan.member.title')} errors={m.title.errors}>
										{props => <input {...text(m.title)} {...props} />}
									</Field>
									<Field
										label={t('plan.member.organisation')}
										errors={m.organisation_name.errors}
									>
										{props => (
											<input {...text(m.organisation_name)} {...props} />
										)}
									</Field>
									{direction === 'out' ? (
										<Field
											label={t('plan.member.passport')}
											errors={m.passport_type.errors}
										>
											{props => (
												<select {...getSelectProps(m.passport_type)} {...props}>
													<option value="" />
													{PASSPORT_TYPES.map(p => (
														<option key={p} value={p}>
															{t(`passport.${p}`)}
														</option>
													))}
												</select>
											)}
										</Field>
									) : null}
								</div>
								<button
									className="danger small"
									{...form.remove.getButtonProps({
										name: fields.members.name,
										index,
									})}
								>
									{t('plan.removeMember')}
								</button>
							</li>
						)
					})}
				</ol>
				<ErrorList errors={fields.members.errors} />
				<button
					className="secondary"
					{...form.insert.getButtonProps({ name: fields.members.name })}
				>
					{t('plan.addMember')}
				</button>
			</section>

			<section className="panel">
				<h2>{t('plan.budget')}</h2>
				<ol className="steps">
					{budget.map((line, index) => {
						const b = line.getFieldset()
						return (
							<li key={line.key} className="step">
								<div className="grid-5">
									<Field label={t('plan.budget.payer')} errors={b.payer.errors}>
										{props => <input {...text(b.payer)} {...props} />}
									</Field>
									<Field label={t('plan.budget.item')} errors={b.item.errors}>
										{props => <input {...text(b.item)} {...props} />}
									</Field>
									<Field
										label={t('plan.budget.source')}
										errors={b.source.errors}
									>
										{props => (
											<select {...getSelectProps(b.source)} {...props}>
												<option value="" />
												{FUNDING_SOURCES.map(s => (
													<option key={s} value={s}>
														{t(`source.${s}`)}
													</option>
												))}
											</select>
										)}
									</Field>
									<Field
										label={t('plan.budget.amount')}
										errors={b.amount.errors}
									>
										{props => (
											<input
												{...getInputProps(b.amount, { type: 'number' })}
												{...props}
												min={0}
												step="any"
											/>
										)}
									</Field>
									<Field
										label={t('plan.budget.currency')}
										errors={b.currency.errors}
									>
										{props => (
											<select {...getSelectProps(b.currency)} {...props}>
												<option value="" />
												{CURRENCIES.map(c => (
													<option key={c} value={c}>
														{c}
													</option>
												))}
											</select>
										)}
									</Field>
								</div>
								<button
									className="danger small"
									{...form.remove.getButtonProps({
										name: fields.budget.name,
										index,
									})}
								>
									{t('plan.removeBudget')}
								</button>
							</li>
						)
					})}
				</ol>
				<ErrorList errors={fields.budget.errors} />
				<button
					className="secondary"
					{...form.insert.getButtonProps({ name: fields.budget.name })}
				>
					{t('plan.addBudget')}
				</button>
			</section>

			<AttachmentsSection
				attachments={attachments}
				errors={fields.attachments.errors}
				hint={t('plan.attachmentsHint')}
			/>

			{amend ? (
				<section className="panel">
					<Field
						label={t('plan.amendReason')}
						errors={fields.amend_reason.errors}
						hint={t('plan.amendReasonHint')}
					>
						{props => (
							<textarea
								{...getTextareaProps(fields.amend_reason)}
								{...props}
								rows={3}
							/>
						)}
					</Field>
				</section>
			) : null}
			<div className="actions sticky-actions">
				{amend ? (
					<button type="submit" name="intent" value="amend">
						{t('plan.saveAmendment')}
					</button>
				) : (
					<>
						<button
							type="submit"
							name="intent"
							value="save"
							className="secondary"
						>
							{t('plan.saveDraft')}
						</button>
						<button type="submit" name="intent" value="submit">
							{t(resubmit ? 'plan.saveAndResubmit' : 'plan.saveAndSubmit')}
						</button>
					</>
				)}
			</div>
		</Form>
	)
}
