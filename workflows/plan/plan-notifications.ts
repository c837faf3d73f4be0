import { type EmailTemplate } from '#emails/index.ts'
import { type PlanEventType, stepIndexOf } from './plan.machine.ts'

export type Audience = { approversOf: string } | { user: string }

export interface Notice {
	template: Extract<EmailTemplate, `plan-${string}`>
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
		default:
			// Withdrawal, and the trip's own events, reach people through the report reminders.
			return []
	}
}
