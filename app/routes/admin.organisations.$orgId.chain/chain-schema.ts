import { z } from 'zod'
import { APPROVAL_RULES, type OrganisationKind } from '#lib/enums.ts'
import {
	validateChain,
	validateStepApprovals,
} from '#workflows/plans/chain-validation.ts'
import { MAX_INT } from '#lib/column-limits.ts'
import { tooLong } from '#lib/form-errors.ts'

const label = z
	.string({ error: 'error.required' })
	.trim()
	.max(200, { error: tooLong(200) })

/** `kindOf` knows the organisations a step may name; an unknown id is refused like a partner. */
export function chainSchema(
	kindOf: (id: string) => OrganisationKind | undefined,
	approversOf: (id: string) => number,
) {
	return z
		.object({
			expectedVersion: z.number().int().min(0).max(MAX_INT),
			steps: z
				.array(
					z.object({
						organisation_id: z.uuid({ error: 'error.invalidChoice' }),
						label_vi: label.min(1, { error: 'error.required' }),
						label_en: label.optional(),
						optional: z.boolean().optional(),
						requires_written_answer: z.boolean().optional(),
						approval_rule: z.enum(APPROVAL_RULES).default('any'),
						min_approvals: z
							.number({ error: 'approvals.minRequired' })
							.int({ error: 'approvals.minRequired' })
							.optional(),
					}),
				)
				.optional(),
		})
		.superRefine(({ steps = [] }, ctx) => {
			const { chainError, stepErrors } = validateChain(
				steps,
				id => kindOf(id) ?? 'foreign_partner',
			)
			if (chainError)
				ctx.addIssue({ code: 'custom', path: ['steps'], message: chainError })
			for (const [index, message] of stepErrors)
				ctx.addIssue({
					code: 'custom',
					path: ['steps', index, 'organisation_id'],
					message,
				})
			for (const [index, message] of validateStepApprovals(steps, approversOf))
				ctx.addIssue({
					code: 'custom',
					path: ['steps', index, 'min_approvals'],
					message,
				})
		})
}

export type ChainValues = z.input<ReturnType<typeof chainSchema>>

/** The fields of a stored step the form edits, in the order the form posts them. */
export function stepValues({
	organisation_id,
	label_vi,
	label_en,
	optional,
	requires_written_answer,
	approval_rule,
	min_approvals,
}: {
	organisation_id: string
	label_vi: string
	label_en: string
	optional: boolean
	requires_written_answer: boolean
	approval_rule: (typeof APPROVAL_RULES)[number]
	min_approvals: number | null
}) {
	return {
		organisation_id,
		label_vi,
		label_en,
		optional,
		requires_written_answer,
		approval_rule,
		min_approvals,
	}
}
