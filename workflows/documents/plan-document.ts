import { countryName } from '#lib/countries.ts'
import {
	type Currency,
	type Direction,
	type FundingSource,
	type OrganisationKind,
	type PassportType,
	type TimingKind,
} from '#db/schema.ts'
import {
	type DocTable,
	lines,
	numberLine,
	type OfficialDocument,
	placeDate,
} from './official-document.ts'

export interface PlanDocumentInput {
	plan: {
		plan_year: number
		direction: Direction
		name: string
		in_name_of: string
		head_title: string
		head_name: string
		member_count: number | null
		country: string | null
		partner_name: string
		partner_org_name: string | null
		activities: string[]
		days_min: number | null
		days_max: number | null
		timing_kind: TimingKind
		timing_month: number | null
		start_date: string | null
		end_date: string | null
		members: {
			full_name: string
			title: string
			organisation_name: string
			passport_type: PassportType | null
		}[]
		budget: {
			payer: string
			item: string
			source: FundingSource
			amount: string | number | null
			currency: Currency | null
		}[]
	}
	organisation: {
		name_vi: string
		short_name: string
		province: string | null
		kind: OrganisationKind
		parent_name: string | null
	}
	/** The chain's steps above the organisation's own, in order (the first is asked in the request). */
	nextLevels: string[]
	/** "12/KH-LĐLĐ", or "/KH-LĐLĐ" before a number is given. */
	notation: string
	/** 'YYYY-MM-DD', or null before the document is issued. */
	issuedOn: string | null
	signature: { title: string; name: string; recipients: string }
}

export const PASSPORT_NAMES: Record<PassportType, string> = {
	diplomatic: 'Ngoại giao',
	official: 'Công vụ',
	ordinary: 'Phổ thông',
}
export const SOURCE_NAMES: Record<FundingSource, string> = {
	union_budget: 'Ngân sách công đoàn',
	partner: 'Đối tác chi trả',
	other: 'Nguồn khác',
}
const SOURCE_ORDER: FundingSource[] = ['union_budget', 'partner', 'other']

const UNION_KINDS: OrganisationKind[] = [
	'provincial_federation',
	'sector_union',
]

/** The body named above the organisation in the header (Nghị định 30: "tên cơ quan chủ quản"). */
export function governingBodyOf(
	organisation: PlanDocumentInput['organisation'],
) {
	if (UNION_KINDS.includes(organisation.kind)) return 'TỔNG LĐLĐ VIỆT NAM'
	return organisation.parent_name ?? ''
}

export const MEMBER_COLUMNS = [
	'TT',
	'Họ và tên',
	'Chức vụ',
	'Đơn vị',
	'Loại hộ chiếu',
]
export const FUNDING_COLUMNS = [
	'TT',
	'Nguồn kinh phí',
	'Đơn vị chi trả',
	'Nội dung chi',
	'Số tiền',
]

