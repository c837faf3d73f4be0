import {
	getFormProps,
	getSelectProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { Form } from '@remix-run/react'
import {
	Field,
	FormErrors,
	SubmitButton,
	TextField,
} from '#app/components/forms.tsx'
import { PASSPORT_TYPES } from '#lib/enums.ts'
import { useT } from '#app/utils/i18n.tsx'

/** Registers a passport of the person (it goes into the safe). */
export function AddPassportForm({
	lastResult,
}: {
	lastResult?: SubmissionResult<string[]>
}) {
	const t = useT()
	const [form, fields] = useForm<{
		number: string
		kind: string
		issued_on: string
		expires_on: string
	}>({
		id: 'passport',
		lastResult,
		shouldRevalidate: 'onBlur',
	})
	return (
		<Form method="post" className="panel" {...getFormProps(form)}>
			<h2>{t('person.addPassport')}</h2>
			<FormErrors id={form.errorId} errors={form.errors} />
			<div className="grid-4">
				<TextField
					label={t('passport.number')}
					field={fields.number}
					required
					autoComplete="off"
				/>
				<Field label={t('passport.kind')} errors={fields.kind.errors} required>
					{props => (
						<select {...getSelectProps(fields.kind)} {...props}>
							<option value="" />
							{PASSPORT_TYPES.map(k => (
								<option key={k} value={k}>
									{t(`passport.${k}`)}
								</option>
							))}
						</select>
					)}
				</Field>
				<TextField
					label={t('passport.issuedOn')}
					field={fields.issued_on}
					required
					placeholder="dd/mm/yyyy"
					inputMode="numeric"
				/>
				<TextField
					label={t('passport.expiresOn')}
					field={fields.expires_on}
					required
					placeholder="dd/mm/yyyy"
					inputMode="numeric"
				/>
			</div>
			<SubmitButton className="button" name="intent" value="add_passport">
				{t('person.addPassport')}
			</SubmitButton>
		</Form>
	)
}
