import { type deadlineVi } from './deadline-vi.ts'

export const deadlineEn: Record<keyof typeof deadlineVi, string> = {
	'deadline.dueWithRule': 'by {date}, {rule}',
	'deadline.rule.days': '{days} {days|day|days} after the return',
	'deadline.rule.working_days':
		'{days} {days|working day|working days} after the return',
}
