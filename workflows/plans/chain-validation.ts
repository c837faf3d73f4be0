import { type OrganisationKind } from '#db/schema.ts'

export interface ChainStepDraft {
	organisation_id: string
	label_vi: string
	approval_rule?: 'any' | 'all' | 'min'
	min_approvals?: number | null
}

export type ApprovalsError = 'approvals.minRequired' | 'approvals.minTooMany'

/**
 * A step needing a minimum number of approvals: the number is given, and no larger than the
 * organisation's active approvers (else the step could never complete). By step index.
 */
export function validateStepApprovals(
	steps: ChainStepDraft[],
	approversOf: (organisationId: string) => number,
) {
	const errors = new Map<number, ApprovalsError>()
	steps.forEach((step, index) => {
		if (step.approval_rule !== 'min') return
		if (!step.min_approvals || step.min_approvals < 1)
			errors.set(index, 'approvals.minRequired')
		else if (step.min_approvals > approversOf(step.organisation_id))
			errors.set(index, 'approvals.minTooMany')
	})
	return errors
}

export type ChainError =
	'chain.noSteps' | 'chain.sameOrgTwice' | 'chain.partnerStep'

/**
 * The rules a chain must keep before a plan can climb it: at least one step, no foreign
 * partner as an approver, and never the same organisation twice in a row (it would approve
 * its own approval). Returns the first problem of each step by index, or of the whole chain.
 */
export function validateChain(
	steps: ChainStepDraft[],
	kindOf: (organisationId: string) => OrganisationKind | undefined,
) {
	const stepErrors = new Map<number, ChainError>()
	if (steps.length === 0)
		return { chainError: 'chain.noSteps' as ChainError, stepErrors }
	steps.forEach((step, index) => {
		if (kindOf(step.organisation_id) === 'foreign_partner')
			stepErrors.set(index, 'chain.partnerStep')
		else if (
			index > 0 &&
			steps[index - 1].organisation_id === step.organisation_id
		)
			stepErrors.set(index, 'chain.sameOrgTwice')
	})
	return { chainError: null, stepErrors }
}
