import { z } from 'zod'
import { activityLines } from './activity-lines.ts'
import { COUNTRY_CODES } from '#lib/countries.ts'
import { parseAmount, parseDate } from '#lib/format.ts'
import {
	CURRENCIES,
	DIRECTIONS,
	FUNDING_SOURCES,
	PASSPORT_TYPES,
	TIMING_KINDS,
} from '#lib/enums.ts'
import { MAX_AMOUNT, MAX_INT } from '#lib/column-limits.ts'
import { tooLong } from '#lib/form-errors.ts'

const text = (max = 500) =>
	z
		.string()
		.trim()
		.max(max, { error: tooLong(max) })
		.optional()
/** Typed as dd/mm/yyyy; kept as an ISO date. */
const isoDate = z
	.string()
	.trim()
	.optional()
	.transform((value, ctx) => {
		if (!value) return undefined
		const iso = parseDate(value)
		if (!iso) ctx.addIssue({ code: 'custom', message: 'plan.dateInvalid' })
		return iso ?? undefined
	})

export const MemberSchema = z.object({
	/** Required, except in a row left blank (see withoutBlankRows). */
	full_name: text(200),
	title: text(200),
	organisation_name: text(300),
	passport_type: z
		.enum(PASSPORT_TYPES, { error: 'error.invalidChoice' })
		.optional(),
	/** Chosen from the organisation's directory of people. */
	person_id: z.uuid({ error: 'error.invalidChoice' }).optional(),
	/** Typed by hand: add the person to the directory on save. */
	add_to_directory: z.boolean().optional(),
})

export const BudgetLineSchema = z
	.object({
		/** Required, except in a row left blank (see withoutBlankRows). */
		payer: text(300),
		item: text(500),
		source: z.enum(FUNDING_SOURCES, { error: 'error.invalidChoice' }),
		/** Typed as Vietnamese write it: "45.000.000", "4.500,50". */
		amount: z
			.string()
			.trim()
			.optional()
			.transform((value, ctx) => {
				if (!value) return undefined
				const amount = parseAmount(value)
				if (amount === null || amount > MAX_AMOUNT)
					ctx.addIssue({ code: 'custom', message: 'plan.amountInvalid' })
				return amount ?? undefined
			}),
		currency: z.enum(CURRENCIES, { error: 'error.invalidChoice' }).optional(),
	})
	.refine(line => line.amount === undefined || line.currency !== undefined, {
		path: ['currency'],
		error: 'plan.currencyRequired',
	})

type Member = z.infer<typeof MemberSchema>
type BudgetLine = z.infer<typeof BudgetLineSchema>

/**
 * A row added on the form and never typed in (its select may still hold its first choice). It is
 * not refused, so adding a row, saving a draft or sending it is never blocked by one, and it is
 * not kept (`withoutBlankRows`). Rows keep their places until then, so every message stays on
 * the row it is about.
 */
const blank = <Row>(row: Row, typed: (keyof Row)[]) =>
	typed.every(key => row[key] === undefined || row[key] === '')
export const isBlankMember = (m: Member) =>
	blank(m, [
		'full_name',
		'title',
		'organisation_name',
		'passport_type',
		'person_id',
	])
export const isBlankBudgetLine = (b: BudgetLine) =>
	blank(b, ['payer', 'item', 'amount', 'currency'])

/** Each row with anything typed in needs `required`. */
function requiredUnlessBlank<Row>(
	isBlank: (row: Row) => boolean,
	required: (keyof Row & string)[],
) {
	return (rows: Row[] | undefined, ctx: z.RefinementCtx) =>
		rows?.forEach((row, index) => {
			if (isBlank(row)) return
			for (const key of required)
				if (!row[key])
					ctx.addIssue({
						code: 'custom',
						path: [index, key],
						message: 'error.required',
					})
		})
}

/** "3", "3-4", "3 – 4 ngày" → [3, 4]; null when it is not a day count or range. */
export function parseDays(value: string): [number, number] | null {
	const match =
		/^\s*(\d{1,3})\s*(?:[-–—]\s*(\d{1,3}))?\s*(?:ngày|days?)?\s*$/i.exec(value)
	if (!match) return null
	const min = Number(match[1])
	const max = match[2] ? Number(match[2]) : min
	return min > 0 && max >= min ? [min, max] : null
}

export function formatDays(min: number | null, max: number | null) {
	if (!min) return ''
	return max && max !== min ? `${min}-${max}` : String(min)
}

