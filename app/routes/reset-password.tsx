import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { FormErrors, PasswordField } from '#app/components/forms.tsx'
import { endAllSessions, startSession } from '#app/utils/auth.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import {
	findResetUser,
	resetPassword,
} from '#workflows/access/password-reset.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { NewPasswordSchema } from '#app/utils/validation.ts'
import { pageTitle } from '#app/utils/meta.ts'

const ResetSchema = z
	.object({
		token: z.string().max(200),
		password: NewPasswordSchema,
		confirm: z.string({ error: 'error.required' }),
	})
	.refine(v => v.password === v.confirm, {
		path: ['confirm'],
		error: 'error.passwordMismatch',
	})

export async function loader({ request }: LoaderFunctionArgs) {
	const token = new URL(request.url).searchParams.get('token') ?? ''
	const user = await findResetUser(token)
	return json({ token, valid: Boolean(user), email: user?.email ?? null })
}

export async function action({ request }: ActionFunctionArgs) {
	const submission = parseWithZod(await request.formData(), {
		schema: ResetSchema,
	})
	if (submission.status !== 'success') {
		return json(
			{ result: submission.reply({ hideFields: ['password', 'confirm'] }) },
			{ status: 400 },
		)
	}
	const userId = await resetPassword(
		submission.value.token,
		submission.value.password,
	)
	if (!userId)
		return json(
			{
				result: submission.reply({
					formErrors: ['reset.invalid'],
					hideFields: ['password', 'confirm'],
				}),
			},
			{ status: 400 },
		)
	// A reset ends every session (a thief's too) and signs this browser in afresh.
	await endAllSessions(userId)
	const cookie = await startSession(request, userId)
	return redirectWithToast(
		'/',
		{ type: 'success', message: 'reset.done' },
		{ headers: { 'Set-Cookie': cookie } },
	)
}

export default function ResetPasswordRoute() {
	const { token, valid, email } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const [form, fields] = useForm({
		id: 'reset-password',
		lastResult: actionData?.result,
		defaultValue: { token },
		constraint: getZodConstraint(ResetSchema),
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) =>
			parseWithZod(formData, { schema: ResetSchema }),
	})
	if (!valid)
		return (
			<div className="panel narrow">
				<h1>{t('reset.title')}</h1>
				<p className="form-error">{t('reset.invalid')}</p>
				<Link to="/forgot-password">{t('reset.requestNew')}</Link>
			</div>
		)
	return (
		<div className="panel narrow">
			<h1>{t('reset.title')}</h1>
			<p className="muted">{email}</p>
			<Form method="post" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input {...getInputProps(fields.token, { type: 'hidden' })} />
				<PasswordField
					field={fields.password}
					label={t('password.new')}
					autoComplete="new-password"
				/>
				<PasswordField
					field={fields.confirm}
					label={t('password.confirm')}
					autoComplete="new-password"
				/>
				<button type="submit">{t('common.save')}</button>
			</Form>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('reset.title')])
