import { type PlanDraft } from './plan-schema.ts'

/** Members the plan counts on: the planned figure, or the names listed when there are more. */
function headcount(plan: PlanDraft) {
	return Math.max(plan.member_count ?? 0, plan.members?.length ?? 0)
}

function sameSet(a: readonly string[] = [], b: readonly string[] = []) {
	return a.length === b.length && a.every(x => b.includes(x))
}

/**
 * The changes to an approved plan that its approvers must see again, as message keys of the
 * fields concerned: another year or direction, another country or partner, more members than
 * approved, other approval steps. Anything else (names within the count, dates within the
 * year, wording) keeps the approval.
 */
export function reapprovalFields(approved: PlanDraft, next: PlanDraft) {
	const fields: string[] = []
	if (next.plan_year !== approved.plan_year) fields.push('plan.year')
	if (next.direction !== approved.direction) fields.push('plan.direction')
	if ((next.country ?? null) !== (approved.country ?? null))
		fields.push(
			next.direction === 'in' ? 'plan.country.in' : 'plan.country.out',
		)
	const partner = (p: PlanDraft) =>
		p.partner_id ? `id:${p.partner_id}` : `name:${p.partner_name?.trim() ?? ''}`
	if (partner(next) !== partner(approved)) fields.push('plan.partner')
	if (headcount(next) > headcount(approved)) fields.push('plan.memberCount')
	if (!sameSet(next.optional_step_ids, approved.optional_step_ids))
		fields.push('plan.optionalSteps')
	return fields
}
