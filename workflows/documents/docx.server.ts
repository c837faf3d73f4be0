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
	hasClosing,
} from './official-document.ts'

const FONT = 'Times New Roman'
const SIZE = 28 // half-points: 14 pt for the body, as Nghị định 30 allows (13–14)
const TABLE_SIZE = 21
const cm = (n: number) => Math.round((n / 2.54) * 1440)
// A4 less the decree's margins (left 3 cm, right 1.5 cm).
const TEXT_WIDTH = cm(21 - 3 - 1.5)
// Wide tables (the annual report's plan, up to 11 columns) go on landscape pages (binding edge on top).
const LANDSCAPE_MARGIN = {
	top: cm(3),
	bottom: cm(1.5),
	left: cm(2),
	right: cm(2),
}
const LANDSCAPE_WIDTH = cm(29.7 - 2 - 2)
const CELL_PADDING = 60

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
	keepLines?: boolean
}

const para = (text: string, o: Style = {}) =>
	new Paragraph({
		alignment: o.align ?? AlignmentType.JUSTIFIED,
		indent: o.indent ? { firstLine: cm(1) } : undefined,
		keepNext: o.keepNext,
		keepLines: o.keepLines,
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

/** Two borderless columns side by side (header; recipients and signature), never split across pages. */
function sideBySide(
	widths: [number, number],
	cells: [Paragraph[], Paragraph[]],
	textWidth = TEXT_WIDTH,
) {
	const columnWidths = widths.map(w => Math.round(textWidth * w))
	return new Table({
		width: { size: textWidth, type: WidthType.DXA },
		columnWidths,
		layout: TableLayoutType.FIXED,
		borders: noBorders,
		rows: [
			new TableRow({
				cantSplit: true,
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

// Times New Roman's widest letters are about 0.72 em (M, W, Đ); a word measured at that
// never comes out wider than it is, so the column it sets never breaks it.
const WIDE = /[A-ZĐ0-9]/
const charWidths = new Map<string, number>()
function charWidth(c: string) {
	let w = charWidths.get(c)
	if (w === undefined) {
		w = WIDE.test(c.normalize('NFD')[0] ?? c) ? 0.72 : 0.56
		charWidths.set(c, w)
	}
	return w
}

/** The width (twips) a word needs at `halfPoints`. */
export function wordWidth(word: string, halfPoints: number, bold = false) {
	let ems = 0
	for (const c of word) ems += charWidth(c)
	return Math.ceil(ems * halfPoints * 10 * (bold ? 1.08 : 1))
}

/**
 * Column widths (twips) summing to `total`: in proportion to the layout's weights, but each
 * at least as wide as the longest word of its cells (header included) so no word breaks.
 */
export function columnWidths(t: DocTable, total: number) {
	const layout = layoutOf(t)
	const need = t.columns.map((c, i) => {
		let longest = 0
		const seen = new Set<string>()
		const measure = (text: string, bold: boolean) => {
			for (const word of text.split(' ')) {
				if (seen.has(word)) continue
				seen.add(word)
				longest = Math.max(longest, wordWidth(word, TABLE_SIZE, bold))
			}
		}
		measure(c, true)
		for (const row of t.rows)
			for (const line of row[i] ?? []) measure(line, false)
		return longest + 2 * CELL_PADDING + 20
	})
	const widths = layout.map(() => 0)
	const fixed = new Set<number>()
	// Give each column its share; a column short of its longest word takes what it needs and the rest share the remainder.
	for (;;) {
		const free = total - [...fixed].reduce((n, i) => n + widths[i]!, 0)
		const weight = layout.reduce(
			(n, c, i) => (fixed.has(i) ? n : n + c.weight),
			0,
		)
		let changed = false
		layout.forEach((c, i) => {
			if (fixed.has(i)) return
			widths[i] = Math.floor((free * c.weight) / weight)
			if (widths[i]! < need[i]!) {
				widths[i] = need[i]!
				fixed.add(i)
				changed = true
			}
		})
		if (!changed || fixed.size === layout.length) break
	}
	return widths
}

/**
 * A bordered table as WordprocessingML. The plan tables can have hundreds of rows; written
 * as text they take milliseconds, where the `docx` object model takes seconds.
 */
function tableXml(t: DocTable, textWidth: number, keepEndWithNext: boolean) {
	const layout = layoutOf(t)
	const widths = columnWidths(t, textWidth)
	const cell = (lines: string[], i: number, header: boolean, keep: boolean) => {
		const align = header || layout[i]!.centred ? 'center' : 'left'
		const rPr = `<w:rPr>${RUN_FONT}${header ? '<w:b/><w:bCs/>' : ''}<w:sz w:val="${TABLE_SIZE}"/><w:szCs w:val="${TABLE_SIZE}"/></w:rPr>`
		const paragraphs = (lines.length ? lines : ['']).map(
			line =>
				`<w:p><w:pPr>${keep ? '<w:keepNext/>' : ''}<w:spacing w:after="0" w:line="264" w:lineRule="auto"/><w:jc w:val="${align}"/>${rPr}</w:pPr>${
					line
						? `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`
						: ''
				}</w:p>`,
		)
		return `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>${paragraphs.join('')}</w:tc>`
	}
	const row = (cells: string[][], header: boolean, keep = false) =>
		`<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${t.columns
			.map((_, i) => cell(cells[i] ?? [''], i, header, keep))
			.join('')}</w:tr>`
	return [
		`<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${TABLE_BORDERS}</w:tblBorders>`,
		'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="30" w:type="dxa"/><w:left w:w="60" w:type="dxa"/><w:bottom w:w="30" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr>',
		`<w:tblGrid>${widths.map(w => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
		row(
			t.columns.map(c => [c]),
			true,
		),
		// The last row of the document's last table goes with the signature onto its page.
		...t.rows.map((r, i) =>
			row(r, false, keepEndWithNext && i === t.rows.length - 1),
		),
		'</w:tbl>',
	].join('')
}

const marker = (index: number) => `@@document-table-${index}@@`

/** Puts each table's XML where its marker paragraph is. */
async function insertTables(
	buffer: Buffer,
	tables: { table: DocTable; width: number; keepEndWithNext: boolean }[],
) {
	const zip = await JSZip.loadAsync(buffer)
	const file = zip.file('word/document.xml')
	if (!file) throw new Error('docx without word/document.xml')
	let xml = await file.async('string')
	tables.forEach(({ table, width, keepEndWithNext }, index) => {
		const at = xml.indexOf(marker(index))
		if (at < 0) throw new Error(`docx: table marker ${index} missing`)
		const start = Math.max(
			xml.lastIndexOf('<w:p>', at),
			xml.lastIndexOf('<w:p ', at),
		)
		const end = xml.indexOf('</w:p>', at) + '</w:p>'.length
		xml =
			xml.slice(0, start) +
			tableXml(table, width, keepEndWithNext) +
			xml.slice(end)
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
				// A document without a number (the passport register) leaves the line out.
				...(r.numberLine
					? [para(r.numberLine, { align: centre, size: 26 })]
					: []),
			],
			[
				para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
					align: centre,
					bold: true,
					size: 24,
					after: 0,
				}),
				// Nghị định 30: the motto is underlined by a solid line exactly as long as it.
				para('Độc lập - Tự do - Hạnh phúc', {
					align: centre,
					bold: true,
					underline: true,
					size: 28,
					after: 120,
				}),
				...(r.placeDate
					? [para(r.placeDate, { align: centre, italics: true })]
					: []),
			],
		],
		r.landscape ? LANDSCAPE_WIDTH : TEXT_WIDTH,
	)

	const tables: { table: DocTable; width: number; keepEndWithNext: boolean }[] =
		[]
	// The document's last lines keep with the signature, which never starts a page alone.
	const lastSection = r.sections.at(-1)
	const blocks = (sections: typeof r.sections, width: number) =>
		sections.flatMap(s => {
			const keepEnd = s === lastSection
			if (s.table) {
				const index =
					tables.push({ table: s.table, width, keepEndWithNext: keepEnd }) - 1
				return [
					para(s.table.title, {
						bold: true,
						align: left,
						after: 120,
						keepNext: true,
					}),
					para(marker(index), { after: 0 }),
					para('', { after: 120, keepNext: keepEnd }),
				]
			}
			const text = s.text ?? []
			return [
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
				...text.map((l, i) =>
					para(l, {
						indent: true,
						after: 120,
						keepNext: keepEnd && i === text.length - 1,
					}),
				),
			]
		})
	const split = r.landscapeFrom ?? r.sections.length
	const body = blocks(
		r.sections.slice(0, split),
		r.landscape ? LANDSCAPE_WIDTH : TEXT_WIDTH,
	)
	const wide = blocks(r.sections.slice(split), LANDSCAPE_WIDTH)
	const landscape = r.landscapeFrom !== undefined

	const keep = { keepNext: true, keepLines: true }
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
					...keep,
				}),
				...r.recipients.map(l =>
					para(l, { size: 22, align: left, after: 0, ...keep }),
				),
			],
			[
				...r.signature.map(l =>
					para(l, { bold: true, align: centre, after: 0, ...keep }),
				),
				para('', { after: 0, ...keep }),
				para('', { after: 0, ...keep }),
				para('', { after: 0, ...keep }),
				para(r.signerName, { bold: true, align: centre }),
			],
		],
		landscape || r.landscape ? LANDSCAPE_WIDTH : TEXT_WIDTH,
	)
	const closing = hasClosing(r) ? [para('', { keepNext: true }), footer] : []

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
							orientation: r.landscape
								? PageOrientation.LANDSCAPE
								: PageOrientation.PORTRAIT,
						},
						margin: r.landscape
							? LANDSCAPE_MARGIN
							: { top: cm(2), bottom: cm(2), left: cm(3), right: cm(1.5) },
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
					...(landscape ? [] : closing),
				],
			},
			...(landscape
				? [
						{
							properties: {
								page: {
									size: {
										width: cm(21),
										height: cm(29.7),
										orientation: PageOrientation.LANDSCAPE,
									},
									margin: LANDSCAPE_MARGIN,
								},
							},
							children: [...wide, ...closing],
						},
					]
				: []),
		],
	})
	return insertTables(await Packer.toBuffer(doc), tables)
}
