import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PersonForm } from '#app/components/person-form.tsx'
import { useT } from '#app/utils/i18n.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { respond, web } from '#app/utils/domain.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import {
	editPerson,
	requireDirectoryKeeper,
	requirePerson,
} from '#workflows/people/people.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const user = requireDirectoryKeeper(await requireUser(request))
			return json({ person: await requirePerson(user, params.personId) })
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: ActionFunctionArgs) => {
			const user = await requireUser(request)
			return respond(
				await editPerson(user, params.personId, await request.formData()),
			)
		},
	)

export default function EditPersonRoute() {
	const { person } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<h1>
				{t('person.edit')}: {person.full_name}
			</h1>
			<PersonForm lastResult={actionData?.result} person={person} />
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [
		t('person.edit'),
		data?.person.full_name,
		t('person.list'),
	])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
