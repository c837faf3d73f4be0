import { type Db } from '#db/client.server.ts'
import { principalsOf } from '#db/repos/substitution.server.ts'
import { type Role } from '#db/schema.ts'
import { type WorkflowActor } from '#workflows/plans/plan.machine.ts'

/** The signed-in user as the domain sees them. */
export interface ActingUser {
	id: string
	organisationId: string
	roles: Role[]
}

export function workflowActor(user: ActingUser): WorkflowActor {
	return {
		userId: user.id,
		organisationId: user.organisationId,
		roles: user.roles,
	}
}

type Principals = Awaited<ReturnType<typeof principalsOf>>

/**
 * The actor for a decision at a step, with substitutions: a user who is not an approver but
 * stands in today (an Asia/Ho_Chi_Minh date) for an approver of their organisation decides
 * as an approver, on behalf of that principal. An approver decides in their own name.
 * One query (`readPrincipals` lets a page view share it with the root loader).
 */
export async function decisionActor(
	user: ActingUser,
	today: string,
	database: Db,
	readPrincipals: () => Promise<Principals> = () =>
		principalsOf(database, user.id, today),
): Promise<{
	actor: WorkflowActor
	onBehalfOf: { id: string; full_name: string } | null
}> {
	const actor = workflowActor(user)
	if (user.roles.includes('approver')) return { actor, onBehalfOf: null }
	const principal = (await readPrincipals()).find(
		p => p.organisation_id === user.organisationId,
	)
	if (!principal) return { actor, onBehalfOf: null }
	return {
		actor: { ...actor, roles: [...actor.roles, 'approver'] },
		onBehalfOf: { id: principal.id, full_name: principal.full_name },
	}
}
