import {
	type MetaFunction,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { StepDecisions } from '#app/components/step-approvals.tsx'
import { formatDateTime } from '#lib/format.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { describePlan, diffPlans } from '#workflows/plans/plan-display.ts'
import { PlanActions } from './plan-actions.tsx'
import { loadPlanPage, planPageAction } from './plan-page.server.ts'
import { PlanDetails } from './plan-details.tsx'
import { PlanFile } from './plan-file.tsx'
import { PlanTimeline } from '../../components/plan-timeline.tsx'
import {
	LastDecision,
	PlanChain,
	PlanChanges,
	StatusBadge,
} from '../../components/plan-view.tsx'
import { PlanPassports } from '../../components/plan-passports.tsx'
import { TripPanel } from '../../components/trip-forms.tsx'
import { pageTitle } from '#app/utils/meta.ts'
import { web } from '#app/utils/domain.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async (args: LoaderFunctionArgs) => {
			return loadPlanPage(args)
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async (args: ActionFunctionArgs) => {
			return planPageAction(args)
		},
	)

export default function PlanRoute() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	const { plan } = data
	const current = {
		plan: data.draft as never,
		partnerName: plan.partner_org_name,
	}
	const changes = (since: typeof data.returned) =>
		since &&
		diffPlans(
			{ plan: since.draft as never, partnerName: since.partnerName },
			current,
			t,
			locale,
		)
	// The events the chain's panel and the callout read: the key ones the timeline leaves out first.
	const decisive = [...data.olderKeyEvents, ...data.events]
	const sinceReturn = changes(data.returned)
	const sinceApproval = changes(data.approvedVersion)
	const sinceLoaded =
		actionData && 'changedFrom' in actionData && actionData.changedFrom
			? changes(actionData.changedFrom as typeof data.returned)
			: null
	const tripResult = actionData?.result && {
		intent: actionData.intent ?? '',
		result: actionData.result,
	}
	return (
		<>
			<div className="toolbar">
				<h1>{plan.name || t('plan.notSet')}</h1>
				<StatusBadge
					status={plan.status}
					steps={data.steps}
					direction={plan.direction}
				/>
			</div>
			<p className="muted">
				{plan.organisation_name} · {t(`plan.direction.${plan.direction}`)} ·{' '}
				{t('plan.year.value', { year: plan.plan_year })}
			</p>
			{actionData?.conflict ? (
				<p className="form-error" role="alert">
					{t('plan.conflict', {
						name: actionData.conflict.actor_name,
						action: t(`event.${actionData.conflict.event}`).toLowerCase(),
						time: formatDateTime(actionData.conflict.created_at),
					})}
				</p>
			) : null}
			<LastDecision events={decisive} status={plan.status} />
			{sinceLoaded ? (
				<PlanChanges title={t('confirm.changesTitle')} diff={sinceLoaded} />
			) : null}
			{data.ownSubmission ? (
				<p className="panel muted" role="note">
					{t(
						data.ownSubmission === 'plan'
							? 'plan.ownSubmission'
							: 'plan.ownReport',
					)}
				</p>
			) : null}
			<PlanActions />
			{data.stepDecisions ? (
				<StepDecisions decisions={data.stepDecisions} />
			) : null}
			<PlanPassports passports={data.passports} today={data.today} />
			<TripPanel
				plan={plan}
				actions={data.actions}
				today={data.today}
				hasReport={plan.has_report}
				canAmend={data.canEdit && plan.status === 'approved'}
				last={tripResult || null}
				defaults={data.tripDefaults}
			/>
			{sinceApproval ? (
				<PlanChanges
					title={t('plan.changesSinceApproval', {
						name: data.approvedVersion!.by,
						time: formatDateTime(data.approvedVersion!.at),
					})}
					diff={sinceApproval}
				/>
			) : null}
			{sinceReturn ? (
				<PlanChanges
					title={t('plan.changesSince', {
						name: data.returned!.by,
						time: formatDateTime(data.returned!.at),
					})}
					diff={sinceReturn}
				/>
			) : null}
			<PlanChain
				chain={data.chain}
				steps={data.steps}
				status={plan.status}
				events={decisive}
				answers={data.file.answers}
				planId={plan.id}
			/>
			<PlanDetails
				rows={describePlan(
					data.draft as never,
					plan.partner_org_name,
					t,
					locale,
				)}
				draft={data.draft as never}
				attachments={data.attachments}
				planId={plan.id}
			/>
			<PlanFile
				planId={plan.id}
				file={data.file}
				attachments={data.attachments}
				submitted={
					!['drafting', 'returned', 'withdrawn', 'rejected'].includes(
						plan.status,
					)
				}
			/>
			<PlanTimeline
				answers={data.file.answers}
				planId={plan.id}
				events={data.events}
				total={data.eventsTotal}
				steps={data.steps}
				direction={plan.direction}
				tripDates={{
					DEPART: plan.departed_on,
					COMPLETE_TRIP: plan.returned_on,
				}}
			/>
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [
		data && (data.plan.name || t('plan.notSet')),
		t('nav.plans'),
	])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
