import { formatIsoDate } from '#lib/format.ts'

type Label = { vi: string; en: string } | null | undefined

function pick(label: Label, locale: 'vi' | 'en') {
	return label ? (locale === 'en' && label.en ? label.en : label.vi) : ''
}

/**
 * The catalogue key and parameters of an in-app notification: `notify.<kind>`, or a variant of
 * it for what the stored params say (a resubmission, a report due today, an escalated reminder),
 * with labels in the reader's language and dates as dd/mm/yyyy. Pure: the page translates.
 */
export function notificationMessage(
	kind: string,
	params: Record<string, unknown>,
	locale: 'vi' | 'en',
): { key: string; params: Record<string, string | number> } {
	const values: Record<string, string | number> = {}
	for (const [name, value] of Object.entries(params))
		if (typeof value === 'string' || typeof value === 'number')
			values[name] = value
	values.stepLabel = pick(params.stepLabel as Label, locale)
	values.comment = typeof params.comment === 'string' ? params.comment : ''
	for (const [iso, formatted] of [
		['dueOn', 'dueDate'],
		['returnedOn', 'returnedDate'],
		['waitingSince', 'waitingSinceDate'],
		['weekOf', 'weekDate'],
		['until', 'untilDate'],
		['endOn', 'endDate'],
	] as const)
		values[formatted] =
			typeof params[iso] === 'string' ? formatIsoDate(params[iso]) : ''

	let key = `notify.${kind}`
	if (kind === 'plan-submitted' && params.resubmitted)
		key = 'notify.plan-resubmitted'
	else if (kind === 'report-submitted' && params.resubmitted)
		key = 'notify.report-resubmitted'
	else if (kind === 'request-submitted' && params.resubmitted)
		key = 'notify.request-resubmitted'
	else if (kind === 'report-due' && params.days === 0)
		key = 'notify.report-due-today'
	else if (kind === 'report-overdue' && params.escalation)
		key = 'notify.report-overdue-escalation'
	else if (kind === 'passport-due' && params.days === 0)
		key = 'notify.passport-due-today'
	else if (kind === 'trip-end-overdue' && params.escalation)
		key = 'notify.trip-end-overdue-escalation'
	else if (kind === 'passport-overdue' && params.escalation)
		key = 'notify.passport-overdue-escalation'
	else if (kind === 'passports-expiring' && params.expired)
		key = 'notify.passports-expiring-expired'
	else if (kind === 'approval-waiting' && !values.stepLabel)
		key = 'notify.approval-waiting-no-step'
	// Working days: approval reminders since they count them, a report whose due date does.
	if (kind === 'approval-waiting' && params.workingDays) key += '-working'
	else if (key === 'notify.report-due' && params.dueUnit === 'working_days')
		key = 'notify.report-due-working'
	return { key, params: values }
}
