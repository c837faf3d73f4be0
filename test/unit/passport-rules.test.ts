import { describe, expect, test } from 'vitest'
import {
	addMonths,
	PassportSchema,
	passportWarnings,
	timeLeft,
} from '#workflows/passports/passport-rules.ts'

describe('addMonths', () => {
	test.each([
		['2027-06-30', 6, '2027-12-30'],
		['2027-08-31', 6, '2028-02-29'],
		['2027-12-15', 1, '2028-01-15'],
	])('%s + %i months = %s', (from, months, to) => {
		expect(addMonths(from, months)).toBe(to)
	})
})

describe('timeLeft (the weekly list of expiring passports)', () => {
	test.each([
		['2027-03-03', '2027-07-15', { expired: false, months: 4, days: 12 }],
		['2027-03-03', '2027-03-03', { expired: false, months: 0, days: 0 }],
		['2027-03-03', '2027-04-03', { expired: false, months: 1, days: 0 }],
		// From a month's last day: 31/01 + 1 month is 28/02, then 1 day more.
		['2027-01-31', '2027-03-01', { expired: false, months: 1, days: 1 }],
		['2027-03-03', '2027-03-02', { expired: true, months: 0, days: 0 }],
	])('from %s to %s', (today, expiresOn, left) => {
		expect(timeLeft(today, expiresOn)).toEqual(left)
	})
})

const member = (over: Partial<Parameters<typeof passportWarnings>[1][number]>) => ({
	position: 1,
	full_name: 'Nguyễn Văn An',
	passport_type: 'official' as const,
	number: 'C1234567',
	kind: 'official' as const,
	expires_on: '2030-01-01',
	...over,
})

describe('passportWarnings', () => {
	test('a passport valid 6 months after the return passes; one day less is flagged', () => {
		expect(passportWarnings('2027-06-30', [member({ expires_on: '2027-12-30' })])).toEqual([])
		expect(passportWarnings('2027-06-30', [member({ expires_on: '2027-12-29' })])).toEqual([
			{ kind: 'expiring', member: 'Nguyễn Văn An', number: 'C1234567', expiresOn: '2027-12-29', validUntil: '2027-12-30' },
		])
	})

	test('the best passport of the needed kind counts; another kind or none is flagged', () => {
		expect(
			passportWarnings('2027-06-30', [
				member({ expires_on: '2027-07-01' }),
				member({ number: 'C7654321', expires_on: '2031-01-01' }),
			]),
		).toEqual([])
		expect(passportWarnings('2027-06-30', [member({ kind: 'ordinary' })])).toEqual([
			{ kind: 'none', member: 'Nguyễn Văn An', needed: 'official' },
		])
		expect(passportWarnings(null, [member({ number: null, kind: null, expires_on: null })])).toEqual([
			{ kind: 'none', member: 'Nguyễn Văn An', needed: 'official' },
		])
		// Without a return date, only a missing passport can be judged.
		expect(passportWarnings(null, [member({ expires_on: '2027-01-01' })])).toEqual([])
	})
})

describe('PassportSchema', () => {
	test('the number is kept without spaces in capitals; a bad one or an expiry before the issue is refused', () => {
		const ok = PassportSchema.safeParse({ number: 'c 123 4567', kind: 'official', issued_on: '01/02/2020', expires_on: '01/02/2030' })
		expect(ok.data).toEqual({ number: 'C1234567', kind: 'official', issued_on: '2020-02-01', expires_on: '2030-02-01' })
		const bad = PassportSchema.safeParse({ number: 'C-12', kind: 'official', issued_on: '01/02/2020', expires_on: '01/02/2019' })
		expect(bad.error?.issues.map(i => [i.path.join('.'), i.message])).toEqual([
			['number', 'passport.numberInvalid'],
			['expires_on', 'passport.expiresBeforeIssued'],
		])
	})
})
