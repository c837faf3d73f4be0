import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { db } from '#db/client.server.ts'
import { getPlanRecord, latestPlanEvent } from '#db/repos/plan.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import { invariantResponse } from '#app/utils/misc.ts'
import {
	requirePlanEditable,
	requireVisiblePlan,
} from '#app/utils/plan-access.server.ts'
import { handlePlanForm, planFormChoices } from '#app/utils/plan-form.server.ts'
import { recordToDraft } from '#app/utils/plan-mapping.ts'
import { type PlanDraft } from '#app/utils/plan-schema.ts'
import { PlanForm } from '../components/plan-form.tsx'
import { LastDecision } from '../components/plan-view.tsx'
import { pageTitle } from '#app/utils/meta.ts'

async function loadEditable(request: Request, planId: string | undefined) {
	const user = await requireUser(request)
	const id = await requireVisiblePlan(user, planId)
	const record = await getPlanRecord(db, id)
	invariantResponse(record, 'error.notFound')
	requirePlanEditable(user, record)
	return { user, record }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, record } = await loadEditable(request, params.planId)
	return json({
		plan: recordToDraft(record),
		attachments: record.attachments.map(({ id, file_name, size }) => ({
			id,
			file_name,
			size,
		})),
		resubmit: record.status === 'returned',
		amend: record.status === 'approved',
		lastEvent:
			record.status === 'returned'
				? ((await latestPlanEvent(db, record.id)) ?? null)
				: null,
		...(await planFormChoices(user.organisationId, record.chain_id)),
	})
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, record } = await loadEditable(request, params.planId)
	return handlePlanForm(request, user, record)
}

export default function EditPlanRoute() {
	const {
		plan,
		attachments,
		resubmit,
		amend,
		lastEvent,
		partners,
		optionalSteps,
	} = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<h1>{t(amend ? 'plan.amend' : 'plan.edit')}</h1>
			{lastEvent ? (
				<LastDecision events={[lastEvent]} status="returned" />
			) : null}
			{amend ? (
				<section className="panel callout callout-approved" role="note">
					<p>{t('plan.amendIntro')}</p>
				</section>
			) : null}
			<PlanForm
				key={plan.version}
				lastResult={actionData?.result}
				defaultValue={plan as PlanDraft}
				partners={partners}
				optionalSteps={optionalSteps}
				attachments={attachments}
				resubmit={resubmit}
				amend={amend}
			/>
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [t('plan.edit'), data?.plan.name, t('nav.plans')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