/** What a draft must be to be saved at all: right types, no contradictions; anything may be missing. */
export const PlanDraftSchema = z
	.object({
		version: z.number().int().min(0).max(MAX_INT).optional(),
		plan_year: z
			.number({ error: 'plan.yearInvalid' })
			.int({ error: 'plan.yearInvalid' })
			.min(2000, { error: 'plan.yearInvalid' })
			.max(2100, { error: 'plan.yearInvalid' }),
		direction: z.enum(DIRECTIONS, { error: 'error.invalidChoice' }),
		name: text(300),
		in_name_of: text(300),
		head_title: text(300),
		head_name: text(200),
		member_count: z
			.number({ error: 'plan.countInvalid' })
			.int({ error: 'plan.countInvalid' })
			.min(1, { error: 'plan.countInvalid' })
			.max(1000, { error: 'plan.countInvalid' })
			.optional(),
		country: z.enum(COUNTRY_CODES, { error: 'error.invalidChoice' }).optional(),
		partner_id: z.uuid({ error: 'error.invalidChoice' }).optional(),
		partner_name: text(300),
		activities: text(5000),
		days: text(50).refine(v => !v || parseDays(v) !== null, {
			error: 'plan.daysInvalid',
		}),
		timing_kind: z
			.enum(TIMING_KINDS, { error: 'error.invalidChoice' })
			.default('year'),
		timing_month: z
			.number({ error: 'error.invalidChoice' })
			.int()
			.min(1, { error: 'error.invalidChoice' })
			.max(12, { error: 'error.invalidChoice' })
			.optional(),
		start_date: isoDate,
		end_date: isoDate,
		optional_step_ids: z
			.array(z.uuid({ error: 'error.invalidChoice' }))
			.optional(),
		members: z
			.array(MemberSchema)
			.max(200, { error: 'error.tooLong' })
			.optional()
			.superRefine(requiredUnlessBlank(isBlankMember, ['full_name'])),
		budget: z
			.array(BudgetLineSchema)
			.max(50, { error: 'error.tooLong' })
			.optional()
			.superRefine(requiredUnlessBlank(isBlankBudgetLine, ['payer', 'item'])),
	})
	.superRefine(
		(plan, ctx) => {
			if (plan.start_date && plan.end_date && plan.end_date < plan.start_date)
				ctx.addIssue({
					code: 'custom',
					path: ['end_date'],
					message: 'plan.endBeforeStart',
				})
		},
		// A bad value elsewhere (a date that does not exist, a year in words) must not hide this.
		{ when: () => true },
	)

/** The plan form as parsed: rows may be blank. */
export type PlanForm = z.infer<typeof PlanDraftSchema>
/** A plan's content, as saved and loaded. */
export type PlanDraft = Omit<PlanForm, 'members' | 'budget'> & {
	members?: (Member & { full_name: string })[]
	budget?: (BudgetLine & { payer: string; item: string })[]
}

/** The form's plan without the rows left blank (the others were checked to have what they need). */
export function withoutBlankRows(plan: PlanForm): PlanDraft {
	return {
		...plan,
		members: plan.members?.filter(
			(m): m is Member & { full_name: string } =>
				!isBlankMember(m) && Boolean(m.full_name),
		),
		budget: plan.budget?.filter(
			(b): b is BudgetLine & { payer: string; item: string } =>
				!isBlankBudgetLine(b) && Boolean(b.payer && b.item),
		),
	}
}

/** What a plan must have before it can go up the chain; each problem is tied to its field. */
export function completenessIssues(plan: PlanForm) {
	const issues: { path: (string | number)[]; message: string }[] = []
	const need = (
		ok: unknown,
		path: (string | number)[],
		message = 'error.required',
	) => {
		if (!ok) issues.push({ path, message })
	}
	need(plan.name, ['name'])
	need(plan.in_name_of, ['in_name_of'])
	need(plan.head_title, ['head_title'])
	need(plan.country, ['country'])
	if (plan.country === 'VN')
		issues.push({ path: ['country'], message: 'plan.countryForeign' })
	need(
		plan.partner_id || plan.partner_name,
		['partner_name'],
		'plan.partnerRequired',
	)
	need(
		activityLines(plan.activities).length > 0,
		['activities'],
		'plan.activitiesRequired',
	)
	need(plan.days, ['days'])
	const memberCount = plan.members?.filter(m => !isBlankMember(m)).length ?? 0
	need(
		memberCount > 0 || plan.member_count,
		['member_count'],
		'plan.membersRequired',
	)
	if (plan.member_count && memberCount > plan.member_count)
		issues.push({ path: ['member_count'], message: 'plan.countBelowMembers' })
	if (plan.direction === 'out')
		plan.members?.forEach((member, index) =>
			isBlankMember(member)
				? null
				: need(member.passport_type, ['members', index, 'passport_type']),
		)
	if (plan.timing_kind === 'month') need(plan.timing_month, ['timing_month'])
	if (plan.timing_kind === 'dates') {
		need(plan.start_date, ['start_date'])
		need(plan.end_date, ['end_date'])
		if (
			plan.start_date &&
			typeof plan.plan_year === 'number' &&
			Number(plan.start_date.slice(0, 4)) !== plan.plan_year
		)
			issues.push({ path: ['start_date'], message: 'plan.dateOutsideYear' })
	}
	need(
		plan.budget?.some(b => !isBlankBudgetLine(b)),
		['budget'],
		'plan.budgetRequired',
	)
	return issues
}

export const PlanSubmitSchema = PlanDraftSchema.superRefine(
	(plan, ctx) => addMissingIssues(ctx, completenessIssues(plan)),
	// Runs even when a field is malformed, so every problem shows at once, not one at a time.
	{ when: () => true },
)

/** Adds what is missing, except on fields that already have a message (one message a field). */
export function addMissingIssues(
	ctx: z.RefinementCtx,
	issues: { path: (string | number)[]; message: string }[],
) {
	const taken = new Set(ctx.issues.map(issue => (issue.path ?? []).join('.')))
	for (const issue of issues)
		if (!taken.has(issue.path.join('.')))
			ctx.addIssue({ code: 'custom', ...issue })
}

// Callers outside the schema import it from activity-lines.ts (no zod in the browser).
export { activityLines }
