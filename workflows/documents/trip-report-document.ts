import { countryName } from '#lib/countries.ts'
import {
	approvedBy,
	type AnswerCitation,
	type DocTable,
	lines,
	numberLine,
	type OfficialDocument,
	placeDate,
} from './official-document.ts'
import { delegationName, governingBodyOf } from './plan-document.ts'
import { type PlanDocumentInput } from './plan-document.ts'

export interface TripReportDocumentInput {
	plan: PlanDocumentInput['plan'] & {
		departed_on: string | null
		returned_on: string | null
	}
	organisation: PlanDocumentInput['organisation']
	report: {
		summary: string
		results: string
		activities_done: string
		proposals: string
		participants: {
			full_name: string
			title: string
			organisation_name: string
		}[]
	}
	/** The levels the report goes to (the chain's steps above the organisation). */
	receivers: string[]
	/** The issued plan document it reports on, if any. */
	planDocument: { notation: string; issued_on: string } | null
	answers: AnswerCitation[]
	/** "45/BC-LĐLĐ", or "/BC-LĐLĐ" before the report is filed. */
	notation: string
	issuedOn: string | null
	signature: { title: string; name: string }
}

const dmy = (iso: string) => iso.split('-').reverse().join('/')

/** "từ ngày 17 đến ngày 20/9/2019", as running text writes a span (seeds 000, 001: no leading zeros). */
export function tripPeriod(from: string | null, to: string | null) {
	if (!from) return ''
	const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number]
	if (!to || to === from) return `ngày ${d1}/${m1}/${y1}`
	const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number]
	const start =
		y1 !== y2 ? `${d1}/${m1}/${y1}` : m1 !== m2 ? `${d1}/${m1}` : `${d1}`
	return `từ ngày ${start} đến ngày ${d2}/${m2}/${y2}`
}

export const PARTICIPANT_COLUMNS = ['TT', 'Họ và tên', 'Chức vụ', 'Đơn vị']

function participantsTable(
	report: TripReportDocumentInput['report'],
): DocTable {
	return {
		title: 'Thành phần đoàn',
		columns: PARTICIPANT_COLUMNS,
		rows: report.participants.length
			? report.participants.map((p, i) => [
					[String(i + 1)],
					[p.full_name],
					[p.title],
					[p.organisation_name],
				])
			: [[[''], ['Không'], [''], ['']]],
		layout: [0.5, 2.4, 2.4, 2.8].map((weight, i) => ({
			weight,
			centred: i === 0,
		})),
	}
}

/** "BÁO CÁO Kết quả chuyến công tác …" to the levels of the chain, in the layout of Nghị định 30/2020. */
export function buildTripReportDocument(
	input: TripReportDocumentInput,
): OfficialDocument {
	const { plan, organisation, report } = input
	const country = plan.country ? countryName(plan.country, 'vi') : ''
	const partner = plan.partner_org_name ?? plan.partner_name
	const delegation = delegationName(plan, organisation)
	const when = tripPeriod(plan.departed_on, plan.returned_on)
	// Short lines, as a title is set: where, with whom or who came, then when.
	const titleLines = [
		...(plan.direction === 'out'
			? [
					`Kết quả chuyến công tác tại ${country || 'nước ngoài'}`,
					...(partner ? [`làm việc với ${partner}`] : []),
				]
			: [
					`Kết quả chuyến công tác tại ${organisation.short_name}`,
					`của ${delegation}${country ? ` (${country})` : ''}`,
				]),
		...(when ? [`(${when})`] : []),
	]
	const basis = input.planDocument
		? `Thực hiện Kế hoạch số ${input.planDocument.notation} ngày ${dmy(input.planDocument.issued_on)} của Ban Thường vụ ${organisation.short_name}`
		: `Thực hiện kế hoạch đối ngoại năm ${plan.plan_year}`
	const approved = approvedBy(input.answers)
	const activities = lines(report.activities_done).map(l =>
		l.startsWith('-') ? l : `- ${l}`,
	)
	return {
		governingBody: governingBodyOf(organisation),
		organisationName: organisation.name_vi,
		numberLine: numberLine(input.notation),
		placeDate: placeDate(organisation.province ?? '', input.issuedOn),
		heading: 'BÁO CÁO',
		titleLines,
		intro: `${basis}${approved ? ` ${approved}` : ''}, ${organisation.short_name} báo cáo kết quả chuyến công tác như sau:`,
		sections: [
			{
				title: 'I. KHÁI QUÁT CHUYẾN CÔNG TÁC',
				level: 1,
				text: lines(report.summary),
			},
			{ table: participantsTable(report) },
			{ title: 'II. KẾT QUẢ CHUYẾN CÔNG TÁC', level: 1 },
			{ title: '1. Các hoạt động đã thực hiện', level: 2, text: activities },
			{ title: '2. Kết quả đạt được', level: 2, text: lines(report.results) },
			...(report.proposals.trim()
				? [
						{
							title: 'III. KIẾN NGHỊ, ĐỀ XUẤT',
							level: 1 as const,
							text: lines(report.proposals),
						},
					]
				: []),
		],
		recipients: [...input.receivers.map(r => `- ${r} (b/c);`), '- Lưu: VT.'],
		signature: [
			'TM. BAN THƯỜNG VỤ',
			...input.signature.title
				.split('\n')
				.map(line => line.trim().toUpperCase()),
		].filter(Boolean),
		signerName: input.signature.name.trim(),
	}
}

/**
 * The signature of a report whose plan had no issued document to take the signer from: the
 * leader who approved the plan at the organisation's own step. A vice-chairman signs for the
 * chairman ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"); anyone else, or no one, leaves the chairman's block
 * with the name to be written in.
 */
export function leaderSignature(
	approver: { full_name: string; title: string | null } | null | undefined,
) {
	const title = approver?.title?.trim() ?? ''
	if (/^phó chủ tịch/i.test(title))
		return { title: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', name: approver!.full_name }
	if (/^chủ tịch/i.test(title))
		return { title: 'CHỦ TỊCH', name: approver!.full_name }
	return { title: 'CHỦ TỊCH', name: '' }
}
