import { parseWithZod } from '@conform-to/zod/v4'
import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { db } from '#db/client.server.ts'
import { recordAudit } from '#db/repos/audit-log.server.ts'
import {
	insertOrganisation,
	listOrganisationChoices,
} from '#db/repos/organisation.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import {
	forbidden,
	isBoardAdmin,
	requireRole,
} from '#app/utils/permissions.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import {
	OrganisationForm,
	OrganisationSchema,
	organisationRow,
} from '../components/org-form.tsx'
import { pageTitle } from '#app/utils/meta.ts'

async function requireBoardAdmin(request: Request) {
	const user = await requireRole(request, 'admin')
	if (!isBoardAdmin(user)) throw forbidden()
	return user
}

export async function loader({ request }: LoaderFunctionArgs) {
	await requireBoardAdmin(request)
	return json({ parents: await listOrganisationChoices(db) })
}

export async function action({ request }: ActionFunctionArgs) {
	const admin = await requireBoardAdmin(request)
	const submission = parseWithZod(await request.formData(), {
		schema: OrganisationSchema,
	})
	if (submission.status !== 'success')
		return json({ result: submission.reply() }, { status: 400 })
	const values = organisationRow(submission.value)
	const { id } = await db.transaction().execute(async trx => {
		const created = await insertOrganisation(trx, values)
		await recordAudit(trx, {
			actorId: admin.id,
			organisationId: created.id,
			action: 'organisation.created',
			subjectId: created.id,
			after: values,
		})
		return created
	})
	return redirectWithToast(`/admin/organisations/${id}`, {
		type: 'success',
		message: 'org.created',
	})
}

export default function NewOrganisationRoute() {
	const { parents } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<h1>{t('org.new')}</h1>
			<OrganisationForm
				lastResult={actionData?.result}
				parents={parents}
				canChangeKind
			/>
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('org.new'), t('nav.organisations')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
