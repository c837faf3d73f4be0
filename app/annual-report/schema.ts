import { z } from 'zod'
import { parseDate } from '#lib/format.ts'
import { errorWithParams } from '#app/utils/misc.ts'
import { MAX_INT } from '#lib/column-limits.ts'
import { tooLong } from '#lib/form-errors.ts'

const text = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: tooLong(max) })
		.optional()
		.transform(v => v ?? '')
const required = (max: number) =>
	z
		.string({ error: 'error.required' })
		.trim()
		.min(1, { error: 'error.required' })
		.max(max, { error: tooLong(max) })

/** The editor's fields; `version` is the one the user loaded (a stale one is refused). */
export const AnnualReportSchema = z
	.object({
		version: z
			.number({ error: 'annualReport.conflict' })
			.int()
			.min(0)
			.max(MAX_INT, { error: 'annualReport.conflict' }),
		year: z.number().int().min(0).max(MAX_INT),
		governing_body: text(200),
		number_symbol: required(60).refine(v => v.includes('/'), {
			error: 'annualReport.numberInvalid',
		}),
		place: required(100),
		report_date: required(10).transform((value, ctx) => {
			const iso = parseDate(value)
			if (!iso)
				ctx.addIssue({ code: 'custom', message: 'annualReport.dateInvalid' })
			return iso ?? ''
		}),
		request_text: required(1000),
		results: text(20_000),
		difficulties: text(20_000),
		proposals: text(20_000),
		plan_intro: text(5_000),
		recipients: text(2_000),
		signature_on_behalf: text(200),
		signature_title: text(200),
		signer_name: text(100),
	})
	.superRefine((v, ctx) => {
		// A report on year N is dated in N or early in N + 1.
		const year = Number(v.report_date.slice(0, 4))
		if (v.report_date && year !== v.year && year !== v.year + 1)
			ctx.addIssue({
				code: 'custom',
				path: ['report_date'],
				message: errorWithParams('annualReport.dateYear', {
					from: v.year,
					to: v.year + 1,
				}),
			})
	})

export const CreateReportSchema = z.object({
	organisation_id: z.uuid({ error: 'error.invalidChoice' }).optional(),
	year: z
		.number({ error: 'annualReport.yearInvalid' })
		.int({ error: 'annualReport.yearInvalid' })
		.min(2000, { error: 'annualReport.yearInvalid' })
		.max(2100, { error: 'annualReport.yearInvalid' }),
})
