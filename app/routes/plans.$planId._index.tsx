import {
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import {
	Form,
	Link,
	useActionData,
	useLoaderData,
	useNavigation,
} from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList } from '#app/components/forms.tsx'
import { db } from '#db/client.server.ts'
import {
	getPlanEventSnapshots,
	getPlanPage,
	type latestPlanEvent,
} from '#db/repos/plan.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { forbidden, notFound } from '#app/utils/permissions.server.ts'
import {
	decisionActor,
	planViewer,
	requireVisiblePlan,
} from '#app/utils/plan-access.server.ts'
import { describePlan, diffPlans } from '#app/utils/plan-display.ts'
import { recordToDraft } from '#app/utils/plan-mapping.ts'
import { completenessIssues } from '#app/utils/plan-schema.ts'
import {
	handleReportDecision,
	REPORT_DECISIONS,
} from '#app/utils/report-form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { todayIso } from '#app/utils/trip-dates.ts'
import {
	handleTripAction,
	TRIP_INTENTS,
	type TripIntent,
} from '#app/utils/trip.server.ts'
import {
	type PlanEventType,
	stepIndexOf,
} from '#workflows/plan/plan.machine.ts'
import {
	applyPlanEvent,
	availableEvents,
	planWorkflow,
} from '#workflows/plan/plan.server.ts'
import {
	LastDecision,
	PlanChain,
	PlanChanges,
	PlanDetails,
	PlanTimeline,
	StatusBadge,
} from './__plan-view.tsx'
import { TripPanel } from './__trip-forms.tsx'
import {
	CONFIRMED_DECISIONS,
	DecisionConfirm,
	StepDecisions,
} from '#app/components/step-approvals.tsx'
import {
	getStepDecisions,
	planSnapshotAt,
} from '#db/repos/step-approval.server.ts'

// Events of the approval; the trip's (TRIP_INTENTS) and the report's (REPORT_DECISIONS) have their own handlers.
const APPROVAL_EVENTS = [
	'SUBMIT',
	'APPROVE',
	'RETURN',
	'REJECT',
	'WITHDRAW',
	'RESUBMIT',
] as const
const COMMENT_REQUIRED: readonly string[] = ['RETURN', 'REJECT']
/** Events the timeline shows at first; ?timeline=all shows every one. */
const TIMELINE_LATEST = 100

