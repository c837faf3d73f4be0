import { sql } from 'kysely'
import { type Db } from '../client.server.ts'

export async function insertPasswordReset(
	db: Db,
	{
		userId,
		tokenHash,
		minutes,
	}: { userId: string; tokenHash: string; minutes: number },
) {
	await db
		.insertInto('password_reset')
		.values({
			user_id: userId,
			token_hash: tokenHash,
			expires_at: sql<Date>`now() + make_interval(mins => ${minutes})`,
		})
		.execute()
}

/** The user of a reset token that is unused and not expired. */
export async function findUsablePasswordReset(db: Db, tokenHash: string) {
	return db
		.selectFrom('password_reset as r')
		.innerJoin('app_user as u', 'u.id', 'r.user_id')
		.select(['r.id', 'r.user_id', 'u.email'])
		.where('r.token_hash', '=', tokenHash)
		.where('r.used_at', 'is', null)
		.where('r.expires_at', '>', sql<Date>`now()`)
		.where('u.active', '=', true)
		.executeTakeFirst()
}

/** Uses the token once: false if someone used it first. Other open tokens of the user end too. */
export async function consumePasswordReset(db: Db, id: string, userId: string) {
	const used = await db
		.updateTable('password_reset')
		.set({ used_at: sql`now()` })
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.returning('id')
		.executeTakeFirst()
	if (!used) return false
	await db
		.updateTable('password_reset')
		.set({ used_at: sql`now()` })
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.execute()
	return true
}

export async function countRecentResets(
	db: Db,
	userId: string,
	minutes: number,
) {
	const row = await db
		.selectFrom('password_reset')
		.select(eb => eb.fn.countAll<string>().as('n'))
		.where('user_id', '=', userId)
		.where(
			'created_at',
			'>',
			sql<Date>`now() - make_interval(mins => ${minutes})`,
		)
		.executeTakeFirstOrThrow()
	return Number(row.n)
}
