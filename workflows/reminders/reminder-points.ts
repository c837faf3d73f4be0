import { type DueUnit } from '#lib/enums.ts'
import {
	addWorkingDays,
	type DeclaredDays,
	isWorkingDay,
	workingDayOnOrBefore,
	workingDaysBetween,
} from '#lib/working-days.ts'

/**
 * When reminders fall due. Pure calendar arithmetic on 'YYYY-MM-DD' dates (calendar dates in
 * Asia/Ho_Chi_Minh): no clock, no time zone shifts, no I/O. The daily job asks, for each plan,
 * whether *today* is one of its reminder points; the job runs every day, so each point is met
 * exactly once (and the dedupe keys make a second run on the same day send nothing).
 */

export const REMINDER_TIME_ZONE = 'Asia/Ho_Chi_Minh'

/** The drafter is reminded this many days before the report is due … */
export const DAYS_BEFORE_DUE = 3
/** … on the due date, and every this many days once it is overdue … */
export const OVERDUE_EVERY_DAYS = 7
/** … and from this overdue reminder on, the owning organisation's approvers are told too. */
export const ESCALATE_FROM_OVERDUE = 2

const DAY_MS = 24 * 60 * 60 * 1000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function utcMidnight(iso: string) {
	const match = ISO_DATE.exec(iso)
	if (!match) throw new Error(`not a YYYY-MM-DD date: ${iso}`)
	const [, y, m, d] = match
	const time = Date.UTC(Number(y), Number(m) - 1, Number(d))
	const date = new Date(time)
	if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1)
		throw new Error(`not a calendar date: ${iso}`)
	return time
}

export function isIsoDate(value: string) {
	try {
		utcMidnight(value)
		return true
	} catch {
		return false
	}
}

/** '2027-03-10' + 15 → '2027-03-25'. */
export function addDays(iso: string, days: number) {
	return new Date(utcMidnight(iso) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string) {
	return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS)
}

const hcmDateFormat = new Intl.DateTimeFormat('en-CA', {
	timeZone: REMINDER_TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
})

/** The calendar date an instant falls on in Vietnam, 'YYYY-MM-DD' (e.g. 2027-03-21T18:00Z → '2027-03-22'). */
export function dateInVietnam(instant: Date | string) {
	const date = new Date(instant)
	if (Number.isNaN(date.getTime()))
		throw new Error(`not an instant: ${instant}`)
	// en-CA writes 'YYYY-MM-DD'.
	return hcmDateFormat.format(date)
}

/** How a deadline counts, with the declared days of the calendar it needs (lib/working-days.ts). */
export interface DueCalendar {
	unit: DueUnit
	declared: DeclaredDays
}

/**
 * The report of a trip that returned on `returnedOn` is due `dueDays` days later (per
 * organisation, 15 by default), or `dueDays` working days later when the organisation counts
 * working days. SQL's add_working_days gives the same date (test/unit/working-days.test.ts).
 */
export function reportDueDate(
	returnedOn: string,
	dueDays: number,
	unit: DueUnit = 'days',
	declared: DeclaredDays = new Map(),
) {
	return unit === 'working_days'
		? addWorkingDays(returnedOn, dueDays, declared)
		: addDays(returnedOn, dueDays)
}

/**
 * The day of the "3 days before" reminder of a deadline on `dueOn`, never a day off: 3 working
 * days before when the deadline counts working days; otherwise 3 days before, or the last working
 * day before that when it is a weekend or a holiday.
 */
export function beforeDueDate(dueOn: string, { unit, declared }: DueCalendar) {
	return unit === 'working_days'
		? addWorkingDays(dueOn, -DAYS_BEFORE_DUE, declared)
		: workingDayOnOrBefore(addDays(dueOn, -DAYS_BEFORE_DUE), declared)
}

/**
 * Days left from `today` to `dueOn`, counted as the deadline counts them (working days when it
 * counts working days), for "còn 3 ngày làm việc".
 */