const DecisionSchema = z
	.object({
		intent: z.enum(APPROVAL_EVENTS),
		version: z.coerce.number().int(),
		comment: z.string().trim().max(4000, { error: 'error.tooLong' }).optional(),
	})
	.refine(d => !COMMENT_REQUIRED.includes(d.intent) || d.comment, {
		path: ['comment'],
		error: 'plan.commentRequired',
	})

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	// Visibility is checked in the page's own query: a plan this user may not see is a 404.
	const planId = z.uuid().safeParse(params.planId).data
	// The latest events of a long timeline, unless the user asked for all of them.
	const wholeTimeline =
		new URL(request.url).searchParams.get('timeline') === 'all'
	const page =
		planId &&
		(await getPlanPage(
			db,
			planId,
			planViewer(user),
			wholeTimeline ? undefined : TIMELINE_LATEST,
		))
	if (!page) throw notFound()
	const workflow = planWorkflow(page, page.chain_steps)
	const { actor } = await decisionActor(user, todayIso(), db, request)
	const actions = workflow ? availableEvents(workflow.snapshot, actor) : []
	const stepAt = stepIndexOf(page.status)
	const stepDecisions = await getStepDecisions(
		db,
		page,
		workflow && stepAt !== null ? (workflow.steps[stepAt] ?? null) : null,
	)
	const canEdit =
		page.organisation_id === user.organisationId &&
		user.roles.includes('drafter') &&
		['drafting', 'returned', 'approved'].includes(page.status)

	// While the plan climbs the chain again, approvers see what changed since they returned it,
	// and, for an amendment, since it was last approved (both versions read in one query).
	const pending = stepIndexOf(page.status) !== null
	const lastApproved = page.events.findLastIndex(
		e => e.to_status === 'approved',
	)
	const amendedAt = page.events.findLastIndex(e => e.event === 'AMEND')
	const returnedAt = page.events.findLastIndex(e => e.event === 'RETURN')
	const amended = pending && lastApproved >= 0 && amendedAt > lastApproved
	const returned =
		pending && returnedAt >= 0 && (!amended || returnedAt > amendedAt)
	const since = {
		return: returned ? page.events[returnedAt] : null,
		approval: amended ? page.events[lastApproved] : null,
	}
	const snapshots =
		since.return || since.approval
			? await getPlanEventSnapshots(
					db,
					planId,
					[since.return?.id, since.approval?.id].filter(id => id != null),
				)
			: new Map()
	const version = (event: (typeof page.events)[number] | null) => {
		const snapshot = event && snapshots.get(String(event.id))
		return snapshot
			? {
					draft: recordToDraft(snapshot),
					partnerName: snapshot.partner_org_name,
					by: event.actor_name,
					at: event.created_at,
				}
			: null
	}

	const {
		events,
		events_total,
		chain_steps,
		attachments,
		workflow_snapshot: _snapshot,
		...record
	} = page
	return json({
		plan: record,
		draft: recordToDraft(record),
		returned: version(since.return),
		approvedVersion: version(since.approval),
		events,
		eventsTotal: events_total,
		chain: chain_steps,
		steps: workflow?.steps ?? chain_steps,
		attachments: attachments.map(({ id, file_name, size }) => ({
			id,
			file_name,
			size,
		})),
		actions,
		canEdit,
		stepDecisions,
		today: todayIso(),
	})
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request)
	const planId = await requireVisiblePlan(user, params.planId)
	const formData = await request.formData()
	const tripIntent = formData.get('intent') as TripIntent
	if (TRIP_INTENTS.includes(tripIntent))
		return handleTripAction(user, planId, tripIntent, formData)
	if (REPORT_DECISIONS.includes(tripIntent as never))
		return handleReportDecision(formData, user, planId, `/plans/${planId}`)
	const typed = String(formData.get('comment') ?? '')
	/** A refusal keeps what the user typed and says why, next to the decision form. */
	const refuse = (
		intent: PlanEventType | null,
		status: number,
		errors: string[],
		conflict: Awaited<ReturnType<typeof latestPlanEvent>> | null = null,
		extra: {
			confirm?: { intent: (typeof CONFIRMED_DECISIONS)[number]; name: string }
			changedFrom?: { draft: unknown; partnerName: string | null }
		} = {},
	) =>
		json(
			{ intent, comment: typed, errors, conflict, result: null, ...extra },
			{ status },
		)
	/** What the plan looked like at the version the user loaded, to show what changed since. */
	const changedFrom = async (version: number) => {
		const snapshot = await planSnapshotAt(db, planId, version)
		return snapshot
			? {
					changedFrom: {
						draft: recordToDraft(snapshot),
						partnerName: snapshot.partner_org_name,
					},
				}
			: {}
	}

	const parsed = DecisionSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) {
		const intent = z.enum(APPROVAL_EVENTS).safeParse(formData.get('intent'))
		return refuse(
			intent.data ?? null,
			400,
			parsed.error.issues.map(i => i.message),
		)
	}
	const { intent, version, comment } = parsed.data
	// The decision buttons first ask once more, naming the plan; a changed plan is refused here already.
	const asking = CONFIRMED_DECISIONS.find(
		d => d === intent && formData.get('stage') === 'ask',
	)
	if (asking) {
		const current = await db
			.selectFrom('plan')
			.select(['name', 'version'])
			.where('id', '=', planId)
			.executeTakeFirstOrThrow()
		if (current.version !== version)
			return refuse(
				intent,
				409,
				['confirm.changed'],
				null,
				await changedFrom(version),
			)
		return refuse(intent, 200, [], null, {
			confirm: { intent: asking, name: current.name },
		})
	}
	const { actor, onBehalfOf } = await decisionActor(user, todayIso())
	const event = {
		type: intent,
		actor,
		comment: comment ?? '',
	}
	const result = await db.transaction().execute(trx =>
		applyPlanEvent(trx, {
			planId,
			expectedVersion: version,
			event,
			validate: record => completenessIssues(recordToDraft(record)),
			onBehalfOf: onBehalfOf?.id,
		}),
	)
	switch (result.status) {
		case 'ok':
			return redirectWithToast(`/plans/${planId}`, {
				type: 'success',
				message: result.approvals
					? 'approvals.partialDone'
					: `plan.done.${intent}`,
				...(result.approvals
					? {
							params: {
								approved: result.approvals.count,
								required: result.approvals.required,
							},
						}
					: {}),
			})
		case 'conflict':
			return refuse(intent, 409, [], result.last, await changedFrom(version))
		case 'incomplete':
			return refuse(intent, 400, [
				'plan.incomplete',
				...new Set(result.issues.map(i => i.message)),
			])
		case 'no_chain':
			return refuse(intent, 400, ['plan.noChain'])
		case 'wrong_state':
			return refuse(intent, 409, [
				result.alreadyApproved ? 'approvals.already' : 'plan.wrongState',
			])
		case 'forbidden':
			throw forbidden()
		case 'not_found':
			throw notFound()
	}
}

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
			<LastDecision events={data.events} status={plan.status} />
			{sinceLoaded ? (
				<PlanChanges title={t('confirm.changesTitle')} diff={sinceLoaded} />
			) : null}
			<Actions />
			{data.stepDecisions ? (
				<StepDecisions decisions={data.stepDecisions} />
			) : null}
			<TripPanel
				plan={plan}
				actions={data.actions}
				today={data.today}
				hasReport={plan.has_report}
				canAmend={data.canEdit && plan.status === 'approved'}
				last={tripResult || null}
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
				events={data.events}
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
			<PlanTimeline
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

