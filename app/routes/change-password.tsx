import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { PasswordField } from '#app/components/forms.tsx'
import { db } from '#db/client.server.ts'
import { getPasswordHash, setPassword } from '#db/repos/user.server.ts'
import {
	endAllSessions,
	hashPassword,
	requireUser,
	startSession,
	verifyPassword,
} from '#app/utils/auth.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { NewPasswordSchema } from '#app/utils/validation.ts'
import { pageTitle } from '#app/utils/meta.ts'

const ChangePasswordSchema = z
	.object({
		current: z.string({ error: 'error.required' }),
		password: NewPasswordSchema,
		confirm: z.string({ error: 'error.required' }),
	})
	.refine(v => v.password === v.confirm, {
		path: ['confirm'],
		error: 'error.passwordMismatch',
	})
	.refine(v => v.password !== v.current, {
		path: ['password'],
		error: 'password.sameAsOld',
	})

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request, { allowPasswordChange: true })
	return json({ mustChange: user.mustChangePassword })
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request, { allowPasswordChange: true })
	const submission = await parseWithZod(await request.formData(), {
		schema: ChangePasswordSchema.superRefine(async (v, ctx) => {
			if (
				!(await verifyPassword(await getPasswordHash(db, user.id), v.current))
			)
				ctx.addIssue({
					code: 'custom',
					path: ['current'],
					message: 'password.wrongCurrent',
				})
		}),
		async: true,
	})
	if (submission.status !== 'success') {
		return json(
			{
				result: submission.reply({
					hideFields: ['current', 'password', 'confirm'],
				}),
			},
			{ status: 400 },
		)
	}
	await setPassword(db, user.id, {
		passwordHash: await hashPassword(submission.value.password),
		mustChange: false,
	})
	// A changed password signs out every other device; this one gets a fresh session.
	await endAllSessions(user.id)
	const cookie = await startSession(request, user.id)
	return redirectWithToast(
		'/',
		{ type: 'success', message: 'password.changed' },
		{ headers: { 'Set-Cookie': cookie } },
	)
}

export default function ChangePasswordRoute() {
	const t = useT()
	const { mustChange } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'change-password',
		lastResult: actionData?.result,
		constraint: getZodConstraint(ChangePasswordSchema),
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) =>
			parseWithZod(formData, { schema: ChangePasswordSchema }),
	})
	return (
		<div className="panel narrow">
			<h1>{t('password.title')}</h1>
			{mustChange ? (
				<p className="form-error">{t('password.mustChange')}</p>
			) : null}
			<Form method="post" {...getFormProps(form)}>
				<PasswordField
					field={fields.current}
					label={t('password.current')}
					autoComplete="current-password"
				/>
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
				<div className="actions">
					<button type="submit">{t('common.save')}</button>
				</div>
			</Form>
			<Form method="post" action="/logout" className="actions">
				<input type="hidden" name="everywhere" value="true" />
				<button type="submit" className="secondary">
					{t('nav.logoutEverywhere')}
				</button>
			</Form>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('password.title')])
