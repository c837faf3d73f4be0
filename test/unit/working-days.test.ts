import { describe, expect, test } from 'vitest'
import { lunarToSolar, tetDate } from '#lib/lunar.ts'
import {
	addWorkingDays,
	type DeclaredDays,
	isWorkingDay,
	publicHolidays,
} from '#lib/working-days.ts'

describe('lunar calendar (Viet Nam, UTC+7)', () => {
	test('Tết falls on the official dates of 2020–2027', () => {
		const official: Record<number, string> = {
			2020: '2020-01-25',
			2021: '2021-02-12',
			2022: '2022-02-01',
			2023: '2023-01-22',
			2024: '2024-02-10',
			2025: '2025-01-29',
			2026: '2026-02-17',
			2027: '2027-02-06',
		}
		for (const [year, date] of Object.entries(official))
			expect(tetDate(Number(year))).toBe(date)
	})

	test('Giỗ Tổ Hùng Vương (10/3 lunar) after a leap second month: 29/04/2023', () => {
		expect(lunarToSolar(10, 3, 2023)).toBe('2023-04-29')
		expect(lunarToSolar(10, 3, 2026)).toBe('2026-04-26')
	})

	test('Tết 2027 is off from the last day of the lunar year to lunar 4/1', () => {
		expect(
			publicHolidays(2027)
				.filter(h => h.name === 'tet')
				.map(h => h.date),
		).toEqual([
			'2027-02-05',
			'2027-02-06',
			'2027-02-07',
			'2027-02-08',
			'2027-02-09',
		])
	})
})

describe('working days', () => {
	test('counting across Tết 2027 skips the holiday and the weekend', () => {
		expect(isWorkingDay('2027-02-04')).toBe(true)
		expect(isWorkingDay('2027-02-05')).toBe(false)
		expect(isWorkingDay('2027-02-09')).toBe(false)
		expect(addWorkingDays('2027-02-04', 1)).toBe('2027-02-10')
		expect(addWorkingDays('2027-02-03', 5)).toBe('2027-02-15')
		expect(addWorkingDays('2027-02-10', -1)).toBe('2027-02-04')
	})

	test('30/4–1/5 with a declared day off and a make-up working Saturday', () => {
		expect(addWorkingDays('2026-04-28', 1)).toBe('2026-04-29')
		const declared: DeclaredDays = new Map([
			['2026-04-29', 'off'],
			['2026-05-09', 'working'],
		])
		expect(isWorkingDay('2026-04-29', declared)).toBe(false)
		expect(isWorkingDay('2026-05-09', declared)).toBe(true)
		expect(isWorkingDay('2026-05-09')).toBe(false)
		expect(addWorkingDays('2026-04-28', 1, declared)).toBe('2026-05-04')
		expect(addWorkingDays('2026-04-28', 6)).toBe('2026-05-08')
		// 4, 5, 6, 7, 8 May, then the make-up Saturday.
		expect(addWorkingDays('2026-04-28', 6, declared)).toBe('2026-05-09')
		expect(addWorkingDays('2026-05-04', -1, declared)).toBe('2026-04-28')
	})

	test('zero working days is the day itself', () => {
		expect(addWorkingDays('2027-02-06', 0)).toBe('2027-02-06')
	})
})
