import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { db } from '#db/client.server.ts'
import { recordAudit } from '#db/repos/audit-log.server.ts'
import { enqueueEmail } from '#db/repos/notification.server.ts'
import {
	consumePasswordReset,
	countRecentResets,
	findUsablePasswordReset,
	insertPasswordReset,
} from '#db/repos/password-reset.server.ts'
import { getActiveUserByEmail, setPassword } from '#db/repos/user.server.ts'
import { type StoredResetEmail } from '#workflows/notify/render.server.ts'
import { hashPassword } from '#lib/password.server.ts'

export const RESET_MINUTES = 60

function hashToken(token: string) {
	return createHash('sha256').update(token).digest('hex')
}

/**
 * Queues the request and returns: one insert whether or not the address is known, so the
 * answer takes the same time for both and cannot tell an outsider who has an account.
 * The requests run one at a time (one queue), so the hourly limit below counts every link.
 */
export async function requestPasswordReset(email: string) {
	await sql`SELECT graphile_worker.add_job(
		'password_reset_request',
		json_build_object('email', ${email}::text),
		queue_name := 'password_reset'
	)`.execute(db)
}

/**
 * Emails a single-use link when the address belongs to an active user: run by the job queue for
 * "Quên mật khẩu?", and at once for an admin's "send a reset link" (`requestedBy`, written to the
 * audit log with the link). The user's row is locked while the hourly limit is counted, so two
 * requests at the same moment cannot both slip under it.
 */
export async function sendPasswordReset(
	email: string,
	requestedBy?: { actorId: string },
): Promise<'sent' | 'unknown' | 'limited'> {
	const token = randomBytes(32).toString('base64url')
	return db.transaction().execute(async trx => {
		const user = await getActiveUserByEmail(trx, email, { lock: true })
		if (!user) return 'unknown'
		// A few links an hour are enough; more would let anyone flood a colleague's mailbox.
		if ((await countRecentResets(trx, user.id, RESET_MINUTES)) >= 3)
			return 'limited'
		await insertPasswordReset(trx, {
			userId: user.id,
			tokenHash: hashToken(token),
			minutes: RESET_MINUTES,
		})
		const props: StoredResetEmail = {
			resetPath: `/reset-password?token=${token}`,
			expiresMinutes: RESET_MINUTES,
		}
		await enqueueEmail(trx, {
			recipient_id: user.id,
			to_address: user.email,
			template: 'password-reset',
			props,
			organisation_id: user.organisation_id,
			dedupe_key: `password-reset:${hashToken(token)}`,
		})
		if (requestedBy)
			await recordAudit(trx, {
				actorId: requestedBy.actorId,
				organisationId: user.organisation_id,
				action: 'user.reset_sent',
				subjectId: user.id,
			})
		return 'sent'
	})
}

export async function findResetUser(token: string) {
	return token ? findUsablePasswordReset(db, hashToken(token)) : undefined
}

/** Sets the new password if the token is still usable; the token can never be used again. */
export async function resetPassword(token: string, password: string) {
	const reset = await findResetUser(token)
	if (!reset) return null
	const passwordHash = await hashPassword(password)
	return db.transaction().execute(async trx => {
		if (!(await consumePasswordReset(trx, reset.id, reset.user_id))) return null
		await setPassword(trx, reset.user_id, { passwordHash, mustChange: false })
		return reset.user_id
	})
}
