import {
	type FieldMetadata,
	type FormMetadata,
	getInputProps,
	getSelectProps,
} from '@conform-to/react'
import { Field } from '#app/components/forms.tsx'
import { APPROVAL_RULES } from '#lib/enums.ts'
import { useT } from '#app/utils/i18n.tsx'
import { type ChainValues } from './chain-schema.ts'

type StepValues = NonNullable<ChainValues['steps']>[number]

/** One step of the chain editor: move up/down, remove, its organisation, labels, and approval rule. */
export function ChainStepRow({
	form,
	stepsName,
	step,
	index,
	count,
	choices,
}: {
	form: FormMetadata<ChainValues>
	stepsName: string
	step: FieldMetadata<StepValues, ChainValues>
	index: number
	count: number
	choices: { id: string; name_vi: string }[]
}) {
	const t = useT()
	const stepFields = step.getFieldset()
	const stepName = t('chain.step', { n: index + 1 })
	const buttons = [
		{
			key: 'chain.moveUp',
			className: 'secondary small',
			props: form.reorder.getButtonProps({
				name: stepsName,
				from: index,
				to: index - 1,
			}),
			disabled: index === 0,
		},
		{
			key: 'chain.moveDown',
			className: 'secondary small',
			props: form.reorder.getButtonProps({
				name: stepsName,
				from: index,
				to: index + 1,
			}),
			disabled: index === count - 1,
		},
		{
			key: 'chain.removeStep',
			className: 'danger small',
			props: form.remove.getButtonProps({ name: stepsName, index }),
			disabled: undefined,
		},
	]
	return (
		<li className="step">
			<div className="step-head">
				<strong>{stepName}</strong>
				<div className="actions">
					{buttons.map(button => (
						<button
							key={button.key}
							className={button.className}
							{...button.props}
							disabled={button.disabled}
							aria-label={`${t(button.key)} — ${stepName}`}
						>
							{t(button.key)}
						</button>
					))}
				</div>
			</div>
			<div className="grid-2">
				<Field
					label={t('chain.stepOrganisation')}
					errors={stepFields.organisation_id.errors}
				>
					{props => (
						<select {...getSelectProps(stepFields.organisation_id)} {...props}>
							<option value="" />
							{choices.map(org => (
								<option key={org.id} value={org.id}>
									{org.name_vi}
								</option>
							))}
						</select>
					)}
				</Field>
				{(
					[
						['chain.labelVi', stepFields.label_vi],
						['chain.labelEn', stepFields.label_en],
					] as const
				).map(([label, field]) => (
					<Field key={label} label={t(label)} errors={field.errors}>
						{props => (
							<input {...getInputProps(field, { type: 'text' })} {...props} />
						)}
					</Field>
				))}
			</div>
			{/* Each box beside its own words, on a phone too. */}
			<div className="checks">
				<label>
					<input {...getInputProps(stepFields.optional, { type: 'checkbox' })} />
					<span>{t('chain.optional')}</span>
				</label>
				<label>
					<input
						{...getInputProps(stepFields.requires_written_answer, {
							type: 'checkbox',
						})}
					/>
					<span>{t('answer.requiredOption')}</span>
				</label>
			</div>
			<div className="grid-2">
				<Field
					label={t('approvals.ruleLabel')}
					errors={stepFields.approval_rule.errors}
				>
					{props => (
						<select {...getSelectProps(stepFields.approval_rule)} {...props}>
							{APPROVAL_RULES.map(rule => (
								<option key={rule} value={rule}>
									{t(`approvals.ruleOption.${rule}`)}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field
					label={t('approvals.minLabel')}
					errors={stepFields.min_approvals.errors}
				>
					{props => (
						<input
							{...getInputProps(stepFields.min_approvals, { type: 'number' })}
							min={1}
							{...props}
						/>
					)}
				</Field>
			</div>
		</li>
	)
}
