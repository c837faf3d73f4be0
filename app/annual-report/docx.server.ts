import {
	AlignmentType,
	BorderStyle,
	Document,
	Packer,
	PageOrientation,
	Paragraph,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	VerticalAlign,
	WidthType,
} from 'docx'
import { buildReport, type ReportInput } from './report.ts'
import { columnLayout, type ReportTable } from './tables.ts'

const FONT = 'Times New Roman'
const SIZE = 28 // half-points: 14 pt for the body, as Nghị định 30 allows (13–14)
const TABLE_SIZE = 22
const cm = (n: number) => Math.round((n / 2.54) * 1440)
// A4 less the decree's margins (left 3 cm, right 1.5 cm).
const TEXT_WIDTH = cm(21 - 3 - 1.5)

type Align = (typeof AlignmentType)[keyof typeof AlignmentType]
interface Style {
	bold?: boolean
	italics?: boolean
	underline?: boolean
	size?: number
	align?: Align
	indent?: boolean
	after?: number
}

const para = (text: string, o: Style = {}) =>
	new Paragraph({
		alignment: o.align ?? AlignmentType.JUSTIFIED,
		indent: o.indent ? { firstLine: cm(1) } : undefined,
		spacing: { after: o.after ?? 60, line: 288 },
		children: [
			new TextRun({
				text,
				font: FONT,
				size: o.size ?? SIZE,
				bold: o.bold,
				italics: o.italics,
				underline: o.underline ? {} : undefined,
			}),
		],
	})

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const noBorders = {
	top: NONE,
	bottom: NONE,
	left: NONE,
	right: NONE,
	insideHorizontal: NONE,
	insideVertical: NONE,
}
const cellNoBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE }
const borders = {
	top: LINE,
	bottom: LINE,
	left: LINE,
	right: LINE,
	insideHorizontal: LINE,
	insideVertical: LINE,
}
const centre = AlignmentType.CENTER
const left = AlignmentType.LEFT

/** Two borderless columns side by side (header; recipients and signature). */
function sideBySide(
	widths: [number, number],
	cells: [Paragraph[], Paragraph[]],
) {
	const columnWidths = widths.map(w => Math.round(TEXT_WIDTH * w))
	return new Table({
		width: { size: TEXT_WIDTH, type: WidthType.DXA },
		columnWidths,
		layout: TableLayoutType.FIXED,
		borders: noBorders,
		rows: [
			new TableRow({
				children: cells.map(
					(children, i) =>
						new TableCell({
							width: { size: columnWidths[i]!, type: WidthType.DXA },
							borders: cellNoBorders,
							children,
						}),
				),
			}),
		],
	})
}

function reportTable(t: ReportTable) {
	const layout = columnLayout(t.columns)
	const total = layout.reduce((n, c) => n + c.weight, 0)
	const widths = layout.map(c => Math.floor((TEXT_WIDTH * c.weight) / total))
	const cell = (lines: string[], i: number, header = false) =>
		new TableCell({
			width: { size: widths[i]!, type: WidthType.DXA },
			verticalAlign: VerticalAlign.CENTER,
			margins: { left: 60, right: 60, top: 30, bottom: 30 },
			children: lines.map(l =>
				para(l, {
					size: TABLE_SIZE,
					bold: header,
					align: header || layout[i]!.centred ? centre : left,
					after: 0,
				}),
			),
		})
	return [
		para(t.title, { bold: true, align: left, after: 120 }),
		new Table({
			width: { size: TEXT_WIDTH, type: WidthType.DXA },
			columnWidths: widths,
			layout: TableLayoutType.FIXED,
			borders,
			rows: [
				new TableRow({
					tableHeader: true,
					children: t.columns.map((c, i) => cell([c], i, true)),
				}),
				...t.rows.map(
					row =>
						new TableRow({
							cantSplit: true,
							children: t.columns.map((_, i) => cell(row[i] ?? [''], i)),
						}),
				),
			],
		}),
		para('', { after: 120 }),
	]
}

/** The report in the format of Nghị định 30/2020/NĐ-CP, as a .docx file. */
export async function buildAnnualReportDocx(
	input: ReportInput,
): Promise<Buffer> {
	const r = buildReport(input)
	const header = sideBySide(
		[0.4, 0.6],
		[
			[
				...(r.governingBody
					? [para(r.governingBody.toUpperCase(), { align: centre, size: 26, after: 0 })]
					: []),
				para(r.organisationName.toUpperCase(), {
					align: centre,
					bold: true,
					size: 26,
					after: 0,
				}),
				para('───────', { align: centre, size: 20, after: 60 }),
				para(r.numberLine, { align: centre, size: 26 }),
			],
			[
				para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
					align: centre,
					bold: true,
					size: 26,
					after: 0,
				}),
				para('Độc lập - Tự do - Hạnh phúc', {
					align: centre,
					bold: true,
					size: 28,
					after: 0,
				}),
				para('───────────────', { align: centre, size: 20, after: 60 }),
				para(r.placeDate, { align: centre, italics: true }),
			],
		],
	)

	const body = r.sections.flatMap(s =>
		s.table
			? reportTable(s.table)
			: [
					para(s.title, { bold: true, align: left, after: 120 }),
					...(s.text ?? []).map(l => para(l, { indent: true, after: 120 })),
				],
	)

	const footer = sideBySide(
		[0.5, 0.5],
		[
			[
				para('Nơi nhận:', { bold: true, italics: true, size: 24, align: left, after: 0 }),
				...r.recipients.map(l => para(l, { size: 22, align: left, after: 0 })),
			],
			[
				...r.signature.map(l =>
					para(l, { bold: true, align: centre, after: 0 }),
				),
				para('', { after: 0 }),
				para('', { after: 0 }),
				para('', { after: 0 }),
				para(r.signerName, { bold: true, align: centre }),
			],
		],
	)

	const doc = new Document({
		creator: input.organisation.short_name,
		title: `Báo cáo công tác đối ngoại năm ${r.year}`,
		styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
		sections: [
			{
				properties: {
					page: {
						size: {
							width: cm(21),
							height: cm(29.7),
							orientation: PageOrientation.PORTRAIT,
						},
						margin: { top: cm(2), bottom: cm(2), left: cm(3), right: cm(1.5) },
					},
				},
				children: [
					header,
					para('', { after: 120 }),
					para('BÁO CÁO', { bold: true, align: centre, after: 0 }),
					...r.titleLines.map(l => para(l, { bold: true, align: centre, after: 0 })),
					para('───────', { align: centre, size: 20, after: 240 }),
					...(r.intro ? [para(r.intro, { indent: true, after: 120 })] : []),
					...body,
					para(''),
					footer,
				],
			},
		],
	})
	return Packer.toBuffer(doc)
}
