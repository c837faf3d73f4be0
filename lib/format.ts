import { type Locale } from '#lib/enums.ts'

export const TIME_ZONE = 'Asia/Ho_Chi_Minh'

const dateFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
})
const timeFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	hour: '2-digit',
	minute: '2-digit',
	hour12: false,
})

/** dd/mm/yyyy in Vietnam's time zone, whatever the server's. */
export function formatDate(value: Date | string) {
	return dateFormat.format(new Date(value))
}

export function formatDateTime(value: Date | string) {
	const date = new Date(value)
	return `${timeFormat.format(date)} ${dateFormat.format(date)}`
}

/** 4500 → "4.500"; Vietnamese grouping in both locales, as official documents use it. */
const numberFormat = new Intl.NumberFormat('vi-VN', {
	maximumFractionDigits: 2,
})

export function formatNumber(value: number) {
	return numberFormat.format(value)
}

/** 4.500 USD, 12.000.000 ₫ */
export function formatMoney(amount: number, currency: string) {
	return currency === 'VND'
		? `${formatNumber(amount)} ₫`
		: `${formatNumber(amount)} ${currency}`
}

/** "Quảng Trị, ngày 13 tháng 10 năm 2021" */
export function formatPlaceDate(
	place: string,
	value: Date | string,
	locale: Locale = 'vi',
) {
	const [day, month, year] = formatDate(value).split('/')
	return locale === 'vi'
		? `${place}, ngày ${Number(day)} tháng ${Number(month)} năm ${year}`
		: `${place}, ${day}/${month}/${year}`
}

/** "05/03/2026" or "2026-03-05" → "2026-03-05"; null when it is not a real calendar date. */
export function parseDate(text: string): string | null {
	const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim())
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim())
	const [y, m, d] = vi
		? [vi[3], vi[2], vi[1]]
		: iso
			? [iso[1], iso[2], iso[3]]
			: []
	if (!y) return null
	const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
	if (
		date.getUTCFullYear() !== Number(y) ||
		date.getUTCMonth() !== Number(m) - 1 ||
		date.getUTCDate() !== Number(d)
	)
		return null
	return date.toISOString().slice(0, 10)
}

/** "2026-03-05" → "05/03/2026" (a calendar date: no time zone applies). */
export function formatIsoDate(iso: string | null | undefined) {
	if (!iso) return ''
	const [y, m, d] = iso.split('-')
	return `${d}/${m}/${y}`
}

/**
 * An amount as Vietnamese write it, dots between thousands and a comma before the decimals
 * ("45.000.000", "4.500,50"), or with the separators the other way round when both are used
 * ("4,500.50"); spaces ignored, at most 2 decimals. Null when it is not such a number, or could
 * be read two ways ("4,500": 4,5 or 4 500?).
 */
export function parseAmount(text: string): number | null {
	const value = text.replace(/[\s\u00a0\u202f]/g, '')
	const both = /^(\d{1,3}([.,])\d{3}(?:\2\d{3})*)([.,])(\d{1,2})$/.exec(value)
	if (both && both[2] !== both[3])
		return Number(`${both[1]!.replace(/[.,]/g, '')}.${both[4]}`)
	if (/^\d+$/.test(value)) return Number(value)
	if (/^\d{1,3}(\.\d{3})+$/.test(value)) return Number(value.replace(/\./g, ''))
	if (/^\d{1,3}(,\d{3}){2,}$/.test(value))
		return Number(value.replace(/,/g, ''))
	const decimal = /^(\d+)[.,](\d{1,2})$/.exec(value)
	return decimal ? Number(`${decimal[1]}.${decimal[2]}`) : null
}
