import { type Db } from '#db/client.server.ts'
import {
	type DecisionTokenRow,
	findDecisionToken,
	lockDecisionToken,
	markDecisionTokensUsed,
} from '#db/repos/decision-token.server.ts'
import { lockPlan } from '#db/repos/plan.server.ts'
import { listStepApprovals } from '#db/repos/step-approval.server.ts'
import { decisionActor } from '#workflows/access/actor.server.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { hashDecisionToken } from '#workflows/notify/decision-links.server.ts'
import { stepIndexOf } from './plan.machine.ts'
import {
	applyPlanEvent,
	availableEvents,
	type planWorkflow,
} from './plan.server.ts'
import { ownSubmission, type Submitters } from './separation.ts'

/** Why a decision link can no longer decide. */
export type LinkProblem =
	| 'invalid'
	| 'used'
	| 'expired'
	/** The plan was decided (approved, returned, rejected, withdrawn) since. */
	| 'decided'
	/** The plan waits at another step now. */
	| 'moved'
	/** The plan is at the same step but changed (e.g. returned, edited and sent again). */
	| 'changed'
	/** The approver may not decide at this step any more (role or substitution ended). */
	| 'notAllowed'
	/** This approver (or the one they stand in for) already approved in this round. */
	| 'already'
	/** Opened while signed in as someone else than the person the link was sent to. */
	| 'otherUser'
	/** The link's approver submitted the plan: they may not decide on it. */
	| 'ownSubmission'

/** 43 base64url characters: anything else is not one of ours and is not even looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

const EVENT = { approve: 'APPROVE', return: 'RETURN' } as const

/** The token's row, or null for a forged or unknown token. */
export async function findDecisionLink(db: Db, token: string) {
	if (!TOKEN_SHAPE.test(token)) return null
	return (await findDecisionToken(db, hashDecisionToken(token))) ?? null
}

/** The approver of a link as the workflow sees them today (with substitutions). */
function linkActor(db: Db, token: DecisionTokenRow, now: Date) {
	return decisionActor(
		{
			id: token.approver_id,
			organisationId: token.approver_organisation_id,
			roles: token.approver_roles,
		},
		todayIso(now),
		db,
	)
}

/** Problems that the token and the plan's status and version alone reveal. */
function staleness(
	token: DecisionTokenRow,
	plan: { status: string; version: number },
	now: Date,
): LinkProblem | null {
	if (token.used_at) return 'used'
	if (token.expires_at.getTime() <= now.getTime()) return 'expired'
	if (plan.status !== token.step_status)
		return stepIndexOf(plan.status) === null ? 'decided' : 'moved'
	if (plan.version !== token.plan_version) return 'changed'
	if (!token.approver_active) return 'notAllowed'
	return null
}

/**
 * Whether the link may still decide, judged against the plan as it is now (for the
 * confirmation page; the decision itself checks again under locks), and for whom its
 * approver would decide.
 */
export async function checkDecisionLink(
	db: Db,
	token: DecisionTokenRow,
	plan: { id: string; status: string; version: number } & Submitters,
	workflow: ReturnType<typeof planWorkflow>,
	now = new Date(),
	/** Who is signed in where the link is opened, if anyone. */
	reader: string | null = null,
): Promise<{
	problem: LinkProblem | null
	onBehalfOf: { id: string; full_name: string } | null
}> {
	if (reader && reader !== token.approver_id)
		return { problem: 'otherUser', onBehalfOf: null }
	const stale = staleness(token, plan, now)
	if (stale) return { problem: stale, onBehalfOf: null }
	const { actor, onBehalfOf } = await linkActor(db, token, now)
	const event = EVENT[token.action]
	if (!workflow || !availableEvents(workflow.snapshot, actor).includes(event))
		return { problem: 'notAllowed', onBehalfOf: null }
	if (ownSubmission(event, plan, [token.approver_id, onBehalfOf?.id]))
		return { problem: 'ownSubmission', onBehalfOf }
	if (event === 'APPROVE') {
		const approver = onBehalfOf?.id ?? token.approver_id
		const approvals = await listStepApprovals(db, plan)
		if (approvals.some(a => a.approver_id === approver))
			return { problem: 'already', onBehalfOf }
	}
	return { problem: null, onBehalfOf }
}

export type LinkDecision =
	| { status: 'ok'; approvals?: { count: number; required: number } }
	| { status: 'refused'; problem: LinkProblem }

/**
 * Decides once through a link, in one transaction: the token's row is locked first (a second
 * click waits, then finds it used), the event goes through `applyPlanEvent` as on the plan page
 * (quorum, substitution, separation of duties, notifications), recorded as taken through the
 * link, and the approver's links for this round are used up. A link works for its recipient
 * only: opened while someone else is signed in, it does nothing.
 */
export async function decideByLink(
	db: Db,
	token: string,
	comment: string,
	now = new Date(),
	/** Who is signed in where the link is opened, if anyone. */
	reader: string | null = null,
): Promise<LinkDecision> {
	if (!TOKEN_SHAPE.test(token)) return { status: 'refused', problem: 'invalid' }
	return db.transaction().execute(async trx => {
		const row = await lockDecisionToken(trx, hashDecisionToken(token))
		if (!row) return { status: 'refused', problem: 'invalid' } as const
		if (reader && reader !== row.approver_id)
			return { status: 'refused', problem: 'otherUser' } as const
		if (row.used_at) return { status: 'refused', problem: 'used' } as const
		if (row.expires_at.getTime() <= now.getTime())
			return { status: 'refused', problem: 'expired' } as const
		if (!row.approver_active)
			return { status: 'refused', problem: 'notAllowed' } as const
		const { actor, onBehalfOf } = await linkActor(trx, row, now)
		const plan = await lockPlan(trx, row.plan_id)
		const stale = plan && staleness(row, plan, now)
		if (!plan || stale)
			return { status: 'refused', problem: stale || 'invalid' } as const
		const result = await applyPlanEvent(trx, {
			planId: row.plan_id,
			expectedVersion: row.plan_version,
			event: { type: EVENT[row.action], actor, comment },
			onBehalfOf: onBehalfOf?.id,
			via: 'link',
		})
		if (result.status !== 'ok') {
			const problem: LinkProblem =
				result.status === 'wrong_state' && result.alreadyApproved
					? 'already'
					: result.status === 'forbidden'
						? 'notAllowed'
						: result.status === 'own_submission'
							? 'ownSubmission'
							: 'changed'
			return { status: 'refused', problem } as const
		}
		await markDecisionTokensUsed(trx, row, now)
		const approvals = result.approvals && {
			count: result.approvals.count,
			required: result.approvals.required,
		}
		return { status: 'ok', approvals } as const
	})
}
