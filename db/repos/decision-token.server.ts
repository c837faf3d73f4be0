import { sql } from 'kysely'
import { type Db } from '../client.server.ts'
import { type DecisionTokenTable } from '../schema.ts'

export type DecisionAction = DecisionTokenTable['action']

export async function insertDecisionTokens(
	db: Db,
	rows: {
		token_hash: string
		approver_id: string
		plan_id: string
		step_status: string
		plan_version: number
		action: DecisionAction
		expires_at: Date
	}[],
) {
	if (!rows.length) return
	await db.insertInto('decision_token').values(rows).execute()
}

function selectToken(db: Db) {
	return db
		.selectFrom('decision_token as t')
		.innerJoin('app_user as u', 'u.id', 't.approver_id')
		.select([
			't.id',
			't.approver_id',
			't.plan_id',
			't.step_status',
			't.plan_version',
			't.action',
			't.expires_at',
			't.used_at',
			'u.full_name as approver_name',
			'u.locale as approver_locale',
			'u.organisation_id as approver_organisation_id',
			'u.roles as approver_roles',
			'u.active as approver_active',
		])
}

/** A token by its hash, with its approver (for the confirmation page). */
export async function findDecisionToken(db: Db, tokenHash: string) {
	return selectToken(db)
		.where('t.token_hash', '=', tokenHash)
		.executeTakeFirst()
}

/**
 * The same, locked until the caller's transaction ends, so two clicks decide once. The rows of
 * the approver's other link for the round (approve and return) are locked with it, in id
 * order, since a decision uses them all: two of them clicked at once wait, not deadlock.
 */
export async function lockDecisionToken(trx: Db, tokenHash: string) {
	const rows = await selectToken(trx)
		.select('t.token_hash')
		.where(
			sql<boolean>`(t.approver_id, t.plan_id, t.step_status, t.plan_version) = (
				SELECT approver_id, plan_id, step_status, plan_version
				FROM decision_token WHERE token_hash = ${tokenHash})`,
		)
		.orderBy('t.id')
		.forUpdate('t')
		.execute()
	return rows.find(r => r.token_hash === tokenHash)
}

export type DecisionTokenRow = NonNullable<
	Awaited<ReturnType<typeof findDecisionToken>>
>

/** Uses this approver's links for this plan at this step and version (approve and return alike). */
export async function markDecisionTokensUsed(
	trx: Db,
	token: Pick<
		DecisionTokenRow,
		'approver_id' | 'plan_id' | 'step_status' | 'plan_version'
	>,
	now: Date,
) {
	await trx
		.updateTable('decision_token')
		.set({ used_at: now })
		.where('approver_id', '=', token.approver_id)
		.where('plan_id', '=', token.plan_id)
		.where('step_status', '=', token.step_status)
		.where('plan_version', '=', token.plan_version)
		.where('used_at', 'is', null)
		.execute()
}
