/**
 * The approval workflow of a delegation plan, generated from the approval chain: one state
 * per step (`step_1` … `step_n`). A plan is pinned to the chain version and the optional
 * steps it was first submitted with, and the machine is always rebuilt from exactly those
 * steps, so a stored snapshot rehydrates against the definition that made it.
 * The machine is pure: no I/O. plan.server.ts runs it against the database.
 */
import { and, type SnapshotFrom, setup } from 'xstate'
import { type Role } from '#db/schema.ts'
import { REPORT_DUE_STATUSES, stepIndexOf } from './plan-status.ts'

export interface WorkflowActor {
	userId: string
	organisationId: string
	roles: readonly Role[]
}

export type PlanEvent =
	| { type: 'SUBMIT'; actor: WorkflowActor }
	| { type: 'APPROVE'; actor: WorkflowActor; comment?: string }
	| { type: 'RETURN'; actor: WorkflowActor; comment: string }
	| { type: 'REJECT'; actor: WorkflowActor; comment: string }
	| { type: 'WITHDRAW'; actor: WorkflowActor }
	| { type: 'RESUBMIT'; actor: WorkflowActor }
	// After approval: the trip, and the report of its results.
	/** The comment: why the date is far from the approved one. */
	| { type: 'DEPART'; actor: WorkflowActor; comment?: string }
	| { type: 'COMPLETE_TRIP'; actor: WorkflowActor; comment?: string }
	| { type: 'CANCEL'; actor: WorkflowActor; comment: string }
	/** New timing within the plan year: the approval stands. */
	| { type: 'POSTPONE'; actor: WorkflowActor; comment: string }
	/** A change the approvers must see again (another year, country, partner, more members). */
	| { type: 'AMEND'; actor: WorkflowActor; comment: string }
	| { type: 'SUBMIT_REPORT'; actor: WorkflowActor }
	| { type: 'ACKNOWLEDGE_REPORT'; actor: WorkflowActor; comment?: string }
	| { type: 'RETURN_REPORT'; actor: WorkflowActor; comment: string }

export type PlanEventType = PlanEvent['type']
export const PLAN_EVENT_TYPES = [
	'SUBMIT',
	'APPROVE',
	'RETURN',
	'REJECT',
	'WITHDRAW',
	'RESUBMIT',
	'DEPART',
	'COMPLETE_TRIP',
	'CANCEL',
	'POSTPONE',
	'AMEND',
	'SUBMIT_REPORT',
	'ACKNOWLEDGE_REPORT',
	'RETURN_REPORT',
] as const

export interface WorkflowStep {
	organisationId: string
}

export interface PlanContext {
	ownerOrganisationId: string
}

export const FINAL_STATUSES = [
	'rejected',
	'withdrawn',
	'cancelled',
	'closed',
] as const

export { REPORT_DUE_STATUSES }

export function stepStatus(index: number) {
	return `step_${index + 1}`
}

// Pages import these from plan-status.ts, which does not bring xstate to the browser.
export { stepIndexOf }

const planSetup = setup({
	types: {
		context: {} as PlanContext,
		events: {} as PlanEvent,
		input: {} as PlanContext,
	},
	guards: {
		/** An approver of one of these organisations (the receivers of the post-trip report). */
		isApproverOf: ({ event }, params: { organisationIds: readonly string[] }) =>
			params.organisationIds.includes(event.actor.organisationId) &&
			event.actor.roles.includes('approver'),
		isDrafter: ({ context, event }) =>
			event.actor.organisationId === context.ownerOrganisationId &&
			event.actor.roles.includes('drafter'),
		isStepApprover: ({ event }, params: { organisationId: string }) =>
			event.actor.organisationId === params.organisationId &&
			event.actor.roles.includes('approver'),
		hasComment: ({ event }) =>
			'comment' in event && Boolean(event.comment?.trim()),
	},
})

