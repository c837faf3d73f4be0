import { type Translate } from '#lib/i18n/index.ts'
import { type Locale } from '#lib/enums.ts'
import { countryName } from '#lib/countries.ts'
import { formatIsoDate, formatMoney } from '#lib/format.ts'
import { activityLines } from './activity-lines.ts'
import { type PlanDraft } from './plan-schema.ts'

type Member = NonNullable<PlanDraft['members']>[number]

export function timingText(
	plan: {
		timing_kind: string
		timing_month?: number | null
		plan_year: number
		start_date?: string | null
		end_date?: string | null
	},
	t: Translate,
) {
	if (plan.timing_kind === 'month' && plan.timing_month)
		return t('plan.month.value', {
			month: plan.timing_month,
			year: plan.plan_year,
		})
	if (plan.timing_kind === 'dates' && plan.start_date)
		return t('plan.dates.value', {
			start: formatIsoDate(plan.start_date),
			end: formatIsoDate(plan.end_date),
		})
	return t('plan.year.value', { year: plan.plan_year })
}

export function budgetLineText(
	line: NonNullable<PlanDraft['budget']>[number],
	t: Translate,
) {
	const amount =
		line.amount !== undefined && line.currency
			? `: ${formatMoney(line.amount, line.currency)}`
			: ''
	return `${line.payer} — ${line.item} (${t(`source.${line.source}`)})${amount}`
}

export function memberText(member: Member) {
	return [member.full_name, member.title, member.organisation_name]
		.filter(Boolean)
		.join(', ')
}

/** The planned count, and how many of them are already named. */
function memberCountText(plan: PlanDraft, t: Translate) {
	const named = plan.members?.length ?? 0
	if (!plan.member_count) return named ? String(named) : ''
	return named && named !== plan.member_count
		? `${plan.member_count} (${t('plan.membersNamed', { count: named })})`
		: String(plan.member_count)
}

/** The plan's fields as the rows of its table, in the order of the seed plan tables. */
export function describePlan(
	plan: PlanDraft,
	partnerName: string | null,
	t: Translate,
	locale: Locale,
) {
	const rows: [string, string][] = [
		['plan.name', plan.name ?? ''],
		['plan.inNameOf', plan.in_name_of ?? ''],
		[
			'plan.headTitle',
			[plan.head_title, plan.head_name].filter(Boolean).join(': '),
		],
		['plan.memberCount', memberCountText(plan, t)],
		[
			plan.direction === 'in' ? 'plan.country.in' : 'plan.country.out',
			plan.country ? countryName(plan.country, locale) : '',
		],
		['plan.partner', partnerName ?? plan.partner_name ?? ''],
		[
			'plan.activities',
			activityLines(plan.activities)
				.map(line => `- ${line}`)
				.join('\n'),
		],
		['plan.days', plan.days ? t('plan.days.value', { days: plan.days }) : ''],
		['plan.timing', timingText(plan, t)],
		[
			'plan.budget',
			(plan.budget ?? [])
				.map(line => `- ${budgetLineText(line, t)}`)
				.join('\n'),
		],
	]
	return rows.map(([key, value]) => ({ key, label: t(key), value }))
}

/** Field by field, and members added or removed (by name), between two versions of a plan. */
export function diffPlans(
	before: { plan: PlanDraft; partnerName: string | null },
	after: { plan: PlanDraft; partnerName: string | null },
	t: Translate,
	locale: Locale,
) {
	const a = describePlan(before.plan, before.partnerName, t, locale)
	const b = describePlan(after.plan, after.partnerName, t, locale)
	const fields = b
		.map((row, i) => ({
			label: row.label,
			before: a[i].value,
			after: row.value,
		}))
		.filter(row => row.before !== row.after)
	const key = (m: Member) => memberText(m)
	const beforeMembers = new Set((before.plan.members ?? []).map(key))
	const afterMembers = new Set((after.plan.members ?? []).map(key))
	return {
		fields,
		membersAdded: [...afterMembers].filter(m => !beforeMembers.has(m)),
		membersRemoved: [...beforeMembers].filter(m => !afterMembers.has(m)),
	}
}
