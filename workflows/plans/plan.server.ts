import { transition, initialTransition } from 'xstate'
import { type Db } from '#db/client.server.ts'
import {
	type ApprovalRule,
	type EventVia,
	type PlanUpdate,
} from '#db/schema.ts'
import {
	listActiveApprovers,
	recordStepApproval,
	requiredApprovals,
} from '#db/repos/step-approval.server.ts'
import { getChainSteps, getCurrentChain } from '#db/repos/chain.server.ts'
import {
	insertPlanEvent,
	latestPlanEvent,
	lockPlanForEvent,
	type PlanRecord,
	type PlanViewer,
	updatePlanWithEvent,
} from '#db/repos/plan.server.ts'
import {
	insertWrittenAnswer,
	type WrittenAnswerInput,
} from '#db/repos/written-answer.server.ts'
import {
	notifyPlanEvent,
	planNotices,
} from '#workflows/notify/plan-notify.server.ts'
import { todayIso } from '#lib/trip-dates.ts'
import {
	acceptsEventType,
	createPlanMachine,
	PLAN_EVENT_TYPES,
	type PlanEvent,
	type PlanMachine,
	type PlanSnapshot,
	restoreSnapshot,
	stepIndexOf,
	storeSnapshot,
	type StoredWorkflow,
	type WorkflowActor,
} from './plan.machine.ts'
import { ownSubmission, type OwnSubmission } from './separation.ts'

export const WORKFLOW_VERSION = 2

export type PlanFieldChanges = Pick<
	PlanUpdate,
	| 'departed_on'
	| 'returned_on'
	| 'report_due_on'
	| 'report_due_count'
	| 'report_due_unit'
	| 'cancel_reason'
	| 'plan_year'
	| 'timing_kind'
	| 'timing_month'
	| 'start_date'
	| 'end_date'
>

export type ApplyResult =
	| {
			status: 'ok'
			to: string
			/** At a step that needs several approvers and is not complete yet. */
			approvals?: { count: number; required: number }
	  }
	| { status: 'not_found' }
	/** Someone acted on the plan since the user loaded it. */
	| {
			status: 'conflict'
			last: Awaited<ReturnType<typeof latestPlanEvent>> | null
	  }
	/** The plan's state has no such action. */
	| {
			status: 'wrong_state'
			/** This approver already approved at this step (this round). */
			alreadyApproved?: true
	  }
	/** The state has the action, but not for this user (or without the required comment). */
	| { status: 'forbidden' }
	/** The user would decide on their own submission (plan) or their own report. */
	| { status: 'own_submission'; kind: OwnSubmission }
	| { status: 'no_chain' }
	| {
			status: 'incomplete'
			issues: { path: (string | number)[]; message: string }[]
	  }

interface ChainStepRow {
	id: string
	organisation_id: string
	optional: boolean
	requires_written_answer?: boolean
}

/** The decisions that may carry the step's written answer. */
const ANSWERED_EVENTS: string[] = ['APPROVE', 'RETURN', 'REJECT']

/**
 * At a step whose rule is "all" or "min", records the approver's approval (once per round: the
 * plan's version while it waits there) and says how many the step has and needs. Null at an
 * "any" step. Runs under the plan's row lock, so parallel approvals are counted one by one.
 */
async function stepQuorum(
	trx: Db,
	plan: { id: string; status: string; version: number },
	steps: (ChainStepRow & {
		approval_rule?: ApprovalRule
		min_approvals?: number | null
	})[],
	approverId: string,
) {
	const at = stepIndexOf(plan.status)
	const step = at === null ? undefined : steps[at]
	if (!step?.approval_rule || step.approval_rule === 'any') return null
	const approvers =
		step.approval_rule === 'all'
			? await listActiveApprovers(trx, [step.organisation_id])
			: []
	const { recorded, count } = await recordStepApproval(trx, {
		plan_id: plan.id,
		status: plan.status,
		plan_version: plan.version,
		approver_id: approverId,
	})
	return {
		recorded,
		count,
		required: requiredApprovals(
			{
				approval_rule: step.approval_rule,
				min_approvals: step.min_approvals ?? null,
			},
			approvers.length,
		),
	}
}

/**
 * A machine is a pure definition (transitions never change it), so the few distinct chains are
 * built once rather than on every page and decision: building one took about 0.4 ms.
 */
