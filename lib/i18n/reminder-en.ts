import { type reminderVi } from './reminder-vi.ts'

// In-app notification texts of the report events and the reminders (spread into en.ts).
export const reminderEn: Record<keyof typeof reminderVi, string> = {
	'notify.report-due':
		'The trip report of “{planName}” is due in {days} {days|day|days} (on {dueDate}).',
	'notify.report-due-today':
		'The trip report of “{planName}” is due today ({dueDate}).',
	'notify.report-overdue':
		'The trip report of “{planName}” is {days} {days|day|days} overdue (it was due on {dueDate}).',
	'notify.report-overdue-escalation':
		'The trip report of “{planName}” ({organisationName}) is {days} {days|day|days} overdue (it was due on {dueDate}); drafted by {drafterName}.',
	'notify.trip-end-overdue':
		'“{planName}” was to end on {endDate}, {days} {days|day|days} ago, and its end is not recorded.',
	'notify.trip-end-overdue-escalation':
		'“{planName}” ({organisationName}) was to end on {endDate}, {days} {days|day|days} ago, and its end is not recorded; drafter: {drafterName}.',
	'notify.approval-waiting':
		'The plan “{planName}” of {organisationName} has waited {days} {days|day|days} for {stepLabel} (since {waitingSinceDate}).',
	'notify.approval-waiting-no-step':
		'The plan “{planName}” of {organisationName} has waited {days} {days|day|days} for your organisation (since {waitingSinceDate}).',
	'notify.approval-waiting-working':
		'The plan “{planName}” of {organisationName} has waited {days} {days|working day|working days} for {stepLabel} (since {waitingSinceDate}).',
	'notify.approval-waiting-no-step-working':
		'The plan “{planName}” of {organisationName} has waited {days} {days|working day|working days} for your organisation (since {waitingSinceDate}).',
	'notify.report-due-working':
		'The trip report of “{planName}” is due in {days} {days|working day|working days} (on {dueDate}).',
	'notify.report-submitted':
		'{actorName} ({actorOrganisation}) submitted the trip report of “{planName}”.',
	'notify.report-resubmitted':
		'{actorName} ({actorOrganisation}) submitted the completed trip report of “{planName}” again.',
	'notify.report-returned':
		'{actorName} ({actorOrganisation}) returned the trip report of “{planName}”: {comment}',
	'notify.report-acknowledged':
		'{actorName} ({actorOrganisation}) acknowledged the trip report of “{planName}”; the plan is closed.',
	'notify.passport-due':
		'Passport {passportNumber} of {holderName} (trip “{planName}”) is due back in {days} {days|working day|working days} ({dueDate}).',
	'notify.passport-due-today':
		'Passport {passportNumber} of {holderName} (trip “{planName}”) is due back today ({dueDate}).',
	'notify.passport-overdue':
		'Passport {passportNumber} of {holderName} (trip “{planName}”) is {days} {days|day|days} overdue (due {dueDate}).',
	'notify.passport-overdue-escalation':
		'Passport {passportNumber} of {holderName} (trip “{planName}”, drafter: {drafterName}) is {days} {days|day|days} overdue (due {dueDate}).',
	'notify.passports-expiring':
		'List of the week of {weekDate}: {count} {count|passport|passports} kept by {organisationName} {count|expires|expire} before {untilDate} (within 6 months).',
	'notify.passports-expiring-expired':
		'List of the week of {weekDate}: {count} {count|passport|passports} kept by {organisationName} {count|expires|expire} before {untilDate} (within 6 months); {expired} {expired|has|have} expired.',
}
