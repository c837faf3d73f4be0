import {
	type FieldMetadata,
	getInputProps,
	getSelectProps,
} from '@conform-to/react'
import { Field } from '#app/components/forms.tsx'
import { TIMING_KINDS } from '#lib/enums.ts'
import { useT } from '#app/utils/i18n.tsx'

type TimingField = FieldMetadata<string | number | undefined | null>

/** When a delegation goes: a whole year, a month, or exact dd/mm/yyyy dates (plan form and postponement). */
export function TimingFields({
	fields,
	direction,
}: {
	fields: {
		timing_kind: TimingField
		timing_month: TimingField
		start_date: TimingField
		end_date: TimingField
	}
	direction: string
}) {
	const t = useT()
	const kind = fields.timing_kind.value ?? 'year'
	const inbound = direction === 'in' ? '.in' : ''
	return (
		<>
			<Field label={t('plan.timing')} errors={fields.timing_kind.errors}>
				{props => (
					<select {...getSelectProps(fields.timing_kind)} {...props}>
						{TIMING_KINDS.map(k => (
							<option key={k} value={k}>
								{t(`plan.timing.${k}`)}
							</option>
						))}
					</select>
				)}
			</Field>
			{kind === 'month' ? (
				<Field label={t('plan.month')} errors={fields.timing_month.errors}>
					{props => (
						<select {...getSelectProps(fields.timing_month)} {...props}>
							<option value="" />
							{Array.from({ length: 12 }, (_, i) => (
								<option key={i + 1} value={i + 1}>
									{i + 1}
								</option>
							))}
						</select>
					)}
				</Field>
			) : null}
			{kind === 'dates'
				? (['start_date', 'end_date'] as const).map(name => (
						<Field
							key={name}
							label={t(
								name === 'start_date'
									? `plan.startDate${inbound}`
									: `plan.endDate${inbound}`,
							)}
							errors={fields[name].errors}
						>
							{props => (
								<input
									{...getInputProps(fields[name], { type: 'text' })}
									{...props}
									placeholder="dd/mm/yyyy"
									inputMode="numeric"
								/>
							)}
						</Field>
					))
				: null}
		</>
	)
}