const machines = new Map<string, PlanMachine>()
function machineFor(stepOrganisations: string[], ownerOrganisationId: string) {
	const key = `${ownerOrganisationId}:${stepOrganisations.join(',')}`
	let machine = machines.get(key)
	if (!machine) {
		if (machines.size >= 1000) machines.clear()
		machine = createPlanMachine(
			stepOrganisations.map(organisationId => ({ organisationId })),
			ownerOrganisationId,
		)
		machines.set(key, machine)
	}
	return machine
}

/** The steps this plan climbs (optional ones only when chosen), its machine and current snapshot. */
export function planWorkflow<S extends ChainStepRow>(
	plan: {
		organisation_id: string
		optional_step_ids: string[]
		workflow_snapshot: unknown
	},
	chainSteps: S[],
) {
	const steps = chainSteps.filter(
		s => !s.optional || plan.optional_step_ids.includes(s.id),
	)
	if (steps.length === 0) return null
	const machine = machineFor(
		steps.map(s => s.organisation_id),
		plan.organisation_id,
	)
	const snapshot = plan.workflow_snapshot
		? restoreSnapshot(machine, plan.workflow_snapshot as StoredWorkflow)
		: initialTransition(machine, {
				ownerOrganisationId: plan.organisation_id,
			})[0]
	return { machine, snapshot, steps }
}

/** The events this user may send now (a placeholder comment stands in for the one they will write). */
export function availableEvents(snapshot: PlanSnapshot, actor: WorkflowActor) {
	return PLAN_EVENT_TYPES.filter(type =>
		snapshot.can({ type, actor, comment: '…' } as PlanEvent),
	)
}

/**
 * Runs one workflow event against a plan, inside the caller's transaction: locks the row,
 * checks the version the user saw, rebuilds the machine from the chain the plan is pinned to
 * (pinning it on first submission), transitions, and writes the new state together with an
 * event row holding the plan as it was.
 */
