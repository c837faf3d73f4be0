import { sql } from 'kysely'
import { type Db } from '#db/connect.ts'
import {
	getEmailForSending,
	markEmailDelivered,
} from '#db/repos/notification.server.ts'
import { renderStoredEmail, withoutDecisionLinks } from './render.server.ts'

/**
 * Past events loaded as demo data (the 2019 trips) were announced long ago: their queued emails
 * are recorded as sent, rendered for the Outbox, and their send_email jobs removed, so starting
 * with SMTP_URL set never mails the demo users about them. Run inside the loading transaction.
 */
export async function recordHistoryEmailsSent(trx: Db) {
	const queued = await trx
		.selectFrom('email_message')
		.select('id')
		.where('status', '=', 'queued')
		.orderBy('id')
		.execute()
	for (const { id } of queued) {
		const message = await getEmailForSending(trx, id)
		if (!message) continue
		const props = withoutDecisionLinks(message.props) ?? message.props
		const email = await renderStoredEmail({ ...message, props })
		await markEmailDelivered(trx, id, { status: 'sent', ...email, props })
	}
	if (queued.length)
		await sql`SELECT graphile_worker.remove_job(key)
			FROM unnest(${queued.map(q => `email:${q.id}`)}::text[]) AS key`.execute(trx)
	return queued.length
}
