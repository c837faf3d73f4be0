import { type AddressInfo } from 'node:net'
import { sql } from 'kysely'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { type Db } from '#db/client.server.ts'
import { startWorker } from '#workflows/worker/worker.server.ts'

/** One message as the SMTP server received it, parsed. */
export interface ReceivedMail {
	/** RCPT TO of the SMTP envelope. */
	recipients: string[]
	from: string
	to: string
	subject: string
	/** The plain-text part, its whitespace collapsed (the renderer wraps long lines). */
	text: string
	html: string
	/** The Message-ID header (the app's is stable per stored message). */
	messageId: string
}

/**
 * A real SMTP server on 127.0.0.1 (random port, no TLS, no auth) that keeps what it receives.
 * `refuse(n)` makes it refuse the next n deliveries at RCPT TO (451, a temporary failure);
 * `refuse(Infinity)` until told otherwise.
 */
export async function startSmtpServer() {
	const received: ReceivedMail[] = []
	let refusing = 0
	let refused = 0
	let holding = false
	const held: { accept: () => void; refuse: () => void }[] = []
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(_address, _session, callback) {
			if (refusing > 0) {
				refusing--
				refused++
				return callback(Object.assign(new Error('Máy chủ thư tạm thời không nhận thư'), { responseCode: 451 }))
			}
			callback()
		},
		onData(stream, session, callback) {
			simpleParser(stream).then(
				mail => {
					const accept = () => {
						received.push({
							recipients: session.envelope.rcptTo.map(r => r.address),
							from: mail.from?.text ?? '',
							to: [mail.to ?? []].flat().map(a => a.text).join(', '),
							subject: mail.subject ?? '',
							text: (mail.text ?? '').replace(/\s+/g, ' ').trim(),
							html: typeof mail.html === 'string' ? mail.html : '',
							messageId: mail.messageId ?? '',
						})
						callback()
					}
					// Held: the message arrived, but the server has not answered yet.
					if (holding) held.push({ accept, refuse: () => callback(new Error('closed')) })
					else accept()
				},
				error => callback(error),
			)
		},
	})
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
	const { port } = server.server.address() as AddressInfo
	return {
		url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
		received,
		/** How many deliveries were refused so far. */
		get refused() {
			return refused
		},
		refuse(n: number) {
			refusing = n
		},
		/** From now on, answers no message (as a server that hangs), until `release()`. */
		hold() {
			holding = true
		},
		/** Messages waiting for an answer. */
		get held() {
			return held.length
		},
		/** Answers the held messages (accepts them, or refuses them) and every one after. */
		release({ accept }: { accept: boolean }) {
			holding = false
			held.splice(0).forEach(m => (accept ? m.accept() : m.refuse()))
		},
		/** Forgets what was received (and refused) so far. */
		clear() {
			received.length = 0
			refused = 0
		},
		/** The messages received for this address. */
		to(address: string) {
			return received.filter(m => m.recipients.includes(address))
		},
		close: () => new Promise<void>(resolve => server.close(() => resolve())),
	}
}

export type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>

/** The app's job queue on this test file's database, polling often so tests stay quick. */
export function startTestWorker() {
	return startWorker(process.env.DATABASE_URL!, { concurrency: 4, pollInterval: 50 })
}

/**
 * The email jobs (graphile-worker's send_email, send_emails that adds them, and the reset requests that may add one) waiting
 * or running in this database; other tasks are not counted.
 */
export async function queuedJobs(db: Db) {
	const { rows } = await sql<{
		id: string
		task_identifier: string
		key: string | null
		attempts: number
		max_attempts: number
		last_error: string | null
		locked_at: Date | null
	}>`SELECT id, task_identifier, key, attempts, max_attempts, last_error, locked_at FROM graphile_worker.jobs WHERE task_identifier IN ('send_email', 'send_emails', 'password_reset_request') ORDER BY id`.execute(db)
	return rows
}

/**
 * Skips graphile-worker's exponential backoff (e, e², … seconds): every email job waiting for
 * a retry becomes due now, through graphile-worker's own reschedule_jobs.
 */
export async function hurryRetries(db: Db) {
	await sql`SELECT count(*) FROM graphile_worker.reschedule_jobs(
		ARRAY(SELECT id FROM graphile_worker.jobs WHERE task_identifier = 'send_email' AND locked_at IS NULL AND run_at > now()),
		run_at := now()
	)`.execute(db)
}

/** Polls `check` until it returns something truthy (or throws after `timeout` ms); `tick` runs between polls. */
export async function eventually<T>(
	check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
	{ timeout = 10_000, interval = 25, tick }: { timeout?: number; interval?: number; tick?: () => Promise<unknown> } = {},
): Promise<T> {
	const deadline = Date.now() + timeout
	for (;;) {
		const value = await check()
		if (value) return value
		if (Date.now() > deadline) throw new Error(`still not true after ${timeout} ms: ${check.toString()}`)
		await tick?.()
		await new Promise(resolve => setTimeout(resolve, interval))
	}
}

/** Waits until no email job is left: every message has been sent, stored or marked failed. */
export async function queueDrained(db: Db, options: { timeout?: number; hurry?: boolean } = {}) {
	await eventually(async () => (await queuedJobs(db)).length === 0, {
		timeout: options.timeout,
		tick: options.hurry ? () => hurryRetries(db) : undefined,
	})
}

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))