export function daysLeft(today: string, dueOn: string, calendar: DueCalendar) {
	return calendar.unit === 'working_days'
		? workingDaysBetween(today, dueOn, calendar.declared)
		: daysBetween(today, dueOn)
}

export type ReportReminder =
	| {
			point: 'before'
			template: 'report-due'
			/** Counted as the deadline counts (working days for a working-day deadline). */
			daysLeft: number
	  }
	| { point: 'due'; template: 'report-due'; daysLeft: 0 }
	| {
			point: `overdue-${number}`
			template: 'report-overdue'
			/** 1 for the first overdue reminder (due + 7 days), 2 for the second … */
			round: number
			daysLate: number
			/** From the second overdue reminder on, the owning organisation's approvers are told as well. */
			escalate: boolean
	  }

/**
 * The reminder of a report due on `dueOn` that falls on `today`, if any: the "3 days before" day
 * (beforeDueDate: never a day off) → 'before', the due date → 'due', due + 7k days (k ≥ 1) →
 * 'overdue-k'. Every other day → null.
 * A return recorded after the due date reminded the drafter on `lateRemindedOn` ('late-return');
 * the overdue rounds then count from that day, so the approvers hear of it (round 2) only after
 * the drafter has had that reminder and one more.
 */
export function reportReminderPoint(
	dueOn: string,
	today: string,
	lateRemindedOn: string | null = null,
	/** Without one, the plain rule of the report requests: exactly 3 days before. */
	calendar: DueCalendar | null = null,
): ReportReminder | null {
	const late = daysBetween(dueOn, today)
	if (lateRemindedOn && lateRemindedOn > dueOn) {
		const since = daysBetween(lateRemindedOn, today)
		if (since <= 0 || since % OVERDUE_EVERY_DAYS !== 0) return null
		const round = since / OVERDUE_EVERY_DAYS
		return {
			point: `overdue-${round}`,
			template: 'report-overdue',
			round,
			daysLate: late,
			escalate: round >= ESCALATE_FROM_OVERDUE,
		}
	}
	if (
		calendar
			? late < 0 && today === beforeDueDate(dueOn, calendar)
			: late === -DAYS_BEFORE_DUE
	)
		return {
			point: 'before',
			template: 'report-due',
			daysLeft: calendar ? daysLeft(today, dueOn, calendar) : DAYS_BEFORE_DUE,
		}
	if (late === 0) return { point: 'due', template: 'report-due', daysLeft: 0 }
	if (late > 0 && late % OVERDUE_EVERY_DAYS === 0) {
		const round = late / OVERDUE_EVERY_DAYS
		return {
			point: `overdue-${round}`,
			template: 'report-overdue',
			round,
			daysLate: late,
			escalate: round >= ESCALATE_FROM_OVERDUE,
		}
	}
	return null
}

/**
 * The reminder that a trip's end is not recorded, if `today` is one: the day after its last day
 * (`endOn`), then every 7 days, the approvers told as well from the second. Keyed by the last day,
 * so a trip extended (its end date changed) starts a new series.
 */
export function tripEndReminderPoint(endOn: string, today: string) {
	const late = daysBetween(endOn, today)
	if (late < 1 || (late - 1) % OVERDUE_EVERY_DAYS !== 0) return null
	const round = (late - 1) / OVERDUE_EVERY_DAYS + 1
	return {
		point: `trip-end-${endOn}-${round}`,
		daysLate: late,
		escalate: round >= ESCALATE_FROM_OVERDUE,
	}
}

/** The reminder a return recorded on `today`, after the report's due date, sends the drafter at once. */
export const LATE_RETURN_POINT = 'late-return'

/** Every reminder point of a report due on `dueOn`, in order, from `from` to `to` inclusive (for pages and tests). */
export function reportReminderDates(
	dueOn: string,
	from: string,
	to: string,
	lateRemindedOn: string | null = null,
	calendar: DueCalendar | null = null,
) {
	const dates: { date: string; reminder: ReportReminder }[] = []
	for (let day = from; day <= to; day = addDays(day, 1)) {
		const reminder = reportReminderPoint(dueOn, day, lateRemindedOn, calendar)
		if (reminder) dates.push({ date: day, reminder })
	}
	return dates
}

