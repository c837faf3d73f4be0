import { formatIsoDate } from '#lib/format.ts'
import { cellDisplay, fixedRows } from '#lib/report-template.ts'
import { buildOfficialDocx } from '#workflows/documents/docx.server.ts'
import {
	type DocSection,
	lines,
	numberLine,
	type OfficialDocument,
	placeDate,
} from '#workflows/documents/official-document.ts'
import { type LoadedRequest } from './access.server.ts'
import { lowerFirst, requestReference } from './docx.server.ts'
import {
	type Aggregate,
	type Answered,
	type Consolidation,
	type ConsolidatedTable,
} from './consolidation.ts'

const byGroup = (n: { all: number; provinces: number; sectors: number }) => [
	n.all.toLocaleString('vi-VN'),
	`Tỉnh, TP: ${n.provinces.toLocaleString('vi-VN')}`,
	`CĐ ngành: ${n.sectors.toLocaleString('vi-VN')}`,
]

/** A fixed row's cell: a sum or count in all, then by group; a choice's counts; how many filled a text. */
function aggregateLines(a: Aggregate) {
	switch (a.type) {
		case 'number':
			return byGroup(a.sum)
		case 'yesno':
			return [
				`Có: ${a.yes.all.toLocaleString('vi-VN')}`,
				`Không: ${a.no.all.toLocaleString('vi-VN')}`,
			]
		case 'choice':
			return Object.entries(a.counts).map(
				([choice, n]) => `${choice}: ${n.all.toLocaleString('vi-VN')}`,
			)
		default:
			return [`${a.filled.toLocaleString('vi-VN')} đơn vị ghi`]
	}
}

/** TT narrow and centred, the row's label (or organisation) wide, the figures between. */
const layoutFor = (columns: number) => [
	{ weight: 0.6, centred: true },
	{ weight: 2.4, centred: false },
	...Array.from({ length: columns }, () => ({ weight: 1.4, centred: false })),
]

function tableSection(t: ConsolidatedTable): DocSection {
	const { table } = t
	const title = `${table.title}. ${table.subtitle}`
	const layout = layoutFor(table.columns.length)
	if (!fixedRows(table))
		return {
			table: {
				title,
				columns: ['TT', 'Đơn vị', ...table.columns.map(c => c.label)],
				layout,
				rows: t.entries.map((e, i) => [
					[String(i + 1)],
					[e.organisation],
					...table.columns.map(c => [cellDisplay(c, e.cells[c.id])]),
				]),
			},
		}
	return {
		table: {
			title,
			columns: [
				'TT',
				table.rowHeading ?? '',
				...table.columns.map(c => c.label),
			],
			layout,
			rows: t.rows.map((row, i) => [
				[String(i + 1)],
				[row.label],
				...table.columns.map(c => aggregateLines(row.cells[c.id]!)),
			]),
		},
	}
}

/**
 * The issuer's report on a request's answers (Nghị định 30's layout): how many answered, by
 * group; under each of the template's sections what each organisation wrote; each appendix with
 * its sums and counts (free tables row by row with their organisation). The number and the signer
 * are left for the clerk, as in Word.
 */
export function consolidationDocument(
	request: LoadedRequest,
	consolidation: Consolidation,
	answers: Answered[],
	today: string,
): OfficialDocument {
	const { submitted: s, asked: a } = consolidation
	const template = request.template
	const board = request.issuer_kind === 'vgcl_board'
	const sections: DocSection[] = [
		...template.sections.map(section => {
			const written = answers.filter(
				x => (x.content.sections[section.id] ?? '').trim() !== '',
			)
			return {
				title: section.title,
				level: 1 as const,
				text: written.length
					? written.flatMap(x => [
							`${x.organisation}:`,
							...lines(x.content.sections[section.id]!),
						])
					: ['Chưa có đơn vị nào báo cáo nội dung này.'],
			}
		}),
		...consolidation.tables.map(tableSection),
	]
	return {
		governingBody: 'Tổng LĐLĐ Việt Nam',
		organisationName: request.issuer_name,
		numberLine: numberLine('/BC'),
		placeDate: placeDate(request.issuer_province ?? 'Hà Nội', today),
		heading: 'BÁO CÁO',
		titleLines: [`Tổng hợp báo cáo ${lowerFirst(template.reportTitle)}`],
		intro: `${requestReference(request)}, đến ngày ${formatIsoDate(today)} đã có ${s.all}/${a.all} đơn vị gửi báo cáo (tỉnh, thành phố: ${s.provinces}/${a.provinces}; công đoàn ngành: ${s.sectors}/${a.sectors}). ${request.issuer_name} tổng hợp như sau:`,
		sections,
		recipients: [
			board
				? '- Đoàn Chủ tịch TLĐ (để báo cáo);'
				: `- Thường trực ${request.issuer_short_name} (để báo cáo);`,
			'- Lưu: VT.',
		],
		signature: board ? ['TRƯỞNG BAN'] : ['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH'],
		signerName: '',
	}
}

export function buildConsolidationDocx(
	...args: Parameters<typeof consolidationDocument>
) {
	return buildOfficialDocx(consolidationDocument(...args), {
		creator: args[0].issuer_name,
		title: `Tổng hợp báo cáo ${lowerFirst(args[0].template.reportTitle)}`,
	})
}
