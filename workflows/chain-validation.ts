import { type OrganisationKind } from '#db/schema.ts'

export interface ChainStepDraft {
	organisation_id: string
	label_vi: string
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