/** The daily job runs at this hour in Vietnam; "how long has it waited" is measured at this time of `today`. */
export const REMINDER_HOUR = 8

/** `today` at 08:00 in Vietnam (UTC+7 all year, no daylight saving), as an instant. */
export function reminderInstant(today: string) {
	utcMidnight(today)
	const hour = String(REMINDER_HOUR).padStart(2, '0')
	return new Date(`${today}T${hour}:00:00+07:00`)
}

export interface ApprovalReminder {
	/** 1 for the first reminder, 2 for the next … */
	round: number
	/** Working days the plan has waited at the step as of `today` (the day it arrived not counted). */
	daysWaiting: number
}

/** The day a plan arrived at its step, in Vietnam, from the instant it did. */
export const arrivalDate = (arrivedAt: Date | string) =>
	dateInVietnam(arrivedAt)

/**
 * A plan that reached a step at `arrivedAt` and still waits there: its approvers are reminded
 * once it has waited `everyDays` working days (the organisation's approval_reminder_days, 5 by
 * default), and again every `everyDays` working days after that. The working days waited are
 * those after the day it arrived, up to and including `today`; reminders fall on working days
 * only, and as the count grows by one on each working day (and not on days off) every multiple
 * of `everyDays` is met on exactly one day: a weekend or Tết in between sends nothing, and the
 * next working day does not send twice.
 */
export function approvalReminderPoint(
	arrivedAt: Date | string,
	today: string,
	everyDays: number,
	declared: DeclaredDays = new Map(),
): ApprovalReminder | null {
	if (!Number.isInteger(everyDays) || everyDays < 1)
		throw new Error(
			`approval_reminder_days must be a positive integer, got ${everyDays}`,
		)
	if (Number.isNaN(new Date(arrivedAt).getTime()))
		throw new Error(`not an instant: ${arrivedAt}`)
	utcMidnight(today)
	if (!isWorkingDay(today, declared)) return null
	const waited = workingDaysBetween(arrivalDate(arrivedAt), today, declared)
	if (waited <= 0 || waited % everyDays !== 0) return null
	return { round: waited / everyDays, daysWaiting: waited }
}

/**
 * What a page shows of a plan waiting at a step on `today`: the working days it has waited, and
 * the day of its next reminder (after today's, when today was one: the 08:00 job has sent it).
 */
export function approvalWaiting(
	arrivedAt: Date | string,
	today: string,
	everyDays: number,
	declared: DeclaredDays = new Map(),
) {
	const workingDays = workingDaysBetween(
		arrivalDate(arrivedAt),
		today,
		declared,
	)
	return {
		workingDays,
		/** At or past the first reminder: the plan is late at this step. */
		late: workingDays >= everyDays,
		/** When the count reaches the next multiple of everyDays (counted on from today). */
		nextReminderOn: addWorkingDays(
			today,
			everyDays - (workingDays % everyDays),
			declared,
		),
	}
}

/**
 * The point in a dedupe key: a plan waiting at a step is reminded once per (step, day it arrived,
 * round), so a plan returned and submitted again starts a new series rather than being silenced
 * by the old one. (Two arrivals at the same step on the same day share keys, but the first of
 * them ended that day, before any of its reminders fell due.)
 */
export function approvalPointKey(
	status: string,
	arrivedAt: Date | string,
	round: number,
) {
	return `waiting-${status}-${dateInVietnam(arrivedAt)}-${round}`
}

/** The point of a passport's reminder in a dedupe key: one series per passport and plan. */
export function passportPointKey(passportId: string, point: string) {
	return `passport-${passportId}-${point}`
}

/** The dedupe key of one reminder to one person: the in-app notification and the email share it. */
export function reminderDedupeKey(
	planId: string,
	point: string,
	userId: string,
) {
	return `reminder:${planId}:${point}:${userId}`
}
