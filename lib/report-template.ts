/**
 * Report templates as data: the sections of free text and the appendix tables (typed columns,
 * fixed or free rows) a report request asks every organisation to fill. A request keeps a copy
 * of its template, so later changes to a built-in template never alter what was asked.
 */

export const COLUMN_TYPES = [
	'text',
	'number',
	'yesno',
	'choice',
	'date',
] as const
export type ColumnType = (typeof COLUMN_TYPES)[number]

export interface TemplateColumn {
	id: string
	label: string
	type: ColumnType
	/** For 'choice'. */
	choices?: string[]
	/** For 'number': the cell must equal the sum of these columns of its row. */
	sumOf?: string[]
}

export interface TemplateTable {
	id: string
	/** "Phụ lục I" */
	title: string
	/** "CÁC HOẠT ĐỘNG TRONG TRIỂN KHAI CÔNG TÁC ĐỐI NGOẠI CÔNG ĐOÀN" */
	subtitle: string
	/** The heading of the rows' label column, for fixed rows ("Các hoạt động cụ thể"). */
	rowHeading?: string
	/** Fixed rows: one label per row. Free rows: the organisation adds up to `maxRows`. */
	rows: { fixed: string[] } | { free: true; maxRows: number }
	columns: TemplateColumn[]
	/** The key a prefill from the organisation's own data uses (see workflows/requests). */
	prefill?: 'partners'
}

export interface TemplateSection {
	id: string
	title: string
}

export interface ReportTemplate {
	key: string
	name: string
	/** The report's title under "BÁO CÁO". */
	reportTitle: string
	sections: TemplateSection[]
	tables: TemplateTable[]
}

export type Cell = string | number | boolean | null
export interface ReportContent {
	sections: Record<string, string>
	/** Per table, its rows of cells by column id. */
	tables: Record<string, Record<string, Cell>[]>
}

/** Seed 000: the ten-year review of Nghị quyết 03/NQ-ĐCT, with its four appendices. */
export const NQ03_REVIEW: ReportTemplate = {
	key: 'nq03-review',
	name: 'Tổng kết 10 năm thực hiện Nghị quyết 03/NQ-ĐCT (4 phụ lục)',
	reportTitle:
		'Tổng kết 10 năm thực hiện Nghị quyết 03/NQ-ĐCT ngày 24/9/2010 của Đoàn Chủ tịch Tổng Liên đoàn về tăng cường hoạt động đối ngoại, đẩy mạnh hợp tác quốc tế của Công đoàn Việt Nam',
	sections: [
		{ id: 'results', title: 'I. Kết quả triển khai thực hiện Nghị quyết 03' },
		{
			id: 'difficulties',
			title:
				'II. Những khó khăn, hạn chế trong triển khai thực hiện Nghị quyết 03',
		},
		{
			id: 'proposals',
			title:
				'III. Kiến nghị, đề xuất với Tổng Liên đoàn những giải pháp nhằm tăng cường hiệu quả hoạt động đối ngoại, hợp tác quốc tế của Công đoàn',
		},
	],
	tables: [
		{
			id: 'activities',
			title: 'Phụ lục I',
			subtitle: 'CÁC HOẠT ĐỘNG TRONG TRIỂN KHAI CÔNG TÁC ĐỐI NGOẠI CÔNG ĐOÀN',
			rowHeading: 'Các hoạt động cụ thể',
			rows: {
				fixed: [
					'Tổ chức và quán triệt Nghị quyết 03',
					'Ban hành văn bản hướng dẫn triển khai Nghị quyết 03',
					'Phân công lãnh đạo chịu trách nhiệm chỉ đạo hoạt động đối ngoại',
					'Phân công cán bộ làm đầu mối về hoạt động đối ngoại',
					'Tổ chức tập huấn, thông tin về hoạt động đối ngoại',
					'Tham gia các chương trình tập huấn, thông tin về hoạt động đối ngoại',
					'Các hoạt động liên quan khác',
				],
			},
			columns: [
				{ id: 'done', label: 'Có / Không', type: 'yesno' },
				{ id: 'note', label: 'Ghi chú', type: 'text' },
			],
		},
		{
			id: 'partners',
			title: 'Phụ lục II',
			subtitle: 'THỐNG KÊ CÁC ĐỐI TÁC SONG PHƯƠNG',
			rows: { free: true, maxRows: 30 },
			prefill: 'partners',
			columns: [
				{ id: 'then', label: 'Đối tác thời điểm năm 2010', type: 'text' },
				{ id: 'now', label: 'Đối tác thời điểm năm 2020', type: 'text' },
				{ id: 'agreements', label: 'Ký kết thỏa thuận hợp tác', type: 'text' },
				{ id: 'note', label: 'Ghi chú', type: 'text' },
			],
		},
		{
			id: 'information',
			title: 'Phụ lục III',
			subtitle:
				'CÁC HÌNH THỨC TRIỂN KHAI CÔNG TÁC THÔNG TIN TUYÊN TRUYỀN ĐỐI NGOẠI',
			rowHeading: 'Hình thức',
			rows: {
				fixed: [
					'Trực tiếp',
					'Báo/Tạp chí',
					'Website',
					'Mạng xã hội',
					'Sách',
					'Sổ tay',
					'Tờ rơi',
					'Khác',
				],
			},
			columns: [
				{ id: 'english', label: 'Ngôn ngữ: Tiếng Anh', type: 'yesno' },
				{ id: 'other', label: 'Ngôn ngữ: Khác', type: 'yesno' },
				{
					id: 'frequency',
					label: 'Tần suất đưa tin',
					type: 'choice',
					choices: ['Thường xuyên', 'Không thường xuyên'],
				},
			],
		},
		{
			id: 'staff',
			title: 'Phụ lục IV',
			subtitle: 'THÔNG TIN CÁN BỘ LÀM CÔNG TÁC ĐỐI NGOẠI CÔNG ĐOÀN',
			rowHeading: 'Số lượng cán bộ',
			rows: { fixed: ['Cán bộ làm công tác đối ngoại'] },
			columns: [
				{
					id: 'total',
					label: 'Tổng số cán bộ làm công tác đối ngoại',
					type: 'number',
					sumOf: ['fulltime', 'parttime'],
				},
				{ id: 'fulltime', label: 'Cán bộ chuyên trách', type: 'number' },
				{ id: 'parttime', label: 'Cán bộ kiêm nhiệm', type: 'number' },
				{ id: 'language', label: 'Có chuyên môn ngoại ngữ', type: 'number' },
				{ id: 'diplomacy', label: 'Có chuyên môn đối ngoại', type: 'number' },
			],
		},
	],
}

