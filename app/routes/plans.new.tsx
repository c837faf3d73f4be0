import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/utils/i18n.tsx'
import { handlePlanForm, planFormChoices } from '#app/utils/plan-form.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { PlanForm } from '../components/plan-form.tsx'
import { pageTitle } from '#app/utils/meta.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireRole(request, 'drafter')
	return json(await planFormChoices(user.organisationId, null))
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireRole(request, 'drafter')
	return handlePlanForm(request, user, null)
}

export default function NewPlanRoute() {
	const { partners, optionalSteps } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<h1>{t('plan.new')}</h1>
			<PlanForm
				lastResult={actionData?.result}
				partners={partners}
				optionalSteps={optionalSteps}
				attachments={[]}
				resubmit={false}
			/>
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('plan.new'), t('nav.plans')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
