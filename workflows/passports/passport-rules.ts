import { z } from 'zod'
import { MAX_INT } from '#lib/column-limits.ts'
import { PASSPORT_TYPES, type PassportType } from '#lib/enums.ts'
import { parseDate } from '#lib/format.ts'
import { tooLong } from '#lib/form-errors.ts'

/** A passport must be valid this many months after the trip's return (QĐ 58/2012: flag under 6). */
export const VALID_MONTHS_AFTER_RETURN = 6

/** Statuses of a plan whose chain is fully approved and whose trip has not ended: a passport may go out. */
export const HAND_OUT_STATUSES = ['approved', 'departed'] as const

const requiredDate = z
	.string({ error: 'error.required' })
	.trim()
	.min(1, { error: 'error.required' })
	.transform((value, ctx) => {
		const iso = parseDate(value)
		if (!iso) ctx.addIssue({ code: 'custom', message: 'plan.dateInvalid' })
		return iso ?? ''
	})

const name = z
	.string({ error: 'error.required' })
	.trim()
	.min(1, { error: 'error.required' })
	.max(200, { error: tooLong(200) })

const note = z
	.string()
	.trim()
	.max(1000, { error: tooLong(1000) })
	.optional()
const version = z.number().int().min(0).max(MAX_INT)

export const PassportSchema = z
	.object({
		number: z
			.string({ error: 'error.required' })
			.transform(v => v.replace(/\s+/g, '').toUpperCase())
			.pipe(
				z
					.string()
					.min(1, { error: 'error.required' })
					.regex(/^[A-Z0-9]{6,12}$/, { error: 'passport.numberInvalid' }),
			),
		kind: z.enum(PASSPORT_TYPES, { error: 'error.invalidChoice' }),
		issued_on: requiredDate,
		expires_on: requiredDate,
	})
	.superRefine((p, ctx) => {
		if (p.issued_on && p.expires_on && p.expires_on <= p.issued_on)
			ctx.addIssue({
				code: 'custom',
				path: ['expires_on'],
				message: 'passport.expiresBeforeIssued',
			})
	})

export const HandOutSchema = z.object({
	intent: z.literal('hand_out'),
	version,
	plan_id: z.uuid({ error: 'error.invalidChoice' }),
	happened_on: requiredDate,
	handed_by: name,
	received_by: name,
	note,
})

export const HandBackSchema = z.object({
	intent: z.literal('hand_back'),
	version,
	happened_on: requiredDate,
	handed_by: name,
	received_by: name,
	note,
})

export const MarkSchema = z.object({
	intent: z.enum(['lost', 'cancelled']),
	version,
	happened_on: requiredDate,
	note: z
		.string({ error: 'error.required' })
		.trim()
		.min(1, { error: 'error.required' })
		.max(1000, { error: tooLong(1000) }),
})

/** 'YYYY-MM-DD' + n calendar months (the last day of a shorter month when the day does not exist). */
export function addMonths(iso: string, months: number) {
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
	const first = new Date(Date.UTC(y, m - 1 + months, 1))
	const last = new Date(
		Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
	).getUTCDate()
	first.setUTCDate(Math.min(d, last))
	return first.toISOString().slice(0, 10)
}

export type PassportWarning =
	| { kind: 'none'; member: string; needed: PassportType | null }
	| {
			kind: 'expiring'
			member: string
			number: string
			expiresOn: string
			/** The day the passport must still be valid: 6 months after the return. */
			validUntil: string
	  }

/**
 * The members of an outbound plan whose passport will not do: none of the kind the plan needs
 * (or none at all), or the best one expires less than 6 months after the return. Members not
 * chosen from the directory have no passport on record and are not judged.
 */
export function passportWarnings(
	returnOn: string | null,
	members: {
		position: number
		full_name: string
		passport_type: PassportType | null
		expires_on: string | null
		number: string | null
		kind: PassportType | null
	}[],
): PassportWarning[] {
	const byMember = new Map<number, typeof members>()
	for (const row of members)
		byMember.set(row.position, [...(byMember.get(row.position) ?? []), row])
	const warnings: PassportWarning[] = []
	for (const rows of byMember.values()) {
		const member = rows[0]!
		const fitting = rows.filter(
			r =>
				r.number &&
				r.expires_on &&
				(!member.passport_type || r.kind === member.passport_type),
		)
		if (!fitting.length) {
			warnings.push({
				kind: 'none',
				member: member.full_name,
				needed: member.passport_type,
			})
			continue
		}
		if (!returnOn) continue
		const best = fitting.reduce((a, b) =>
			a.expires_on! >= b.expires_on! ? a : b,
		)
		const validUntil = addMonths(returnOn, VALID_MONTHS_AFTER_RETURN)
		if (best.expires_on! < validUntil)
			warnings.push({
				kind: 'expiring',
				member: member.full_name,
				number: best.number!,
				expiresOn: best.expires_on!,
				validUntil,
			})
	}
	return warnings
}

/** The weekly list takes passports that expire within this many months (QĐ 58/2012: flag under 6). */
export const EXPIRING_WITHIN_MONTHS = 6

/**
 * Time left from `today` to `expiresOn` ('YYYY-MM-DD'): whole calendar months, then days;
 * `expired` once the day has passed (a passport is valid through its expiry date).
 */
export function timeLeft(today: string, expiresOn: string) {
	if (expiresOn < today) return { expired: true, months: 0, days: 0 }
	let months = 0
	while (addMonths(today, months + 1) <= expiresOn) months++
	const from = Date.parse(addMonths(today, months))
	const days = Math.round((Date.parse(expiresOn) - from) / 86_400_000)
	return { expired: false, months, days }
}
