import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, Field } from '#app/components/forms.tsx'
import {
	OrganisationField,
	RolesFieldset,
} from '#app/components/user-fields.tsx'
import { db } from '#db/client.server.ts'
import { listOrganisationChoices } from '#db/repos/organisation.server.ts'
import { getUser, updateUserProfile } from '#db/repos/user.server.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import { pageTitle } from '#app/utils/meta.ts'
import { invariantResponse } from '#app/utils/misc.ts'
import { sendPasswordReset } from '#workflows/access/password-reset.server.ts'
import { changedValues, recordAudit } from '#db/repos/audit-log.server.ts'
import {
	isBoardAdmin,
	requireOrganisationInScope,
} from '#workflows/access/permissions.server.ts'
import { requireRole } from '#app/utils/access.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { UserProfileFields } from '#app/utils/validation.ts'

const EditUserSchema = z.object({
	intent: z.literal('save'),
	version: z.coerce.number().int(),
	...UserProfileFields,
})

/** The user, if this admin manages their organisation; anyone else's is 404. */
async function requireManagedUser(
	request: Request,
	userId: string | undefined,
) {
	const admin = await requireRole(request, 'admin')
	const parsed = z.uuid().safeParse(userId)
	invariantResponse(parsed.success, 'error.notFound', { status: 404 })
	const user = await getUser(db, parsed.data)
	invariantResponse(user, 'error.notFound', { status: 404 })
	requireOrganisationInScope(admin, user.organisation_id)
	return { admin, user }
}

async function organisationChoices(admin: SessionUser) {
	const all = await listOrganisationChoices(db)
	return isBoardAdmin(admin)
		? all
		: all.filter(org => org.id === admin.organisationId)
}

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const { admin, user } = await requireManagedUser(request, params.userId)
			return json({ user, organisations: await organisationChoices(admin) })
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: ActionFunctionArgs) => {
			const { admin, user } = await requireManagedUser(request, params.userId)
			const formData = await request.formData()
			if (formData.get('intent') === 'send-reset') {
				// The link goes to the user's own mailbox; the admin never sees it.
				const outcome = user.active
					? await sendPasswordReset(user.email, { actorId: admin.id })
					: 'unknown'
				if (outcome !== 'sent')
					return json(
						{
							result: null,
							resetError:
								outcome === 'limited'
									? 'user.resetLimited'
									: 'user.resetInactive',
						},
						{ status: 400 },
					)
				return redirectWithToast(`/admin/users/${user.id}`, {
					type: 'success',
					message: 'user.resetSent',
					params: { email: user.email },
				})
			}
			const allowed = new Set(
				(await organisationChoices(admin)).map(org => org.id),
			)
			const submission = parseWithZod(formData, {
				schema: EditUserSchema.superRefine((value, ctx) => {
					if (!allowed.has(value.organisation_id))
						ctx.addIssue({
							code: 'custom',
							path: ['organisation_id'],
							message: 'error.invalidChoice',
						})
					// An admin cannot lock themselves out of the admin pages.
					if (user.id === admin.id && !value.roles.includes('admin'))
						ctx.addIssue({
							code: 'custom',
							path: ['roles'],
							message: 'user.cannotDropOwnAdmin',
						})
				}),
			})
			if (submission.status !== 'success')
				return json(
					{ result: submission.reply(), resetError: null },
					{ status: 400 },
				)
			const { version, full_name, title, organisation_id, roles } =
				submission.value
			const values = { full_name, title: title ?? '', organisation_id, roles }
			const updated = await db.transaction().execute(async trx => {
				const row = await updateUserProfile(trx, user.id, version, values)
				if (row)
					await recordAudit(trx, {
						actorId: admin.id,
						organisationId: user.organisation_id,
						action: 'user.updated',
						subjectId: user.id,
						...changedValues(user, values),
					})
				return row
			})
			if (!updated)
				return json(
					{
						result: submission.reply({ formErrors: ['error.conflict'] }),
						resetError: null,
					},
					{ status: 409 },
				)
			return redirectWithToast('/admin/users', {
				type: 'success',
				message: 'user.updated',
				params: { name: full_name },
			})
		},
	)

export default function EditUserRoute() {
	const { user, organisations } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const [form, fields] = useForm({
		id: `edit-user-${user.id}-${user.version}`,
		lastResult: actionData?.result,
		defaultValue: {
			full_name: user.full_name,
			title: user.title,
			organisation_id: user.organisation_id,
			roles: user.roles,
		},
		constraint: getZodConstraint(EditUserSchema),
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) =>
			parseWithZod(formData, { schema: EditUserSchema }),
	})
	return (
		<>
			<h1>{user.full_name}</h1>
			<p className="muted">
				{user.email}
				{user.active ? null : ` · ${t('user.inactive')}`}
			</p>
			<Form method="post" className="panel" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="save" />
				<input type="hidden" name="version" value={user.version} />
				<ErrorList id={form.errorId} errors={form.errors} />
				<div className="grid-2">
					<Field label={t('user.fullName')} errors={fields.full_name.errors}>
						{props => (
							<input
								{...getInputProps(fields.full_name, { type: 'text' })}
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
				</div>
				<RolesFieldset field={fields.roles} />
				<div className="actions">
					<button type="submit">{t('common.save')}</button>
					<Link to="/admin/users">{t('common.cancel')}</Link>
				</div>
			</Form>
			<Form method="post" className="panel">
				<h2>{t('user.resetTitle')}</h2>
				<p className="muted">{t('user.resetHint')}</p>
				{actionData?.resetError ? (
					<p className="form-error" role="alert">
						{t(actionData.resetError)}
					</p>
				) : null}
				<input type="hidden" name="intent" value="send-reset" />
				<button type="submit" className="secondary">
					{t('user.resetSend')}
				</button>
			</Form>
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [data?.user.full_name, t('nav.users')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
