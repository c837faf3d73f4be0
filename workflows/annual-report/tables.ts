import {
	approvedBy,
	type DocTable,
} from '#workflows/documents/official-document.ts'
import { countryName } from '#lib/countries.ts'
import { type ReportPlan } from '#db/repos/annual-report.server.ts'
import { type Direction } from '#lib/enums.ts'
import { approvedRange } from '#lib/trip-dates.ts'

export type { ReportPlan }

/** A cell is one or more lines (a list in the cell is one line per item). */
export type Cell = string[]
export type ReportTable = DocTable

export const OUT_COLUMNS = [
	'TT',
	'Tên đoàn',
	'Trưởng đoàn',
	'Số thành viên',
	'Nước đến',
	'Nội dung hoạt động',
	'Số ngày',
	'Thời gian',
	'Nguồn kinh phí',
]
export const IN_COLUMNS = [
	'TT',
	'Tên đoàn',
	'Danh nghĩa đoàn',
	'Trưởng đoàn',
	'Số thành viên',
	'Nước',
	'Đối tác làm việc',
	'Nội dung hoạt động',
	'Số ngày',
	'Thời gian',
	'Kinh phí',
]

export const DONE_COLUMNS = [
	'TT',
	'Tên đoàn',
	'Đoàn ra/Đoàn vào',
	'Trưởng đoàn',
	'Số thành viên',
	'Nước',
	'Thời gian',
]

const DONE = [
	'departed',
	'trip_done',
	'report_submitted',
	'report_returned',
	'closed',
]
// A draft never sent, and a plan withdrawn, refused or cancelled, is no plan of the organisation.
const NOT_PLANNED = ['drafting', 'rejected', 'withdrawn', 'cancelled']

const dmy = (d: string) => d.split('-').reverse().join('/')

export function daysText(p: Pick<ReportPlan, 'days_min' | 'days_max'>) {
	const { days_min: min, days_max: max } = p
	if (min == null && max == null) return ''
	if (min != null && max != null && min !== max) return `${min}-${max} ngày`
	return `${min ?? max} ngày`
}

export function timingText(p: ReportPlan) {
	if (p.timing_kind === 'month' && p.timing_month)
		return `Tháng ${p.timing_month}/${p.plan_year}`
	if (p.timing_kind === 'dates' && p.start_date)
		return p.end_date && p.end_date !== p.start_date
			? `${dmy(p.start_date)} - ${dmy(p.end_date)}`
			: dmy(p.start_date)
	return `Năm ${p.plan_year}`
}

export function fundingLines(p: ReportPlan): Cell {
	return p.budget.map(
		b =>
			`- ${b.payer} chịu ${b.item}${b.source === 'union_budget' ? ' (nguồn ngân sách công đoàn)' : ''}`,
	)
}

// Seed 001: the title on its line, the name (once known) on the next.
const head = (p: ReportPlan): Cell =>
	[p.head_title, p.head_name].map(s => s.trim()).filter(Boolean)

function planRow(p: ReportPlan, index: number): Cell[] {
	const activities = p.activities.map(a => `- ${a}`)
	const country = p.country ? countryName(p.country, 'vi') : ''
	const members = p.member_count == null ? '' : String(p.member_count)
	if (p.direction === 'out')
		return [
			[String(index + 1)],
			[p.name],
			head(p),
			[members],
			[country],
			activities,
			[daysText(p)],
			[timingText(p)],
			fundingLines(p),
		]
	return [
		[String(index + 1)],
		[p.name],
		[p.in_name_of],
		head(p),
		[members],
		[country],
		[p.partner_name],
		activities,
		[daysText(p)],
		[timingText(p)],
		fundingLines(p),
	]
}

export const NONE_ROW: Cell[] = [[''], ['Không']]

/** The plan for the year: "I. Đoàn ra" and "II. Đoàn vào", only plans that were submitted and are still on. */
export function planTables(plans: ReportPlan[], year: number): ReportTable[] {
	const of = (direction: Direction) =>
		plans.filter(
			p =>
				p.plan_year === year &&
				p.direction === direction &&
				!NOT_PLANNED.includes(p.status),
		)
	const table = (
		title: string,
		columns: string[],
		list: ReportPlan[],
	): ReportTable => ({
		title,
		columns,
		rows: list.length ? list.map(planRow) : [NONE_ROW],
		layout: columnLayout(columns),
	})
	return [
		table('I. Đoàn ra', OUT_COLUMNS, of('out')),
		table('II. Đoàn vào', IN_COLUMNS, of('in')),
	]
}

/** The year's delegations that went (or came), with their dates, as a table. */
export function doneTable(plans: ReportPlan[], year: number): ReportTable {
	const done = plans.filter(
		p => p.plan_year === year && DONE.includes(p.status),
	)
	return {
		title: `Các đoàn đã thực hiện năm ${year}`,
		columns: DONE_COLUMNS,
		layout: columnLayout(DONE_COLUMNS),
		rows: done.length
			? done.map((p, i) => [
					[String(i + 1)],
					[p.name],
					[p.direction === 'out' ? 'Đoàn ra' : 'Đoàn vào'],
					head(p),
					[p.member_count == null ? '' : String(p.member_count)],
					[p.country ? countryName(p.country, 'vi') : ''],
					[
						p.departed_on
							? `${dmy(p.departed_on)}${p.returned_on ? ` - ${dmy(p.returned_on)}` : ''}`
							: timingText(p),
					],
				])
			: [NONE_ROW],
	}
}

