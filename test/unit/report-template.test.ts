import { describe, expect, test } from 'vitest'
import {
	NQ03_REVIEW,
	parseCell,
	readContentForm,
	type TemplateColumn,
} from '#lib/report-template.ts'
import { consolidate } from '#workflows/requests/consolidation.ts'

const number: TemplateColumn = { id: 'n', label: 'Số', type: 'number' }
const date: TemplateColumn = { id: 'd', label: 'Ngày', type: 'date' }
const choice: TemplateColumn = { id: 'c', label: 'Tần suất', type: 'choice', choices: ['Thường xuyên'] }

describe('a cell typed into a column', () => {
	test.each([
		[number, '2', { value: 2 }],
		[number, ' 1.200 ', { value: 1200 }],
		[number, '', { value: null }],
		[number, 'hai', { problem: 'request.cell.number' }],
		[number, '1,5', { problem: 'request.cell.number' }],
		[number, '-1', { problem: 'request.cell.negative' }],
		[number, '99999999999', { problem: 'request.cell.tooBig' }],
		[date, '30/9/2021', { value: '2021-09-30' }],
		[date, '31/02/2021', { problem: 'request.cell.date' }],
		[date, '2021-09-30', { problem: 'request.cell.date' }],
		[choice, 'Thường xuyên', { value: 'Thường xuyên' }],
		[choice, 'Hằng ngày', { problem: 'request.cell.choice' }],
	] as const)('%o "%s"', (column, raw, expected) => {
		expect(parseCell(column, raw)).toEqual(expected)
	})
})

test('a form keeps only the template’s cells, drops empty free rows and checks the total against its parts', () => {
	const form = new Map(
		Object.entries({
			'rows.partners': '3',
			't.partners.0.now': 'LHCĐ Savannakhet (Lào)',
			't.partners.2.now': 'LHCĐ Salavan (Lào)',
			't.staff.0.total': '3',
			't.staff.0.fulltime': '0',
			't.staff.0.parttime': '2',
			't.unknown.0.x': 'ignored',
		}),
	)
	const { content, problems } = readContentForm(NQ03_REVIEW, form)
	expect(content.tables.partners!.map(r => r.now)).toEqual(['LHCĐ Savannakhet (Lào)', 'LHCĐ Salavan (Lào)'])
	expect(content.tables.activities).toHaveLength(7)
	expect(Object.keys(content.tables)).toEqual(['activities', 'partners', 'information', 'staff'])
	expect(problems).toEqual({ 't.staff.0.total': 'request.cell.sum' })
})

test('the consolidation sums numbers and counts yes/no and choices by group', () => {
	const staff = (total: number, language: number) => [{ total, fulltime: 0, parttime: total, language, diplomacy: null }]
	const answer = (kind: 'provincial_federation' | 'sector_union', organisation: string, yes: boolean, total: number) => ({
		organisation,
		kind,
		content: {
			sections: {},
			tables: {
				activities: [{ done: yes, note: null }],
				information: [{ english: null, other: true, frequency: 'Không thường xuyên' }],
				staff: staff(total, 1),
				partners: [{ then: null, now: `Đối tác của ${organisation}`, agreements: null, note: null }],
			},
		},
	})
	const c = consolidate(
		NQ03_REVIEW,
		[answer('provincial_federation', 'LĐLĐ A', true, 2), answer('provincial_federation', 'LĐLĐ B', false, 3), answer('sector_union', 'CĐ C', true, 4)],
		{ provincial_federation: 63, sector_union: 20 },
	)
	expect(c.asked).toEqual({ all: 83, provinces: 63, sectors: 20 })
	expect(c.submitted).toEqual({ all: 3, provinces: 2, sectors: 1 })
	const [activities, partners, information, staffTable] = c.tables
	expect(activities!.rows[0]!.cells.done).toEqual({ type: 'yesno', yes: { all: 2, provinces: 1, sectors: 1 }, no: { all: 1, provinces: 1, sectors: 0 } })
	expect(staffTable!.rows[0]!.cells.total).toEqual({ type: 'number', sum: { all: 9, provinces: 5, sectors: 4 } })
	expect(staffTable!.rows[0]!.cells.language).toEqual({ type: 'number', sum: { all: 3, provinces: 2, sectors: 1 } })
	expect(information!.rows[0]!.cells.frequency).toEqual({
		type: 'choice',
		counts: { 'Thường xuyên': { all: 0, provinces: 0, sectors: 0 }, 'Không thường xuyên': { all: 3, provinces: 2, sectors: 1 } },
	})
	expect(partners!.entries.map(e => [e.organisation, e.cells.now])).toEqual([
		['LĐLĐ A', 'Đối tác của LĐLĐ A'],
		['LĐLĐ B', 'Đối tác của LĐLĐ B'],
		['CĐ C', 'Đối tác của CĐ C'],
	])
})
