import { type substitutesVi } from './substitutes-vi.ts'

export const substitutesEn: Record<keyof typeof substitutesVi, string> = {
	'substitutes.title': 'Substitute approvers',
	'substitutes.intro':
		'When away, an approver can name someone of the same organisation to decide in their place for the chosen days.',
	'substitutes.row': '{substitute} on behalf of {principal}, {from} to {to}',
	'substitutes.end': 'End early',
	'substitutes.none': 'No current or upcoming substitutions.',
	'substitutes.new': 'New substitution',
	'substitutes.principal': 'Approver',
	'substitutes.substitute': 'Substitute',
	'substitutes.from': 'From',
	'substitutes.to': 'To',
	'substitutes.saved': 'Substitution saved.',
	'substitutes.ended': 'Substitution ended.',
	'substitutes.errors.date': 'Enter the date as dd/mm/yyyy.',
	'substitutes.onBehalf': '{substitute} on behalf of {principal}',
	'substitutes.stepTook': 'This step took {duration}',
	'substitutes.days': '{n} d',
	'substitutes.hours': '{n} h',
	'substitutes.underHour': 'under 1 hour',
	'substitutes.errors.overlap':
		'This range overlaps another substitution for this person.',
	'substitutes.errors.past': 'The start date cannot be in the past.',
	'substitutes.errors.order':
		'The end date must be on or after the start date.',
	'substitutes.errors.self': 'You cannot name yourself as substitute.',
	'substitutes.errors.substitute':
		'The substitute must be an active user of the same organisation.',
}
