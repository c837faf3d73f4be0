import { describe, expect, test } from 'vitest'
import {
	type DeclaredDays,
	isWorkingDay,
	workingDaysBetween,
} from '#lib/working-days.ts'
import {
	addDays,
	approvalReminderPoint,
	approvalWaiting,
	beforeDueDate,
	reportDueDate,
	reportReminderDates,
} from '#workflows/reminders/reminder-points.ts'

// Deadlines in days or working days, across Tết 2027 (lunar 1/1 = Saturday 06/02/2027; days off
// Friday 05/02 to Tuesday 09/02 as computed) and 30/4–1/5/2027 (Friday, Saturday) with what the
// board declares: Monday 03/05 off in place of 1/5, Saturday 24/04 a make-up working day.
const MAY_2027: DeclaredDays = new Map([
	['2027-05-03', 'off'],
	['2027-04-24', 'working'],
])

/** The days `point` fires from `from` to `to`, with what it returns. */
function firing<T>(from: string, to: string, point: (day: string) => T | null) {
	const fired: [string, T][] = []
	for (let day = from; day <= to; day = addDays(day, 1)) {
		const value = point(day)
		if (value) fired.push([day, value])
	}
	return fired
}

describe('approval reminders count working days', () => {
	test('a plan arriving just before Tết: nothing on the weekend or Tết, each point once after it', () => {
		// Thursday 28/01/2027 at 10:00: working days 29/01, 01–04/02 (5), then 10, 11, 12, 15, 16/02 (10).
		const fired = firing('2027-01-28', '2027-02-28', day =>
			approvalReminderPoint('2027-01-28T03:00:00Z', day, 5),
		)
		expect(fired).toEqual([
			['2027-02-04', { round: 1, daysWaiting: 5 }],
			['2027-02-16', { round: 2, daysWaiting: 10 }],
			['2027-02-23', { round: 3, daysWaiting: 15 }],
		])
		// The inbox says the same: 6 working days by 10/02, the next reminder on 16/02.
		expect(approvalWaiting('2027-01-28T03:00:00Z', '2027-02-10', 5)).toEqual({
			workingDays: 6,
			late: true,
			nextReminderOn: '2027-02-16',
		})
	})

	test('a make-up Saturday counts (and may carry a reminder); the day declared off does not', () => {
		// Monday 19/04/2027: 20, 21, 22, 23 and Saturday 24/04 (5); 26–29/04, then 04/05 (10).
		const fired = firing('2027-04-19', '2027-05-10', day =>
			approvalReminderPoint('2027-04-19T02:00:00Z', day, 5, MAY_2027),
		)
		expect(fired.map(([day, p]) => [day, p.daysWaiting])).toEqual([
			['2027-04-24', 5],
			['2027-05-04', 10],
		])
		// Without the board's declarations: 26/04 and 05/05 (03/05 is an ordinary Monday).
		expect(
			firing('2027-04-19', '2027-05-10', day =>
				approvalReminderPoint('2027-04-19T02:00:00Z', day, 5),
			).map(([day]) => day),
		).toEqual(['2027-04-26', '2027-05-04'])
	})
})

describe('the post-trip report: days or working days, and a "3 days before" that is never a day off', () => {
	test('in days, returned 27/01/2027: due 11/02; 3 days before is Tết, so the reminder is on Thursday 04/02', () => {
		const due = reportDueDate('2027-01-27', 15, 'days')
		expect(due).toBe('2027-02-11')
		const calendar = { unit: 'days', declared: new Map() } as const
		expect(beforeDueDate(due, calendar)).toBe('2027-02-04')
		const points = reportReminderDates(
			due,
			'2027-01-27',
			'2027-02-25',
			null,
			calendar,
		)
		expect(points.map(p => [p.date, p.reminder.point])).toEqual([
			['2027-02-04', 'before'],
			['2027-02-11', 'due'],
			['2027-02-18', 'overdue-1'],
			['2027-02-25', 'overdue-2'],
		])
		expect(points[0]!.reminder).toMatchObject({ daysLeft: 7 })
	})

	test('in working days, returned 27/01/2027: 10 working days is 15/02; reminded 3 working days before, 10/02', () => {
		const due = reportDueDate('2027-01-27', 10, 'working_days')
		expect(due).toBe('2027-02-15')
		const calendar = { unit: 'working_days', declared: new Map() } as const
		const points = reportReminderDates(
			due,
			'2027-01-27',
			'2027-02-22',
			null,
			calendar,
		)
		expect(points.map(p => [p.date, p.reminder.point])).toEqual([
			['2027-02-10', 'before'],
			['2027-02-15', 'due'],
			['2027-02-22', 'overdue-1'],
		])
		expect(points[0]!.reminder).toMatchObject({ daysLeft: 3 })
	})

	test('30/4–1/5 with the declared days: 5 working days after Monday 26/04 is 05/05, reminded on 28/04', () => {
		const calendar = { unit: 'working_days', declared: MAY_2027 } as const
		const due = reportDueDate('2027-04-26', 5, 'working_days', MAY_2027)
		expect(due).toBe('2027-05-05')
		expect(beforeDueDate(due, calendar)).toBe('2027-04-28')
		// Counted in days, 15 days after 19/04 is Tuesday 04/05: 3 days before is 1/5, so Thursday 29/04.
		expect(reportDueDate('2027-04-19', 15)).toBe('2027-05-04')
		expect(
			beforeDueDate('2027-05-04', { unit: 'days', declared: MAY_2027 }),
		).toBe('2027-04-29')
		// A make-up Saturday is a working day: a due date of Tuesday 27/04 is reminded on it.
		expect(
			beforeDueDate('2027-04-27', { unit: 'days', declared: MAY_2027 }),
		).toBe('2027-04-24')
		expect(
			beforeDueDate('2027-04-27', { unit: 'days', declared: new Map() }),
		).toBe('2027-04-23')
	})

	test('every due date of 2027, in either unit: exactly one "before" point, on a working day, before the due date', () => {
		for (const unit of ['days', 'working_days'] as const) {
			const calendar = { unit, declared: MAY_2027 }
			for (let due = '2027-01-01'; due <= '2027-12-31'; due = addDays(due, 1)) {
				const before = reportReminderDates(
					due,
					addDays(due, -20),
					due,
					null,
					calendar,
				).filter(p => p.reminder.point === 'before')
				expect(before, `${unit} ${due}`).toHaveLength(1)
				expect(before[0]!.date < due).toBe(true)
				expect(isWorkingDay(before[0]!.date, MAY_2027), before[0]!.date).toBe(
					true,
				)
			}
		}
	})
})

test('workingDaysBetween (no walk over the days) counts as walking day by day does, with declared days', () => {
	const declared: DeclaredDays = new Map([
		...MAY_2027,
		['2027-01-01', 'working'],
		['2027-02-08', 'off'],
		['2027-02-10', 'off'],
	])
	const walk = (from: string, to: string) => {
		let n = 0
		for (let day = addDays(from, 1); day <= to; day = addDays(day, 1))
			if (isWorkingDay(day, declared)) n++
		return n
	}
	for (let from = '2026-12-01'; from <= '2028-01-31'; from = addDays(from, 3))
		for (const span of [-2, 0, 1, 2, 5, 6, 7, 8, 12, 45, 400])
			expect(
				workingDaysBetween(from, addDays(from, span), declared),
				`${from} +${span}`,
			).toBe(walk(from, addDays(from, span)))
})
