/** Reading a DOCX response back: its paragraphs' texts and its tables' cells, in order. */
import JSZip from 'jszip'
import { expect } from 'vitest'

export const DOCX_TYPE =
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const decode = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&')

/** The text of a piece of WordprocessingML: its paragraphs' runs, paragraphs joined by a space. */
export function textOf(xml: string) {
	const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []
	return paragraphs
		.map(p =>
			[...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
				.map(m => decode(m[1]!))
				.join(''),
		)
		.filter(Boolean)
		.join(' ')
}

/** The DOCX body as its paragraphs' texts and its tables' cells, in order. */
export async function readDocx(response: Response) {
	expect(response.status).toBe(200)
	expect(response.headers.get('Content-Type')).toBe(DOCX_TYPE)
	const zip = await JSZip.loadAsync(await response.arrayBuffer())
	const xml = await zip.file('word/document.xml')!.async('string')
	const body = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('</w:body>'))
	const blocks: ({ text: string } | { cells: string[][] })[] = []
	for (const m of body.matchAll(
		/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g,
	)) {
		const piece = m[0]
		if (piece.startsWith('<w:tbl>')) {
			const rows = piece.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []
			blocks.push({
				cells: rows.map(r =>
					(r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(textOf),
				),
			})
		} else blocks.push({ text: textOf(piece) })
	}
	/** The cells of the table that follows the paragraph `title`. */
	const tableAfter = (title: string) => {
		const at = blocks.findIndex(b => 'text' in b && b.text === title)
		expect(at, `no paragraph "${title}"`).toBeGreaterThanOrEqual(0)
		const table = blocks.slice(at + 1).find(b => 'cells' in b)
		return (table as { cells: string[][] }).cells
	}
	return {
		xml,
		blocks,
		tableAfter,
		text: blocks
			.map(b => ('text' in b ? b.text : b.cells.flat().join(' ')))
			.join('\n'),
	}
}