export function createPlanMachine(
	steps: readonly WorkflowStep[],
	ownerOrganisationId: string,
) {
	if (steps.length === 0)
		throw new Error('A plan workflow needs at least one step')
	const stepStates = Object.fromEntries(
		steps.map((step, index) => {
			const approver = {
				type: 'isStepApprover',
				params: { organisationId: step.organisationId },
			} as const
			const decided = and([approver, 'hasComment'])
			return [
				stepStatus(index),
				{
					meta: { stepIndex: index, organisationId: step.organisationId },
					on: {
						APPROVE: {
							guard: approver,
							target:
								index === steps.length - 1 ? 'approved' : stepStatus(index + 1),
						},
						RETURN: { guard: decided, target: 'returned' },
						REJECT: { guard: decided, target: 'rejected' },
						// Only before the first decision: once step 1 has approved, the plan is no longer the drafter's.
						...(index === 0
							? { WITHDRAW: { guard: 'isDrafter', target: 'withdrawn' } }
							: {}),
					},
				},
			] as const
		}),
	)
	// The post-trip report goes to the chain's organisations other than the owner (by default the
	// party committee and the VGCL board); the last of them acknowledges it, which closes the plan.
	const stepOrgs = [...new Set(steps.map(s => s.organisationId))]
	const others = stepOrgs.filter(id => id !== ownerOrganisationId)
	const receiverIds = others.length ? others : stepOrgs
	const receivers = {
		type: 'isApproverOf',
		params: { organisationIds: receiverIds },
	} as const
	const finalReceiver = {
		type: 'isApproverOf',
		params: { organisationIds: receiverIds.slice(-1) },
	} as const
	const drafterWithComment = and(['isDrafter', 'hasComment'])
	return planSetup.createMachine({
		id: 'plan',
		context: ({ input }) => ({
			ownerOrganisationId: input.ownerOrganisationId,
		}),
		initial: 'drafting',
		states: {
			drafting: {
				on: { SUBMIT: { guard: 'isDrafter', target: stepStatus(0) } },
			},
			...stepStates,
			returned: {
				on: {
					RESUBMIT: { guard: 'isDrafter', target: stepStatus(0) },
					WITHDRAW: { guard: 'isDrafter', target: 'withdrawn' },
				},
			},
			approved: {
				on: {
					DEPART: { guard: 'isDrafter', target: 'departed' },
					CANCEL: { guard: drafterWithComment, target: 'cancelled' },
					POSTPONE: {
						guard: drafterWithComment,
						target: 'approved',
						reenter: true,
					},
					AMEND: { guard: drafterWithComment, target: stepStatus(0) },
				},
			},
			departed: {
				on: { COMPLETE_TRIP: { guard: 'isDrafter', target: 'trip_done' } },
			},
			trip_done: {
				on: {
					SUBMIT_REPORT: { guard: 'isDrafter', target: 'report_submitted' },
				},
			},
			report_submitted: {
				on: {
					ACKNOWLEDGE_REPORT: { guard: finalReceiver, target: 'closed' },
					RETURN_REPORT: {
						guard: and([receivers, 'hasComment']),
						target: 'report_returned',
					},
				},
			},
			report_returned: {
				on: {
					SUBMIT_REPORT: { guard: 'isDrafter', target: 'report_submitted' },
				},
			},
			closed: { type: 'final' },
			cancelled: { type: 'final' },
			rejected: { type: 'final' },
			withdrawn: { type: 'final' },
		},
	})
}

export type PlanMachine = ReturnType<typeof createPlanMachine>
export type PlanSnapshot = SnapshotFrom<PlanMachine>

/** What is stored in plan.workflow_snapshot. */
export interface StoredWorkflow {
	value: string
	context: PlanContext
}

export function restoreSnapshot(
	machine: PlanMachine,
	stored: StoredWorkflow,
): PlanSnapshot {
	return machine.resolveState({
		value: stored.value,
		context: stored.context,
	} as never)
}

export function storeSnapshot(snapshot: PlanSnapshot): StoredWorkflow {
	return { value: String(snapshot.value), context: snapshot.context }
}

/** Whether the state has a transition for this event type at all, whoever sends it. */
export function acceptsEventType(snapshot: PlanSnapshot, type: PlanEventType) {
	return snapshot._nodes.some(node => node.ownEvents.includes(type))
}
