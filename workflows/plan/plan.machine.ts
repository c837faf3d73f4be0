/**
 * The approval workflow of a delegation plan, generated from the approval chain: one state
 * per step (`step_1` … `step_n`). A plan is pinned to the chain version and the optional
 * steps it was first submitted with, and the machine is always rebuilt from exactly those
 * steps, so a stored snapshot rehydrates against the definition that made it.
 * The machine is pure: no I/O. plan.server.ts runs it against the database.
 */
import { and, type SnapshotFrom, setup } from 'xstate'
import { type Role } from '#db/schema.ts'

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

export type PlanEventType = PlanEvent['type']
export const PLAN_EVENT_TYPES = [
	'SUBMIT',
	'APPROVE',
	'RETURN',
	'REJECT',
	'WITHDRAW',
	'RESUBMIT',
] as const

export interface WorkflowStep {
	organisationId: string
}

export interface PlanContext {
	ownerOrganisationId: string
}

export const FINAL_STATUSES = ['approved', 'rejected', 'withdrawn'] as const

export function stepStatus(index: number) {
	return `step_${index + 1}`
}

/** 0-based index of the step a status stands for, or null for drafting/returned/final states. */
export function stepIndexOf(status: string) {
	const match = /^step_([1-9]\d*)$/.exec(status)
	return match ? Number(match[1]) - 1 : null
}

const planSetup = setup({
	types: {
		context: {} as PlanContext,
		events: {} as PlanEvent,
		input: {} as PlanContext,
	},
	guards: {
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

export function createPlanMachine(steps: readonly WorkflowStep[]) {
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
			approved: { type: 'final' },
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
