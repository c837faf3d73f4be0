import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { z } from 'zod'
import { Field } from '#app/components/forms.tsx'
import { requireAnonymous } from '#app/utils/auth.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import { requestPasswordReset } from '#workflows/access/password-reset.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

const ForgotSchema = z.object({
	email: z
		.string({ error: 'error.required' })
		.trim()
		.email({ error: 'error.email' })
		.max(200),
})

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAnonymous(request)
	return json({})
}

export async function action({ request }: ActionFunctionArgs) {
	await requireAnonymous(request)
	const submission = parseWithZod(await request.formData(), {
		schema: ForgotSchema,
	})
	if (submission.status !== 'success')
		return json({ result: submission.reply(), sent: false }, { status: 400 })
	// The same answer whether or not the address is known, so it cannot be used to find accounts.
	await requestPasswordReset(submission.value.email)
	return json({ result: submission.reply(), sent: true })
}

export default function ForgotPasswordRoute() {
	const t = useT()
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'forgot-password',
		lastResult: actionData?.result,
		constraint: getZodConstraint(ForgotSchema),
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) =>
			parseWithZod(formData, { schema: ForgotSchema }),
	})
	return (
		<div className="panel narrow">
			<h1>{t('forgot.title')}</h1>
			{actionData?.sent ? (
				<p className="toast toast-success" role="status">
					{t('forgot.sent')}
				</p>
			) : (
				<p className="muted">{t('forgot.intro')}</p>
			)}
			<Form method="post" {...getFormProps(form)}>
				<Field label={t('login.email')} errors={fields.email.errors}>
					{props => (
						<input
							{...getInputProps(fields.email, { type: 'email' })}
							{...props}
							autoComplete="username"
						/>
					)}
				</Field>
				<div className="actions">
					<button type="submit">{t('forgot.submit')}</button>
					<Link to="/login">{t('login.title')}</Link>
				</div>
			</Form>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('forgot.title')])