export async function applyPlanEvent(
	trx: Db,
	{
		planId,
		expectedVersion,
		event,
		validate,
		changes,
		snapshotExtra,
		onBehalfOf,
		via = 'page',
		writtenAnswer,
		viewer,
	}: {
		planId: string
		expectedVersion: number
		event: PlanEvent
		/** Checked on SUBMIT and RESUBMIT against the stored plan. */
		validate?: (
			record: PlanRecord,
		) => { path: (string | number)[]; message: string }[]
		/** Columns the event itself sets (trip dates, a cancellation reason, new timing), saved with the transition. */
		changes?: PlanFieldChanges
		/** Kept with the event's snapshot of the plan, e.g. the report as it was submitted. */
		snapshotExtra?: Record<string, unknown>
		/** The principal, when a substitute decides in their place (see `decisionActor`). */
		onBehalfOf?: string | null
		/** How the decision was taken: on a signed-in page or through an email's link. */
		via?: EventVia
		/** The step organisation's written answer (công văn, quyết định, thông báo) with its signed scan. */
		writtenAnswer?: WrittenAnswerInput | null
		/** Acts only on a plan this viewer may see (otherwise not_found), checked by the lock itself. */
		viewer?: PlanViewer
	},
): Promise<ApplyResult> {
	// One statement: the lock, the record, the pinned chain's steps and the names to notify with.
	const locked = await lockPlanForEvent(trx, planId, event.actor, viewer)
	if (!locked) return { status: 'not_found' }
	const {
		workflow_snapshot,
		created_by,
		chain_steps,
		organisation_name,
		actor_name,
		actor_organisation,
		submitted_by,
		report_submitted_by,
		...record
	} = locked
	const plan = { ...record, workflow_snapshot }
	if (plan.version !== expectedVersion)
		return {
			status: 'conflict',
			last: (await latestPlanEvent(trx, planId)) ?? null,
		}
	const facts = {
		plan_name: record.name,
		organisation_id: record.organisation_id,
		created_by,
		plan_version: plan.version,
		organisation_name: organisation_name ?? '',
		actor_name: actor_name ?? '',
		actor_organisation: actor_organisation ?? '',
	}

	let chainId = plan.chain_id
	let chainSteps = chain_steps
	if (!chainId) {
		const chain = await getCurrentChain(trx, plan.organisation_id)
		if (!chain) return { status: 'no_chain' }
		chainId = chain.id
		chainSteps = await getChainSteps(trx, chainId)
	}
	const optionalIds = new Set(chainSteps.filter(s => s.optional).map(s => s.id))
	if (plan.optional_step_ids.some(id => !optionalIds.has(id)))
		return {
			status: 'incomplete',
			issues: [
				{ path: ['optional_step_ids'], message: 'plan.optionalStepsChanged' },
			],
		}
	const workflow = planWorkflow(plan, chainSteps)
	if (!workflow) return { status: 'no_chain' }
	const { machine, snapshot, steps } = workflow

	if (!acceptsEventType(snapshot, event.type)) return { status: 'wrong_state' }
	if (!snapshot.can(event)) return { status: 'forbidden' }
	const own = ownSubmission(event.type, { submitted_by, report_submitted_by }, [
		event.actor.userId,
		onBehalfOf,
	])
	if (own) return { status: 'own_submission', kind: own }

	if (validate && (event.type === 'SUBMIT' || event.type === 'RESUBMIT')) {
		const issues = validate(record)
		if (issues.length) return { status: 'incomplete', issues }
	}

	const stepAt = stepIndexOf(plan.status)
	const currentStep = stepAt === null ? undefined : steps[stepAt]
	if (
		event.type === 'APPROVE' &&
		currentStep?.requires_written_answer &&
		!writtenAnswer
	)
		return {
			status: 'incomplete',
			issues: [{ path: ['answer_file'], message: 'answer.required' }],
		}
	const keepAnswer = async (eventId: string) => {
		if (writtenAnswer && ANSWERED_EVENTS.includes(event.type))
			await insertWrittenAnswer(trx, {
				plan_id: planId,
				plan_event_id: eventId,
				organisation_id: event.actor.organisationId,
				created_by: event.actor.userId,
				answer: writtenAnswer,
			})
	}

	// A step that needs several approvers: record this approval and move on only once the rule is met.
	// A substitute's approval counts for the approver they stand in for.
	const quorum =
		event.type === 'APPROVE'
			? await stepQuorum(trx, plan, steps, onBehalfOf ?? event.actor.userId)
			: null
	if (quorum && !quorum.recorded)
		return { status: 'wrong_state', alreadyApproved: true }
	if (quorum && quorum.count < quorum.required) {
		const comment = ('comment' in event && event.comment?.trim()) || null
		const { id: eventId } = await insertPlanEvent(trx, {
			plan_id: planId,
			event: 'APPROVE_PARTIAL',
			actor_id: event.actor.userId,
			actor_organisation_id: event.actor.organisationId,
			on_behalf_of: onBehalfOf ?? null,
			via,
			from_status: plan.status,
			to_status: plan.status,
			comment,
			// Not a change of the plan: the version stays, so the other approvers' pages stay valid.
			plan_version: plan.version,
			plan_snapshot: { ...record, approvals: quorum },
		})
		await keepAnswer(eventId)
		await notifyPlanEvent(trx, {
			eventId,
			planId,
			event: 'APPROVE',
			from: plan.status,
			to: plan.status,
			comment,
			steps,
			facts,
			drafterOnly: true,
		})
		return { status: 'ok', to: plan.status, approvals: quorum }
	}

	const [next] = transition(machine, snapshot, event)
	const to = String(next.value)
	const stepIndex = stepIndexOf(to)
	const comment =
		'comment' in event && event.comment?.trim() ? event.comment.trim() : null
	// The new state, the event and who is to hear of it in one statement (the plan is locked at
	// `plan.version`).
	const { criteria } = planNotices({ event: event.type, to, facts, steps })
	const {
		id: eventId,
		version,
		recipients: people,
	} = await updatePlanWithEvent(
		trx,
		planId,
		plan.version,
		{
			...changes,
			status: to,
			workflow_snapshot: storeSnapshot(next),
			workflow_version: WORKFLOW_VERSION,
			chain_id: chainId,
			current_step_organisation_id:
				stepIndex === null ? null : steps[stepIndex].organisation_id,
		},
		{
			event: event.type,
			actor_id: event.actor.userId,
			actor_organisation_id: event.actor.organisationId,
			on_behalf_of: onBehalfOf ?? null,
			via,
			from_status: plan.status,
			to_status: to,
			comment,
			// The plan as this event left it.
			plan_snapshot: { ...record, ...changes, ...snapshotExtra },
		},
		criteria ? { criteria, today: todayIso() } : undefined,
	)
	await keepAnswer(eventId)
	await notifyPlanEvent(trx, {
		eventId,
		planId,
		event: event.type,
		from: plan.status,
		to,
		comment,
		steps,
		facts: { ...facts, plan_version: version },
		people,
	})
	return { status: 'ok', to }
}
