import {
	type FieldMetadata,
	getInputProps,
	getTextareaProps,
} from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
	type InputHTMLAttributes,
	type ReactNode,
	type TextareaHTMLAttributes,
	useId,
	useRef,
} from 'react'
import { type z } from 'zod'
import { useT } from '#app/utils/i18n.tsx'
import { splitErrorParams } from '#app/utils/misc.ts'

export function ErrorList({
	id,
	errors,
}: {
	id?: string
	errors?: string[] | null
}) {
	const t = useT()
	if (!errors?.length) return null
	return (
		// role="alert" on the <ul> itself would hide its items' list semantics (axe: a list may hold only <li>).
		<div id={id} role="alert">
			<ul className="field-errors">
				{errors.map(error => (
					<li key={error}>{t(...splitErrorParams(error))}</li>
				))}
			</ul>
		</div>
	)
}

/** A labelled control with its errors under it; `children` receives the ids to wire up. */
export function Field({
	label,
	errors,
	hint,
	children,
}: {
	label: string
	errors?: string[] | null
	hint?: string
	children: (props: {
		id: string
		'aria-invalid'?: true
		'aria-describedby'?: string
	}) => ReactNode
}) {
	const id = useId()
	const errorId = errors?.length ? `${id}-error` : undefined
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			{children({
				id,
				'aria-invalid': errorId ? true : undefined,
				'aria-describedby': errorId,
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
	...inputProps
}: {
	label: string
	field: FieldMetadata<string | undefined>
	hint?: string
} & InputHTMLAttributes<HTMLInputElement>) {
	return (
		<Field label={label} errors={field.errors} hint={hint}>
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
	...textareaProps
}: {
	label: string
	field: FieldMetadata<string | undefined>
	hint?: string
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
	return (
		<Field label={label} errors={field.errors} hint={hint}>
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

/**
 * Client checks for a form with a "save draft" and a "submit" button (name="intent"): before a
 * submission only the draft's checks run; once submit was pressed, the form checks what the
 * server will, so fields still missing keep their messages while another one is corrected.
 */
export function useDraftOrSubmitValidation<Schema extends z.ZodType>({
	draft,
	submit,
	submitIntents = ['submit'],
	submitting: initiallySubmitting = false,
}: {
	draft: Schema
	submit: Schema
	submitIntents?: string[]
	submitting?: boolean
}) {
	const submitting = useRef(initiallySubmitting)
	return ({
		formData,
		submitter,
	}: {
		formData: FormData
		submitter: HTMLInputElement | HTMLButtonElement | null
	}) => {
		if (submitter?.name === 'intent')
			submitting.current = submitIntents.includes(submitter.value)
		return parseWithZod(formData, {
			schema: submitting.current ? submit : draft,
		})
	}
}
