import { blankReportNumber } from '#lib/document-notation.ts'
import { type AnnualReport } from '#db/repos/annual-report.server.ts'
import { type OrganisationKind } from '#lib/enums.ts'
import {
	lines,
	numberLine,
	type OfficialDocument,
	placeDate,
} from '#workflows/documents/official-document.ts'
import {
	doneTable,
	NONE_ROW,
	planTables,
	resultsFacts,
	type ReportPlan,
	type ReportTable,
} from './tables.ts'

export type ReportFields = Pick<
	AnnualReport,
	| 'governing_body'
	| 'number_symbol'
	| 'place'
	| 'report_date'
	| 'request_text'
	| 'results'
	| 'difficulties'
	| 'proposals'
	| 'plan_intro'
	| 'recipients'
	| 'signature_on_behalf'
	| 'signature_title'
	| 'signer_name'
>

export interface ReportInput {
	report: ReportFields & Pick<AnnualReport, 'year'>
	organisation: {
		name_vi: string
		short_name: string
	}
	plans: ReportPlan[]
}

/** A report on year N is dated in N or N + 1: today if that fits, else the last day of N (a past year) or the first (a future one). */
export function defaultReportDate(year: number, today: string) {
	const thisYear = Number(today.slice(0, 4))
	if (thisYear === year || thisYear === year + 1) return today
	return thisYear > year ? `${year}-12-31` : `${year}-01-01`
}

/** The sentence before the plan tables, counted from the very rows the tables show. */
export function planSummary(
	tables: ReportTable[],
	year: number,
	shortName: string,
) {
	const [out, inbound] = tables.map(t =>
		t.rows[0] === NONE_ROW ? 0 : t.rows.length,
	) as [number, number]
	return out + inbound
		? `Năm ${year}, ${shortName} dự kiến ${[
				out ? `tổ chức ${out} đoàn ra` : '',
				inbound ? `đón ${inbound} đoàn vào` : '',
			]
				.filter(Boolean)
				.join(' và ')}, cụ thể như sau:`
		: `Năm ${year}, ${shortName} không có kế hoạch tổ chức Đoàn ra và đón Đoàn vào.`
}

const UNION_KINDS: OrganisationKind[] = [
	'provincial_federation',
	'sector_union',
	'vgcl_board',
]

/**
 * A new report's text: the header of the organisation, the year's facts and the usual wording of
 * seeds 001 and 002. `answers`: how the request it answers is named ("Thực hiện Công văn số …"),
 * when one was received; otherwise the wording with blanks to fill.
 */
export function prefillReport(
	organisation: {
		short_name: string
		province: string | null
		kind: OrganisationKind
	},
	plans: ReportPlan[],
	year: number,
	today: string,
	answers?: string,
): ReportFields {
	return {
		governing_body: UNION_KINDS.includes(organisation.kind)
			? 'TỔNG LĐLĐ VIỆT NAM'
			: '',
		number_symbol: blankReportNumber(organisation.short_name),
		place: organisation.province ?? '',
		report_date: defaultReportDate(year, today),
		request_text:
			answers ??
			`Thực hiện Công văn số … ngày … của … về việc báo cáo kết quả công tác đối ngoại năm ${year} và kế hoạch hoạt động đối ngoại năm ${year + 1}`,
		results: resultsFacts(plans, year, organisation.short_name, today),
		difficulties: '',
		proposals: '',
		plan_intro: '',
		recipients: '- Ban Đối ngoại TLĐ;\n- Sở Ngoại vụ;\n- Lưu: VT.',
		signature_on_behalf: 'TM. BAN THƯỜNG VỤ',
		signature_title: 'PHÓ CHỦ TỊCH THƯỜNG TRỰC',
		signer_name: '',
	}
}

/** Everything the DOCX and the print view show, in order; next year's plan lies on landscape pages. */
export function buildReport({
	report,
	organisation,
	plans,
}: ReportInput): OfficialDocument {
	const next = planTables(plans, report.year + 1)
	const results: OfficialDocument['sections'] = [
		{ title: `I. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI NĂM ${report.year}`, level: 1 },
		{ title: '1. Kết quả đạt được', level: 2, text: lines(report.results) },
		{ table: doneTable(plans, report.year) },
		{
			title: '2. Khó khăn, hạn chế',
			level: 2,
			text: lines(report.difficulties),
		},
		...(report.proposals.trim()
			? [
					{
						title: '3. Kiến nghị, đề xuất',
						level: 2 as const,
						text: lines(report.proposals),
					},
				]
			: []),
	]
	return {
		heading: 'BÁO CÁO',
		governingBody: report.governing_body.trim(),
		organisationName: organisation.name_vi,
		numberLine: numberLine(report.number_symbol),
		placeDate: placeDate(report.place, report.report_date),
		titleLines: [
			`Kết quả công tác đối ngoại năm ${report.year}`,
			`và kế hoạch hoạt động đối ngoại năm ${report.year + 1}`,
		],
		intro: report.request_text.trim()
			? `${report.request_text.trim().replace(/[,.\s]+$/, '')}, ${organisation.short_name} báo cáo cụ thể như sau:`
			: '',
		sections: [
			...results,
			{
				title: `II. KẾ HOẠCH HOẠT ĐỘNG ĐỐI NGOẠI NĂM ${report.year + 1}`,
				level: 1,
				text: [
					...lines(report.plan_intro),
					planSummary(next, report.year + 1, organisation.short_name),
				],
			},
			...next.map(table => ({ table })),
		],
		landscapeFrom: results.length,
		recipients: lines(report.recipients),
		signature: [report.signature_on_behalf, report.signature_title]
			.map(s => s.trim())
			.filter(Boolean),
		signerName: report.signer_name.trim(),
	}
}
