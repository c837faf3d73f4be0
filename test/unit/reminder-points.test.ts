import { describe, expect, test } from 'vitest'
import { translate } from '#lib/i18n/index.ts'
import { notificationMessage } from '#workflows/notify/notification-text.ts'
import {
	addDays,
	approvalPointKey,
	approvalReminderPoint,
	dateInVietnam,
	daysBetween,
	reminderDedupeKey,
	reminderInstant,
	reportDueDate,
	reportReminderDates,
	reportReminderPoint,
	tripEndReminderPoint,
} from '#workflows/reminders/reminder-points.ts'

describe('trip end points', () => {
	test('the day after the last day, then every 7 days, the approvers from the second; keyed by the last day', () => {
		const points = []
		for (let day = '2027-03-08'; day <= '2027-03-26'; day = addDays(day, 1)) {
			const point = tripEndReminderPoint('2027-03-09', day)
			if (point) points.push([day, point.point, point.daysLate, point.escalate])
		}
		expect(points).toEqual([
			['2027-03-10', 'trip-end-2027-03-09-1', 1, false],
			['2027-03-17', 'trip-end-2027-03-09-2', 8, true],
			['2027-03-24', 'trip-end-2027-03-09-3', 15, true],
		])
	})

	test('the notification names the last day, and the drafter to the approvers', () => {
		const params = {
			planId: 'p1',
			planName: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
			organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
			toStatus: 'departed',
			direction: 'out',
			point: 'trip-end-2027-03-09-2',
			departedOn: '2027-03-05',
			endOn: '2027-03-09',
			days: 8,
			drafterName: 'Nguyễn Thị Hương',
			drafterInactive: false,
			informational: false,
		}
		const drafter = notificationMessage('trip-end-overdue', { ...params, escalation: false }, 'vi')
		expect(translate('vi', drafter.key, drafter.params)).toBe(
			'Đoàn “Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)” đã qua ngày kết thúc 09/03/2027 8 ngày nhưng chưa được ghi nhận kết thúc chuyến đi.',
		)
		const approvers = notificationMessage('trip-end-overdue', { ...params, escalation: true }, 'en')
		expect(translate('en', approvers.key, approvers.params)).toBe(
			'“Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)” (Liên đoàn Lao động tỉnh Quảng Trị) was to end on 09/03/2027, 8 days ago, and its end is not recorded; drafter: Nguyễn Thị Hương.',
		)
	})
})

describe('calendar arithmetic', () => {
	test('adds days across months, years and leap days', () => {
		expect(addDays('2027-03-10', 15)).toBe('2027-03-25')
		expect(addDays('2027-03-25', 7)).toBe('2027-04-01')
		expect(addDays('2027-12-28', 5)).toBe('2028-01-02')
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
		expect(addDays('2027-02-28', 1)).toBe('2027-03-01')
		expect(addDays('2027-03-25', -3)).toBe('2027-03-22')
	})

	test('counts whole days between dates, negative backwards', () => {
		expect(daysBetween('2027-03-25', '2027-04-08')).toBe(14)
		expect(daysBetween('2027-03-25', '2027-03-22')).toBe(-3)
		expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29)
	})

	test('refuses what is not a calendar date', () => {
		expect(() => addDays('2027-02-30', 1)).toThrow()
		expect(() => addDays('25/03/2027', 1)).toThrow()
		expect(() => daysBetween('2027-3-1', '2027-03-02')).toThrow()
	})

	test('the report is due N days after the return (15 by default)', () => {
		expect(reportDueDate('2027-03-10', 15)).toBe('2027-03-25')
		expect(reportDueDate('2027-12-20', 15)).toBe('2028-01-04')
	})

	test("the date in Vietnam, whatever the server's time zone", () => {
		// 01:00 UTC is 08:00 in Hà Nội, the same day; 17:00 UTC is already midnight the next day.
		expect(dateInVietnam('2027-03-22T01:00:00Z')).toBe('2027-03-22')
		expect(dateInVietnam('2027-03-21T16:59:59Z')).toBe('2027-03-21')
		expect(dateInVietnam('2027-03-21T17:00:00Z')).toBe('2027-03-22')
		expect(dateInVietnam(new Date('2027-12-31T18:30:00Z'))).toBe('2028-01-01')
		expect(reminderInstant('2027-03-22').toISOString()).toBe(
			'2027-03-22T01:00:00.000Z',
		)
	})
})

