import { z } from 'zod'
import { tooLong } from '#lib/form-errors.ts'

export { REPORT_STATES, type ReportState } from '#lib/enums.ts'

const text = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: tooLong(max) })
		.optional()

export const ParticipantSchema = z.object({
	full_name: z
		.string({ error: 'error.required' })
		.trim()
		.min(1, { error: 'error.required' })
		.max(200, { error: tooLong(200) }),
	title: text(200),
	organisation_name: text(300),
})

/** A draft may be partial; the versions guard against saving over someone else's change. */
export const ReportDraftSchema = z.object({
	plan_version: z.number({ error: 'error.conflict' }).int(),
	report_version: z.number({ error: 'error.conflict' }).int().min(0),
	summary: text(20000),
	results: text(20000),
	activities_done: text(20000),
	proposals: text(20000),
	participants: z
		.array(ParticipantSchema)
		.max(200, { error: 'error.tooLong' })
		.optional(),
})

/** What the receivers must get: every section but the proposals, and who went. */
export const ReportSubmitSchema = ReportDraftSchema.superRefine((r, ctx) => {
	for (const key of ['summary', 'results', 'activities_done'] as const)
		if (!r[key])
			ctx.addIssue({ code: 'custom', path: [key], message: 'error.required' })
	if (!r.participants?.length)
		ctx.addIssue({
			code: 'custom',
			path: ['participants'],
			message: 'report.participantsRequired',
		})
})

export type ReportDraft = z.infer<typeof ReportDraftSchema>

/** Browsers send a textarea's line breaks as CRLF; the report keeps plain newlines. */
const lines = (text: string | undefined) => (text ?? '').replace(/\r\n?/g, '\n')

export function draftToReportContent(draft: ReportDraft) {
	return {
		summary: lines(draft.summary),
		results: lines(draft.results),
		activities_done: lines(draft.activities_done),
		proposals: lines(draft.proposals),
		participants: (draft.participants ?? []).map(p => ({
			full_name: p.full_name,
			title: p.title ?? '',
			organisation_name: p.organisation_name ?? '',
		})),
	}
}
