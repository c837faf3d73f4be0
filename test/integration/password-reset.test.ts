import { type JobWorker } from '#workflows/worker/worker.server.ts'
import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { queryCounter } from '#db/connect.ts'
import { loader as homeLoader } from '#app/routes/_index.tsx'
import * as forgotRoute from '#app/routes/forgot-password.tsx'
import * as loginRoute from '#app/routes/login.tsx'
import * as resetRoute from '#app/routes/reset-password.tsx'
import { verifyPassword } from '#lib/password.server.ts'
import { PASSWORD, args, cookiePair, insertUser, request, sessionCookie, settle } from '../factories.ts'
import { queueDrained, type SmtpServer, startSmtpServer, startTestWorker } from '../mail.ts'

// "Quên mật khẩu": an emailed single-use link, valid one hour, the same answer for any address.

const APP_URL = 'https://doingoai.example.vn'
const NEW_PASSWORD = 'Mật khẩu mới 2027!'

let smtp: SmtpServer
let worker: JobWorker
beforeAll(async () => {
	smtp = await startSmtpServer()
	process.env.SMTP_URL = smtp.url
	process.env.APP_URL = APP_URL
	worker = await startTestWorker()
})
afterAll(async () => {
	await worker?.stop()
	await smtp?.close()
	delete process.env.SMTP_URL
	delete process.env.APP_URL
})

let user: Awaited<ReturnType<typeof insertUser>>
beforeEach(async () => {
	smtp.clear()
	user = await insertUser(db, { full_name: 'Hoàng Văn Bình' })
})

async function forgot(email: string) {
	return settle(async () => forgotRoute.action(args(await request('/forgot-password', { form: { email } }))))
}

/** The reset links that reached `email` since the last call. */
async function linksMailedTo(email: string) {
	await queueDrained(db)
	const mails = smtp.received.filter(m => m.recipients.includes(email))
	smtp.clear()
	return mails.map(mail => {
		expect(mail.subject).toBe('[Đối ngoại] Đặt lại mật khẩu')
		const match = mail.text.match(/https:\/\/doingoai\.example\.vn(\/reset-password\?token=[\w-]+)/)
		if (!match) throw new Error(`no reset link in: ${mail.text}`)
		return { path: match[1], token: new URL(match[0]).searchParams.get('token')! }
	})
}

async function requestLink() {
	expect((await forgot(user.email)).status).toBe(200)
	const links = await linksMailedTo(user.email)
	expect(links).toHaveLength(1)
	return links[0]
}

async function openLink(path: string) {
	const response = await settle(async () => resetRoute.loader(args(await request(path))))
	expect(response.status).toBe(200)
	return (await response.json()) as { token: string; valid: boolean; email: string | null }
}

async function setNewPassword(token: string, password = NEW_PASSWORD, cookie?: string) {
	return settle(async () => resetRoute.action(args(await request('/reset-password', { cookie, form: { token, password, confirm: password } }))))
}

async function passwordIs(password: string) {
	const { password_hash } = await db.selectFrom('app_user').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow()
	return verifyPassword(password_hash, password)
}

async function signedIn(cookie: string) {
	const response = await settle(() => homeLoader(args(new Request('http://localhost/', { headers: { Cookie: cookie } }))))
	return response.status === 200
}

