import {
	getFormProps,
	getInputProps,
	getSelectProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { z } from 'zod'
import { Field, FormErrors } from '#app/components/forms.tsx'
import { DUE_UNITS, ORGANISATION_KINDS } from '#lib/enums.ts'
import { COUNTRY_CODES, countryName } from '#lib/countries.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { MAX_INT } from '#lib/column-limits.ts'
import { tooLong } from '#lib/form-errors.ts'

const text = (max: number) =>
	z
		.string({ error: 'error.required' })
		.trim()
		.min(1, { error: 'error.required' })
		.max(max, { error: tooLong(max) })
const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: tooLong(max) })
		.optional()

const dayCount = z
	.number({ error: 'org.daysInvalid' })
	.int({ error: 'org.daysInvalid' })
	.min(1, { error: 'org.daysInvalid' })
	.max(365, { error: 'org.daysInvalid' })

export const OrganisationSchema = z.object({
	version: z.number().int().min(0).max(MAX_INT).optional(),
	kind: z.enum(ORGANISATION_KINDS, { error: 'error.invalidChoice' }),
	name_vi: text(300),
	name_en: optionalText(300),
	short_name: text(100),
	province: optionalText(100),
	country: z.enum(COUNTRY_CODES, { error: 'error.invalidChoice' }),
	parent_id: z.uuid({ error: 'error.invalidChoice' }).optional(),
	report_due_days: dayCount,
	/** Whether report_due_days counts calendar days or working days (kept when not sent). */
	report_due_unit: z
		.enum(DUE_UNITS, { error: 'org.reportDueUnitInvalid' })
		.optional(),
	approval_reminder_days: dayCount,
	/** Working days after the return within which passports must be handed back. */
	passport_return_working_days: z
		.number({ error: 'org.daysInvalid' })
		.int({ error: 'org.daysInvalid' })
		.min(1, { error: 'org.daysInvalid' })
		.max(60, { error: 'org.daysInvalid' })
		.optional(),
})

const ORGANISATION_DEFAULTS: Partial<
	Record<keyof OrganisationValues, string | number | null>
> = {
	country: 'VN',
	report_due_days: 15,
	report_due_unit: 'days',
	approval_reminder_days: 5,
	passport_return_working_days: 5,
}

export type OrganisationValues = z.infer<typeof OrganisationSchema>

export function organisationRow(value: OrganisationValues) {
	return {
		kind: value.kind,
		name_vi: value.name_vi,
		name_en: value.name_en ?? '',
		short_name: value.short_name,
		province: value.province ?? null,
		country: value.country,
		parent_id: value.parent_id ?? null,
		report_due_days: value.report_due_days,
		...(value.report_due_unit === undefined
			? {}
			: { report_due_unit: value.report_due_unit }),
		approval_reminder_days: value.approval_reminder_days,
		...(value.passport_return_working_days === undefined
			? {}
			: { passport_return_working_days: value.passport_return_working_days }),
	}
}

export function OrganisationForm({
	lastResult,
	defaultValue,
	parents,
	canChangeKind,
}: {
	lastResult?: SubmissionResult<string[]>
	defaultValue?: Partial<
		Record<keyof OrganisationValues, string | number | null>
	>
	parents: { id: string; name_vi: string }[]
	canChangeKind: boolean
}) {
	const t = useT()
	const locale = useLocale()
	const [form, fields] = useForm({
		id: 'organisation',
		lastResult,
		defaultValue: { ...ORGANISATION_DEFAULTS, ...defaultValue },
		constraint: getZodConstraint(OrganisationSchema),
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) =>
			parseWithZod(formData, { schema: OrganisationSchema }),
	})
	return (
		<Form method="post" className="panel" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			<input {...getInputProps(fields.version, { type: 'hidden' })} />
			<div className="grid-2">
				<Field label={t('org.nameVi')} errors={fields.name_vi.errors}>
					{props => (
						<input
							{...getInputProps(fields.name_vi, { type: 'text' })}
							{...props}
						/>
					)}
				</Field>
				<Field label={t('org.nameEn')} errors={fields.name_en.errors}>
					{props => (
						<input
							{...getInputProps(fields.name_en, { type: 'text' })}
							{...props}
						/>
					)}
				</Field>
				<Field label={t('org.shortName')} errors={fields.short_name.errors}>
					{props => (
						<input
							{...getInputProps(fields.short_name, { type: 'text' })}
							{...props}
						/>
					)}
				</Field>
				<Field label={t('org.kind')} errors={fields.kind.errors}>
					{props => (
						<select
							{...getSelectProps(fields.kind)}
							{...props}
							disabled={!canChangeKind}
						>
							<option value="" />
							{ORGANISATION_KINDS.map(kind => (
								<option key={kind} value={kind}>
									{t(`kind.${kind}`)}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t('org.province')} errors={fields.province.errors}>
					{props => (
						<input
							{...getInputProps(fields.province, { type: 'text' })}
							{...props}
						/>
					)}
				</Field>
				<Field label={t('org.country')} errors={fields.country.errors}>
					{props => (
						<select {...getSelectProps(fields.country)} {...props}>
							{COUNTRY_CODES.map(code => (
								<option key={code} value={code}>
									{countryName(code, locale)}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t('org.parent')} errors={fields.parent_id.errors}>
					{props => (
						<select
							{...getSelectProps(fields.parent_id)}
							{...props}
							disabled={!canChangeKind}
						>
							<option value="">{t('org.noParent')}</option>
							{parents.map(p => (
								<option key={p.id} value={p.id}>
									{p.name_vi}
								</option>
							))}
						</select>
					)}
				</Field>
			</div>
			<div className="grid-2">
				<Field
					label={t('org.reportDueDays')}
					hint={t('org.reportDueDaysHint')}
					errors={fields.report_due_days.errors}
				>
					{props => (
						<input
							{...getInputProps(fields.report_due_days, { type: 'number' })}
							{...props}
						/>
					)}
				</Field>
				<Field
					label={t('org.reportDueUnit')}
					hint={t('org.reportDueUnitHint')}
					errors={fields.report_due_unit.errors}
				>
					{props => (
						<select {...getSelectProps(fields.report_due_unit)} {...props}>
							{DUE_UNITS.map(unit => (
								<option key={unit} value={unit}>
									{t(`org.reportDueUnit.${unit}`)}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field
					label={t('org.approvalReminderDays')}
					hint={t('org.approvalReminderDaysHint')}
					errors={fields.approval_reminder_days.errors}
				>
					{props => (
						<input
							{...getInputProps(fields.approval_reminder_days, {
								type: 'number',
							})}
							{...props}
						/>
					)}
				</Field>
				<Field
					label={t('passport.returnDays')}
					hint={t('org.passportReturnDaysHint')}
					errors={fields.passport_return_working_days.errors}
				>
					{props => (
						<input
							{...getInputProps(fields.passport_return_working_days, {
								type: 'number',
							})}
							{...props}
						/>
					)}
				</Field>
			</div>
			{canChangeKind ? null : (
				<>
					<input
						type="hidden"
						name="kind"
						value={String(defaultValue?.kind ?? '')}
					/>
					<input
						type="hidden"
						name="parent_id"
						value={String(defaultValue?.parent_id ?? '')}
					/>
				</>
			)}
			<div className="actions">
				<button type="submit">{t('common.save')}</button>
			</div>
		</Form>
	)
}
