/**
 * An administrative document in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): what the DOCX
 * builder and the print view both draw. The annual report, the plan document and the post-trip
 * report are all built into this shape.
 */

export interface ColumnLayout {
	weight: number
	centred: boolean
}

/** A cell is one or more lines (a list in the cell is one line per item). */
export interface DocTable {
	title: string
	columns: string[]
	/** Empty table: a single "Không" row. */
	rows: string[][][]
	/** Relative column widths; equal when absent. */
	layout?: ColumnLayout[]
}

export type DocSection =
	| { title: string; level: 1 | 2; text?: string[]; table?: undefined }
	| { table: DocTable; title?: undefined }

export interface OfficialDocument {
	/** The governing body above the organisation ("TỔNG LĐLĐ VIỆT NAM"), or ''. */
	governingBody: string
	organisationName: string
	numberLine: string
	placeDate: string
	/** The kind's name in capitals: "BÁO CÁO", "KẾ HOẠCH". */
	heading: string
	titleLines: string[]
	intro: string
	sections: DocSection[]
	/** Sections from this index on, and the closing, lie on landscape pages (wide tables). */
	landscapeFrom?: number
	/** Every page landscape, the header's too (a register that is one wide table). */
	landscape?: boolean
	recipients: string[]
	signature: string[]
	signerName: string
}

/** Whether the document ends with "Nơi nhận" and a signature: not a book nobody signs or sends (the passport register). */
export function hasClosing(
	d: Pick<OfficialDocument, 'recipients' | 'signature' | 'signerName'>,
) {
	return Boolean(d.recipients.length || d.signature.length || d.signerName)
}

/** "Quảng Trị, ngày 25 tháng 10 năm 2019" (a zero before days below 10 and months below 3, as Nghị định 30 asks). */
export function placeDate(place: string, date: string | null) {
	if (!date) return `${place}, ngày … tháng … năm …`
	const [y, m, d] = date.split('-').map(Number) as [number, number, number]
	const dd = d < 10 ? `0${d}` : String(d)
	const mm = m < 3 ? `0${m}` : String(m)
	return `${place}, ngày ${dd} tháng ${mm} năm ${y}`
}

/** "Số: 323/BC-LĐLĐ"; a number left for the clerk ("/BC-LĐLĐ") keeps its blank. */
export function numberLine(numberSymbol: string) {
	const value = numberSymbol.trim()
	return value.startsWith('/') ? `Số:        ${value}` : `Số: ${value}`
}

export function layoutOf(table: DocTable): ColumnLayout[] {
	return (
		table.layout ?? table.columns.map(() => ({ weight: 1, centred: false }))
	)
}

export const lines = (text: string) =>
	text
		.split('\n')
		.map(l => l.trim())
		.filter(Boolean)

/** Document kinds as a Vietnamese document names them. */
export const ANSWER_KIND_NAMES = {
	cong_van: 'Công văn',
	quyet_dinh: 'Quyết định',
	thong_bao: 'Thông báo',
} as const

export interface AnswerCitation {
	kind: keyof typeof ANSWER_KIND_NAMES
	number: string
	/** 'YYYY-MM-DD' */
	issued_on: string
	signer: string
	organisation_name: string
}

const dmy = (iso: string) => {
	const [y, m, d] = iso.split('-')
	return `${d}/${m}/${y}`
}

/** "Công văn số 123-CV/TU ngày 12/11/2019 của Tỉnh ủy Quảng Trị (đồng chí Nguyễn Văn Hùng ký)". */
export function citeAnswer(a: AnswerCitation, withOrganisation = true) {
	const signer = a.signer.trim()
	return `${ANSWER_KIND_NAMES[a.kind]} số ${a.number.trim()} ngày ${dmy(a.issued_on)}${withOrganisation ? ` của ${a.organisation_name}` : ''}${signer ? ` (đồng chí ${signer} ký)` : ''}`
}

/** "đã được Tỉnh ủy Quảng Trị phê duyệt tại Công văn số … (đồng chí … ký)", each level's written answer in order; '' without one. */
export function approvedBy(answers: AnswerCitation[]) {
	if (!answers.length) return ''
	return `đã được ${answers
		.map(a => `${a.organisation_name} phê duyệt tại ${citeAnswer(a, false)}`)
		.join(', ')}`
}
