import { createHash, randomBytes } from 'node:crypto'
import { type DecisionAction } from '#db/repos/decision-token.server.ts'

export const DECISION_LINK_DAYS = 7

export function hashDecisionToken(token: string) {
	return createHash('sha256').update(token).digest('hex')
}

/** Cryptographically random bytes drawn from a pooled buffer: one system call per 256 tokens (as crypto.randomUUID pools). */
let pool = Buffer.alloc(0)
let used = 0
function randomToken() {
	if (used + 32 > pool.length) {
		pool = randomBytes(32 * 256)
		used = 0
	}
	used += 32
	return pool.toString('base64url', used - 32, used)
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
 * the email alone). Returns their paths, and the rows to insert once the email is queued.
 */
export function newDecisionLinks(target: DecisionLinkTarget, now = new Date()) {
	const expires_at = new Date(now.getTime() + DECISION_LINK_DAYS * 86_400_000)
	const actions: DecisionAction[] = ['approve', 'return']
	const links = actions.map(action => {
		const token = randomToken()
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
