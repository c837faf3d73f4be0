import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PersonForm } from '#app/components/person-form.tsx'
import { useT } from '#app/utils/i18n.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { respond, web } from '#app/utils/domain.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import {
	createPerson,
	requireDirectoryKeeper,
} from '#workflows/people/people.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			requireDirectoryKeeper(await requireUser(request))
			return json({})
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: ActionFunctionArgs) => {
			const user = await requireUser(request)
			return respond(await createPerson(user, await request.formData()))
		},
	)

export default function NewPersonRoute() {
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<h1>{t('person.new')}</h1>
			<PersonForm lastResult={actionData?.result} />
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('person.new'), t('person.list')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
