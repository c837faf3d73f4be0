import { parseWithZod } from '@conform-to/zod/v4'
import {
	json,
	unstable_composeUploadHandlers as composeUploadHandlers,
	unstable_createMemoryUploadHandler as createMemoryUploadHandler,
	unstable_parseMultipartFormData as parseMultipartFormData,
	type UploadHandler,
} from '@remix-run/node'
import { db } from '#db/client.server.ts'
import { getChainSteps, getCurrentChain } from '#db/repos/chain.server.ts'
import { listPartners } from '#db/repos/organisation.server.ts'
import { insertPlan, savePlanContent } from '#db/repos/plan.server.ts'
import {
	applyPlanEvent,
	type ApplyResult,
} from '#workflows/plan/plan.server.ts'
import {
	checkUpload,
	MAX_ATTACHMENT_BYTES,
	MAX_ATTACHMENTS,
} from './attachments.server.ts'
import { type SessionUser } from './auth.server.ts'
import { draftToContent, recordToDraft } from './plan-mapping.ts'
import {
	completenessIssues,
	PlanDraftSchema,
	PlanSubmitSchema,
} from './plan-schema.ts'
import { errorWithParams } from './misc.ts'
import { redirectWithToast } from './toast.server.ts'

/** Keeps at most the allowed size of each file in memory; a larger file is kept as an empty marker. */
const fileHandler: UploadHandler = async ({ filename, contentType, data }) => {
	if (!filename) return undefined
	const chunks: BlobPart[] = []
	let size = 0
	for await (const chunk of data) {
		size += chunk.byteLength
		if (size <= MAX_ATTACHMENT_BYTES)
			chunks.push(chunk as Uint8Array<ArrayBuffer>)
	}
	if (size > MAX_ATTACHMENT_BYTES)
		return new File([], filename, { type: 'application/x-too-large' })
	return new File(chunks, filename, { type: contentType })
}

const uploadHandler = composeUploadHandlers(
	fileHandler,
	createMemoryUploadHandler({ maxPartSize: 1024 * 1024 }),
)

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
export async function handlePlanForm(
	request: Request,
	user: SessionUser,
	existing: { id: string; status: string; chain_id: string | null } | null,
) {
	const formData = await parseMultipartFormData(request, uploadHandler)
	const submitting = formData.get('intent') === 'submit'
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

	const files = formData
		.getAll('attachments')
		.filter((f): f is File => f instanceof File && f.name !== '')
	const removeAttachmentIds = formData.getAll('remove_attachment').map(String)
	const checks = await Promise.all(
		files.map(f =>
			f.type === 'application/x-too-large'
				? {
						ok: false as const,
						message: 'plan.fileTooLarge' as const,
						name: f.name,
					}
				: checkUpload(f),
		),
	)
	const fileErrors = checks.flatMap(c =>
		c.ok ? [] : [errorWithParams(c.message, { name: c.name })],
	)
	if (files.length > MAX_ATTACHMENTS) fileErrors.push('plan.fileCount')

	if (submission.status !== 'success' || fileErrors.length) {
		const reply = submission.reply({
			fieldErrors: fileErrors.length ? { attachments: fileErrors } : undefined,
		})
		return json({ result: reply }, { status: 400 })
	}
	const value = submission.value
	const newAttachments = checks
		.flatMap(c => (c.ok ? [{ ...c, uploaded_by: user.id, ok: undefined }] : []))
		.map(({ ok: _ok, ...a }) => a)

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
			const saved = await savePlanContent(trx, plan.id, plan.version, {
				...draftToContent(value),
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
		return redirectWithToast(`/plans/${planId}`, {
			type: 'success',
			message: submitting
				? existing?.status === 'returned'
					? 'plan.done.RESUBMIT'
					: 'plan.done.SUBMIT'
				: 'plan.saved',
		})
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
		}[error.result.status]
		const status =
			error.result.status === 'no_chain' || error.result.status === 'incomplete'
				? 400
				: 409
		return json(
			{ result: submission.reply({ formErrors: [message] }) },
			{ status },
		)
	}
}
