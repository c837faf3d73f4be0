import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { db } from '#db/client.server.ts'
import { getChainSteps, getCurrentChain } from '#db/repos/chain.server.ts'
import { listPartners } from '#db/repos/organisation.server.ts'
import {
	insertPlan,
	type PlanRecord,
	savePlanContent,
} from '#db/repos/plan.server.ts'
import { translator } from '#lib/i18n/index.ts'
import { type PlanEvent } from '#workflows/plans/plan.machine.ts'
import {
	applyPlanEvent,
	type ApplyResult,
} from '#workflows/plans/plan.server.ts'
import { reapprovalFields } from './amendment.ts'
import { checkUpload, MAX_ATTACHMENTS } from './attachments.server.ts'
import { type SessionUser } from '#workflows/access/user.ts'
import { diffPlans } from './plan-display.ts'
import { draftToContent, recordToDraft } from './plan-mapping.ts'
import {
	completenessIssues,
	type PlanDraft,
	PlanDraftSchema,
	PlanSubmitSchema,
	withoutBlankRows,
} from './plan-schema.ts'
import { errorWithParams, tooLong } from '#lib/form-errors.ts'
import { done, refused } from '#workflows/outcome.ts'
import {
	addTypedMembersToDirectory,
	foreignMemberErrors,
} from '#workflows/people/plan-members.server.ts'

/** The chain a plan will climb (the pinned one once submitted), for its optional steps. */
export async function chainStepsFor(
	organisationId: string,
	pinnedChainId: string | null,
) {
	const chainId =
		pinnedChainId ?? (await getCurrentChain(db, organisationId))?.id
	return chainId ? getChainSteps(db, chainId) : []
}

export async function planFormChoices(
	organisationId: string,
	pinnedChainId: string | null,
) {
	const [partners, steps] = await Promise.all([
		listPartners(db),
		chainStepsFor(organisationId, pinnedChainId),
	])
	return { partners, optionalSteps: steps.filter(s => s.optional) }
}

class Rollback extends Error {
	constructor(
		readonly result:
			Exclude<ApplyResult, { status: 'ok' }> | { status: 'conflict_save' },
	) {
		super('rollback')
	}
}

/**
 * The action of the new and edit pages: saves the draft ("save"), or saves and sends it up
 * the chain ("submit") in the same transaction, so a refused submission saves nothing.
 */
export async function savePlanForm(
	user: SessionUser,
	existing: PlanRecord | null,
	formData: FormData,
) {
	// An approved plan stays complete whatever is changed.
	const submitting =
		formData.get('intent') === 'submit' || existing?.status === 'approved'
	const partnerIds = new Set((await listPartners(db)).map(p => p.id))
	const optionalStepIds = new Set(
		(await chainStepsFor(user.organisationId, existing?.chain_id ?? null))
			.filter(s => s.optional)
			.map(s => s.id),
	)
	const schema = (submitting ? PlanSubmitSchema : PlanDraftSchema).superRefine(
		(plan, ctx) => {
			if (plan.partner_id && !partnerIds.has(plan.partner_id))
				ctx.addIssue({
					code: 'custom',
					path: ['partner_id'],
					message: 'error.invalidChoice',
				})
			if (plan.optional_step_ids?.some(id => !optionalStepIds.has(id)))
				ctx.addIssue({
					code: 'custom',
					path: ['optional_step_ids'],
					message: 'error.invalidChoice',
				})
		},
	)
	const submission = parseWithZod(formData, { schema })

	const { newAttachments, removeAttachmentIds, fileErrors } = await readUploads(
		formData,
		user.id,
	)

	if (submission.status !== 'success' || fileErrors.length) {
		const reply = submission.reply({
			fieldErrors: fileErrors.length ? { attachments: fileErrors } : undefined,
		})
		return refused('invalid', { result: reply })
	}
	const memberErrors = await foreignMemberErrors(
		db,
		user.organisationId,
		submission.value.members,
	)
	if (Object.keys(memberErrors).length)
		return refused('invalid', {
			result: submission.reply({ fieldErrors: memberErrors }),
		})
	const value = withoutBlankRows(submission.value)
	if (existing?.status === 'approved')
		return amendApprovedPlan(formData, user, existing, value, {
			newAttachments,
			removeAttachmentIds,
			reply: submission.reply,
		})

	try {
		const planId = await db.transaction().execute(async trx => {
			const plan = existing
				? { id: existing.id, version: value.version ?? -1 }
				: await insertPlan(trx, {
						organisationId: user.organisationId,
						createdBy: user.id,
						plan_year: value.plan_year,
						direction: value.direction,
					})
			const linked = await addTypedMembersToDirectory(
				trx,
				user.organisationId,
				user.id,
				value,
			)
			const saved = await savePlanContent(trx, plan.id, plan.version, {
				...draftToContent(linked),
				newAttachments,
				removeAttachmentIds,
			})
			if (!saved) throw new Rollback({ status: 'conflict_save' })
			if (submitting) {
				const result = await applyPlanEvent(trx, {
					planId: plan.id,
					expectedVersion: saved.version,
					event: {
						type: existing?.status === 'returned' ? 'RESUBMIT' : 'SUBMIT',
						actor: {
							userId: user.id,
							organisationId: user.organisationId,
							roles: user.roles,
						},
					},
					validate: record => completenessIssues(recordToDraft(record)),
				})
				if (result.status !== 'ok') throw new Rollback(result)
			}
			return plan.id
		})
		return done(
			planId,
			submitting
				? existing?.status === 'returned'
					? 'plan.done.RESUBMIT'
					: 'plan.done.SUBMIT'
				: 'plan.saved',
		)
	} catch (error) {
		if (!(error instanceof Rollback)) throw error
		const message = {
			conflict_save: 'error.conflict',
			conflict: 'error.conflict',
			no_chain: 'plan.noChain',
			wrong_state: 'plan.wrongState',
			forbidden: 'error.forbidden',
			not_found: 'error.notFound',
			incomplete: 'plan.incomplete',
			own_submission: 'plan.ownSubmission',
		}[error.result.status]
		return refused(
			error.result.status === 'no_chain' || error.result.status === 'incomplete'
				? 'invalid'
				: 'conflict',
			{ result: submission.reply({ formErrors: [message] }) },
		)
	}
}

