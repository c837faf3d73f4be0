import { sql } from 'kysely'
import { type Db } from '../client.server.ts'

/** Every LOCKOUT_ATTEMPTS-th failure in a row for one account locks it, each time for twice as long. */
export const LOCKOUT_ATTEMPTS = 5
export const LOCKOUT_MINUTES = 15
export const LOCKOUT_MAX_MINUTES = 24 * 60
/** An office shares one address behind NAT: only a flood from it locks the address. */
export const ADDRESS_LOCKOUT_ATTEMPTS = 100

export async function recordLoginAttempt(
	db: Db,
	attempt: { email: string; ip: string; succeeded: boolean },
) {
	await db
		.insertInto('login_attempt')
		.values({ ...attempt, email: attempt.email.toLowerCase() })
		.execute()
}

/** How long the n-th failure in a row locks the account: 0, or 15, 30, 60 … minutes up to a day. */
export function accountLockMinutes(failures: number) {
	if (failures < LOCKOUT_ATTEMPTS || failures % LOCKOUT_ATTEMPTS !== 0) return 0
	return Math.min(
		LOCKOUT_MINUTES * 2 ** (failures / LOCKOUT_ATTEMPTS - 1),
		LOCKOUT_MAX_MINUTES,
	)
}

/**
 * Minutes left before this account or this address may try again (0 when it may now).
 * An account counts its failures since its last success (within a day); an address counts
 * the failures of the last LOCKOUT_MINUTES whichever accounts they were for. Refused
 * attempts are not recorded, so a lock ends on time.
 */
export async function lockedForMinutes(
	db: Db,
	{ email, ip }: { email: string; ip: string },
) {
	const result = await sql<{
		failures: string
		last_failure: Date | null
		address_failures: string
		address_first: Date | null
	}>`
		WITH account AS (
			SELECT count(*) AS failures, max(created_at) AS last_failure FROM login_attempt
			WHERE email = ${email.toLowerCase()} AND NOT succeeded
				AND created_at > now() - make_interval(mins => ${LOCKOUT_MAX_MINUTES})
				AND created_at > coalesce((
					SELECT max(created_at) FROM login_attempt
					WHERE email = ${email.toLowerCase()} AND succeeded
				), '-infinity')
		), address AS (
			SELECT count(*) AS address_failures, min(created_at) AS address_first FROM (
				SELECT created_at FROM login_attempt
				WHERE ip = ${ip} AND NOT succeeded
					AND created_at > now() - make_interval(mins => ${LOCKOUT_MINUTES})
				ORDER BY created_at DESC LIMIT ${ADDRESS_LOCKOUT_ATTEMPTS}
			) recent
		)
		SELECT * FROM account, address`.execute(db)
	const row = result.rows[0]
	if (!row) return 0
	const now = Date.now()
	const minutesUntil = (from: Date | null, minutes: number) =>
		from
			? Math.max(
					0,
					(new Date(from).getTime() + minutes * 60_000 - now) / 60_000,
				)
			: 0
	const account = minutesUntil(
		row.last_failure,
		accountLockMinutes(Number(row.failures)),
	)
	const address =
		Number(row.address_failures) >= ADDRESS_LOCKOUT_ATTEMPTS
			? minutesUntil(row.address_first, LOCKOUT_MINUTES)
			: 0
	return Math.ceil(Math.max(account, address))
}
