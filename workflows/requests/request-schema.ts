import { z } from 'zod'
import { parseDate } from '#lib/format.ts'
import { BUILT_IN_TEMPLATES } from '#lib/report-template.ts'
import { tooLong } from '#lib/form-errors.ts'

const required = (max: number) =>
	z
		.string({ error: 'error.required' })
		.trim()
		.min(1, { error: 'error.required' })
		.max(max, { error: tooLong(max) })

/** Typed as dd/mm/yyyy; kept as an ISO date. */
const isoDate = (optional: boolean) =>
	z
		.string()
		.trim()
		.optional()
		.transform((value, ctx) => {
			if (!value) {
				if (!optional)
					ctx.addIssue({ code: 'custom', message: 'error.required' })
				return undefined
			}
			const iso = parseDate(value)
			if (!iso) ctx.addIssue({ code: 'custom', message: 'plan.dateInvalid' })
			return iso ?? undefined
		})

export const AUDIENCES = ['all', 'provinces', 'sectors', 'chosen'] as const

export const RequestSchema = z
	.object({
		number_from: z.enum(['register', 'typed'], {
			error: 'error.invalidChoice',
		}),
		number_symbol: z
			.string()
			.trim()
			.max(60, { error: tooLong(60) })
			.optional(),
		issued_on: isoDate(true),
		title: required(500),
		audience: z.enum(AUDIENCES, { error: 'error.invalidChoice' }),
		organisation_ids: z
			.array(z.uuid({ error: 'error.invalidChoice' }))
			.max(500)
			.default([]),
		due_on: isoDate(false),
		/** The letter's file: checked by content in issue.server.ts. */
		letter: z.unknown().optional(),
		template: z.enum(
			BUILT_IN_TEMPLATES.map(t => t.key) as [string, ...string[]],
			{ error: 'error.invalidChoice' },
		),
	})
	.superRefine((value, ctx) => {
		if (value.number_from === 'typed') {
			if (!value.number_symbol)
				ctx.addIssue({
					code: 'custom',
					path: ['number_symbol'],
					message: 'error.required',
				})
			if (!value.issued_on)
				ctx.addIssue({
					code: 'custom',
					path: ['issued_on'],
					message: 'error.required',
				})
		}
		if (value.audience === 'chosen' && !value.organisation_ids.length)
			ctx.addIssue({
				code: 'custom',
				path: ['organisation_ids'],
				message: 'request.chooseOrganisations',
			})
	})

export const ReturnSchema = z.object({
	intent: z.literal('return'),
	version: z.coerce.number().int(),
	comment: required(2000),
})