function Actions() {
	const { plan, actions, canEdit } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const t = useT()
	const busy = navigation.state !== 'idle'
	const decisions = (
		[
			'APPROVE',
			'RETURN',
			'REJECT',
			'ACKNOWLEDGE_REPORT',
			'RETURN_REPORT',
		] as const
	).filter(intent => actions.includes(intent))
	const decisionErrors = decisions.some(d => d === actionData?.intent)
		? actionData?.errors
		: null
	const style = {
		APPROVE: '',
		RETURN: 'secondary',
		REJECT: 'danger',
		ACKNOWLEDGE_REPORT: '',
		RETURN_REPORT: 'secondary',
	} as const
	const aboutReport = decisions.some(d => d.endsWith('_REPORT'))
	const plain = (['SUBMIT', 'RESUBMIT', 'WITHDRAW'] as const).filter(intent =>
		actions.includes(intent),
	)
	// An approved plan's amendment link is with the trip's forms.
	const editLink = canEdit && plan.status !== 'approved'
	if (!decisions.length && !plain.length && !editLink) return null
	const confirm =
		actionData && 'confirm' in actionData ? actionData.confirm : null
	if (confirm)
		return (
			<DecisionConfirm
				intent={confirm.intent}
				name={confirm.name || t('plan.notSet')}
				comment={actionData?.comment ?? ''}
				version={plan.version}
				busy={busy}
			/>
		)
	return (
		<section className="panel actions-panel">
			{decisions.length ? (
				<Form method="post" className="decision">
					<input type="hidden" name="version" value={plan.version} />
					{decisions.some(d => d.endsWith('_REPORT')) ? null : (
						<input type="hidden" name="stage" value="ask" />
					)}
					<label>
						{t('plan.comment')}
						<textarea
							name="comment"
							rows={3}
							defaultValue={actionData?.comment ?? ''}
							aria-invalid={decisionErrors?.length ? true : undefined}
							aria-describedby="decision-hint"
						/>
					</label>
					<p id="decision-hint" className="hint">
						{t(aboutReport ? 'report.commentHint' : 'plan.commentHint')}
					</p>
					<ErrorList errors={decisionErrors} />
					<div className="actions">
						{decisions.map(intent => (
							<button
								key={intent}
								type="submit"
								name="intent"
								value={intent}
								className={style[intent]}
								disabled={busy}
							>
								{t(`plan.action.${intent.toLowerCase()}`)}
							</button>
						))}
					</div>
				</Form>
			) : null}
			<div className="actions">
				{editLink ? (
					<Link className="button secondary" to="edit">
						{t('common.edit')}
					</Link>
				) : null}
				{plain.map(intent => (
					<Form method="post" key={intent} className="inline">
						<input type="hidden" name="version" value={plan.version} />
						<button
							type="submit"
							name="intent"
							value={intent}
							className={intent === 'WITHDRAW' ? 'danger' : ''}
							disabled={busy}
						>
							{t(`plan.action.${intent.toLowerCase()}`)}
						</button>
					</Form>
				))}
			</div>
			{['SUBMIT', 'RESUBMIT', 'WITHDRAW'].includes(actionData?.intent ?? '') ? (
				<ErrorList errors={actionData?.errors} />
			) : null}
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
