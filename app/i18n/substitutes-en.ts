import { type substitutesVi } from './substitutes-vi.ts'

export const substitutesEn: Record<keyof typeof substitutesVi, string> = {
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
