import { pageTitle } from '#app/utils/meta.ts'
import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/utils/i18n.tsx'
import {
	planFormChoices,
	savePlanForm,
} from '#workflows/plans/plan-form.server.ts'
import { PlanForm } from '../components/plan-form.tsx'
import { requireRole } from '#app/utils/access.server.ts'
import { respond, web } from '#app/utils/domain.server.ts'
import { parseUploadForm } from '#app/utils/uploads.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireRole(request, 'drafter')
			return json(await planFormChoices(user.organisationId, null))
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: ActionFunctionArgs) => {
			const user = await requireRole(request, 'drafter')
			return respond(
				await savePlanForm(user, null, await parseUploadForm(request)),
			)
		},
	)

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
