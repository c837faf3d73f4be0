import { json } from '@remix-run/node'
import { z } from 'zod'
import { db, type Db } from '#db/client.server.ts'
import { canView, type PlanViewer } from '#db/repos/plan.server.ts'
import { principalsOf } from '#db/repos/substitution.server.ts'
import { type WorkflowActor } from '#workflows/plan/plan.machine.ts'
import { type SessionUser } from './auth.server.ts'
import { forbidden, hasRole, notFound } from './permissions.server.ts'
import { oncePerRequest } from './request-scope.server.ts'

export function planViewer(user: SessionUser): PlanViewer {
	return {
		organisationId: user.organisationId,
		seesAllSubmitted: user.organisationKind === 'vgcl_board',
	}
}

export function workflowActor(
	user: Pick<SessionUser, 'id' | 'organisationId' | 'roles'>,
): WorkflowActor {
	return {
		userId: user.id,
		organisationId: user.organisationId,
		roles: user.roles,
	}
}

/**
 * The principals this user stands in for today. Given the request of a page view (GET), the
 * root loader and the page's loader share one query; other requests read afresh.
 */
export function principalsToday(
	user: Pick<SessionUser, 'id'>,
	today: string,
	request?: Request,
) {
	const read = () => principalsOf(db, user.id, today)
	return request && (request.method === 'GET' || request.method === 'HEAD')
		? oncePerRequest(`principals:${user.id}:${today}`, read)
		: read()
}

/**
 * The actor for a decision at a step, with substitutions: a user who is not an approver but
 * stands in today (an Asia/Ho_Chi_Minh date) for an approver of their organisation decides
 * as an approver, on behalf of that principal. An approver decides in their own name.
 * One query.
 */
export async function decisionActor(
	user: Pick<SessionUser, 'id' | 'organisationId' | 'roles'>,
	today: string,
	database: Db = db,
	/** A page view's request, to share the substitutions' query with the root loader. */
	request?: Request,
): Promise<{
	actor: WorkflowActor
	onBehalfOf: { id: string; full_name: string } | null
}> {
	const actor = workflowActor(user)
	if (user.roles.includes('approver')) return { actor, onBehalfOf: null }
	const principals =
		database === db
			? await principalsToday(user, today, request)
			: await principalsOf(database, user.id, today)
	const principal = principals.find(
		p => p.organisation_id === user.organisationId,
	)
	if (!principal) return { actor, onBehalfOf: null }
	return {
		actor: { ...actor, roles: [...actor.roles, 'approver'] },
		onBehalfOf: { id: principal.id, full_name: principal.full_name },
	}
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
		throw json({ message: 'plan.wrongState' }, { status: 409 })
}
