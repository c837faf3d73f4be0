import { describe, expect, test } from 'vitest'
import { documentFileName } from '#lib/file-name.ts'
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPlaceDate } from '#lib/format.ts'

describe('formatDate', () => {
	test('is dd/mm/yyyy', () => {
		expect(formatDate(new Date('2021-10-13T03:00:00Z'))).toBe('13/10/2021')
	})

	test('uses Vietnam time, so a UTC instant late in the evening is already the next day', () => {
		// 17:30 UTC on 31 March is 00:30 on 1 April in Hà Nội (UTC+7).
		expect(formatDate('2026-03-31T17:30:00Z')).toBe('01/04/2026')
		// And a Vietnamese midnight is not pushed back to the previous day.
		expect(formatDate('2025-12-31T17:00:00Z')).toBe('01/01/2026')
		expect(formatDate('2025-12-31T16:59:59Z')).toBe('31/12/2025')
	})

	test('formatDateTime shows the Vietnamese wall clock in 24-hour time', () => {
		expect(formatDateTime('2026-03-31T17:30:00Z')).toBe('00:30 01/04/2026')
		expect(formatDateTime('2026-03-31T08:05:00Z')).toBe('15:05 31/03/2026')
	})
})

describe('numbers and money', () => {
	test('groups thousands with dots', () => {
		expect(formatNumber(4500)).toBe('4.500')
		expect(formatNumber(1234567.5)).toBe('1.234.567,5')
	})

	test('4.500 USD and 12.000.000 ₫', () => {
		expect(formatMoney(4500, 'USD')).toBe('4.500 USD')
		expect(formatMoney(12_000_000, 'VND')).toBe('12.000.000 ₫')
	})
})

describe('formatPlaceDate', () => {
	test('writes the place and date the way official letters do', () => {
		expect(formatPlaceDate('Quảng Trị', '2021-10-13T02:00:00Z')).toBe('Quảng Trị, ngày 13 tháng 10 năm 2021')
		expect(formatPlaceDate('Quảng Trị', '2021-03-05T02:00:00Z')).toBe('Quảng Trị, ngày 5 tháng 3 năm 2021')
		expect(formatPlaceDate('Quang Tri', '2021-10-13T02:00:00Z', 'en')).toBe('Quang Tri, 13/10/2021')
	})
})

describe('file names', () => {
	test('ASCII, at most 80 characters, cut between words', () => {
		expect(documentFileName('bao cao', 'Đoàn LĐLĐ tỉnh Quảng Trị 2026', 'docx')).toBe(
			'bao-cao-doan-ldld-tinh-quang-tri-2026.docx',
		)
		const long = documentFileName(
			'bao cao',
			'Đoàn LĐLĐ tỉnh Quảng Trị làm việc với Liên hiệp Công đoàn tỉnh Salavan tháng 12/2026',
			'docx',
		)
		expect(long).toBe(
			'bao-cao-doan-ldld-tinh-quang-tri-lam-viec-voi-lien-hiep-cong-doan-tinh-salavan.docx',
		)
		expect(documentFileName('', '—', 'zip')).toBe('van-ban.zip')
	})
})
