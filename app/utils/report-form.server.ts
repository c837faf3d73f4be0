import { redirectToNextInboxItem } from './inbox-next.server.ts'
import { parseWithZod } from '@conform-to/zod/v4'
import {
	json,
	unstable_parseMultipartFormData as parseMultipartFormData,
} from '@remix-run/node'
import { z } from 'zod'
import { db } from '#db/client.server.ts'
import { lockPlan } from '#db/repos/plan.server.ts'
import { getReport, saveReport } from '#db/repos/report.server.ts'
import { REPORT_DUE_STATUSES } from '#workflows/plan/plan.machine.ts'
import {
	applyPlanEvent,
	type ApplyResult,
} from '#workflows/plan/plan.server.ts'
import { type SessionUser } from './auth.server.ts'
import { forbidden, hasRole, notFound } from './permissions.server.ts'
import { workflowActor } from './plan-access.server.ts'
import { readUploads, uploadHandler } from './plan-form.server.ts'
import {
	draftToReportContent,
	ReportDraftSchema,
	ReportSubmitSchema,
} from './report-schema.ts'
import { redirectWithToast } from './toast.server.ts'
import { MAX_INT } from '#lib/column-limits.ts'

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
 * transaction (with the report in the event's snapshot), so a refusal saves nothing.
 */
export async function handleReportForm(
	request: Request,
	user: SessionUser,
	plan: { id: string; organisation_id: string },
) {
	if (plan.organisation_id !== user.organisationId || !hasRole(user, 'drafter'))
		throw forbidden()
	const formData = await parseMultipartFormData(request, uploadHandler)
	const submitting = formData.get('intent') === 'submit'
	const submission = parseWithZod(formData, {
		schema: submitting ? ReportSubmitSchema : ReportDraftSchema,
	})
	const uploads = await readUploads(formData, user.id)
	if (submission.status !== 'success' || uploads.fileErrors.length)
		return json(
			{
				result: submission.reply({
					fieldErrors: uploads.fileErrors.length
						? { attachments: uploads.fileErrors }
						: undefined,
				}),
			},
			{ status: 400 },
		)
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
		})
	} catch (error) {
		if (!(error instanceof Rollback)) throw error
		if (error.status === 'forbidden') throw forbidden()
		return json(
			{ result: submission.reply({ formErrors: [ERROR_OF[error.status]] }) },
			{ status: error.status === 'not_found' ? 404 : 409 },
		)
	}
	return redirectWithToast(`/plans/${plan.id}/report`, {
		type: 'success',
		message: submitting ? 'plan.done.SUBMIT_REPORT' : 'report.saved',
	})
}

export const REPORT_DECISIONS = ['ACKNOWLEDGE_REPORT', 'RETURN_REPORT'] as const

const DecisionSchema = z
	.object({
		intent: z.enum(REPORT_DECISIONS),
		version: z.coerce.number().int().min(0).max(MAX_INT),
		comment: z.string().trim().max(4000, { error: 'error.tooLong' }).optional(),
	})
	.refine(d => d.intent !== 'RETURN_REPORT' || d.comment, {
		path: ['comment'],
		error: 'report.commentRequired',
	})

/**
 * A receiver acknowledges the report (closing the plan) or returns it with a comment, from the
 * report page or the plan page (`back`); the event's snapshot keeps the report as it was read.
 */
export async function handleReportDecision(
	formData: FormData,
	user: SessionUser,
	planId: string,
	back: string,
) {
	const comment = String(formData.get('comment') ?? '')
	const parsed = DecisionSchema.safeParse(Object.fromEntries(formData))
	const refuse = (
		status: number,
		errors: string[],
		conflict: Extract<ApplyResult, { status: 'conflict' }>['last'] = null,
	) =>
		json(
			{
				intent: parsed.data?.intent ?? null,
				comment,
				errors,
				conflict,
				result: null,
			},
			{ status },
		)
	if (!parsed.success)
		return refuse(
			400,
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
			return redirectToNextInboxItem(user, planId, `plan.done.${intent}`)
		case 'forbidden':
			throw forbidden()
		case 'not_found':
			throw notFound()
		case 'conflict':
			return refuse(409, [], result.last)
		default:
			return refuse(409, [ERROR_OF[result.status]])
	}
}
