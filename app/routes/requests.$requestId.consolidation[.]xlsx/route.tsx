import { type LoaderFunctionArgs } from '@remix-run/node'
import ExcelJS from 'exceljs'
import { requireUser } from '#app/utils/auth.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { formatIsoDate } from '#lib/format.ts'
import { cellDisplay, fixedRows } from '#lib/report-template.ts'
import {
	type Consolidation,
	type ConsolidatedTable,
} from '#workflows/requests/consolidation.ts'
import { loadConsolidation } from '#workflows/requests/consolidation.server.ts'
import { documentFileName } from '#lib/file-name.ts'

const GROUP_NAMES = { provinces: 'Tỉnh, thành phố', sectors: 'Công đoàn ngành' }

/** Per fixed table: a row per template row, the columns' sums and counts (all, then by group); per free table, every row with its organisation. */
function addTableSheet(
	workbook: ExcelJS.Workbook,
	c: Consolidation,
	t: ConsolidatedTable,
) {
	const sheet = workbook.addWorksheet(t.table.title)
	sheet.addRow([`${t.table.title}. ${t.table.subtitle}`]).font = {
		bold: true,
		size: 13,
	}
	sheet.addRow([
		`Đã nộp ${c.submitted.all}/${c.asked.all} đơn vị (tỉnh, thành phố: ${c.submitted.provinces}/${c.asked.provinces}; công đoàn ngành: ${c.submitted.sectors}/${c.asked.sectors})`,
	])
	sheet.addRow([])
	if (!fixedRows(t.table)) {
		sheet.addRow([
			'TT',
			'Đơn vị',
			...t.table.columns.map(col => col.label),
		]).font = { bold: true }
		t.entries.forEach((e, i) =>
			sheet.addRow([
				i + 1,
				e.organisation,
				...t.table.columns.map(col => cellDisplay(col, e.cells[col.id])),
			]),
		)
		return
	}
	const headings: string[] = ['TT', t.table.rowHeading ?? '']
	for (const col of t.table.columns) {
		if (col.type === 'number' || col.type === 'yesno') {
			const what =
				col.type === 'number' ? col.label : `${col.label}: số đơn vị có`
			headings.push(
				`${what} (cả nước)`,
				`${what} – ${GROUP_NAMES.provinces}`,
				`${what} – ${GROUP_NAMES.sectors}`,
			)
		} else if (col.type === 'choice')
			for (const choice of col.choices ?? [])
				headings.push(`${col.label}: ${choice}`)
	}
	sheet.addRow(headings).font = { bold: true }
	t.rows.forEach((row, i) => {
		const values: (string | number)[] = [i + 1, row.label]
		for (const col of t.table.columns) {
			const a = row.cells[col.id]!
			if (a.type === 'number')
				values.push(a.sum.all, a.sum.provinces, a.sum.sectors)
			else if (a.type === 'yesno')
				values.push(a.yes.all, a.yes.provinces, a.yes.sectors)
			else if (a.type === 'choice')
				for (const choice of col.choices ?? [])
					values.push(a.counts[choice]?.all ?? 0)
		}
		sheet.addRow(values)
	})
	sheet.addRow([])
	sheet.addRow(['Số liệu từng đơn vị']).font = { bold: true }
	sheet.addRow([
		'Đơn vị',
		t.table.rowHeading ?? '',
		...t.table.columns.map(col => col.label),
	]).font = { bold: true }
	for (const org of t.byOrganisation)
		org.rows.forEach((cells, r) =>
			sheet.addRow([
				org.organisation,
				t.rows[r]?.label ?? '',
				...t.table.columns.map(col =>
					col.type === 'number' && typeof cells[col.id] === 'number'
						? (cells[col.id] as number)
						: cellDisplay(col, cells[col.id]),
				),
			]),
		)
	sheet.getColumn(2).width = 45
}

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const { request: r, consolidation } = await loadConsolidation(
				user,
				params.requestId,
			)
			const workbook = new ExcelJS.Workbook()
			const cover = workbook.addWorksheet('Tổng hợp')
			cover.addRow([`TỔNG HỢP BÁO CÁO: ${r.title}`]).font = {
				bold: true,
				size: 14,
			}
			cover.addRow([
				`Công văn số ${r.number_symbol} ngày ${formatIsoDate(r.issued_on)} của ${r.issuer_name}; hạn nộp ${formatIsoDate(r.due_on)}`,
			])
			cover.addRow([
				`Đã nộp: ${consolidation.submitted.all}/${consolidation.asked.all} đơn vị`,
			])
			for (const t of consolidation.tables)
				addTableSheet(workbook, consolidation, t)
			const buffer = await workbook.xlsx.writeBuffer()
			return new Response(new Uint8Array(buffer as ArrayBuffer), {
				headers: {
					'Content-Type':
						'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
					'Content-Disposition': `attachment; filename="${documentFileName('tong hop bao cao', r.number_symbol, 'xlsx')}"`,
					'Cache-Control': 'private, no-store',
				},
			})
		},
	)