const money = (amount: string | number | null, currency: Currency | null) => {
	if (amount === null || amount === '' || !currency) return ''
	const n = Number(amount)
	return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n)} ${currency === 'VND' ? 'đồng' : 'USD'}`
}

const dmy = (iso: string) => iso.split('-').reverse().join('/')

export function timingLine(plan: PlanDocumentInput['plan']) {
	if (plan.timing_kind === 'month' && plan.timing_month)
		return `Tháng ${plan.timing_month}/${plan.plan_year}`
	if (plan.timing_kind === 'dates' && plan.start_date)
		return plan.end_date && plan.end_date !== plan.start_date
			? `Từ ngày ${dmy(plan.start_date)} đến ngày ${dmy(plan.end_date)}`
			: `Ngày ${dmy(plan.start_date)}`
	return `Năm ${plan.plan_year}`
}

export function daysLine(plan: PlanDocumentInput['plan']) {
	const { days_min: a, days_max: b } = plan
	if (!a && !b) return ''
	return a && b && a !== b ? `${a}-${b} ngày` : `${a ?? b} ngày`
}

/**
 * "Đoàn đại biểu Liên đoàn Lao động tỉnh Quảng Trị": the delegation by the name it travels in
 * (Danh nghĩa đoàn, seed 001), never by the plan's working name, which may itself begin "Đoàn …".
 */
export function delegationName(
	plan: PlanDocumentInput['plan'],
	organisation: PlanDocumentInput['organisation'],
) {
	const partner = plan.partner_org_name ?? plan.partner_name
	const own =
		plan.in_name_of.trim() ||
		(plan.direction === 'out' ? organisation.name_vi : partner)
	if (!own)
		return plan.direction === 'out'
			? `Đoàn đại biểu ${organisation.short_name}`
			: 'Đoàn khách quốc tế'
	return /^đoàn\s/i.test(own)
		? own.replace(/^đoàn/i, 'Đoàn')
		: `Đoàn đại biểu ${own}`
}

/** "năm 2020", "tháng 6/2019": when, as a title says it. */
function whenPhrase(plan: PlanDocumentInput['plan']) {
	if (plan.timing_kind === 'month' && plan.timing_month)
		return `tháng ${plan.timing_month}/${plan.plan_year}`
	if (plan.timing_kind === 'dates' && plan.start_date) {
		const [y, m] = plan.start_date.split('-').map(Number)
		return `tháng ${m}/${y}`
	}
	return `năm ${plan.plan_year}`
}

/** The title under "KẾ HOẠCH": "Đoàn … đi Lào / làm việc với … năm 2020" or "Đón Đoàn … (Lào) / sang thăm và làm việc với … tháng 6/2019". */
export function planTitleLines(
	plan: PlanDocumentInput['plan'],
	organisation: PlanDocumentInput['organisation'],
) {
	const country = plan.country ? countryName(plan.country, 'vi') : ''
	const partner = plan.partner_org_name ?? plan.partner_name
	const delegation = delegationName(plan, organisation)
	const when = whenPhrase(plan)
	return plan.direction === 'out'
		? [
				`${delegation} đi ${country || 'nước ngoài'}`,
				partner ? `làm việc với ${partner} ${when}` : `công tác ${when}`,
			]
		: [
				`Đón ${delegation}${country ? ` (${country})` : ''}`,
				`sang thăm và làm việc với ${organisation.short_name} ${when}`,
			]
}

/**
 * "Đoàn gồm 5 đồng chí, do đồng chí … làm Trưởng đoàn." The number is the plan's own (the
 * delegation may be larger than the names known so far); the sentence says when the list below
 * is shorter, so the document never states a count its own table contradicts.
 */
export function membersSentence(
	memberCount: number | null,
	listed: number,
	head: string,
) {
	const count = Math.max(memberCount ?? 0, listed)
	const lead = `Đoàn gồm ${count ? `${count} đồng chí` : '… đồng chí'}${head ? `, do đồng chí ${head} làm Trưởng đoàn` : ''}.`
	if (!count || listed === count) return lead
	if (listed === 0)
		return `${lead} Danh sách thành viên đoàn sẽ được bổ sung sau.`
	return `${lead} Danh sách dưới đây gồm ${listed} đồng chí; ${count - listed} đồng chí còn lại sẽ được bổ sung sau.`
}

export function membersTable(plan: PlanDocumentInput['plan']): DocTable {
	return {
		title: 'Danh sách thành viên đoàn',
		columns: MEMBER_COLUMNS,
		rows: plan.members.length
			? plan.members.map((m, i) => [
					[String(i + 1)],
					[m.full_name],
					[m.title],
					[m.organisation_name],
					[m.passport_type ? PASSPORT_NAMES[m.passport_type] : ''],
				])
			: [[[''], ['Không'], [''], [''], ['']]],
		layout: [0.5, 2.2, 2.2, 2.4, 1.3].map((weight, i) => ({
			weight,
			centred: i === 0 || i === 4,
		})),
	}
}

export function fundingTable(plan: PlanDocumentInput['plan']): DocTable {
	const budget = [...plan.budget].sort(
		(a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source),
	)
	return {
		title: 'Kinh phí theo nguồn',
		columns: FUNDING_COLUMNS,
		rows: budget.length
			? budget.map((b, i) => [
					[String(i + 1)],
					[SOURCE_NAMES[b.source]],
					[b.payer],
					[b.item],
					[money(b.amount, b.currency)],
				])
			: [[[''], ['Không'], [''], [''], ['']]],
		layout: [0.5, 1.7, 2.1, 3, 1.5].map((weight, i) => ({
			weight,
			centred: i === 0,
		})),
	}
}

/** "KẾ HOẠCH Đoàn … đi/đón …" in the layout of Nghị định 30/2020 (Phụ lục I, mẫu 1.4). */
export function buildPlanDocument(input: PlanDocumentInput): OfficialDocument {
	const { plan, organisation } = input
	const partner = plan.partner_org_name ?? plan.partner_name
	const delegation = delegationName(plan, organisation)
	const board = `Ban Thường vụ ${organisation.short_name}`
	const titleLines = planTitleLines(plan, organisation)
	const head = [plan.head_name, plan.head_title].filter(Boolean).join(', ')
	const next = input.nextLevels[0]
	return {
		governingBody: governingBodyOf(organisation),
		organisationName: organisation.name_vi,
		numberLine: numberLine(input.notation),
		placeDate: placeDate(organisation.province ?? '', input.issuedOn),
		heading: 'KẾ HOẠCH',
		titleLines,
		intro: '',
		sections: [
			{ title: 'I. MỤC ĐÍCH, YÊU CẦU', level: 1 },
			{
				title: '',
				level: 2,
				text: [
					plan.direction === 'out'
						? `Tăng cường quan hệ hữu nghị, hợp tác giữa ${organisation.short_name} và ${partner || 'đối tác'}; trao đổi kinh nghiệm hoạt động công đoàn.`
						: `Đón tiếp ${delegation} chu đáo, an toàn, tiết kiệm; trao đổi kinh nghiệm hoạt động công đoàn.`,
					'Thực hiện đúng các quy định về quản lý hoạt động đối ngoại của Đảng, Nhà nước và Tổng Liên đoàn Lao động Việt Nam.',
				],
			},
			{ title: 'II. NỘI DUNG', level: 1 },
			{
				title: '1. Thành phần đoàn',
				level: 2,
				text: [membersSentence(plan.member_count, plan.members.length, head)],
			},
			{ table: membersTable(plan) },
			{
				title: '2. Chương trình hoạt động',
				level: 2,
				text: plan.activities.flatMap(lines).map(a => `- ${a}`),
			},
			{
				title: '3. Thời gian',
				level: 2,
				text: [
					[timingLine(plan), daysLine(plan) && `(${daysLine(plan)})`]
						.filter(Boolean)
						.join(' '),
				],
			},
			{
				title: '4. Kinh phí',
				level: 2,
				text: plan.budget.map(
					b =>
						`- ${b.payer} chịu ${b.item} (${SOURCE_NAMES[b.source].toLowerCase()}).`,
				),
			},
			{ table: fundingTable(plan) },
			{ title: 'III. TỔ CHỨC THỰC HIỆN', level: 1 },
			{
				title: '',
				level: 2,
				text: [
					next
						? `${board} kính đề nghị ${next} xem xét, cho ý kiến để ${organisation.short_name} tổ chức thực hiện./.`
						: `${board} giao Văn phòng ${organisation.short_name} tổ chức thực hiện kế hoạch này./.`,
				],
			},
		],
		recipients: lines(input.signature.recipients),
		signature: [
			'TM. BAN THƯỜNG VỤ',
			input.signature.title.trim().toUpperCase(),
		].filter(Boolean),
		signerName: input.signature.name.trim(),
	}
}

/** Recipients by default: the levels asked, then the file copy. */
export function defaultRecipients(nextLevels: string[]) {
	return [...nextLevels.map(l => `- ${l};`), '- Lưu: VT.'].join('\n')
}
