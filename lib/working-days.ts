import { lunarToSolar, tetDate } from './lunar.ts'
import { addDays, daysBetween } from './trip-dates.ts'

export const DECLARED_KINDS = ['off', 'working'] as const
export type DeclaredKind = (typeof DECLARED_KINDS)[number]

/** Days the board admin declared: 'YYYY-MM-DD' → an extra day off, or a make-up working day. */
export type DeclaredDays = ReadonlyMap<string, DeclaredKind>

export type HolidayName =
	'newYear' | 'tet' | 'hungKings' | 'reunification' | 'labour' | 'national'

export type Holiday = { date: string; name: HolidayName }

const iso = (y: number, m: number, d: number) =>
	`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`

/**
 * The public holidays of Bộ luật Lao động 2019 art. 112 for a solar year, as computed:
 * Tết Nguyên đán from the last day of the lunar year to lunar 4/1 (5 days; the government's
 * exact span is declared each year), 2/9 with 1/9 as the adjacent day (the government may move
 * it to 3/9 by declaring days). Compensatory days for holidays on a weekend are declared too.
 */
export function publicHolidays(year: number): Holiday[] {
	const tet = tetDate(year)
	const days: Holiday[] = [
		{ date: iso(year, 1, 1), name: 'newYear' },
		...[-1, 0, 1, 2, 3].map(n => ({
			date: addDays(tet, n),
			name: 'tet' as const,
		})),
		{ date: lunarToSolar(10, 3, year), name: 'hungKings' },
		{ date: iso(year, 4, 30), name: 'reunification' },
		{ date: iso(year, 5, 1), name: 'labour' },
		{ date: iso(year, 9, 1), name: 'national' },
		{ date: iso(year, 9, 2), name: 'national' },
	]
	return days.sort((a, b) => a.date.localeCompare(b.date))
}

const holidayCache = new Map<number, Map<string, HolidayName>>()

/** A year's computed holidays by date (computed once per year). */
function holidaysOf(year: number) {
	let days = holidayCache.get(year)
	if (!days) {
		days = new Map(publicHolidays(year).map(h => [h.date, h.name]))
		holidayCache.set(year, days)
	}
	return days
}

/** The computed holiday on `date`, if any. */
export function holidayOn(date: string): HolidayName | undefined {
	return holidaysOf(Number(date.slice(0, 4))).get(date)
}

export function isWeekend(date: string) {
	const day = new Date(`${date}T00:00:00Z`).getUTCDay()
	return day === 0 || day === 6
}

/** A declared day wins; otherwise weekends and public holidays are off. */
export function isWorkingDay(date: string, declared: DeclaredDays = new Map()) {
	const kind = declared.get(date)
	if (kind) return kind === 'working'
	return !isWeekend(date) && !holidayOn(date)
}

/**
 * The n-th working day after `date` (before it when n < 0); n = 0 gives `date` itself.
 * "5 working days after the return" is addWorkingDays(returnedOn, 5).
 */
export function addWorkingDays(
	date: string,
	n: number,
	declared: DeclaredDays = new Map(),
) {
	if (!Number.isInteger(n)) throw new Error(`n must be an integer, got ${n}`)
	const step = n < 0 ? -1 : 1
	let left = Math.abs(n)
	let day = date
	while (left > 0) {
		day = addDays(day, step)
		if (isWorkingDay(day, declared)) left--
	}
	return day
}

/**
 * Working days after `from` up to and including `to` (0 when `to` <= `from`): how many working
 * days a plan that arrived on `from` has waited as of `to`. The day of arrival itself is not
 * counted, so the count grows by exactly one on each working day and stays put on days off.
 * Without walking the days (a plan may have waited for years): the weekdays, less the computed
 * holidays on weekdays nobody declared, less the weekdays declared off, plus the weekend days
 * declared working; SQL's working_days_between does the same.
 */
export function workingDaysBetween(
	from: string,
	to: string,
	declared: DeclaredDays = new Map(),
) {
	const span = daysBetween(from, to)
	if (span <= 0) return 0
	const weeks = Math.floor(span / 7)
	let count = 5 * weeks
	const rest = addDays(from, 7 * weeks)
	for (let k = 1; k <= span % 7; k++) if (!isWeekend(addDays(rest, k))) count++
	const inRange = (day: string) => day > from && day <= to
	for (
		let year = Number(from.slice(0, 4));
		year <= Number(to.slice(0, 4));
		year++
	)
		for (const day of holidaysOf(year).keys())
			if (inRange(day) && !isWeekend(day) && !declared.has(day)) count--
	for (const [day, kind] of declared)
		if (inRange(day))
			if (kind === 'off' && !isWeekend(day)) count--
			else if (kind === 'working' && isWeekend(day)) count++
	return count
}

/** `date` if it is a working day, otherwise the last working day before it. */
export function workingDayOnOrBefore(
	date: string,
	declared: DeclaredDays = new Map(),
) {
	let day = date
	while (!isWorkingDay(day, declared)) day = addDays(day, -1)
	return day
}
