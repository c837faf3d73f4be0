import { type EmailTemplate } from '#emails/index.ts'
import { type PlanEventType, stepIndexOf } from './plan.machine.ts'

export type Audience = { approversOf: string } | { user: string }

export interface Notice {
	template: Extract<
		EmailTemplate,
		| `plan-${string}`
		| 'report-submitted'
		| 'report-returned'
		| 'report-acknowledged'
	>
	audience: Audience
	/** For information only: the recipient may turn these emails off. */
	informational: boolean
}

/**
 * Who hears about a transition. Pure: the caller resolves audiences to users.
 * `steps` are the organisations of the steps the plan climbs, in order.
 */
export function whoHears(
	event: PlanEventType,
	to: string,
	plan: {
		ownerOrganisationId: string
		drafterId: string
		steps: readonly string[]
	},
): Notice[] {
	const drafter = { user: plan.drafterId }
	const ownerApprovers = { approversOf: plan.ownerOrganisationId }
	const waitingAt = stepIndexOf(to)
	switch (event) {
		case 'SUBMIT':
		case 'RESUBMIT':
		case 'AMEND':
			return [
				{
					template: 'plan-submitted',
					audience: { approversOf: plan.steps[0] },
					informational: false,
				},
			]
		case 'APPROVE':
			if (to === 'approved')
				return [
					{ template: 'plan-approved', audience: drafter, informational: true },
					{
						template: 'plan-approved',
						audience: ownerApprovers,
						informational: true,
					},
				]
			return [
				{
					template: 'plan-step-approved',
					audience: drafter,
					informational: true,
				},
				...(waitingAt === null
					? []
					: [
							{
								template: 'plan-submitted' as const,
								audience: { approversOf: plan.steps[waitingAt] },
								informational: false,
							},
						]),
			]
		case 'RETURN':
			return [
				{ template: 'plan-returned', audience: drafter, informational: false },
			]
		case 'REJECT':
			return [
				{ template: 'plan-rejected', audience: drafter, informational: false },
				{
					template: 'plan-rejected',
					audience: ownerApprovers,
					informational: true,
				},
			]
		case 'SUBMIT_REPORT': {
			// To the receivers of the report; the last of them acknowledges it, the others may return it.
			const receivers = reportReceivers(plan)
			return receivers.map((organisationId, index) => ({
				template: 'report-submitted' as const,
				audience: { approversOf: organisationId },
				informational: index < receivers.length - 1,
			}))
		}
		case 'RETURN_REPORT':
			return [
				{
					template: 'report-returned',
					audience: drafter,
					informational: false,
				},
			]
		case 'ACKNOWLEDGE_REPORT':
			return [
				{
					template: 'report-acknowledged',
					audience: drafter,
					informational: true,
				},
			]
		default:
			// Withdrawal, and the trip's own events, reach people through the report reminders.
			return []
	}
}

/**
 * The organisations a post-trip report goes to, as the workflow machine has them: the chain's
 * organisations other than the owner, in chain order (by default the party committee, then the
 * VGCL board, which acknowledges it); the owner itself only if the chain has no other.
 */
export function reportReceivers(plan: {
	ownerOrganisationId: string
	steps: readonly string[]
}) {
	const organisations = [...new Set(plan.steps)]
	const others = organisations.filter(id => id !== plan.ownerOrganisationId)
	return others.length ? others : organisations
}
