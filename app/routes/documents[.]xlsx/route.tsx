import { type LoaderFunctionArgs } from '@remix-run/node'
import ExcelJS from 'exceljs'
import { formatIsoDate } from '#lib/format.ts'
import {
	DOCUMENT_KIND_NAMES,
	type DocumentKind,
} from '#lib/document-notation.ts'
import { loadRegister } from '../documents/register.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const { year, rows, organisation } = await loadRegister(request)
	const workbook = new ExcelJS.Workbook()
	const sheet = workbook.addWorksheet(`Sổ văn bản đi ${year}`)
	sheet.addRow([`SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM ${year}`]).font = {
		bold: true,
		size: 14,
	}
	sheet.addRow([organisation.name_vi])
	sheet.addRow([])
	sheet.addRow([
		'Số, ký hiệu',
		'Ngày tháng',
		'Loại văn bản',
		'Trích yếu nội dung',
		'Người cấp số',
	]).font = { bold: true }
	for (const r of rows)
		sheet.addRow([
			r.notation,
			formatIsoDate(r.issued_on),
			DOCUMENT_KIND_NAMES[r.kind as DocumentKind] ?? r.kind,
			r.subject,
			r.issued_by_name ?? '',
		])
	;[18, 14, 14, 60, 26].forEach((w, i) => (sheet.getColumn(i + 1).width = w))
	const buffer = await workbook.xlsx.writeBuffer()
	return new Response(new Uint8Array(buffer as ArrayBuffer), {
		headers: {
			'Content-Type':
				'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="so-van-ban-di-${year}.xlsx"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
