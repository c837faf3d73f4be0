/** Kinds of outgoing documents and their abbreviations (Nghị định 30/2020, Phụ lục III). */
export const DOCUMENT_KINDS = ['KH', 'BC', 'CV', 'TB', 'QĐ', 'TTr'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export const DOCUMENT_KIND_NAMES: Record<DocumentKind, string> = {
	KH: 'Kế hoạch',
	BC: 'Báo cáo',
	CV: 'Công văn',
	TB: 'Thông báo',
	QĐ: 'Quyết định',
	TTr: 'Tờ trình',
}

export const DEFAULT_NOTATION = '{n}/{kind}'

export type NotationProblem =
	'notation.number' | 'notation.kind' | 'notation.chars'

/**
 * A notation holds "{n}" and "{kind}" once each, and otherwise only letters (with tone marks),
 * digits and the separators "/", "-" and ".": "{n}/{kind}-LĐLĐ", "{n}-{kind}/TU".
 */
export function notationProblem(pattern: string): NotationProblem | null {
	const count = (token: string) => pattern.split(token).length - 1
	if (count('{n}') !== 1) return 'notation.number'
	if (count('{kind}') !== 1) return 'notation.kind'
	const rest = pattern.replace('{n}', '').replace('{kind}', '')
	if (rest.length > 40 || !/^[\p{L}\p{N}/.\-]*$/u.test(rest))
		return 'notation.chars'
	return null
}

/** "12/KH-LĐLĐ" from "{n}/{kind}-LĐLĐ", 12 and KH. */
export function formatNotation(
	pattern: string,
	/** '' leaves the number blank for the clerk. */
	number: number | '',
	kind: string,
) {
	return pattern.replace('{n}', String(number)).replace('{kind}', kind)
}

/**
 * A report's number left for the clerk to fill in: "/BC-LĐLĐ" for "LĐLĐ tỉnh Quảng Trị" (the
 * first word of the organisation's short name, as its notations end).
 */
export function blankReportNumber(organisationShortName: string) {
	const symbol = organisationShortName.trim().split(/\s+/)[0] ?? ''
	return symbol ? `/BC-${symbol}` : '/BC'
}
