import { parseWithZod } from '@conform-to/zod/v4'
import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { db } from '#db/client.server.ts'
import { changedValues, recordAudit } from '#db/repos/audit-log.server.ts'
import {
	listOrganisationChoices,
	updateOrganisation,
} from '#db/repos/organisation.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import {
	isBoardAdmin,
	requireOrganisationForAdmin,
} from '#app/utils/permissions.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import {
	OrganisationForm,
	OrganisationSchema,
	organisationRow,
} from '../components/org-form.tsx'
import { pageTitle } from '#app/utils/meta.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, organisation } = await requireOrganisationForAdmin(
		request,
		params.orgId,
	)
	const parents = (await listOrganisationChoices(db)).filter(
		p => p.id !== organisation.id,
	)
	return json({ organisation, parents, canChangeKind: isBoardAdmin(user) })
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, organisation } = await requireOrganisationForAdmin(
		request,
		params.orgId,
	)
	const submission = parseWithZod(await request.formData(), {
		schema: OrganisationSchema.refine(v => v.parent_id !== organisation.id, {
			path: ['parent_id'],
			error: 'org.parentSelf',
		}),
	})
	if (submission.status !== 'success')
		return json({ result: submission.reply() }, { status: 400 })
	const values = organisationRow(submission.value)
	// Only the VGCL board changes what an organisation is and where it sits.
	if (!isBoardAdmin(user))
		Object.assign(values, {
			kind: organisation.kind,
			parent_id: organisation.parent_id,
		})
	const updated = await db.transaction().execute(async trx => {
		const row = await updateOrganisation(
			trx,
			organisation.id,
			submission.value.version ?? -1,
			values,
		)
		if (row)
			await recordAudit(trx, {
				actorId: user.id,
				organisationId: organisation.id,
				action: 'organisation.updated',
				subjectId: organisation.id,
				...changedValues(organisation, values),
			})
		return row
	})
	if (!updated)
		return json(
			{ result: submission.reply({ formErrors: ['error.conflict'] }) },
			{ status: 409 },
		)
	return redirectWithToast(`/admin/organisations/${organisation.id}`, {
		type: 'success',
		message: 'org.updated',
	})
}

export default function EditOrganisationRoute() {
	const { organisation, parents, canChangeKind } =
		useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<h1>{organisation.name_vi}</h1>
			<div className="actions">
				{organisation.kind === 'foreign_partner' ? null : (
					<>
						<Link className="button secondary" to="chain">
							{t('org.chain')}
						</Link>
						<Link
							className="button secondary"
							to={`/admin/users?org=${organisation.id}`}
						>
							{t('org.users')}
						</Link>
					</>
				)}
			</div>
			<h2>{t('org.edit')}</h2>
			<OrganisationForm
				key={organisation.version}
				lastResult={actionData?.result}
				defaultValue={organisation}
				parents={parents}
				canChangeKind={canChangeKind}
			/>
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [data?.organisation.name_vi, t('nav.organisations')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
