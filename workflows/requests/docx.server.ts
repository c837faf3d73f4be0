import { formatIsoDate } from '#lib/format.ts'
import {
	cellDisplay,
	fixedRows,
	type ReportContent,
} from '#lib/report-template.ts'
import { buildOfficialDocx } from '#workflows/documents/docx.server.ts'
import {
	type DocSection,
	lines,
	numberLine,
	type OfficialDocument,
	placeDate,
} from '#workflows/documents/official-document.ts'
import { type loadAnswer } from './answer.server.ts'

type Loaded = Awaited<ReturnType<typeof loadAnswer>>

export const lowerFirst = (text: string) =>
	text.charAt(0).toLocaleLowerCase('vi') + text.slice(1)

/** "Thực hiện Công văn số 2749/TLĐ ngày 30/9/2021 của … về việc …": how a report names its request. */
export function requestReference(
	request: Pick<
		Loaded['request'],
		'number_symbol' | 'issued_on' | 'issuer_name' | 'title'
	>,
) {
	return `Thực hiện Công văn số ${request.number_symbol} ngày ${formatIsoDate(request.issued_on)} của ${request.issuer_name} về việc ${lowerFirst(request.title)}`
}

/** "Thực hiện Công văn số 2749/TLĐ ngày 30/9/2021 của … về việc …, … báo cáo như sau:" */
export function citation(loaded: Pick<Loaded, 'request' | 'response'>) {
	return `${requestReference(loaded.request)}, ${loaded.response.organisation_name} báo cáo như sau:`
}

/** The answer as an administrative document (Nghị định 30): the sections, then the appendix tables. */
export function responseDocument(loaded: Loaded): OfficialDocument {
	const { request, response } = loaded
	const content = loaded.content as ReportContent
	const template = request.template
	const sections: DocSection[] = [
		...template.sections.map(s => ({
			title: s.title,
			level: 1 as const,
			text: lines(content.sections[s.id] ?? ''),
		})),
		...template.tables.map(table => {
			const labels = fixedRows(table)
			const rows = content.tables[table.id] ?? []
			return {
				table: {
					title: `${table.title}. ${table.subtitle}`,
					columns: [
						'TT',
						...(labels ? [table.rowHeading ?? ''] : []),
						...table.columns.map(c => c.label),
					],
					rows: rows.map((row, r) => [
						[String(r + 1)],
						...(labels ? [[labels[r] ?? '']] : []),
						...table.columns.map(c => [cellDisplay(c, row[c.id])]),
					]),
				},
			}
		}),
	]
	return {
		governingBody: 'Tổng LĐLĐ Việt Nam',
		organisationName: response.organisation_name,
		numberLine: numberLine(response.number_symbol || '/BC'),
		placeDate: placeDate(
			response.organisation_province ?? '',
			response.report_date,
		),
		heading: 'BÁO CÁO',
		titleLines: [template.reportTitle],
		intro: citation(loaded),
		sections,
		recipients: [`- ${request.issuer_short_name};`, '- Lưu: VT.'],
		signature: [
			'TM. BAN THƯỜNG VỤ',
			response.signature_title.toUpperCase(),
		].filter(Boolean),
		signerName: response.signer_name,
	}
}

export function buildResponseDocx(loaded: Loaded) {
	return buildOfficialDocx(responseDocument(loaded), {
		creator: loaded.response.organisation_name,
		title: loaded.request.template.reportTitle,
	})
}
