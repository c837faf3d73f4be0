import {
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { z } from 'zod'
import {
	CONFIRMED_DECISIONS,
	type ConfirmedDecision,
} from '#app/components/step-approvals.tsx'
import { db } from '#db/client.server.ts'
import { getPlanFile } from '#db/repos/plan-file.server.ts'
import {
	getPlanEventSnapshots,
	getPlanPage,
	type latestPlanEvent,
} from '#db/repos/plan.server.ts'
import {
	getStepDecisions,
	planSnapshotAt,
} from '#db/repos/step-approval.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { forbidden, notFound } from '#app/utils/permissions.server.ts'
import {
	decisionActor,
	planViewer,
	requireVisiblePlan,
} from '#app/utils/plan-access.server.ts'
import { recordToDraft } from '#app/utils/plan-mapping.ts'
import { completenessIssues } from '#app/utils/plan-schema.ts'
import {
	handleReportDecision,
	REPORT_DECISIONS,
} from '#app/utils/report-form.server.ts'
import { redirectToNextInboxItem } from '#app/utils/inbox-next.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { todayIso, tripDateDefault } from '#lib/trip-dates.ts'
import {
	type AnswerErrors,
	parseWrittenAnswer,
} from '#app/utils/written-answer-form.server.ts'
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
import { MAX_INT } from '#lib/column-limits.ts'
import { withoutOwnSubmissions } from '#workflows/plan/separation.ts'

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
const DECISIONS: readonly string[] = ['APPROVE', 'RETURN', 'REJECT']
/** Events the timeline shows at first; ?timeline=all shows every one. */
const TIMELINE_LATEST = 100

const DecisionSchema = z
	.object({
		intent: z.enum(APPROVAL_EVENTS),
		version: z.coerce.number().int().min(0).max(MAX_INT),
		comment: z.string().trim().max(4000, { error: 'error.tooLong' }).optional(),
	})
	.refine(d => !COMMENT_REQUIRED.includes(d.intent) || d.comment, {
		path: ['comment'],
		error: 'plan.commentRequired',
	})

/** The plan page's data: the plan, its chain, timeline, the changes an approver should see, and what this user may do. */
export async function loadPlanPage({ request, params }: LoaderFunctionArgs) {
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
	const { actor, onBehalfOf } = await decisionActor(
		user,
		todayIso(),
		db,
		request,
	)
	// What this user may do, less the decisions on what they submitted themselves (and why).
	const { events: actions, ownSubmission } = withoutOwnSubmissions(
		workflow ? availableEvents(workflow.snapshot, actor) : [],
		page,
		[actor.userId, onBehalfOf?.id],
	)
	const stepAt = stepIndexOf(page.status)
	const currentStep =
		workflow && stepAt !== null ? (workflow.steps[stepAt] ?? null) : null
	const [stepDecisions, file] = await Promise.all([
		getStepDecisions(db, page, currentStep),
		getPlanFile(db, page.id),
	])
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
		submitted_by: _submittedBy,
		report_submitted_by: _reportSubmittedBy,
		...record
	} = page
	const today = todayIso()
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
		ownSubmission,
		canEdit,
		stepDecisions,
		answerRequired: Boolean(currentStep?.requires_written_answer),
		file,
		today,
		// The trip's date fields offer the approved dates, not today.
		tripDefaults: {
			DEPART: tripDateDefault(page, 'DEPART', today),
			COMPLETE_TRIP: tripDateDefault(page, 'COMPLETE_TRIP', today),
		},
	})
}

/** The plan page's forms: the approval decisions here, the trip's and the report's through their handlers. */
export async function planPageAction({ request, params }: ActionFunctionArgs) {
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
			answerErrors?: AnswerErrors
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
	// A refused written answer asks again, keeping the decision and its comment.
	const askAgain = async (answerErrors: AnswerErrors) => {
		const current = await db
			.selectFrom('plan')
			.select('name')
			.where('id', '=', planId)
			.executeTakeFirstOrThrow()
		return refuse(intent, 400, [], null, {
			confirm: { intent: intent as ConfirmedDecision, name: current.name },
			answerErrors,
		})
	}
	const answered = CONFIRMED_DECISIONS.includes(intent as ConfirmedDecision)
		? await parseWrittenAnswer(formData)
		: { answer: null }
	if (answered.errors) return askAgain(answered.errors)
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
			writtenAnswer: answered.answer,
		}),
	)
	switch (result.status) {
		case 'ok': {
			const message = result.approvals
				? 'approvals.partialDone'
				: (`plan.done.${intent}` as const)
			const params = result.approvals && {
				approved: result.approvals.count,
				required: result.approvals.required,
			}
			// An approver's decision leads on to the next item waiting for them.
			if (DECISIONS.includes(intent))
				return redirectToNextInboxItem(user, planId, message, params)
			return redirectWithToast(`/plans/${planId}`, {
				type: 'success',
				message,
				...(params ? { params } : {}),
			})
		}
		case 'conflict':
			return refuse(intent, 409, [], result.last, await changedFrom(version))
		case 'incomplete':
			if (result.issues.some(i => i.message === 'answer.required'))
				return askAgain({ answer_file: ['answer.required'] })
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
		case 'own_submission':
			return refuse(intent, 403, ['plan.ownSubmission'])
		case 'forbidden':
			throw forbidden()
		case 'not_found':
			throw notFound()
	}
}
