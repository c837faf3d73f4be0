import {
	getFormProps,
	getInputProps,
	getSelectProps,
	getTextareaProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { Form } from '@remix-run/react'
import { z } from 'zod'
import { Field, FormErrors } from '#app/components/forms.tsx'
import { AGREEMENT_KINDS, CURRENCIES } from '#lib/enums.ts'
import { parseAmount, parseDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { MAX_AMOUNT, MAX_INT } from '#lib/column-limits.ts'
import { tooLong } from '#lib/form-errors.ts'

const title = z
	.string({ error: 'error.required' })
	.trim()
	.min(1, { error: 'error.required' })
	.max(500, { error: tooLong(500) })

/** Typed as dd/mm/yyyy, kept as 'YYYY-MM-DD'. */
const optionalDate = z
	.string()
	.trim()
	.optional()
	.transform((value, ctx) => {
		if (!value) return null
		const iso = parseDate(value)
		if (!iso) ctx.addIssue({ code: 'custom', message: 'partner.dateInvalid' })
		return iso
	})

export const AgreementSchema = z
	.object({
		intent: z.literal('agreement'),
		agreement_id: z.uuid().optional(),
		version: z.number().int().min(0).max(MAX_INT).optional(),
		title,
		kind: z.enum(AGREEMENT_KINDS, { error: 'error.invalidChoice' }),
		signed_on: optionalDate,
		valid_from: optionalDate,
		valid_to: optionalDate,
	})
	.superRefine((v, ctx) => {
		if (v.valid_from && v.valid_to && v.valid_to < v.valid_from)
			ctx.addIssue({
				code: 'custom',
				path: ['valid_to'],
				message: 'partner.periodOrder',
			})
	})

export const SupportSchema = z.object({
	intent: z.literal('support'),
	amount: z
		.string({ error: 'error.required' })
		.trim()
		.transform((value, ctx) => {
			const amount = parseAmount(value)
			if (amount === null || amount <= 0 || amount > MAX_AMOUNT) {
				ctx.addIssue({ code: 'custom', message: 'partner.amountInvalid' })
				return z.NEVER
			}
			return String(amount)
		}),
	currency: z.enum(CURRENCIES, { error: 'error.invalidChoice' }),
	given_on: z
		.string({ error: 'error.required' })
		.trim()
		.transform((value, ctx) => {
			const iso = parseDate(value)
			if (!iso) {
				ctx.addIssue({ code: 'custom', message: 'partner.dateInvalid' })
				return z.NEVER
			}
			return iso
		}),
	purpose: z
		.string()
		.trim()
		.max(2000, { error: tooLong(2000) })
		.optional()
		.transform(v => v ?? ''),
})

type AgreementField =
	| 'intent'
	| 'agreement_id'
	| 'version'
	| 'title'
	| 'kind'
	| 'signed_on'
	| 'valid_from'
	| 'valid_to'

export function AgreementForm({
	lastResult,
	defaultValue,
	currentFile,
	fileErrors,
}: {
	lastResult?: SubmissionResult<string[]>
	defaultValue?: Partial<Record<AgreementField, string>>
	currentFile?: string | null
	fileErrors?: string[]
}) {
	const t = useT()
	const [form, fields] = useForm<Record<AgreementField, string>>({
		id: defaultValue?.agreement_id ? 'agreement-edit' : 'agreement',
		lastResult,
		defaultValue,
		shouldRevalidate: 'onInput',
	})
	return (
		<Form
			method="post"
			encType="multipart/form-data"
			className="panel"
			{...getFormProps(form)}
		>
			<FormErrors id={form.errorId} errors={form.errors} />
			<input type="hidden" name="intent" value="agreement" />
			<input {...getInputProps(fields.agreement_id, { type: 'hidden' })} />
			<input {...getInputProps(fields.version, { type: 'hidden' })} />
			<div className="grid-2">
				<Field label={t('partner.agreementTitle')} errors={fields.title.errors}>
					{props => (
						<input
							{...getInputProps(fields.title, { type: 'text' })}
							{...props}
						/>
					)}
				</Field>
				<Field label={t('partner.agreementKind')} errors={fields.kind.errors}>
					{props => (
						<select {...getSelectProps(fields.kind)} {...props}>
							<option value="" />
							{AGREEMENT_KINDS.map(kind => (
								<option key={kind} value={kind}>
									{t(`partner.kind.${kind}`)}
								</option>
							))}
						</select>
					)}
				</Field>
				{(['signed_on', 'valid_from', 'valid_to'] as const).map(name => (
					<Field
						key={name}
						label={t(
							name === 'signed_on'
								? 'partner.signedOn'
								: name === 'valid_from'
									? 'partner.validFrom'
									: 'partner.validTo',
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
				))}
				<Field
					label={t('partner.file')}
					hint={
						currentFile
							? `${t('partner.fileHint')} ${t('partner.keepFile', { name: currentFile })}`
							: t('partner.fileHint')
					}
					errors={fileErrors}
				>
					{props => (
						<input
							type="file"
							name="file"
							accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
							{...props}
						/>
					)}
				</Field>
			</div>
			<button type="submit" className="button">
				{t('partner.saveAgreement')}
			</button>
		</Form>
	)
}

export function SupportForm({
	lastResult,
}: {
	lastResult?: SubmissionResult<string[]>
}) {
	const t = useT()
	const [form, fields] = useForm<{
		intent: string
		amount: string
		currency: string
		given_on: string
		purpose: string
	}>({
		id: 'support',
		lastResult,
		defaultValue: { currency: 'USD' },
		shouldRevalidate: 'onInput',
	})
	return (
		<Form
			method="post"
			encType="multipart/form-data"
			className="panel"
			{...getFormProps(form)}
		>
			<FormErrors id={form.errorId} errors={form.errors} />
			<input type="hidden" name="intent" value="support" />
			<div className="grid-2">
				<Field label={t('partner.amount')} errors={fields.amount.errors}>
					{props => (
						<input
							{...getInputProps(fields.amount, { type: 'text' })}
							{...props}
							inputMode="decimal"
						/>
					)}
				</Field>
				<Field label={t('partner.currency')} errors={fields.currency.errors}>
					{props => (
						<select {...getSelectProps(fields.currency)} {...props}>
							{CURRENCIES.map(c => (
								<option key={c} value={c}>
									{c}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t('partner.givenOn')} errors={fields.given_on.errors}>
					{props => (
						<input
							{...getInputProps(fields.given_on, { type: 'text' })}
							{...props}
							placeholder="dd/mm/yyyy"
						/>
					)}
				</Field>
				<Field label={t('partner.purpose')} errors={fields.purpose.errors}>
					{props => (
						<textarea {...getTextareaProps(fields.purpose)} {...props} />
					)}
				</Field>
			</div>
			<button type="submit" className="button">
				{t('partner.addSupport')}
			</button>
		</Form>
	)
}
