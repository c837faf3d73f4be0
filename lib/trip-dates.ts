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
