import { z } from 'zod'
import { db, type Db } from '#db/client.server.ts'
import { canView, type PlanViewer } from '#db/repos/plan.server.ts'
import { principalsOf } from '#db/repos/substitution.server.ts'
import {
	decisionActor as domainDecisionActor,
	workflowActor,
} from '#workflows/access/actor.server.ts'
import { conflict, forbidden, notFound } from './errors.ts'
import { hasRole } from './permissions.server.ts'
import { type SessionUser } from './user.ts'

export { workflowActor }

export function planViewer(user: SessionUser): PlanViewer {
	return {
		organisationId: user.organisationId,
		seesAllSubmitted: user.organisationKind === 'vgcl_board',
	}
}

/** The principals this user stands in for today; a page view passes `share` to read them once per request. */
export function principalsToday(
	user: Pick<SessionUser, 'id'>,
	today: string,
	share?: <T>(key: string, read: () => T) => T,
) {
	const read = () => principalsOf(db, user.id, today)
	return share ? share(`principals:${user.id}:${today}`, read) : read()
}

/** The actor for a decision, with substitutions (see workflows/access/actor.server.ts). */
export function decisionActor(
	user: Pick<SessionUser, 'id' | 'organisationId' | 'roles'>,
	today: string,
	database: Db = db,
	/** A page view's memo, to share the substitutions' query with the root loader. */
	share?: <T>(key: string, read: () => T) => T,
) {
	return domainDecisionActor(
		user,
		today,
		database,
		database === db ? () => principalsToday(user, today, share) : undefined,
	)
}

/** The plan id if this user may see the plan; otherwise 404, as if it did not exist. */
export async function requireVisiblePlan(
	user: SessionUser,
	planId: string | undefined,
) {
	const parsed = z.uuid().safeParse(planId)
	if (!parsed.success || !(await canView(db, planViewer(user), parsed.data)))
		throw notFound()
	return parsed.data
}

/**
 * Only the owning organisation's drafters change a plan: while it is theirs, or once approved
 * (an amendment, which the edit page records as an event).
 */
export function requirePlanEditable(
	user: SessionUser,
	plan: { organisation_id: string; status: string },
) {
	if (plan.organisation_id !== user.organisationId || !hasRole(user, 'drafter'))
		throw forbidden()
	if (!['drafting', 'returned', 'approved'].includes(plan.status))
		throw conflict('plan.wrongState')
}
