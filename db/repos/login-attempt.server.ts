import { sql } from 'kysely'
import { type Db } from '../client.server.ts'

export const LOCKOUT_ATTEMPTS = 5
export const LOCKOUT_MINUTES = 15

export async function recordLoginAttempt(
	db: Db,
	attempt: { email: string; ip: string; succeeded: boolean },
) {
	await db
		.insertInto('login_attempt')
		.values({ ...attempt, email: attempt.email.toLowerCase() })
		.execute()
}

/**
 * Locked for LOCKOUT_MINUTES after the failure that made LOCKOUT_ATTEMPTS failures within
 * LOCKOUT_MINUTES, counted per account and per IP address. Refused attempts are not recorded,
 * so the lock ends on time.
 */
export async function isLockedOut(
	db: Db,
	{ email, ip }: { email: string; ip: string },
) {
	const window = sql`make_interval(mins => ${LOCKOUT_MINUTES})`
	const result = await sql<{ locked: boolean }>`
		SELECT EXISTS (
			SELECT 1 FROM (
				SELECT created_at, count(*) OVER (
					PARTITION BY key ORDER BY created_at RANGE BETWEEN ${window} PRECEDING AND CURRENT ROW
				) AS failures
				FROM (
					SELECT 'email' AS key, created_at FROM login_attempt
					WHERE email = ${email.toLowerCase()} AND NOT succeeded AND created_at > now() - 2 * ${window}
					UNION ALL
					SELECT 'ip' AS key, created_at FROM login_attempt
					WHERE ip = ${ip} AND NOT succeeded AND created_at > now() - 2 * ${window}
				) recent
			) counted
			WHERE failures >= ${LOCKOUT_ATTEMPTS} AND created_at > now() - ${window}
		) AS locked`.execute(db)
	return result.rows[0]?.locked ?? false
}
