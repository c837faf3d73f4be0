import nodemailer from 'nodemailer'
import { singleton } from '#lib/singleton.server.ts'

export interface OutgoingEmail {
	to: string
	subject: string
	html: string
	text: string
	/** A stable Message-ID (`<…@…>`): a copy sent again after a crash carries the same one. */
	messageId?: string
}

export const MAIL_FROM =
	process.env.MAIL_FROM ?? 'Đối ngoại công đoàn <no-reply@doingoai.local>'

function transport(smtpUrl: string) {
	return singleton(`smtp:${smtpUrl}`, () => nodemailer.createTransport(smtpUrl))
}

/**
 * Sends over SMTP when SMTP_URL is set; otherwise the message stays in the database and is
 * read on the Outbox page ("stored"). Throws when the SMTP server refuses, so the job retries.
 */
export async function sendEmail(
	email: OutgoingEmail,
	smtpUrl = process.env.SMTP_URL,
): Promise<'sent' | 'stored'> {
	if (!smtpUrl) return 'stored'
	await transport(smtpUrl).sendMail({ from: MAIL_FROM, ...email })
	return 'sent'
}

/** The Message-ID of a stored message: the same on every attempt, so receivers can spot a repeat. */
export function messageIdFor(id: string) {
	const domain = /@([^>\s]+)>?\s*$/.exec(MAIL_FROM)?.[1] ?? 'doingoai.local'
	return `<${id}@${domain}>`
}

export function appUrl(path: string) {
	const base =
		process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`
	return new URL(path, base).toString()
}