describe('report reminder points', () => {
	const due = '2027-03-25'

	test('the issue’s trip: returned 10/03, N = 15 → 22/03, 25/03, then every 7 days; escalated from the second overdue one', () => {
		const points = reportReminderDates(due, '2027-03-10', '2027-05-31').map(
			({ date, reminder }) => [
				date,
				reminder.point,
				reminder.template,
				'escalate' in reminder ? reminder.escalate : false,
			],
		)
		expect(points).toEqual([
			['2027-03-22', 'before', 'report-due', false],
			['2027-03-25', 'due', 'report-due', false],
			['2027-04-01', 'overdue-1', 'report-overdue', false],
			['2027-04-08', 'overdue-2', 'report-overdue', true],
			['2027-04-15', 'overdue-3', 'report-overdue', true],
			['2027-04-22', 'overdue-4', 'report-overdue', true],
			['2027-04-29', 'overdue-5', 'report-overdue', true],
			['2027-05-06', 'overdue-6', 'report-overdue', true],
			['2027-05-13', 'overdue-7', 'report-overdue', true],
			['2027-05-20', 'overdue-8', 'report-overdue', true],
			['2027-05-27', 'overdue-9', 'report-overdue', true],
		])
	})

	test('says how many days are left or late', () => {
		expect(reportReminderPoint(due, '2027-03-22')).toEqual({
			point: 'before',
			template: 'report-due',
			daysLeft: 3,
		})
		expect(reportReminderPoint(due, '2027-03-25')).toEqual({
			point: 'due',
			template: 'report-due',
			daysLeft: 0,
		})
		expect(reportReminderPoint(due, '2027-04-08')).toEqual({
			point: 'overdue-2',
			template: 'report-overdue',
			round: 2,
			daysLate: 14,
			escalate: true,
		})
	})

	test.each([
		'2027-03-21',
		'2027-03-23',
		'2027-03-24',
		'2027-03-26',
		'2027-03-31',
		'2027-04-02',
		'2027-04-07',
		'2027-04-09',
		'2026-03-22',
	])('no reminder on %s', day => {
		expect(reportReminderPoint(due, day)).toBeNull()
	})

	test('every day of the year is either a point or not, and points never repeat', () => {
		const dates = reportReminderDates(due, '2027-01-01', '2028-12-31')
		const keys = dates.map(d => d.reminder.point)
		expect(new Set(keys).size).toBe(keys.length)
		// 2 before the due date is passed, then one per week.
		const weeks = Math.floor(daysBetween(due, '2028-12-31') / 7)
		expect(dates).toHaveLength(2 + weeks)
	})
})

describe('approval waiting points', () => {
	// Submitted on 10/03 at 14:00 in Hà Nội.
	const arrived = '2027-03-10T07:00:00Z'

	test('approvers are reminded once the plan has waited the organisation’s number of working days, then every as many', () => {
		const days: [string, number, number][] = []
		for (let day = '2027-03-10'; day <= '2027-04-15'; day = addDays(day, 1)) {
			const point = approvalReminderPoint(arrived, day, 5)
			if (point) days.push([day, point.round, point.daysWaiting])
		}
		// Wednesday 10/03: the working days after it are 11, 12, 15, 16, 17/03 … (weekends not counted).
		expect(days).toEqual([
			['2027-03-17', 1, 5],
			['2027-03-24', 2, 10],
			['2027-03-31', 3, 15],
			['2027-04-07', 4, 20],
			['2027-04-14', 5, 25],
		])
	})

	test('the day it arrived is not counted, whatever the hour', () => {
		for (const instant of ['2027-03-10T00:59:00Z', '2027-03-10T16:59:00Z']) {
			expect(approvalReminderPoint(instant, '2027-03-16', 5)).toBeNull()
			expect(approvalReminderPoint(instant, '2027-03-17', 5)).toEqual({
				round: 1,
				daysWaiting: 5,
			})
		}
		// 17:00 UTC is already Thursday 11/03 in Hà Nội: one working day later.
		expect(
			approvalReminderPoint('2027-03-10T17:00:00Z', '2027-03-17', 5),
		).toBeNull()
		expect(
			approvalReminderPoint('2027-03-10T17:00:00Z', '2027-03-18', 5),
		).not.toBeNull()
	})

	test('a per-organisation setting of 2 or 10 working days', () => {
		expect(approvalReminderPoint(arrived, '2027-03-12', 2)).toEqual({
			round: 1,
			daysWaiting: 2,
		})
		expect(approvalReminderPoint(arrived, '2027-03-23', 10)).toBeNull()
		expect(approvalReminderPoint(arrived, '2027-03-24', 10)).toEqual({
			round: 1,
			daysWaiting: 10,
		})
	})

	test('never before the plan arrived, and the setting must be a positive whole number', () => {
		expect(approvalReminderPoint(arrived, '2027-03-01', 5)).toBeNull()
		expect(approvalReminderPoint(arrived, '2027-03-10', 5)).toBeNull()
		expect(() => approvalReminderPoint(arrived, '2027-03-16', 0)).toThrow()
		expect(() => approvalReminderPoint(arrived, '2027-03-16', 1.5)).toThrow()
	})

	test('dedupe keys: one per plan, point and person; a new arrival at the step starts new points', () => {
		expect(reminderDedupeKey('p1', 'overdue-2', 'u1')).toBe(
			'reminder:p1:overdue-2:u1',
		)
		expect(approvalPointKey('step_2', arrived, 1)).toBe(
			'waiting-step_2-2027-03-10-1',
		)
		expect(approvalPointKey('step_2', '2027-03-20T03:00:00Z', 1)).not.toBe(
			approvalPointKey('step_2', arrived, 1),
		)
	})
})