/**
 * Any other request (passport management, a campaign, a visit …): three sections of free text, no
 * appendix. Its report is titled by what the request asks (see `templateForRequest`).
 */
export const GENERAL_REPORT: ReportTemplate = {
	key: 'general',
	name: 'Báo cáo theo nội dung công văn (3 phần, không có phụ lục)',
	reportTitle: '',
	sections: [
		{ id: 'results', title: 'I. Tình hình, kết quả thực hiện' },
		{ id: 'difficulties', title: 'II. Khó khăn, hạn chế' },
		{ id: 'proposals', title: 'III. Kiến nghị, đề xuất' },
	],
	tables: [],
}

export const BUILT_IN_TEMPLATES: ReportTemplate[] = [
	NQ03_REVIEW,
	GENERAL_REPORT,
]

/**
 * The copy of a template a request keeps. A template without a title of its own takes the
 * request's: "V/v báo cáo công tác quản lý hộ chiếu năm 2026" → "Công tác quản lý hộ chiếu năm 2026".
 */
export function templateForRequest(
	template: ReportTemplate,
	requestTitle: string,
): ReportTemplate {
	if (template.reportTitle) return template
	const subject = requestTitle
		.trim()
		.replace(/^(v\/v|về việc)\s*/iu, '')
		.replace(/^báo cáo\s*/iu, '')
		.trim()
	return {
		...template,
		reportTitle: subject.charAt(0).toLocaleUpperCase('vi') + subject.slice(1),
	}
}

export function builtInTemplate(key: string) {
	return BUILT_IN_TEMPLATES.find(t => t.key === key)
}

export function fixedRows(table: TemplateTable) {
	return 'fixed' in table.rows ? table.rows.fixed : null
}

/** The name of a cell's form field: "t.staff.0.total". */
export function cellName(tableId: string, row: number, columnId: string) {
	return `t.${tableId}.${row}.${columnId}`
}

export type CellProblem =
	| 'request.cell.number'
	| 'request.cell.negative'
	| 'request.cell.tooBig'
	| 'request.cell.date'
	| 'request.cell.choice'
	| 'request.cell.yesno'
	| 'request.cell.tooLong'
	| 'request.cell.sum'
	| 'request.cell.required'

export const MAX_CELL_NUMBER = 1_000_000_000
export const MAX_CELL_TEXT = 2000

/**
 * A typed cell from what was typed: '' is an empty cell; numbers are whole and not negative
 * ("1.200" and "1200" are both 1200, as Vietnamese write thousands); dates dd/mm/yyyy.
 */
