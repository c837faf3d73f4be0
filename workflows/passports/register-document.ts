import { PASSPORT_TYPES, type PassportType } from '#lib/enums.ts'
import { formatIsoDate } from '#lib/format.ts'
import { type OfficialDocument } from '#workflows/documents/official-document.ts'

const KIND_VI: Record<PassportType, string> = {
	diplomatic: 'Ngoại giao',
	official: 'Công vụ',
	ordinary: 'Phổ thông',
}
export const REGISTER_COLUMNS = [
	'STT',
	'Họ và tên',
	'Số hộ chiếu',
	'Loại',
	'Ngày giao',
	'Người giao',
	'Ngày nhận lại',
	'Người nhận',
	'Ghi chú',
]

export interface RegisterRow {
	holder_name: string
	number: string
	kind: PassportType
	out_on: string
	out_by: string
	out_to: string
	back_on: string | null
	back_to: string | null
	plan_name: string | null
	out_note: string
	back_note: string | null
}

/** One line of the register book: the columns of "Sổ theo dõi giao, nhận hộ chiếu". */
export function registerCells(row: RegisterRow, index: number): string[][] {
	const note = [
		row.plan_name ? `Đi theo: ${row.plan_name}` : '',
		row.out_to && row.out_to !== row.holder_name
			? `Người nhận hộ chiếu: ${row.out_to}`
			: '',
		row.out_note,
		row.back_note ?? '',
	].filter(Boolean)
	return [
		[String(index + 1)],
		[row.holder_name],
		[row.number],
		[KIND_VI[row.kind] ?? row.kind],
		[formatIsoDate(row.out_on)],
		[row.out_by],
		[formatIsoDate(row.back_on)],
		[row.back_to ?? ''],
		note,
	]
}

/** The year's register as a document the DOCX builder draws (workflows/documents/docx.server.ts). */
export function registerDocument(
	organisation: { name_vi: string; governingBody: string },
	year: number,
	rows: RegisterRow[],
): OfficialDocument {
	return {
		governingBody: organisation.governingBody,
		organisationName: organisation.name_vi,
		numberLine: '',
		placeDate: '',
		heading: 'SỔ THEO DÕI GIAO, NHẬN HỘ CHIẾU',
		// Nine columns: on landscape pages names and dates keep to one line.
		landscape: true,
		titleLines: [`Năm ${year}`],
		intro: '',
		sections: [
			{
				table: {
					title: `Hộ chiếu ${PASSPORT_TYPES.map(k => KIND_VI[k].toLowerCase()).join(', ')} do cơ quan quản lý (Quyết định 58/2012/QĐ-TTg)`,
					columns: REGISTER_COLUMNS,
					rows: rows.map(registerCells),
					layout: [0.5, 2, 1.3, 1, 1.2, 1.6, 1.2, 1.6, 3.6].map((weight, i) => ({
						weight,
						centred: [0, 2, 3, 4, 6].includes(i),
					})),
				},
			},
		],
		recipients: [],
		signature: [],
		signerName: '',
	}
}