describe('in-app notification texts', () => {
	const base = {
		planId: 'p1',
		planName: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
		organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
		toStatus: 'trip_done',
		returnedOn: '2027-03-10',
		dueOn: '2027-03-25',
		drafterName: 'Lê Văn Đức',
		informational: false,
	}

	test('report due: days left, or today; dates as dd/mm/yyyy', () => {
		expect(
			notificationMessage(
				'report-due',
				{ ...base, point: 'before', days: 3, escalation: false },
				'vi',
			),
		).toMatchObject({
			key: 'notify.report-due',
			params: { days: 3, dueDate: '25/03/2027', returnedDate: '10/03/2027' },
		})
		expect(
			notificationMessage(
				'report-due',
				{ ...base, point: 'due', days: 0, escalation: false },
				'vi',
			).key,
		).toBe('notify.report-due-today')
	})

	test('the texts the notifications page shows, in both languages', () => {
		const due = notificationMessage(
			'report-due',
			{ ...base, point: 'before', days: 3, escalation: false },
			'vi',
		)
		expect(translate('vi', due.key, due.params)).toBe(
			'Còn 3 ngày đến hạn nộp báo cáo kết quả chuyến đi của đoàn “Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)” (hạn 25/03/2027).',
		)
		const late = notificationMessage(
			'report-overdue',
			{ ...base, days: 14, escalation: true },
			'en',
		)
		expect(translate('en', late.key, late.params)).toBe(
			'The trip report of “Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)” (Liên đoàn Lao động tỉnh Quảng Trị) is 14 days overdue (it was due on 25/03/2027); drafted by Lê Văn Đức.',
		)
		const today = notificationMessage('report-due', { ...base, days: 0 }, 'vi')
		expect(translate('vi', today.key, today.params)).toBe(
			'Hôm nay (25/03/2027) là hạn nộp báo cáo kết quả chuyến đi của đoàn “Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)”.',
		)
	})

	test('overdue: the escalated copy has its own text', () => {
		expect(
			notificationMessage(
				'report-overdue',
				{ ...base, days: 7, escalation: false },
				'vi',
			).key,
		).toBe('notify.report-overdue')
		expect(
			notificationMessage(
				'report-overdue',
				{ ...base, days: 14, escalation: true },
				'en',
			).key,
		).toBe('notify.report-overdue-escalation')
	})

	test('approval waiting and plan events: the step label in the reader’s language', () => {
		const params = {
			planName: 'X',
			stepLabel: { vi: 'Tỉnh ủy', en: 'Provincial Party Committee' },
			waitingSince: '2027-03-10',
			days: 5,
		}
		expect(notificationMessage('approval-waiting', params, 'en')).toMatchObject(
			{
				key: 'notify.approval-waiting',
				params: {
					stepLabel: 'Provincial Party Committee',
					waitingSinceDate: '10/03/2027',
					days: 5,
				},
			},
		)
		expect(
			notificationMessage(
				'approval-waiting',
				{ ...params, stepLabel: { vi: 'Tỉnh ủy', en: '' } },
				'en',
			).params.stepLabel,
		).toBe('Tỉnh ủy')
		expect(
			notificationMessage(
				'approval-waiting',
				{ ...params, stepLabel: null },
				'vi',
			).key,
		).toBe('notify.approval-waiting-no-step')
		expect(
			notificationMessage(
				'plan-submitted',
				{ ...params, resubmitted: true },
				'vi',
			).key,
		).toBe('notify.plan-resubmitted')
		expect(
			notificationMessage(
				'report-submitted',
				{ ...params, resubmitted: true },
				'vi',
			).key,
		).toBe('notify.report-resubmitted')
		expect(
			notificationMessage('report-returned', { ...params, comment: null }, 'vi')
				.params.comment,
		).toBe('')
	})
})

describe('after a late return', () => {
	test('the overdue rounds count from the late-return reminder, so the approvers hear of it two rounds after the drafter', () => {
		const due = '2027-03-25'
		const reminded = '2027-04-10'
		const points = reportReminderDates(
			due,
			'2027-03-01',
			'2027-05-10',
			reminded,
		).map(({ date, reminder }) => [
			date,
			reminder.point,
			'escalate' in reminder && reminder.escalate,
			'daysLate' in reminder && reminder.daysLate,
		])
		expect(points).toEqual([
			['2027-04-17', 'overdue-1', false, 23],
			['2027-04-24', 'overdue-2', true, 30],
			['2027-05-01', 'overdue-3', true, 37],
			['2027-05-08', 'overdue-4', true, 44],
		])
	})
})
