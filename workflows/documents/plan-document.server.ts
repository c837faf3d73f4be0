import { type Db } from '#db/client.server.ts'
import { listPlanDocuments } from '#db/repos/document-register.server.ts'
import { getPlanDocumentSource } from '#db/repos/plan-document.server.ts'
import { lockPlan } from '#db/repos/plan.server.ts'
import { type Role } from '#db/schema.ts'
import { type OfficialDocument } from './official-document.ts'
import {
	buildPlanDocument,
	defaultRecipients,
	type PlanDocumentInput,
} from './plan-document.ts'
import { blankNotation, issueDocument } from './register.server.ts'

/** Statuses of a plan that has been sent up the chain and not withdrawn, rejected or returned. */
const NOT_SUBMITTED = ['drafting', 'returned', 'withdrawn', 'rejected']
export const isSubmitted = (status: string) => !NOT_SUBMITTED.includes(status)

export type Signature = PlanDocumentInput['signature']

async function inputFor(
	db: Db,
	planId: string,
	notation: (organisationId: string) => Promise<string>,
	issuedOn: string | null,
	signature?: Partial<Signature>,
) {
	const source = await getPlanDocumentSource(db, planId)
	if (!source) return null
	const { record, organisation, nextLevels } = source
	const input: PlanDocumentInput = {
		plan: record,
		organisation,
		nextLevels,
		notation: await notation(record.organisation_id),
		issuedOn,
		signature: {
			title: signature?.title ?? 'CHỦ TỊCH',
			name: signature?.name ?? '',
			recipients: signature?.recipients ?? defaultRecipients(nextLevels),
		},
	}
	return { record, input }
}

/** The plan document as it would be issued now, with its number left blank. */
export async function previewPlanDocument(db: Db, planId: string) {
	const built = await inputFor(
		db,
		planId,
		orgId => blankNotation(db, orgId, 'KH'),
		null,
	)
	return built && { ...built, document: buildPlanDocument(built.input) }
}

export type IssueResult =
	| { status: 'ok'; documentId: string; notation: string }
	| { status: 'not_found' | 'forbidden' | 'wrong_state' | 'already_issued' }
	| { status: 'conflict' }

/**
 * The drafter issues the plan document ("Cấp số và phát hành"): the plan is locked, the next KH
 * number of the register is taken, and the document as built with it is kept, one per plan
 * version. Only the owning organisation's drafters, only for a submitted plan.
 */
export async function issuePlanDocument(
	db: Db,
	{
		actor,
		planId,
		expectedVersion,
		signature,
		issuedOn,
	}: {
		actor: { userId: string; organisationId: string; roles: readonly Role[] }
		planId: string
		expectedVersion: number
		signature: Signature
		issuedOn: string
	},
): Promise<IssueResult> {
	return db.transaction().execute(async trx => {
		const plan = await lockPlan(trx, planId)
		if (!plan || plan.organisation_id !== actor.organisationId)
			return { status: 'not_found' }
		if (!actor.roles.includes('drafter')) return { status: 'forbidden' }
		if (plan.version !== expectedVersion) return { status: 'conflict' }
		if (!isSubmitted(plan.status)) return { status: 'wrong_state' }
		const issued = await listPlanDocuments(trx, planId, plan.organisation_id)
		if (issued.some(d => d.kind === 'KH' && d.plan_version === plan.version))
			return { status: 'already_issued' }
		const built = await inputFor(
			trx,
			planId,
			async () => '',
			issuedOn,
			signature,
		)
		if (!built) return { status: 'not_found' }
		const entry = await issueDocument(trx, {
			organisationId: plan.organisation_id,
			kind: 'KH',
			subject: `Kế hoạch ${built.record.name}`,
			issuedOn,
			issuedBy: actor.userId,
			planId,
			planVersion: plan.version,
			build: notation =>
				buildPlanDocument({
					...built.input,
					notation,
				}) satisfies OfficialDocument,
		})
		return { status: 'ok', documentId: entry.id, notation: entry.notation }
	})
}