/**
 * ", theo kế hoạch đã được Tỉnh ủy Quảng Trị phê duyệt tại Công văn số …" (seed 001's words),
 * citing each level's latest written answer; '' when none was recorded.
 */
export function approvalCitation(p: Pick<ReportPlan, 'answers'>) {
	const latest = new Map<string, ReportPlan['answers'][number]>()
	for (const a of p.answers ?? []) {
		latest.delete(a.organisation_name)
		latest.set(a.organisation_name, a)
	}
	const cited = approvedBy([...latest.values()])
	return cited ? `, theo kế hoạch đối ngoại ${cited}` : ''
}

/** The year's facts as text to start the "results" section with: what was done, what was cancelled and why. */
export function resultsFacts(
	plans: ReportPlan[],
	year: number,
	organisation: string,
	today: string,
) {
	const ofYear = plans.filter(p => p.plan_year === year)
	const done = ofYear.filter(p => DONE.includes(p.status))
	const out = done.filter(p => p.direction === 'out')
	const inbound = done.filter(p => p.direction === 'in')
	const people = (list: ReportPlan[]) =>
		list.reduce((n, p) => n + (p.member_count ?? 0), 0)
	const when = (p: ReportPlan) =>
		p.departed_on
			? ` (${dmy(p.departed_on)}${p.returned_on ? ` - ${dmy(p.returned_on)}` : ''})`
			: ''
	const lines = done.length
		? [
				`Năm ${year}, ${organisation} đã ${[
					out.length
						? `tổ chức ${out.length} đoàn ra với ${people(out)} lượt người`
						: '',
					inbound.length
						? `đón ${inbound.length} đoàn vào với ${people(inbound)} lượt khách`
						: '',
				]
					.filter(Boolean)
					.join(' và ')}:`,
				...done.map(
					p =>
						`- ${p.name}${p.partner_name ? `, làm việc với ${p.partner_name}` : ''}${when(p)}, ${p.member_count ?? 0} người${approvalCitation(p)}.`,
				),
			]
		: [
				`Năm ${year}, ${organisation} chưa ghi nhận đoàn ra, đoàn vào nào đã thực hiện.`,
			]
	// An approved trip whose latest planned start has not come yet is not late with its record.
	const approved = ofYear.filter(p => p.status === 'approved')
	const upcoming = approved.filter(p => approvedRange(p, 'DEPART').to >= today)
	const unrecorded = approved.filter(p => !upcoming.includes(p))
	if (upcoming.length)
		lines.push(
			`Có ${upcoming.length} đoàn đã được phê duyệt, chưa đến thời gian thực hiện:`,
			...upcoming.map(
				p =>
					`- ${p.name}${p.partner_name ? `, làm việc với ${p.partner_name}` : ''} (${timingText(p)})${approvalCitation(p)}.`,
			),
		)
	if (unrecorded.length)
		lines.push(
			`Có ${unrecorded.length} đoàn đã được phê duyệt nhưng chưa cập nhật kết quả chuyến đi:`,
			...unrecorded.map(
				p =>
					`- ${p.name}${p.partner_name ? `, làm việc với ${p.partner_name}` : ''}${approvalCitation(p)}.`,
			),
		)
	const cancelled = ofYear.filter(p => p.status === 'cancelled')
	if (cancelled.length)
		lines.push(
			`Không thực hiện ${cancelled.length} đoàn:`,
			...cancelled.map(p =>
				`- ${p.name}${p.partner_name ? ` (${p.partner_name})` : ''}: ${p.cancel_reason ?? ''}`.trim(),
			),
		)
	return lines.join('\n')
}

// Column widths in cm, summing to the 16.5 cm between A4's margins (Nghị định 30: 3 cm left, 1.5 cm right).
const WIDTHS: Record<string, number[]> = {
	[OUT_COLUMNS.join('|')]: [0.8, 2.1, 1.9, 1.2, 1.2, 3.0, 1.1, 1.3, 3.9],
	[IN_COLUMNS.join('|')]: [
		0.8, 1.9, 1.7, 1.7, 1.2, 1.2, 1.7, 2.2, 1.1, 1.2, 1.8,
	],
	[DONE_COLUMNS.join('|')]: [0.8, 4.2, 1.9, 3.6, 1.2, 1.3, 3.5],
}
const CENTRED = new Set([
	'TT',
	'Số thành viên',
	'Số ngày',
	'Nước đến',
	'Nước',
	'Đoàn ra/Đoàn vào',
])

/** How wide each column is relative to the others, and whether its cells are centred. */
export function columnLayout(columns: string[]) {
	const widths = WIDTHS[columns.join('|')]
	return columns.map((c, i) => ({
		weight: widths?.[i] ?? 1.5,
		centred: CENTRED.has(c),
	}))
}
