import { type Db } from '#db/client.server.ts'
import { getMyEmail, listMyEmails } from '#db/repos/notification.server.ts'
import { renderStoredEmail } from './render.server.ts'

export { listMyEmails }

/**
 * One message as its recipient reads it in the app. Until it has left by SMTP it is rendered
 * from its props, one-time links included: only its recipient ever gets this. Once sent, the
 * link-free copy kept in the database (the links are in their mailbox). Null for anyone else.
 */
export async function readMyEmail(db: Db, id: string, userId: string) {
	const message = await getMyEmail(db, id, userId)
	if (!message) return null
	const sent = message.status === 'sent' && message.html !== null
	const rendered = sent ? null : await renderStoredEmail(message)
	return {
		id: message.id,
		status: message.status,
		created_at: message.created_at,
		subject: rendered?.subject ?? message.subject ?? '',
		html: rendered?.html ?? message.html ?? '',
		sent,
	}
}