export function parseCell(
	column: TemplateColumn,
	raw: string,
): { value: Cell } | { problem: CellProblem } {
	const text = raw.trim()
	if (text === '') return { value: null }
	if (text.length > MAX_CELL_TEXT) return { problem: 'request.cell.tooLong' }
	switch (column.type) {
		case 'text':
			return { value: text }
		case 'number': {
			const plain = text.replace(/[.\s]/g, '')
			if (/^-\d+$/.test(plain)) return { problem: 'request.cell.negative' }
			if (!/^\d+$/.test(plain)) return { problem: 'request.cell.number' }
			const n = Number(plain)
			return n > MAX_CELL_NUMBER
				? { problem: 'request.cell.tooBig' }
				: { value: n }
		}
		case 'yesno':
			return text === 'yes'
				? { value: true }
				: text === 'no'
					? { value: false }
					: { problem: 'request.cell.yesno' }
		case 'choice':
			return column.choices?.includes(text)
				? { value: text }
				: { problem: 'request.cell.choice' }
		case 'date': {
			const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)
			if (!vi) return { problem: 'request.cell.date' }
			const [, d, m, y] = vi.map(Number) as [number, number, number, number]
			const date = new Date(Date.UTC(y, m - 1, d))
			return date.getUTCDate() === d && date.getUTCMonth() === m - 1
				? { value: date.toISOString().slice(0, 10) }
				: { problem: 'request.cell.date' }
		}
	}
}

/** A cell as a form shows it again: numbers plain, yes/no as the radio values, dates dd/mm/yyyy. */
export function cellText(column: TemplateColumn, value: Cell | undefined) {
	if (value === null || value === undefined) return ''
	if (column.type === 'yesno') return value ? 'yes' : 'no'
	if (column.type === 'date' && typeof value === 'string') {
		const [y, m, d] = value.split('-')
		return `${d}/${m}/${y}`
	}
	return String(value)
}

/** A cell as a document shows it: "Có"/"Không", numbers with Vietnamese thousands. */
export function cellDisplay(column: TemplateColumn, value: Cell | undefined) {
	if (value === null || value === undefined) return ''
	if (column.type === 'yesno') return value ? 'Có' : 'Không'
	if (column.type === 'number' && typeof value === 'number')
		return value.toLocaleString('vi-VN')
	return cellText(column, value)
}

/** An empty report of the template: fixed rows present with empty cells, no free rows. */
export function emptyContent(template: ReportTemplate): ReportContent {
	return {
		sections: Object.fromEntries(template.sections.map(s => [s.id, ''])),
		tables: Object.fromEntries(
			template.tables.map(t => [
				t.id,
				(fixedRows(t) ?? []).map(() =>
					Object.fromEntries(t.columns.map(c => [c.id, null])),
				),
			]),
		),
	}
}

/**
 * The report a form posted: every section and cell of the template (nothing else), the free
 * tables' rows that have anything in them, and the problem of each cell that is wrong, by its
 * field name. `raw` gives back what was typed, for the form to show again.
 */
export function readContentForm(
	template: ReportTemplate,
	form: { get(name: string): unknown },
) {
	const text = (name: string) => {
		const value = form.get(name)
		return typeof value === 'string' ? value : ''
	}
	const problems: Record<string, CellProblem> = {}
	const raw: Record<string, string> = {}
	const content: ReportContent = { sections: {}, tables: {} }
	for (const s of template.sections) {
		const value = text(`s.${s.id}`).trim()
		content.sections[s.id] = value.slice(0, 20_000)
	}
	for (const table of template.tables) {
		const fixed = fixedRows(table)
		const count = fixed
			? fixed.length
			: Math.min(
					'maxRows' in table.rows ? table.rows.maxRows : 0,
					Math.max(0, Number(text(`rows.${table.id}`)) || 0),
				)
		const rows: Record<string, Cell>[] = []
		for (let r = 0; r < count; r++) {
			const row: Record<string, Cell> = {}
			const names: Record<string, string> = {}
			for (const column of table.columns) {
				const name = cellName(table.id, r, column.id)
				const typed = text(name)
				if (typed) raw[name] = typed
				names[column.id] = name
				const parsed = parseCell(column, typed)
				if ('problem' in parsed) {
					problems[name] = parsed.problem
					row[column.id] = null
				} else row[column.id] = parsed.value
			}
			for (const column of table.columns) {
				if (!column.sumOf || problems[names[column.id]!]) continue
				const total = row[column.id]
				const parts = column.sumOf.map(id => row[id])
				if (
					typeof total === 'number' &&
					parts.every(p => typeof p === 'number') &&
					parts.reduce<number>((a, p) => a + (p as number), 0) !== total
				)
					problems[names[column.id]!] = 'request.cell.sum'
			}
			if (fixed || Object.values(row).some(v => v !== null)) rows.push(row)
		}
		content.tables[table.id] = rows
	}
	return { content, problems, raw }
}