/** The files of a multipart form checked by content, and the attachments ticked for removal. */
export async function readUploads(formData: FormData, userId: string) {
	const files = formData
		.getAll('attachments')
		.filter((f): f is File => f instanceof File && f.name !== '')
	// Like an id of another plan's file, one that is not an id at all removes nothing.
	const removeAttachmentIds = formData
		.getAll('remove_attachment')
		.map(String)
		.filter(id => z.uuid().safeParse(id).success)
	const checks = await Promise.all(files.map(checkUpload))
	const fileErrors = checks.flatMap(c =>
		c.ok ? [] : [errorWithParams(c.message, { name: c.name })],
	)
	if (files.length > MAX_ATTACHMENTS) fileErrors.push('plan.fileCount')
	const newAttachments = checks.flatMap(c =>
		c.ok
			? [
					{
						file_name: c.file_name,
						content_type: c.content_type,
						size: c.size,
						sha256: c.sha256,
						data: c.data,
						uploaded_by: userId,
					},
				]
			: [],
	)
	return { newAttachments, removeAttachmentIds, fileErrors }
}

/**
 * Saves a change to an approved plan. A change its approvers must see again (see
 * reapprovalFields) needs a reason and sends it back to step 1 as an amendment; any other
 * change keeps the approval and is recorded in the timeline as a postponement-like event.
 */
async function amendApprovedPlan(
	formData: FormData,
	user: SessionUser,
	existing: PlanRecord,
	value: PlanDraft,
	{
		newAttachments,
		removeAttachmentIds,
		reply,
	}: Pick<
		Awaited<ReturnType<typeof readUploads>>,
		'newAttachments' | 'removeAttachmentIds'
	> & {
		reply: (options?: {
			formErrors?: string[]
			fieldErrors?: Record<string, string[]>
		}) => unknown
	},
) {
	const reason = String(formData.get('amend_reason') ?? '').trim()
	const before = recordToDraft(existing)
	const reapproval = reapprovalFields(before, value)
	const t = translator(user.locale)
	const fieldError = (message: string) =>
		refused('invalid', {
			result: reply({ fieldErrors: { amend_reason: [message] } }) as never,
		})
	if (reason.length > 4000) return fieldError(tooLong(4000))
	if (reapproval.length && !reason)
		return fieldError(
			errorWithParams('plan.amendReasonRequired', {
				fields: reapproval.map(key => t(key)).join(', '),
			}),
		)
	const content = draftToContent(value)
	const diff = diffPlans(
		{ plan: before, partnerName: existing.partner_org_name },
		{ plan: value, partnerName: existing.partner_org_name },
		translator('vi'),
		'vi',
	)
	const changed = [
		...diff.fields.map(f => f.label),
		...(diff.membersAdded.length || diff.membersRemoved.length
			? [translator('vi')('plan.members')]
			: []),
		...(newAttachments.length || removeAttachmentIds.length
			? [translator('vi')('plan.attachments')]
			: []),
	]
	if (
		!changed.length &&
		JSON.stringify(content) === JSON.stringify(draftToContent(before))
	)
		return done(existing.id, 'plan.unchanged')
	const actor = {
		userId: user.id,
		organisationId: user.organisationId,
		roles: user.roles,
	}
	const event: PlanEvent = reapproval.length
		? { type: 'AMEND', actor, comment: reason }
		: {
				type: 'POSTPONE',
				actor,
				comment:
					reason ||
					translator('vi')('plan.editSummary', {
						fields: changed.join(', ') || translator('vi')('plan.details'),
					}),
			}
	try {
		await db.transaction().execute(async trx => {
			const linked = await addTypedMembersToDirectory(
				trx,
				user.organisationId,
				user.id,
				value,
			)
			const saved = await savePlanContent(
				trx,
				existing.id,
				value.version ?? -1,
				{
					...draftToContent(linked),
					newAttachments,
					removeAttachmentIds,
				},
			)
			if (!saved) throw new Rollback({ status: 'conflict_save' })
			const result = await applyPlanEvent(trx, {
				planId: existing.id,
				expectedVersion: saved.version,
				event,
				snapshotExtra: event.type === 'POSTPONE' ? { edited: true } : undefined,
			})
			if (result.status !== 'ok') throw new Rollback(result)
		})
	} catch (error) {
		if (!(error instanceof Rollback)) throw error
		const status = error.result.status
		return refused(status === 'forbidden' ? 'forbidden' : 'conflict', {
			result: reply({
				formErrors: [
					status === 'conflict' || status === 'conflict_save'
						? 'error.conflict'
						: status === 'forbidden'
							? 'error.forbidden'
							: 'plan.wrongState',
				],
			}) as never,
		})
	}
	return done(
		existing.id,
		event.type === 'AMEND' ? 'plan.done.AMEND' : 'plan.done.EDIT_APPROVED',
	)
}
