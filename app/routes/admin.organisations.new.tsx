import { parseWithZod } from '@conform-to/zod/v4'
import {
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { db } from '#db/client.server.ts'
import {
	insertOrganisation,
	listOrganisationChoices,
} from '#db/repos/organisation.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import {
	forbidden,
	isBoardAdmin,
} from '#workflows/access/permissions.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import {
	OrganisationForm,
	OrganisationSchema,
	organisationRow,
} from '../components/org-form.tsx'
import { requireRole } from '#app/utils/access.server.ts'
import { web } from '#app/utils/domain.server.ts'

async function requireBoardAdmin(request: Request) {
	const user = await requireRole(request, 'admin')
	if (!isBoardAdmin(user)) throw forbidden()
	return user
}

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			await requireBoardAdmin(request)
			return json({ parents: await listOrganisationChoices(db) })
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: ActionFunctionArgs) => {
			await requireBoardAdmin(request)
			const submission = parseWithZod(await request.formData(), {
				schema: OrganisationSchema,
			})
			if (submission.status !== 'success')
				return json({ result: submission.reply() }, { status: 400 })
			const { id } = await insertOrganisation(
				db,
				organisationRow(submission.value),
			)
			return redirectWithToast(`/admin/organisations/${id}`, {
				type: 'success',
				message: 'org.created',
			})
		},
	)

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

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
