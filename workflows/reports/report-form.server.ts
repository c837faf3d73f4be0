import { doneThenNext } from '#workflows/plans/next-item.server.ts'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { db } from '#db/client.server.ts'
import { lockPlan } from '#db/repos/plan.server.ts'
import { getReport, saveReport } from '#db/repos/report.server.ts'
import { REPORT_DUE_STATUSES } from '#workflows/plans/plan.machine.ts'
import {
	applyPlanEvent,
	type ApplyResult,
} from '#workflows/plans/plan.server.ts'
import { type SessionUser } from '#workflows/access/user.ts'
import {
	forbidden,
	hasRole,
	notFound,
} from '#workflows/access/permissions.server.ts'
import { workflowActor } from '#workflows/access/plan-access.server.ts'
import { readUploads } from '#workflows/plans/plan-form.server.ts'
import {
	draftToReportContent,
	ReportDraftSchema,
	ReportSubmitSchema,
} from './report-schema.ts'
import { done, refused } from '#workflows/outcome.ts'
import { MAX_INT } from '#lib/column-limits.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { issueTripReportNumber } from '#workflows/documents/trip-report-document.server.ts'
import { tooLong } from '#lib/form-errors.ts'

class Rollback extends Error {
	constructor(
		readonly status: Exclude<ApplyResult, { status: 'ok' }>['status'],
	) {
		super('rollback')
	}
}

const ERROR_OF = {
	conflict: 'error.conflict',
	wrong_state: 'plan.wrongState',
	no_chain: 'plan.noChain',
	incomplete: 'plan.wrongState',
	forbidden: 'error.forbidden',
	not_found: 'error.notFound',
	own_submission: 'plan.ownReport',
} as const

/**
 * The report form: "save" keeps a draft, "submit" saves it and sends SUBMIT_REPORT in the same
 * transaction (with the report in the event's snapshot), so a refusal saves nothing. Filing is
 * when the report leaves the organisation, so that is when it takes its BC number (seed 000:
 * "báo cáo … với Tỉnh ủy, Tổng Liên đoàn"; the receivers' acknowledgement is theirs, not a
 * document of the organisation's register).
 */
export async function saveReportForm(
	user: SessionUser,
	plan: { id: string; organisation_id: string },
	formData: FormData,
) {
	if (plan.organisation_id !== user.organisationId || !hasRole(user, 'drafter'))
		throw forbidden()
	const submitting = formData.get('intent') === 'submit'
	const submission = parseWithZod(formData, {
		schema: submitting ? ReportSubmitSchema : ReportDraftSchema,
	})
	const uploads = await readUploads(formData, user.id)
	if (submission.status !== 'success' || uploads.fileErrors.length)
		return refused('invalid', {
			result: submission.reply({
				fieldErrors: uploads.fileErrors.length
					? { attachments: uploads.fileErrors }
					: undefined,
			}),
		})
	const value = submission.value
	const content = draftToReportContent(value)
	try {
		await db.transaction().execute(async trx => {
			const locked = await lockPlan(trx, plan.id)
			if (!locked) throw new Rollback('not_found')
			if (!(REPORT_DUE_STATUSES as readonly string[]).includes(locked.status))
				throw new Rollback('wrong_state')
			const saved = await saveReport(
				trx,
				plan.id,
				value.report_version,
				content,
				{ submitted: submitting, ...uploads },
			)
			if (!saved) throw new Rollback('conflict')
			if (!submitting) return
			const result = await applyPlanEvent(trx, {
				planId: plan.id,
				expectedVersion: value.plan_version,
				event: { type: 'SUBMIT_REPORT', actor: workflowActor(user) },
				snapshotExtra: { report: content },
			})
			if (result.status !== 'ok') throw new Rollback(result.status)
			await issueTripReportNumber(trx, {
				planId: plan.id,
				organisationId: locked.organisation_id,
				planName: locked.name,
				issuedBy: user.id,
				issuedOn: todayIso(),
			})
		})
	} catch (error) {
		if (!(error instanceof Rollback)) throw error
		if (error.status === 'forbidden') throw forbidden()
		return refused(error.status === 'not_found' ? 'notFound' : 'conflict', {
			result: submission.reply({ formErrors: [ERROR_OF[error.status]] }),
		})
	}
	return done(plan.id, submitting ? 'plan.done.SUBMIT_REPORT' : 'report.saved')
}

export const REPORT_DECISIONS = ['ACKNOWLEDGE_REPORT', 'RETURN_REPORT'] as const

const DecisionSchema = z
	.object({
		intent: z.enum(REPORT_DECISIONS),
		version: z.coerce.number().int().min(0).max(MAX_INT),
		comment: z
			.string()
			.trim()
			.max(4000, { error: tooLong(4000) })
			.optional(),
	})
	.refine(d => d.intent !== 'RETURN_REPORT' || d.comment, {
		path: ['comment'],
		error: 'report.commentRequired',
	})

/**
 * A receiver acknowledges the report (closing the plan) or returns it with a comment, from the
 * report page or the plan page (`back`); the event's snapshot keeps the report as it was read.
 */
export async function decideReport(
	user: SessionUser,
	planId: string,
	formData: FormData,
) {
	const comment = String(formData.get('comment') ?? '')
	const parsed = DecisionSchema.safeParse(Object.fromEntries(formData))
	const refuse = (
		refusal: 'invalid' | 'conflict',
		errors: string[],
		conflict: Extract<ApplyResult, { status: 'conflict' }>['last'] = null,
	) =>
		refused(refusal, {
			intent: parsed.data?.intent ?? null,
			comment,
			errors,
			conflict,
			result: null,
		})
	if (!parsed.success)
		return refuse(
			'invalid',
			parsed.error.issues.map(i => i.message),
		)
	const { intent, version } = parsed.data
	const result = await db.transaction().execute(async trx =>
		applyPlanEvent(trx, {
			planId,
			expectedVersion: version,
			event: {
				type: intent,
				actor: workflowActor(user),
				comment: parsed.data.comment ?? '',
			},
			snapshotExtra: { report: (await getReport(trx, planId)) ?? null },
		}),
	)
	switch (result.status) {
		case 'ok':
			return doneThenNext(user, planId, `plan.done.${intent}`)
		case 'forbidden':
			throw forbidden()
		case 'not_found':
			throw notFound()
		case 'conflict':
			return refuse('conflict', [], result.last)
		default:
			return refuse('conflict', [ERROR_OF[result.status]])
	}
}
