import { createHash, randomBytes } from 'node:crypto'
import { type Db } from '#db/client.server.ts'
import {
	type DecisionAction,
	insertDecisionTokens,
} from '#db/repos/decision-token.server.ts'

export const DECISION_LINK_DAYS = 7

export function hashDecisionToken(token: string) {
	return createHash('sha256').update(token).digest('hex')
}

export interface DecisionLinkTarget {
	approverId: string
	planId: string
	/** The step the plan waits at, and its version there: the link is for that round only. */
	stepStatus: string
	planVersion: number
}

/**
 * New approve and return links for one approver, kept only as hashes (the raw tokens go into
 * the email alone). Returns their paths, and the rows to insert with `saveDecisionLinks` once
 * the email is queued.
 */
export function newDecisionLinks(target: DecisionLinkTarget, now = new Date()) {
	const expires_at = new Date(now.getTime() + DECISION_LINK_DAYS * 86_400_000)
	const actions: DecisionAction[] = ['approve', 'return']
	const links = actions.map(action => {
		const token = randomBytes(32).toString('base64url')
		return {
			action,
			path: `/decide/${token}`,
			row: {
				token_hash: hashDecisionToken(token),
				approver_id: target.approverId,
				plan_id: target.planId,
				step_status: target.stepStatus,
				plan_version: target.planVersion,
				action,
				expires_at,
			},
		}
	})
	return {
		paths: { approve: links[0].path, return: links[1].path },
		rows: links.map(l => l.row),
	}
}

export async function saveDecisionLinks(
	trx: Db,
	rows: ReturnType<typeof newDecisionLinks>['rows'],
) {
	await insertDecisionTokens(trx, rows)
}
