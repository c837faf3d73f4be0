import {
	AlignmentType,
	BorderStyle,
	Document,
	Packer,
	PageOrientation,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
} from 'docx'
import { buildReport, type ReportInput } from './report.ts'

const FONT = 'Times New Roman'
const SIZE = 26 // half-points: 13 pt
const cm = (n: number) => Math.round((n / 2.54) * 1440)

const run = (
	text: string,
	o: {
		bold?: boolean
		italics?: boolean
		underline?: boolean
		size?: number
	} = {},
) =>
	new TextRun({
		text,
		font: FONT,
		size: o.size ?? SIZE,
		bold: o.bold,
		italics: o.italics,
		underline: o.underline ? {} : undefined,
	})

const para = (
	text: string,
	o: {
		bold?: boolean
		italics?: boolean
		underline?: boolean
		size?: number
		align?: (typeof AlignmentType)[keyof typeof AlignmentType]
		indent?: boolean
	} = {},
) =>
	new Paragraph({
		alignment: o.align ?? AlignmentType.JUSTIFIED,
		indent: o.indent ? { firstLine: cm(1) } : undefined,
		spacing: { after: 60 },
		children: [run(text, o)],
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
const borders = {
	top: LINE,
	bottom: LINE,
	left: LINE,
	right: LINE,
	insideHorizontal: LINE,
	insideVertical: LINE,
}

const centre = AlignmentType.CENTER

/** The report in the format of Nghị định 30/2020/NĐ-CP, as a .docx file. */
export async function buildAnnualReportDocx(
	input: ReportInput,
): Promise<Buffer> {
	const r = buildReport(input)
	const header = new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		borders: noBorders,
		rows: [
			new TableRow({
				children: [
					new TableCell({
						width: { size: 40, type: WidthType.PERCENTAGE },
						borders: noBorders,
						children: [
							...(r.parentName
								? [
										para(r.parentName.toUpperCase(), {
											align: centre,
											size: 24,
										}),
									]
								: []),
							para(r.organisationName.toUpperCase(), {
								align: centre,
								bold: true,
								underline: true,
								size: 24,
							}),
							para(r.numberSymbol, { align: centre }),
						],
					}),
					new TableCell({
						width: { size: 60, type: WidthType.PERCENTAGE },
						borders: noBorders,
						children: [
							para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
								align: centre,
								bold: true,
								size: 24,
							}),
							para('Độc lập - Tự do - Hạnh phúc', {
								align: centre,
								bold: true,
								underline: true,
								size: 28,
							}),
							para(r.placeDate, { align: centre, italics: true, size: 28 }),
						],
					}),
				],
			}),
		],
	})

	const sectionText = (text: string) =>
		text
			.split('\n')
			.filter(l => l.trim())
			.map(l => para(l, { indent: true, size: 28 }))

	const table = (t: (typeof r.tables)[number]) => [
		para(t.title, { bold: true, size: 28, align: AlignmentType.LEFT }),
		new Table({
			width: { size: 100, type: WidthType.PERCENTAGE },
			borders,
			rows: [
				new TableRow({
					tableHeader: true,
					children: t.columns.map(
						c =>
							new TableCell({
								children: [para(c, { bold: true, align: centre, size: 22 })],
							}),
					),
				}),
				...t.rows.map(
					row =>
						new TableRow({
							children: t.columns.map((_, i) => {
								const lines = row[i] ?? ['']
								return new TableCell({
									children: lines.map(l =>
										para(l, { size: 22, align: AlignmentType.LEFT }),
									),
								})
							}),
						}),
				),
			],
		}),
		para(''),
	]

	const footer = new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		borders: noBorders,
		rows: [
			new TableRow({
				children: [
					new TableCell({
						width: { size: 50, type: WidthType.PERCENTAGE },
						borders: noBorders,
						children: [
							para('Nơi nhận:', {
								bold: true,
								italics: true,
								size: 24,
								align: AlignmentType.LEFT,
							}),
							...r.recipients.map(l =>
								para(l, { size: 22, align: AlignmentType.LEFT }),
							),
						],
					}),
					new TableCell({
						width: { size: 50, type: WidthType.PERCENTAGE },
						borders: noBorders,
						children: [
							...r.signature.map(l =>
								para(l, { bold: true, align: centre, size: 28 }),
							),
							para(''),
							para(''),
							para(''),
							para(r.signerName, { bold: true, align: centre, size: 28 }),
						],
					}),
				],
			}),
		],
	})

	const doc = new Document({
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
					para(''),
					para('BÁO CÁO', { bold: true, align: centre, size: 28 }),
					...r.titleLines.map(l =>
						para(l, { bold: true, align: centre, size: 28 }),
					),
					para(''),
					...sectionText(r.intro),
					para(`I. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI NĂM ${r.year}`, {
						bold: true,
						size: 28,
					}),
					para('1. Kết quả đạt được', { bold: true, size: 28 }),
					...sectionText(r.results),
					...table(r.doneTable),
					para('2. Khó khăn, hạn chế', { bold: true, size: 28 }),
					...sectionText(r.difficulties),
					para(`II. KẾ HOẠCH HOẠT ĐỘNG ĐỐI NGOẠI NĂM ${r.year + 1}`, {
						bold: true,
						size: 28,
					}),
					...sectionText(r.planIntro),
					...r.tables.flatMap(table),
					footer,
				],
			},
		],
	})
	return Packer.toBuffer(doc)
}
