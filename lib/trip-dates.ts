import { TIME_ZONE } from './format.ts'

const isoFormat = new Intl.DateTimeFormat('en-CA', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
})

/** Today's calendar date in Vietnam, 'YYYY-MM-DD', whatever the server's time zone. */
export function todayIso(now: Date = new Date()) {
	return isoFormat.format(now)
}

function utcDay(iso: string) {
	const [y, m, d] = iso.split('-').map(Number)
	return Date.UTC(y, m - 1, d)
}

/** '2026-03-10' + 15 → '2026-03-25' */
export function addDays(iso: string, days: number) {
	return new Date(utcDay(iso) + days * 86_400_000).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string) {
	return Math.round((utcDay(to) - utcDay(from)) / 86_400_000)
}

/** How a report's due date stands today: days left (≥ 0) or days late (> 0). */
export function dueState(dueOn: string, today: string) {
	const left = daysBetween(today, dueOn)
	return left >= 0
		? ({ late: false, days: left } as const)
		: ({ late: true, days: -left } as const)
}

/** A recorded trip date further than this from the approved one needs a confirmation and a reason. */
export const TRIP_DATE_TOLERANCE_DAYS = 7

export interface ApprovedTiming {
	plan_year: number
	timing_kind: 'year' | 'month' | 'dates'
	timing_month: number | null
	start_date: string | null
	end_date: string | null
}

/**
 * The approved days for a departure (`'DEPART'`) or a return (`'COMPLETE_TRIP'`): the start or
 * the end date for exact dates, else the whole approved month or year.
 */
export function approvedRange(
	plan: ApprovedTiming,
	intent: 'DEPART' | 'COMPLETE_TRIP',
): { from: string; to: string } {
	if (plan.timing_kind === 'dates' && plan.start_date && plan.end_date) {
		const day = intent === 'DEPART' ? plan.start_date : plan.end_date
		return { from: day, to: day }
	}
	const year = String(plan.plan_year).padStart(4, '0')
	if (plan.timing_kind === 'month' && plan.timing_month) {
		const month = String(plan.timing_month).padStart(2, '0')
		const next =
			plan.timing_month === 12
				? `${plan.plan_year + 1}-01-01`
				: `${year}-${String(plan.timing_month + 1).padStart(2, '0')}-01`
		return { from: `${year}-${month}-01`, to: addDays(next, -1) }
	}
	return { from: `${year}-01-01`, to: `${year}-12-31` }
}

/** Days between `date` and the approved range (0 inside it). */
export function daysOffApproved(
	date: string,
	plan: ApprovedTiming,
	intent: 'DEPART' | 'COMPLETE_TRIP',
) {
	const { from, to } = approvedRange(plan, intent)
	if (date < from) return daysBetween(date, from)
	if (date > to) return daysBetween(to, date)
	return 0
}

/**
 * What the trip's date field offers: the approved date; for a month or a year, today when it
 * falls in it, else nothing (never a day the plan was not approved for).
 */
export function tripDateDefault(
	plan: ApprovedTiming,
	intent: 'DEPART' | 'COMPLETE_TRIP',
	today: string,
) {
	const { from, to } = approvedRange(plan, intent)
	if (from === to) return from
	return today >= from && today <= to ? today : null
}
