import {
	getFormProps,
	getInputProps,
	getSelectProps,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field } from '#app/components/forms.tsx'
import {
	OrganisationField,
	RolesFieldset,
} from '#app/components/user-fields.tsx'
import { db } from '#db/client.server.ts'
import { recordAudit } from '#db/repos/audit-log.server.ts'
import { listOrganisationChoices } from '#db/repos/organisation.server.ts'
import { enqueueEmail } from '#db/repos/notification.server.ts'
import { emailExists, insertUser } from '#db/repos/user.server.ts'
import { LOCALES } from '#lib/enums.ts'
import { hashPassword, type SessionUser } from '#app/utils/auth.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import { isBoardAdmin } from '#workflows/access/permissions.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { NewPasswordSchema, UserProfileFields } from '#app/utils/validation.ts'
import { type StoredAccountEmail } from '#workflows/notify/render.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { requireRole } from '#app/utils/access.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { tooLong } from '#lib/form-errors.ts'

const NewUserSchema = z.object({
	email: z
		.string({ error: 'error.required' })
		.trim()
		.toLowerCase()
		.email({ error: 'error.email' })
		.max(200, { error: tooLong(200) }),
	...UserProfileFields,
	locale: z.enum(LOCALES, { error: 'error.invalidChoice' }),
	password: NewPasswordSchema,
})

/** The organisations this admin may add users to: all for the VGCL board, else their own. */
async function organisationChoices(admin: SessionUser) {
	const all = await listOrganisationChoices(db)
	return isBoardAdmin(admin)
		? all
		: all.filter(org => org.id === admin.organisationId)
}

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const admin = await requireRole(request, 'admin')
			return json({
				organisations: await organisationChoices(admin),
				defaultOrganisationId: admin.organisationId,
			})
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: ActionFunctionArgs) => {
			const admin = await requireRole(request, 'admin')
			const organisations = await organisationChoices(admin)
			const allowed = new Set(organisations.map(org => org.id))
			const submission = await parseWithZod(await request.formData(), {
				schema: NewUserSchema.superRefine(async (value, ctx) => {
					if (!allowed.has(value.organisation_id))
						ctx.addIssue({
							code: 'custom',
							path: ['organisation_id'],
							message: 'error.invalidChoice',
						})
					if (await emailExists(db, value.email))
						ctx.addIssue({
							code: 'custom',
							path: ['email'],
							message: 'user.emailTaken',
						})
				}),
				async: true,
			})
			if (submission.status !== 'success') {
				return json(
					{ result: submission.reply({ hideFields: ['password'] }) },
					{ status: 400 },
				)
			}
			const { password, title, ...user } = submission.value
			const passwordHash = await hashPassword(password)
			const organisationName =
				organisations.find(org => org.id === user.organisation_id)?.name_vi ??
				''
			// The welcome email is queued with the account: both exist, or neither.
			await db.transaction().execute(async trx => {
				const { id } = await insertUser(trx, {
					...user,
					title: title ?? '',
					password_hash: passwordHash,
					must_change_password: true,
				})
				const props: StoredAccountEmail = {
					email: user.email,
					organisationName,
					roles: user.roles,
				}
				await enqueueEmail(trx, {
					recipient_id: id,
					to_address: user.email,
					template: 'account-created',
					props,
					organisation_id: user.organisation_id,
					dedupe_key: `account-created:${id}`,
				})
				await recordAudit(trx, {
					actorId: admin.id,
					organisationId: user.organisation_id,
					action: 'user.created',
					subjectId: id,
					after: { ...user, title: title ?? '' },
				})
			})
			return redirectWithToast('/admin/users', {
				type: 'success',
				message: 'user.created',
				params: { name: user.full_name },
			})
		},
	)

export default function NewUserRoute() {
	const { organisations, defaultOrganisationId } =
		useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const [form, fields] = useForm({
		id: 'new-user',
		lastResult: actionData?.result,
		defaultValue: {
			organisation_id: defaultOrganisationId,
			locale: 'vi',
			roles: ['drafter'],
		},
		constraint: getZodConstraint(NewUserSchema),
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) =>
			parseWithZod(formData, { schema: NewUserSchema }),
	})
	return (
		<>
			<h1>{t('user.new')}</h1>
			<Form method="post" className="panel" {...getFormProps(form)}>
				<div className="grid-2">
					<Field label={t('user.fullName')} errors={fields.full_name.errors}>
						{props => (
							<input
								{...getInputProps(fields.full_name, { type: 'text' })}
								{...props}
							/>
						)}
					</Field>
					<Field label={t('user.email')} errors={fields.email.errors}>
						{props => (
							<input
								{...getInputProps(fields.email, { type: 'email' })}
								{...props}
							/>
						)}
					</Field>
					<Field label={t('user.title')} errors={fields.title.errors}>
						{props => (
							<input
								{...getInputProps(fields.title, { type: 'text' })}
								{...props}
							/>
						)}
					</Field>
					<OrganisationField
						field={fields.organisation_id}
						organisations={organisations}
					/>
					<Field label={t('user.locale')} errors={fields.locale.errors}>
						{props => (
							<select {...getSelectProps(fields.locale)} {...props}>
								<option value="vi">Tiếng Việt</option>
								<option value="en">English</option>
							</select>
						)}
					</Field>
					<Field
						label={t('user.tempPassword')}
						errors={fields.password.errors}
						hint={t('user.tempPasswordHint')}
					>
						{props => (
							<input
								{...getInputProps(fields.password, { type: 'text' })}
								{...props}
								autoComplete="off"
							/>
						)}
					</Field>
				</div>
				<RolesFieldset field={fields.roles} />
				<div className="actions">
					<button type="submit">{t('common.save')}</button>
				</div>
			</Form>
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('user.new'), t('nav.users')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
