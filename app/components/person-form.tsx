import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { z } from 'zod'
import { FormErrors, SubmitButton, TextField } from '#app/components/forms.tsx'
import { formatIsoDate, parseDate } from '#lib/format.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { useT } from '#app/utils/i18n.tsx'
import { tooLong } from '#lib/form-errors.ts'

// The server's schema (workflows/people) turns the date into ISO; here it is checked the same way,
// so every problem shows at once.
const PersonFormSchema = z.object({
	version: z.number().optional(),
	full_name: z
		.string({ error: 'error.required' })
		.trim()
		.min(1, { error: 'error.required' })
		.max(200, { error: tooLong(200) }),
	position: z
		.string()
		.max(200, { error: tooLong(200) })
		.optional(),
	unit: z
		.string()
		.max(300, { error: tooLong(300) })
		.optional(),
	born_on: z
		.string()
		.optional()
		.superRefine((value, ctx) => {
			if (!value) return
			const iso = parseDate(value)
			if (!iso) ctx.addIssue({ code: 'custom', message: 'plan.dateInvalid' })
			else if (iso < '1900-01-01' || iso > todayIso())
				ctx.addIssue({ code: 'custom', message: 'person.bornInvalid' })
		}),
	email: z
		.string()
		.trim()
		.max(200, { error: tooLong(200) })
		.email({ error: 'error.email' })
		.optional(),
})

export function PersonForm({
	lastResult,
	person,
}: {
	lastResult?: SubmissionResult<string[]>
	person?: {
		full_name: string
		position: string
		unit: string
		born_on: string | null
		email: string | null
		version: number
	}
}) {
	const t = useT()
	const [form, fields] = useForm({
		id: 'person',
		lastResult,
		defaultValue: person
			? { ...person, born_on: formatIsoDate(person.born_on) }
			: undefined,
		constraint: getZodConstraint(PersonFormSchema),
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) =>
			parseWithZod(formData, { schema: PersonFormSchema }),
	})
	return (
		<Form method="post" className="panel" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			{person ? (
				<input type="hidden" name="version" value={person.version} />
			) : null}
			<div className="grid-2">
				<TextField
					label={t('person.fullName')}
					field={fields.full_name}
					required
					autoComplete="off"
				/>
				<TextField label={t('person.position')} field={fields.position} />
				<TextField label={t('person.unit')} field={fields.unit} />
				<TextField
					label={t('person.bornOn')}
					field={fields.born_on}
					placeholder="dd/mm/yyyy"
					inputMode="numeric"
				/>
				<TextField
					label={t('person.email')}
					field={fields.email}
					type="email"
					autoComplete="off"
					hint={t('person.emailHint')}
				/>
			</div>
			<SubmitButton className="button" name="intent" value="save">
				{t('common.save')}
			</SubmitButton>
		</Form>
	)
}
