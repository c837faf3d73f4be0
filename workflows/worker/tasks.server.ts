import { type Task, type TaskList } from 'graphile-worker'
import { z } from 'zod'
import { db } from '#db/client.server.ts'
import {
	addSendJobs,
	claimEmailForSending,
	EMAIL_MAX_ATTEMPTS,
	getEmailForSending,
	markEmailAttemptFailed,
	markEmailDelivered,
} from '#db/repos/notification.server.ts'
import { sendPasswordReset } from '#workflows/access/password-reset.server.ts'
import { messageIdFor, sendEmail } from '#workflows/notify/email.server.ts'
import { isConnectionError } from '#db/availability.ts'
import {
	renderStoredEmail,
	withoutDecisionLinks,
} from '#workflows/notify/render.server.ts'
import { dateInVietnam } from '#workflows/reminders/reminder-points.ts'
import { runDailyReminders } from '#workflows/reminders/reminders.server.ts'
import { runWeeklyPassportExpiry } from '#workflows/reminders/passport-expiry.server.ts'
import { runRequestReminders } from '#workflows/requests/reminders.server.ts'

const REDACTED = '— Nội dung đã được ẩn vì chứa liên kết đặt lại mật khẩu. —'

const SendEmailPayload = z.object({ messageId: z.uuid() })

type StoredMessage = NonNullable<Awaited<ReturnType<typeof getEmailForSending>>>

function withoutLinks(message: StoredMessage) {
	if (message.template === 'password-reset') return {}
	return withoutDecisionLinks(message.props) ?? message.props
}

/**
 * The rendered copy kept in the database never holds a one-time link (a reset link is a
 * password, a decision link decides without signing in), whether or not it was sent.
 */
async function keptCopy(
	message: StoredMessage,
	email: Awaited<ReturnType<typeof renderStoredEmail>>,
) {
	if (message.template === 'password-reset')
		return { subject: email.subject, html: REDACTED, text: REDACTED }
	const linkFree = withoutDecisionLinks(message.props)
	return linkFree ? renderStoredEmail({ ...message, props: linkFree }) : email
}

/**
 * Renders the stored message in the recipient's language and sends it. A refusal throws, and
 * graphile-worker retries with exponential backoff; the last refusal marks the message failed
 * for the Outbox page, where an admin can resend it.
 *
 * Once: the message is claimed ('sending') before SMTP and marked sent right after the server
 * accepts it (waiting out a database outage for that write), so a job that runs twice finds it
 * sent. Only a crash between SMTP's acceptance and that write (milliseconds) leaves it
 * 'sending': the next run sends it again rather than lose it, with the same Message-ID.
 */
export const sendEmailTask: Task = async (payload, helpers) => {
	const { messageId } = SendEmailPayload.parse(payload)
	const message = await getEmailForSending(db, messageId)
	if (!message || message.status === 'sent' || message.status === 'stored')
		return
	const email = await renderStoredEmail(message)
	const smtp = Boolean(process.env.SMTP_URL)
	if (smtp && !(await claimEmailForSending(db, message.id, message.status)))
		return
	if (message.status === 'sending')
		helpers.logger.warn(
			`email ${message.id} was being sent when its last run stopped; sending it again`,
		)
	let status: Awaited<ReturnType<typeof sendEmail>>
	try {
		status = await sendEmail({
			to: message.to_address,
			...email,
			messageId: messageIdFor(message.id),
		})
	} catch (error) {
		const final =
			helpers.job.attempts >=
			Math.min(helpers.job.max_attempts, EMAIL_MAX_ATTEMPTS)
		await markEmailAttemptFailed(
			db,
			message.id,
			error instanceof Error ? error.message : String(error),
			final,
		)
		if (!final) throw error
		helpers.logger.error(
			`email ${message.id} failed for good: ${String(error)}`,
		)
		return
	}
	const kept = {
		status,
		...(await keptCopy(message, email)),
		// Once the email has left by SMTP, no one-time link stays behind in the props either;
		// unsent, the props keep them for the recipient's own copy under "Thư của tôi".
		...(status === 'sent' ? { props: withoutLinks(message) } : {}),
	}
	await whenDatabaseAnswers(() => markEmailDelivered(db, message.id, kept))
}

/** Runs `write`, retrying while the database cannot be reached (up to 10 minutes). */
async function whenDatabaseAnswers(write: () => Promise<void>) {
	const deadline = Date.now() + 10 * 60_000
	for (let wait = 200; ; wait = Math.min(wait * 2, 3000)) {
		try {
			return await write()
		} catch (error) {
			if (!isConnectionError(error) || Date.now() > deadline) throw error
			await new Promise(resolve => setTimeout(resolve, wait))
		}
	}
}

const SendEmailsPayload = z.object({ messageIds: z.array(z.uuid()) })

/** Many messages queued by one statement (the daily reminders): each gets its own send_email job. */
export const sendEmailsTask: Task = async payload => {
	await addSendJobs(db, SendEmailsPayload.parse(payload).messageIds)
}

const DailyRemindersPayload = z.object({
	/** Set by graphile-worker's cron: the time the job was scheduled for (also when backfilled later). */
	_cron: z.object({ ts: z.string() }).partial().optional(),
	/** A day to run for ('YYYY-MM-DD'), e.g. when run by hand. */
	date: z.iso.date().optional(),
})

/**
 * The daily reminders for the day the job was scheduled for, as a date in Asia/Ho_Chi_Minh
 * (graphile's cron gives `_cron.ts`; a job added by hand runs for today unless it names a
 * `date`). A job that runs twice, or late, sends nothing twice: every reminder has its dedupe key.
 */
export const dailyRemindersTask: Task = async (payload, helpers) => {
	const parsed = DailyRemindersPayload.parse(payload ?? {})
	const today = parsed.date ?? dateInVietnam(parsed._cron?.ts ?? new Date())
	const run = await runDailyReminders(db, today)
	const requests = await runRequestReminders(db, today)
	// The week's list of passports expiring within 6 months: sent by the first run of the week.
	const expiry = await runWeeklyPassportExpiry(db, today)
	helpers.logger.info(
		`daily reminders for ${today}: ${run.reminders.length} due, ${run.emailsQueued} emails queued; report requests: ${requests.reminders} due, ${requests.emailsQueued} emails queued; passports expiring (week of ${expiry.weekOf}): ${expiry.organisations.length} organisations, ${expiry.emailsQueued} emails queued`,
	)
}

const PasswordResetPayload = z.object({ email: z.string() })

export const passwordResetRequestTask: Task = async payload => {
	await sendPasswordReset(PasswordResetPayload.parse(payload).email)
}

export const taskList: TaskList = {
	send_email: sendEmailTask,
	send_emails: sendEmailsTask,
	password_reset_request: passwordResetRequestTask,
	daily_reminders: dailyRemindersTask,
}
