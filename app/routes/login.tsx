import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
	redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { Field, FormErrors, PasswordField } from '#app/components/forms.tsx'
import {
	checkCredentials,
	requireAnonymous,
	safeRedirect,
	startSession,
} from '#app/utils/auth.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import { errorWithParams } from '#app/utils/misc.ts'
import { pageTitle } from '#app/utils/meta.ts'

const LoginSchema = z.object({
	email: z
		.string({ error: 'error.required' })
		.trim()
		.email({ error: 'error.email' }),
	password: z.string({ error: 'error.required' }),
	redirectTo: z.string().optional(),
})

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAnonymous(request)
	return json({})
}

export async function action({ request, context }: ActionFunctionArgs) {
	await requireAnonymous(request)
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: LoginSchema })
	if (submission.status !== 'success') {
		return json(
			{ result: submission.reply({ hideFields: ['password'] }) },
			{ status: 400 },
		)
	}
	const { email, password, redirectTo } = submission.value
	const result = await checkCredentials({
		email,
		password,
		ip: context?.clientIp ?? 'unknown',
	})
	if (result.status !== 'ok') {
		return json(
			{
				result: submission.reply({
					formErrors: [
						result.status === 'locked'
							? errorWithParams('login.locked', { minutes: result.minutes })
							: `login.${result.status}`,
					],
					hideFields: ['password'],
				}),
			},
			{ status: result.status === 'locked' ? 429 : 400 },
		)
	}
	const cookie = await startSession(request, result.userId)
	const target = result.mustChangePassword
		? '/change-password'
		: safeRedirect(redirectTo)
	return redirect(target, { headers: { 'Set-Cookie': cookie } })
}

export default function LoginRoute() {
	const t = useT()
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const [form, fields] = useForm({
		id: 'login',
		lastResult: actionData?.result,
		constraint: getZodConstraint(LoginSchema),
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) =>
			parseWithZod(formData, { schema: LoginSchema }),
	})
	return (
		<div className="panel narrow">
			<h1>{t('login.title')}</h1>
			{searchParams.get('expired') ? (
				<p className="toast toast-info" role="status">
					{t('login.expired')}
				</p>
			) : (
				<p className="muted">{t('app.tagline')}</p>
			)}
			<Form method="post" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input
					type="hidden"
					name="redirectTo"
					value={searchParams.get('redirectTo') ?? ''}
				/>
				<Field label={t('login.email')} errors={fields.email.errors}>
					{props => (
						<input
							{...getInputProps(fields.email, { type: 'email' })}
							{...props}
							autoComplete="username"
							autoFocus
						/>
					)}
				</Field>
				<PasswordField
					field={fields.password}
					label={t('login.password')}
					autoComplete="current-password"
				/>
				<div className="actions">
					<button type="submit">{t('login.submit')}</button>
					<Link to="/forgot-password">{t('forgot.link')}</Link>
				</div>
			</Form>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('login.title')])
