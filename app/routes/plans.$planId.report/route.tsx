import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import {
	Link,
	useActionData,
	useLoaderData,
	useNavigation,
} from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { DecisionForm } from '#app/components/step-approvals.tsx'
import { db } from '#db/client.server.ts'
import { getReportPage, getTripFacts } from '#db/repos/report.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { formatDateTime } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { invariantResponse } from '#app/utils/misc.ts'
import {
	requireVisiblePlan,
	workflowActor,
} from '#workflows/access/plan-access.server.ts'
import {
	decideReport,
	saveReportForm,
} from '#workflows/reports/report-form.server.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { REPORT_DUE_STATUSES } from '#workflows/plans/plan.machine.ts'
import { availableEvents, planWorkflow } from '#workflows/plans/plan.server.ts'
import { withoutOwnSubmissions } from '#workflows/plans/separation.ts'
import { PlanTimeline } from '../../components/plan-timeline.tsx'
import { StatusBadge } from '../../components/plan-view.tsx'
import { ReportForm, ReportView } from './report-form.tsx'
import { TripFacts } from '../../components/trip-forms.tsx'
import { pageTitle } from '#app/utils/meta.ts'
import { respond, web } from '#app/utils/domain.server.ts'
import { parseUploadForm } from '#app/utils/uploads.server.ts'

const toReport = (planId: string) => `/plans/${planId}/report`

const WITH_REPORT = [...REPORT_DUE_STATUSES, 'report_submitted', 'closed']

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const planId = await requireVisiblePlan(user, params.planId)
			const page = await getReportPage(db, planId)
			invariantResponse(
				page && WITH_REPORT.includes(page.status),
				'error.notFound',
			)
			const workflow = planWorkflow(page, page.chain_steps)
			// Whoever filed the report may not acknowledge or return it (and the page says why).
			const { events: actions, ownSubmission } = withoutOwnSubmissions(
				workflow ? availableEvents(workflow.snapshot, workflowActor(user)) : [],
				page,
				[user.id],
			)
			const owner = page.organisation_id === user.organisationId
			const canWrite = actions.includes('SUBMIT_REPORT')
			// The owner reads the report as it stands; the receivers what they were last sent.
			const shown = owner
				? page.report
				: page.status === 'report_returned'
					? page.submitted_report
					: page.status === 'trip_done'
						? null
						: page.report
			const {
				chain_steps: _steps,
				workflow_snapshot: _snapshot,
				optional_step_ids: _optional,
				members,
				report,
				submitted_report: _submitted,
				submitted_by: _submittedBy,
				report_submitted_by: _reportSubmittedBy,
				...plan
			} = page
			return json({
				plan,
				report: shown && {
					summary: shown.summary,
					results: shown.results,
					activities_done: shown.activities_done,
					proposals: shown.proposals,
					participants: shown.participants,
				},
				// A new report starts with the plan's members as the participants.
				prefill: canWrite && !report ? members : null,
				versions: { plan: page.version, report: report?.version ?? 0 },
				submittedAt: report?.submitted_at ?? null,
				canWrite,
				decisions: actions.filter(
					a => a === 'ACKNOWLEDGE_REPORT' || a === 'RETURN_REPORT',
				),
				ownReport: ownSubmission === 'report',
				today: todayIso(),
			})
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: ActionFunctionArgs) => {
			const user = await requireUser(request)
			const planId = await requireVisiblePlan(user, params.planId)
			if (
				request.headers.get('Content-Type')?.startsWith('multipart/form-data')
			) {
				const facts = await getTripFacts(db, planId)
				invariantResponse(facts, 'error.notFound')
				return respond(
					await saveReportForm(
						user,
						{ id: planId, organisation_id: facts.organisation_id },
						await parseUploadForm(request),
					),
					toReport,
				)
			}
			return respond(
				await decideReport(user, planId, await request.formData()),
				toReport,
			)
		},
	)

export default function ReportRoute() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const { plan } = data
	const returned = plan.events.findLast(e => e.event === 'RETURN_REPORT')
	return (
		<>
			<div className="toolbar">
				<h1>{t('report.title')}</h1>
				<StatusBadge status={plan.status} direction={plan.direction} />
			</div>
			<p className="muted">
				<Link to={`/plans/${plan.id}`}>{plan.name || t('plan.notSet')}</Link> ·{' '}
				{plan.organisation_name} · {t(`plan.direction.${plan.direction}`)}
			</p>
			<TripFacts plan={{ ...plan, cancel_reason: null }} today={data.today} />
			{data.report ? (
				<p>
					<Link to={`/plans/${plan.id}/report-document`}>
						{t('reportDocument.open')}
					</Link>
				</p>
			) : null}
			{plan.status === 'report_returned' && returned ? (
				<section className="panel callout callout-returned" role="note">
					<p>
						{t('report.returnedBy', {
							name: returned.actor_name,
							organisation: returned.actor_organisation,
							time: formatDateTime(returned.created_at),
						})}
					</p>
					<blockquote>{returned.comment}</blockquote>
				</section>
			) : null}
			{actionData && 'conflict' in actionData && actionData.conflict ? (
				<p className="form-error" role="alert">
					{t('plan.conflict', {
						name: actionData.conflict.actor_name,
						action: t(`event.${actionData.conflict.event}`).toLowerCase(),
						time: formatDateTime(actionData.conflict.created_at),
					})}
				</p>
			) : null}
			{data.ownReport ? (
				<p className="panel muted" role="note">
					{t('plan.ownReport')}
				</p>
			) : null}
			{data.decisions.length ? <Decision /> : null}
			{data.canWrite ? (
				<ReportForm
					key={`${data.versions.plan}-${data.versions.report}`}
					report={
						data.report ?? {
							summary: '',
							results: '',
							activities_done: '',
							proposals: '',
							participants: data.prefill ?? [],
						}
					}
					versions={data.versions}
					attachments={plan.attachments}
					lastResult={
						actionData && 'result' in actionData && actionData.result
							? actionData.result
							: undefined
					}
				/>
			) : data.report ? (
				<ReportView
					report={data.report}
					attachments={plan.attachments}
					planId={plan.id}
					submittedAt={data.submittedAt}
				/>
			) : (
				<p className="panel muted">{t('report.notYet')}</p>
			)}
			<PlanTimeline
				events={plan.events}
				steps={[]}
				direction={plan.direction}
				tripDates={{
					DEPART: plan.departed_on,
					COMPLETE_TRIP: plan.returned_on,
				}}
			/>
		</>
	)
}

function Decision() {
	const { plan, decisions } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const busy = useNavigation().state !== 'idle'
	const t = useT()
	const errors = actionData && 'errors' in actionData ? actionData.errors : null
	return (
		<section className="panel">
			<DecisionForm
				intents={decisions}
				version={plan.version}
				ask={false}
				comment={
					actionData && 'comment' in actionData ? actionData.comment : ''
				}
				errors={errors}
				hint={t('report.commentHint')}
				busy={busy}
			/>
		</section>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [t('report.title'), data?.plan.name, t('nav.plans')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