describe('asking for a link', () => {
	test('the same answer whether or not the address is known, and no email for an unknown one', async () => {
		const known = await forgot(user.email)
		const unknown = await forgot('khong.ton.tai@ldld-quangtri.vn')
		const inactive = await insertUser(db, { active: false })
		const deactivated = await forgot(inactive.email)
		const bodies = await Promise.all([known, unknown, deactivated].map(async r => JSON.stringify(await r.json())))
		expect([known.status, unknown.status, deactivated.status]).toEqual([200, 200, 200])
		expect(bodies[1]).toBe(bodies[0].replace(user.email, 'khong.ton.tai@ldld-quangtri.vn'))
		expect(bodies[2]).toBe(bodies[0].replace(user.email, inactive.email))
		expect(JSON.parse(bodies[0])).toMatchObject({ sent: true })
		for (const r of [known, unknown, deactivated]) expect(r.headers.get('Set-Cookie')).toBeNull()

		await queueDrained(db)
		expect(smtp.received.map(m => m.recipients)).toEqual([[user.email]])
		expect(await db.selectFrom('email_message').select('to_address').execute()).toEqual([{ to_address: user.email }])
		expect(await db.selectFrom('password_reset').select('user_id').execute()).toEqual([{ user_id: user.id }])
	})

	test('the answer does the same database work for a known and an unknown address: the lookup runs later, in the job queue', async () => {
		await queueDrained(db)
		await worker.stop()
		try {
			const counted = async (email: string) => {
				const before = queryCounter.count
				expect((await forgot(email)).status).toBe(200)
				return queryCounter.count - before
			}
			const known = await counted(user.email)
			const unknown = await counted('khong.ton.tai@ldld-quangtri.vn')
			expect(known).toBe(unknown)
			expect(known).toBe(1)
			// Nothing about the account was touched before the answer.
			expect(await db.selectFrom('password_reset').select('id').execute()).toEqual([])
			expect(await db.selectFrom('email_message').select('id').execute()).toEqual([])
		} finally {
			worker = await startTestWorker()
		}
		await queueDrained(db)
		expect(smtp.received.map(m => m.recipients)).toEqual([[user.email]])
	})

	test('at most three emails an hour; the answer stays the same', async () => {
		for (let i = 0; i < 5; i++) {
			const response = await forgot(user.email)
			expect(response.status).toBe(200)
			expect(await response.json()).toMatchObject({ sent: true })
		}
		const links = await linksMailedTo(user.email)
		expect(links).toHaveLength(3)
		expect(new Set(links.map(l => l.token)).size).toBe(3)
		expect(await db.selectFrom('password_reset').select('id').execute()).toHaveLength(3)

		// An hour later another one may be sent.
		await db.updateTable('password_reset').set({ created_at: sql`created_at - interval '61 minutes'` }).execute()
		await forgot(user.email)
		expect(await linksMailedTo(user.email)).toHaveLength(1)
	})

	test('the token is stored hashed, and the link is valid for 60 minutes', async () => {
		const { token } = await requestLink()
		const [reset] = await db
			.selectFrom('password_reset')
			.select(['token_hash', 'created_at', 'expires_at'])
			.execute()
		expect(reset.token_hash).not.toContain(token)
		expect(reset.token_hash).toMatch(/^[0-9a-f]{64}$/)
		expect(reset.expires_at.getTime() - reset.created_at.getTime()).toBe(60 * 60 * 1000)
	})
})

describe('using the link', () => {
	test('works once: sets the password, ends every other session and signs this browser in', async () => {
		const { path, token } = await requestLink()
		const laptop = await sessionCookie(user.id)
		const phone = await sessionCookie(user.id)
		expect(await signedIn(laptop)).toBe(true)

		expect(await openLink(path)).toEqual({ token, valid: true, email: user.email })
		const response = await setNewPassword(token)
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/')
		const cookie = cookiePair(response.headers.getSetCookie().find(c => c.startsWith('session=')))

		expect(await passwordIs(NEW_PASSWORD)).toBe(true)
		expect(await passwordIs(PASSWORD)).toBe(false)
		expect(await signedIn(laptop)).toBe(false)
		expect(await signedIn(phone)).toBe(false)
		expect(await signedIn(cookie)).toBe(true)
		expect(await db.selectFrom('session').select('user_id').execute()).toEqual([{ user_id: user.id }])

		// The new password signs in.
		const login = await settle(async () => loginRoute.action(args(await request('/login', { form: { email: user.email, password: NEW_PASSWORD } }))))
		expect(login.status).toBe(302)

		// The same link again: refused, and the password stays.
		expect(await openLink(path)).toEqual({ token, valid: false, email: null })
		const again = await setNewPassword(token, 'Mật khẩu thứ ba 2027!')
		expect(again.status).toBe(400)
		expect((await again.json()).result.error).toEqual({ '': ['reset.invalid'] })
		expect(await passwordIs(NEW_PASSWORD)).toBe(true)
	})

	test('after 60 minutes the link no longer works', async () => {
		const { path, token } = await requestLink()
		await db.updateTable('password_reset').set({ expires_at: sql`now() - interval '1 second'` }).execute()
		expect(await openLink(path)).toMatchObject({ valid: false, email: null })
		const response = await setNewPassword(token)
		expect(response.status).toBe(400)
		expect((await response.json()).result.error).toEqual({ '': ['reset.invalid'] })
		expect(await passwordIs(PASSWORD)).toBe(true)
	})

	test('a used link fails, and so do the other links sent before it', async () => {
		const first = await requestLink()
		const second = await requestLink()
		expect((await setNewPassword(second.token)).status).toBe(302)
		for (const { path, token } of [first, second]) {
			expect(await openLink(path)).toMatchObject({ valid: false })
			expect((await setNewPassword(token, 'Mật khẩu thứ ba 2027!')).status).toBe(400)
		}
		expect(await passwordIs(NEW_PASSWORD)).toBe(true)
		// A made-up token fails too.
		expect(await openLink('/reset-password?token=khong-phai-token')).toMatchObject({ valid: false })
		expect((await setNewPassword('khong-phai-token')).status).toBe(400)
	})
})
