import { sql } from 'kysely'
import { type Db } from '../client.server.ts'
import { type ApprovalRule } from '../schema.ts'
import { type PlanRecord } from './plan.server.ts'

/** How many approvals a step needs: one, every active approver of its organisation, or a minimum. */
export function requiredApprovals(
	step: { approval_rule: ApprovalRule; min_approvals: number | null },
	activeApprovers: number,
) {
	if (step.approval_rule === 'all') return Math.max(1, activeApprovers)
	if (step.approval_rule === 'min') return step.min_approvals ?? 1
	return 1
}

/** Active approvers of the organisations, by organisation (one query). */
export async function listActiveApprovers(db: Db, organisationIds: string[]) {
	return db
		.selectFrom('app_user')
		.select(['id', 'full_name', 'organisation_id'])
		.where('active', '=', true)
		.where(eb =>
			organisationIds.length
				? eb('organisation_id', 'in', organisationIds)
				: sql<boolean>`false`,
		)
		.where(eb => eb(sql.lit('approver'), '=', eb.fn.any('roles')))
		.orderBy(sql`full_name collate "vi"`)
		.execute()
}

/**
 * Records one approval in this round; false if this approver already approved in it.
 * Returns how many approvals the round now has. Runs under the plan's row lock.
 */
export async function recordStepApproval(
	trx: Db,
	row: {
		plan_id: string
		status: string
		plan_version: number
		approver_id: string
	},
) {
	const inserted = await trx
		.insertInto('step_approval')
		.values(row)
		.onConflict(oc => oc.constraint('step_approval_once').doNothing())
		.returning('id')
		.executeTakeFirst()
	const { n } = await trx
		.selectFrom('step_approval')
		.select(eb => eb.fn.countAll<string>().as('n'))
		.where('plan_id', '=', row.plan_id)
		.where('status', '=', row.status)
		.where('plan_version', '=', row.plan_version)
		.executeTakeFirstOrThrow()
	return { recorded: inserted !== undefined, count: Number(n) }
}

/** Who approved in this round, oldest first. */
export async function listStepApprovals(
	db: Db,
	plan: { id: string; status: string; version: number },
) {
	return db
		.selectFrom('step_approval as a')
		.innerJoin('app_user as u', 'u.id', 'a.approver_id')
		.select(['a.approver_id', 'u.full_name', 'a.created_at'])
		.where('a.plan_id', '=', plan.id)
		.where('a.status', '=', plan.status)
		.where('a.plan_version', '=', plan.version)
		.orderBy('a.created_at')
		.execute()
}

/**
 * The current step's approvers and who of them approved in this round (one query), for the
 * plan page. Null, without a query, when the plan is not waiting at a step.
 */
export async function getStepDecisions(
	db: Db,
	plan: { id: string; status: string; version: number },
	step: {
		organisation_id: string
		approval_rule: ApprovalRule
		min_approvals: number | null
	} | null,
) {
	if (!step) return null
	const approvers = db
		.selectFrom('app_user')
		.select(['id', 'full_name'])
		.where('active', '=', true)
		.where('organisation_id', '=', step.organisation_id)
		.where(eb => eb(sql.lit('approver'), '=', eb.fn.any('roles')))
	const approvals = db
		.selectFrom('step_approval as a')
		.innerJoin('app_user as u', 'u.id', 'a.approver_id')
		.select(['a.approver_id', 'u.full_name', 'a.created_at'])
		.where('a.plan_id', '=', plan.id)
		.where('a.status', '=', plan.status)
		.where('a.plan_version', '=', plan.version)
	// The step's approvers by name, then anyone who approved and has since left the role (still counts).
	const rows = await db
		.selectFrom(approvers.as('p'))
		.fullJoin(approvals.as('a'), 'a.approver_id', 'p.id')
		.select(eb => [
			eb.fn.coalesce('p.id', 'a.approver_id').as('id'),
			eb.fn.coalesce('p.full_name', 'a.full_name').as('full_name'),
			'a.created_at as approved_at',
			sql<boolean>`p.id IS NOT NULL`.as('is_approver'),
		])
		.orderBy(sql`p.id IS NULL`)
		.orderBy(sql`p.full_name collate "vi"`)
		.orderBy('a.created_at')
		.execute()
	const total = rows.filter(r => r.is_approver).length
	return {
		rule: step.approval_rule,
		required: requiredApprovals(step, total),
		total,
		approved: rows.filter(r => r.approved_at).length,
		people: rows.map(r => ({
			id: r.id as string,
			full_name: r.full_name as string,
			approved_at: r.approved_at,
		})),
	}
}

/** The plan as it was at `version` (the snapshot of the last event at or before it). */
export async function planSnapshotAt(db: Db, planId: string, version: number) {
	const row = await db
		.selectFrom('plan_event')
		.select('plan_snapshot')
		.where('plan_id', '=', planId)
		.where('plan_version', '<=', version)
		.orderBy('plan_version', 'desc')
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst()
	return (row?.plan_snapshot ?? null) as PlanRecord | null
}

/** Active approvers per organisation id (one query), for the chain editor's minimum check. */
export async function countActiveApprovers(db: Db) {
	const rows = await db
		.selectFrom('app_user')
		.select(['organisation_id', eb => eb.fn.countAll<string>().as('n')])
		.where('active', '=', true)
		.where(eb => eb(sql.lit('approver'), '=', eb.fn.any('roles')))
		.groupBy('organisation_id')
		.execute()
	return Object.fromEntries(rows.map(r => [r.organisation_id, Number(r.n)]))
}
