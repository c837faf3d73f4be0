import {
	AlignmentType,
	BorderStyle,
	Document,
	Header,
	Packer,
	PageNumber,
	PageOrientation,
	Paragraph,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	WidthType,
} from 'docx'
import JSZip from 'jszip'
import {
	type DocTable,
	layoutOf,
	type OfficialDocument,
} from './official-document.ts'

const FONT = 'Times New Roman'
const SIZE = 28 // half-points: 14 pt for the body, as Nghị định 30 allows (13–14)
const TABLE_SIZE = 21
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
	keepNext?: boolean
}

const para = (text: string, o: Style = {}) =>
	new Paragraph({
		alignment: o.align ?? AlignmentType.JUSTIFIED,
		indent: o.indent ? { firstLine: cm(1) } : undefined,
		keepNext: o.keepNext,
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
const noBorders = {
	top: NONE,
	bottom: NONE,
	left: NONE,
	right: NONE,
	insideHorizontal: NONE,
	insideVertical: NONE,
}
const cellNoBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE }
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

const escapeXml = (text: string) =>
	text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')

const TABLE_LINE = '<w:X w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
const TABLE_BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
	.map(side => TABLE_LINE.replace('X', side))
	.join('')
const RUN_FONT = `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}"/>`

/**
 * A bordered table as WordprocessingML. The plan tables can have hundreds of rows; written
 * as text they take milliseconds, where the `docx` object model takes seconds.
 */
function tableXml(t: DocTable) {
	const layout = layoutOf(t)
	const total = layout.reduce((n, c) => n + c.weight, 0)
	const widths = layout.map(c => Math.floor((TEXT_WIDTH * c.weight) / total))
	const cell = (lines: string[], i: number, header: boolean) => {
		const align = header || layout[i]!.centred ? 'center' : 'left'
		const rPr = `<w:rPr>${RUN_FONT}${header ? '<w:b/><w:bCs/>' : ''}<w:sz w:val="${TABLE_SIZE}"/><w:szCs w:val="${TABLE_SIZE}"/></w:rPr>`
		const paragraphs = (lines.length ? lines : ['']).map(
			line =>
				`<w:p><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/><w:jc w:val="${align}"/>${rPr}</w:pPr>${
					line
						? `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`
						: ''
				}</w:p>`,
		)
		return `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>${paragraphs.join('')}</w:tc>`
	}
	const row = (cells: string[][], header: boolean) =>
		`<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${t.columns
			.map((_, i) => cell(cells[i] ?? [''], i, header))
			.join('')}</w:tr>`
	return [
		`<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>${TABLE_BORDERS}</w:tblBorders>`,
		'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="30" w:type="dxa"/><w:left w:w="60" w:type="dxa"/><w:bottom w:w="30" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr>',
		`<w:tblGrid>${widths.map(w => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
		row(
			t.columns.map(c => [c]),
			true,
		),
		...t.rows.map(r => row(r, false)),
		'</w:tbl>',
	].join('')
}

const marker = (index: number) => `@@document-table-${index}@@`

/** Puts each table's XML where its marker paragraph is. */
async function insertTables(buffer: Buffer, tables: DocTable[]) {
	const zip = await JSZip.loadAsync(buffer)
	const file = zip.file('word/document.xml')
	if (!file) throw new Error('docx without word/document.xml')
	let xml = await file.async('string')
	tables.forEach((t, index) => {
		const at = xml.indexOf(marker(index))
		if (at < 0) throw new Error(`docx: table marker ${index} missing`)
		const start = Math.max(
			xml.lastIndexOf('<w:p>', at),
			xml.lastIndexOf('<w:p ', at),
		)
		const end = xml.indexOf('</w:p>', at) + '</w:p>'.length
		xml = xml.slice(0, start) + tableXml(t) + xml.slice(end)
	})
	zip.file('word/document.xml', xml)
	return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

/** A document in the format of Nghị định 30/2020/NĐ-CP, as a .docx file. */
export async function buildOfficialDocx(
	r: OfficialDocument,
	meta: { creator: string; title: string },
): Promise<Buffer> {
	const header = sideBySide(
		[0.38, 0.62],
		[
			[
				...(r.governingBody
					? [
							para(r.governingBody.toUpperCase(), {
								align: centre,
								size: 26,
								after: 0,
							}),
						]
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
					size: 24,
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

	const tables: DocTable[] = []
	const body = r.sections.flatMap(s =>
		s.table
			? [
					para(s.table.title, {
						bold: true,
						align: left,
						after: 120,
						keepNext: true,
					}),
					para(marker(tables.push(s.table) - 1), { after: 0 }),
					para('', { after: 120 }),
				]
			: [
					...(s.title
						? [
								para(s.title, {
									bold: true,
									align: left,
									after: 120,
									keepNext: true,
								}),
							]
						: []),
					...(s.text ?? []).map(l => para(l, { indent: true, after: 120 })),
				],
	)

	const footer = sideBySide(
		[0.5, 0.5],
		[
			[
				para('Nơi nhận:', {
					bold: true,
					italics: true,
					size: 24,
					align: left,
					after: 0,
				}),
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
		creator: meta.creator,
		title: meta.title,
		styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
		sections: [
			{
				// Nghị định 30: page numbers centred at the top, from the second page on.
				headers: {
					default: new Header({
						children: [
							new Paragraph({
								alignment: centre,
								children: [
									new TextRun({
										children: [PageNumber.CURRENT],
										font: FONT,
										size: SIZE,
									}),
								],
							}),
						],
					}),
					first: new Header({ children: [new Paragraph({})] }),
				},
				properties: {
					titlePage: true,
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
					para(r.heading, { bold: true, align: centre, after: 0 }),
					...r.titleLines.map(l =>
						para(l, { bold: true, align: centre, after: 0 }),
					),
					para('───────', { align: centre, size: 20, after: 240 }),
					...(r.intro ? [para(r.intro, { indent: true, after: 120 })] : []),
					...body,
					para(''),
					footer,
				],
			},
		],
	})
	return insertTables(await Packer.toBuffer(doc), tables)
}
