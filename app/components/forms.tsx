import {
	type FieldMetadata,
	getInputProps,
	getTextareaProps,
} from '@conform-to/react'
import { useNavigation } from '@remix-run/react'
import {
	type ButtonHTMLAttributes,
	type InputHTMLAttributes,
	type ReactNode,
	type TextareaHTMLAttributes,
	useId,
} from 'react'
import { useT } from '#app/utils/i18n.tsx'
import { ErrorList } from './error-list.tsx'

// Pages that only show errors import ErrorList from error-list.tsx, without conform and zod;
// the zod check of draft-or-submit forms is in draft-validation.ts, so that pages with other
// forms (the plan page's trip forms) do not load zod.
export { ErrorList }

/** A labelled control with its errors under it; `children` receives the ids to wire up. */
export function Field({
	label,
	errors,
	hint,
	required,
	labelSuffix,
	children,
}: {
	label: string
	errors?: string[] | null
	hint?: string
	/** Marked with * (see RequiredLegend) and announced as required. */
	required?: boolean
	/** Read only by screen readers, e.g. the row of a repeated field ("thành viên 2"). */
	labelSuffix?: string
	children: (props: {
		id: string
		'aria-invalid'?: true
		'aria-describedby'?: string
		'aria-required'?: true
	}) => ReactNode
}) {
	const id = useId()
	const errorId = errors?.length ? `${id}-error` : undefined
	return (
		<div className="field">
			<label htmlFor={id}>
				{label}
				{labelSuffix ? (
					<span className="visually-hidden"> ({labelSuffix})</span>
				) : null}
				{required ? (
					<span className="required-mark" aria-hidden>
						{' '}
						*
					</span>
				) : null}
			</label>
			{children({
				id,
				'aria-invalid': errorId ? true : undefined,
				'aria-describedby': errorId,
				'aria-required': required ? true : undefined,
			})}
			{hint ? <p className="hint">{hint}</p> : null}
			<ErrorList id={errorId} errors={errors} />
		</div>
	)
}

/** A labelled text input wired to its Conform field; other input attributes pass through. */
export function TextField({
	label,
	field,
	hint,
	required,
	labelSuffix,
	...inputProps
}: {
	label: string
	field: FieldMetadata<string | undefined>
	hint?: string
	required?: boolean
	labelSuffix?: string
} & InputHTMLAttributes<HTMLInputElement>) {
	return (
		<Field
			label={label}
			errors={field.errors}
			hint={hint}
			required={required}
			labelSuffix={labelSuffix}
		>
			{props => (
				<input
					{...getInputProps(field, { type: 'text' })}
					{...props}
					{...inputProps}
				/>
			)}
		</Field>
	)
}

/** A labelled textarea wired to its Conform field; other textarea attributes pass through. */
export function TextareaField({
	label,
	field,
	hint,
	required,
	...textareaProps
}: {
	label: string
	field: FieldMetadata<string | undefined>
	hint?: string
	required?: boolean
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
	return (
		<Field label={label} errors={field.errors} hint={hint} required={required}>
			{props => (
				<textarea {...getTextareaProps(field)} {...props} {...textareaProps} />
			)}
		</Field>
	)
}

/** Errors about the whole form (not one field), shown above it. */
export function FormErrors({
	id,
	errors,
}: {
	id?: string
	errors?: string[] | null
}) {
	if (!errors?.length) return null
	return (
		<div className="form-error">
			<ErrorList id={id} errors={errors} />
		</div>
	)
}

/** A password input wired to its Conform field, with the browser's autocomplete hint. */
export function PasswordField({
	field,
	label,
	autoComplete,
}: {
	field: FieldMetadata<string | undefined>
	label: string
	autoComplete: 'current-password' | 'new-password'
}) {
	return (
		<Field label={label} errors={field.errors}>
			{props => (
				<input
					{...getInputProps(field, { type: 'password' })}
					{...props}
					autoComplete={autoComplete}
				/>
			)}
		</Field>
	)
}

/** Explains the * of required fields; put it at the top of a form that marks them. */
export function RequiredLegend({ text }: { text?: string }) {
	const t = useT()
	return (
		<p className="hint">
			<span className="required-mark" aria-hidden>
				*
			</span>{' '}
			{text ?? t('form.requiredLegend')}
		</p>
	)
}

/**
 * The form's first submit button, so that Enter in a text field saves (instead of adding a
 * row, the first button a list section would otherwise offer); out of sight and out of the tab order.
 */
export function DefaultSubmit({
	name,
	value,
}: {
	name: string
	value: string
}) {
	return (
		<button
			type="submit"
			name={name}
			value={value}
			className="visually-hidden"
			tabIndex={-1}
			aria-hidden
		/>
	)
}

/**
 * A submit button that, while its form is being sent, is disabled and says so ("Đang lưu…")
 * (every submit button of the form: the user cannot send it twice).
 */
export function SubmitButton({
	children,
	...props
}: ButtonHTMLAttributes<HTMLButtonElement>) {
	const navigation = useNavigation()
	const t = useT()
	const busy = navigation.state === 'submitting'
	const mine =
		busy &&
		navigation.formData?.get(String(props.name ?? '')) ===
			String(props.value ?? '')
	return (
		<button type="submit" {...props} disabled={busy || props.disabled}>
			{mine ? t('form.saving') : children}
		</button>
	)
}
