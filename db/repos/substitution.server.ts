import { sql } from 'kysely'
import { type Db } from '../client.server.ts'

/** Substitutions in force on `today` (an Asia/Ho_Chi_Minh date): not ended early, today within the range. */
function inForce(today: string) {
	return sql<boolean>`substitution.ended_early_at IS NULL AND substitution.starts_on <= ${today}::date AND substitution.ends_on >= ${today}::date`
}

/** The principals this user stands in for today (one query), with their names. */
export async function principalsOf(db: Db, userId: string, today: string) {
	return db
		.selectFrom('substitution')
		.innerJoin('app_user as p', 'p.id', 'substitution.principal_id')
		.select(['p.id', 'p.full_name', 'p.organisation_id'])
		.where('substitution.substitute_id', '=', userId)
		.where('p.active', '=', true)
		.where(inForce(today))
		.orderBy(sql`p.full_name COLLATE vi`)
		.execute()
}

/** Active substitutes of the approvers of these organisations today (for notifications). */
export async function substitutesForApproversOf(
	db: Db,
	organisationIds: string[],
	today: string,
) {
	if (!organisationIds.length) return []
	return substitutesQuery(db, organisationIds, today).execute()
}

/** The query of `substitutesForApproversOf`, to run together with another (non-empty `organisationIds`). */
export function substitutesQuery(
	db: Db,
	organisationIds: string[],
	today: string,
) {
	return db
		.selectFrom('substitution')
		.innerJoin('app_user as p', 'p.id', 'substitution.principal_id')
		.innerJoin('app_user as s', 's.id', 'substitution.substitute_id')
		.select([
			's.id',
			's.email',
			's.full_name',
			's.locale',
			's.email_info',
			's.organisation_id',
			's.roles',
			'p.id as principal_id',
		])
		.where('p.organisation_id', 'in', organisationIds)
		.where(sql<boolean>`'approver' = ANY(p.roles)`)
		.where('p.active', '=', true)
		.where('s.active', '=', true)
		.where(inForce(today))
}

export async function listSubstitutions(
	db: Db,
	{ organisationId, userId }: { organisationId: string; userId: string | null },
	today: string,
) {
	let query = db
		.selectFrom('substitution')
		.innerJoin('app_user as p', 'p.id', 'substitution.principal_id')
		.innerJoin('app_user as s', 's.id', 'substitution.substitute_id')
		.select([
			'substitution.id',
			'substitution.starts_on',
			'substitution.ends_on',
			'substitution.ended_early_at',
			'p.id as principal_id',
			'p.full_name as principal_name',
			's.full_name as substitute_name',
		])
		.where('substitution.organisation_id', '=', organisationId)
		// Current and future ones; past ones are history.
		.where('substitution.ends_on', '>=', today)
		.where('substitution.ended_early_at', 'is', null)
		.orderBy('substitution.starts_on')
		.limit(100)
	if (userId)
		query = query.where(eb =>
			eb.or([
				eb('substitution.principal_id', '=', userId),
				eb('substitution.substitute_id', '=', userId),
			]),
		)
	return query.execute()
}

export type SubstitutionError =
	| 'substitutes.errors.overlap'
	| 'substitutes.errors.past'
	| 'substitutes.errors.order'
	| 'substitutes.errors.self'
	| 'substitutes.errors.substitute'

/**
 * Names a substitute, inside the caller's transaction. The principal's row is locked so two
 * overlapping ranges can never both be saved.
 */
export async function createSubstitution(
	trx: Db,
	input: {
		organisationId: string
		principalId: string
		substituteId: string
		startsOn: string
		endsOn: string
		createdBy: string
	},
	today: string,
): Promise<
	| { ok: true; id: string }
	| { ok: false; field: string; error: SubstitutionError }
> {
	if (input.principalId === input.substituteId)
		return {
			ok: false,
			field: 'substitute_id',
			error: 'substitutes.errors.self',
		}
	if (input.startsOn < today)
		return { ok: false, field: 'starts_on', error: 'substitutes.errors.past' }
	if (input.endsOn < input.startsOn)
		return { ok: false, field: 'ends_on', error: 'substitutes.errors.order' }
	const people = await trx
		.selectFrom('app_user')
		.select(['id', 'organisation_id', 'active', 'roles'])
		.where('id', 'in', [input.principalId, input.substituteId])
		.orderBy('id')
		.forUpdate()
		.execute()
	const principal = people.find(p => p.id === input.principalId)
	const substitute = people.find(p => p.id === input.substituteId)
	if (
		!principal ||
		principal.organisation_id !== input.organisationId ||
		!principal.roles.includes('approver') ||
		!substitute ||
		!substitute.active ||
		substitute.organisation_id !== input.organisationId
	)
		return {
			ok: false,
			field: 'substitute_id',
			error: 'substitutes.errors.substitute',
		}
	const overlap = await trx
		.selectFrom('substitution')
		.select('id')
		.where('principal_id', '=', input.principalId)
		.where('ended_early_at', 'is', null)
		.where('starts_on', '<=', input.endsOn)
		.where('ends_on', '>=', input.startsOn)
		.executeTakeFirst()
	if (overlap)
		return {
			ok: false,
			field: 'starts_on',
			error: 'substitutes.errors.overlap',
		}
	const row = await trx
		.insertInto('substitution')
		.values({
			organisation_id: input.organisationId,
			principal_id: input.principalId,
			substitute_id: input.substituteId,
			starts_on: input.startsOn,
			ends_on: input.endsOn,
			created_by: input.createdBy,
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	return { ok: true, id: row.id }
}

/** Ends a substitution now; returns false if it is not this organisation's or already over. */
export async function endSubstitutionEarly(
	db: Db,
	{
		id,
		organisationId,
		principalId,
	}: { id: string; organisationId: string; principalId: string | null },
) {
	let query = db
		.updateTable('substitution')
		.set({ ended_early_at: new Date(), updated_at: new Date() })
		.where('id', '=', id)
		.where('organisation_id', '=', organisationId)
		.where('ended_early_at', 'is', null)
	if (principalId) query = query.where('principal_id', '=', principalId)
	const result = await query.executeTakeFirst()
	return Number(result.numUpdatedRows) > 0
}
