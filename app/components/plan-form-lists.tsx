import {
	type FieldMetadata,
	type FormMetadata,
	getInputProps,
	getSelectProps,
} from '@conform-to/react'
import { ErrorList, Field, TextField } from '#app/components/forms.tsx'
import { CURRENCIES, FUNDING_SOURCES, PASSPORT_TYPES } from '#lib/enums.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import type { PlanFormValues } from './plan-form.tsx'

/** The plan form's delegation members, one row each, added and removed in place. */
export function MembersSection({
	form,
	fields,
	direction,
}: {
	form: FormMetadata<PlanFormValues>
	fields: ReturnType<FormMetadata<PlanFormValues>['getFieldset']>
	direction: string
}) {
	const t = useT()
	const members = fields.members.getFieldList()
	return (
		<section className="panel">
			<h2>{t('plan.members')}</h2>
			<ol className="steps">
				{members.map((member, index) => {
					const m = member.getFieldset()
					return (
						<li key={member.key} className="step">
							<div className="grid-4">
								<TextField
									label={t('plan.member.fullName')}
									field={m.full_name}
								/>
								<TextField label={t('plan.member.title')} field={m.title} />
								<TextField
									label={t('plan.member.organisation')}
									field={m.organisation_name}
								/>
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
	)
}

/** The plan form's budget lines: payer, item, source, amount and currency. */
export function BudgetSection({
	form,
	fields,
}: {
	form: FormMetadata<PlanFormValues>
	fields: ReturnType<FormMetadata<PlanFormValues>['getFieldset']>
}) {
	const t = useT()
	const budget = fields.budget.getFieldList()
	return (
		<section className="panel">
			<h2>{t('plan.budget')}</h2>
			<ol className="steps">
				{budget.map((line, index) => {
					const b = line.getFieldset()
					return (
						<li key={line.key} className="step">
							<div className="grid-5">
								<TextField label={t('plan.budget.payer')} field={b.payer} />
								<TextField label={t('plan.budget.item')} field={b.item} />
								<Field label={t('plan.budget.source')} errors={b.source.errors}>
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
								<Field label={t('plan.budget.amount')} errors={b.amount.errors}>
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
	)
}

/** The chain's optional steps the drafter may send the plan through. */
export function OptionalStepsField({
	steps,
	field,
}: {
	steps: { id: string; label_vi: string; label_en: string }[]
	field: FieldMetadata<string[] | undefined>
}) {
	const t = useT()
	const locale = useLocale()
	if (!steps.length) return null
	// One checked box comes back from the form as a string, several as an array.
	const checked = new Set<unknown>([field.value ?? []].flat())
	return (
		<fieldset className="field">
			<legend>{t('plan.optionalSteps')}</legend>
			<div className="checks">
				{steps.map(step => (
					<label key={step.id}>
						<input
							type="checkbox"
							name={field.name}
							value={step.id}
							defaultChecked={checked.has(step.id)}
						/>
						{locale === 'en' && step.label_en ? step.label_en : step.label_vi}
					</label>
				))}
			</div>
			<ErrorList errors={field.errors} />
		</fieldset>
	)
}
