import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import {
	ADDRESS_LOCKOUT_ATTEMPTS,
	LOCKOUT_ATTEMPTS,
} from '#db/repos/login-attempt.server.ts'
import { loader as homeLoader } from '#app/routes/_index.tsx'
import { action } from '#app/routes/login.tsx'
import {
	PASSWORD,
	args,
	insertUser,
	request,
	sessionIdOf,
	settle,
} from '../factories.ts'

async function login(
	form: Record<string, string>,
	{ ip = '1.2.3.4', cookie }: { ip?: string; cookie?: string } = {},
) {
	const req = await request('/login', { form, cookie })
	return settle(() =>
		action({ request: req, params: {}, context: { clientIp: ip } }),
	)
}

type Reply = {
	result: {
		status: string
		initialValue?: Record<string, unknown>
		error?: Record<string, string[]>
	}
}
async function formErrors(response: Response) {
	const { result } = (await response.json()) as Reply
	return result.error?.[''] ?? []
}

async function sessionIds(userId: string) {
	const rows = await db
		.selectFrom('session')
		.select('id')
		.where('user_id', '=', userId)
		.execute()
	return rows.map(r => r.id)
}

describe('signing in', () => {
	test('the right password starts a session and goes to the page asked for', async () => {
		const user = await insertUser(db)
		const response = await login({
			email: user.email,
			password: PASSWORD,
			redirectTo: '/admin/users?q=an',
		})

		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/admin/users?q=an')
		const setCookie = response.headers.get('Set-Cookie')
		expect(setCookie).toMatch(/HttpOnly/i)
		expect(setCookie).toMatch(/SameSite=Lax/i)
		const sessionId = sessionIdOf(setCookie)
		expect(await sessionIds(user.id)).toEqual([sessionId])

		// The cookie is what a browser sends next, and it signs the user in.
		const home = await homeLoader(
			args(await request('/', { cookie: `session=${sessionId}` })),
		)
		expect((await home.json()).user.fullName).toBe(user.full_name)
	})

	test('the email is matched whatever its case and surrounding spaces', async () => {
		const user = await insertUser(db, { email: 'Mai.Dang@BanDoiNgoai.vn' })
		const response = await login({
			email: '  mai.dang@bandoingoai.VN ',
			password: PASSWORD,
		})
		expect(response.status).toBe(302)
		expect(await sessionIds(user.id)).toHaveLength(1)
	})

	test('never redirects to another site after signing in', async () => {
		const user = await insertUser(db)
		// Browsers read a backslash, or a tab or newline after the first slash, as another site too.
		for (const redirectTo of [
			'https://evil.example.com/',
			'//evil.example.com/x',
			'/\\evil.example.com',
			'/\t/evil.example.com',
			'/\n/evil.example.com',
		]) {
			const response = await login({
				email: user.email,
				password: PASSWORD,
				redirectTo,
			})
			expect(response.headers.get('Location')).toBe('/')
		}
	})

	test('a wrong password answers 400 with login.invalid, keeps the email and forgets the password', async () => {
		const user = await insertUser(db)
		const response = await login({
			email: user.email,
			password: 'sai mật khẩu',
		})

		expect(response.status).toBe(400)
		expect(response.headers.get('Set-Cookie')).toBeNull()
		const { result } = (await response.json()) as Reply
		expect(result.error?.['']).toEqual(['login.invalid'])
		expect(result.initialValue?.email).toBe(user.email)
		expect(result.initialValue).not.toHaveProperty('password')
		expect(await sessionIds(user.id)).toEqual([])
	})

	test('an unknown email gets the same answer as a wrong password', async () => {
		const response = await login({
			email: 'khongton.tai@example.vn',
			password: PASSWORD,
		})
		expect(response.status).toBe(400)
		expect(await formErrors(response)).toEqual(['login.invalid'])
	})

	test('an empty form answers 400 with field errors', async () => {
		const response = await login({ email: 'not-an-email', password: '' })
		expect(response.status).toBe(400)
		const { result } = (await response.json()) as Reply
		expect(result.error?.email).toEqual(['error.email'])
		expect(result.error?.password).toEqual(['error.required'])
	})

	test('a deactivated account cannot sign in, even with the right password', async () => {
		const user = await insertUser(db, { active: false })
		const response = await login({ email: user.email, password: PASSWORD })
		expect(response.status).toBe(400)
		expect(await formErrors(response)).toEqual(['login.inactive'])
		expect(await sessionIds(user.id)).toEqual([])
	})

	test('someone already signed in is sent home instead', async () => {
		const user = await insertUser(db)
		const req = await request('/login', {
			form: { email: user.email, password: PASSWORD },
			user,
		})
		const response = await settle(() => action(args(req)))
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/')
	})
})

describe('lockout', () => {
	async function ageAttempts(minutes: number) {
		await db
			.updateTable('login_attempt')
			.set({ created_at: sql`now() - make_interval(mins => ${minutes})` })
			.execute()
	}

	const locked = (minutes: number) =>
		`login.locked::${JSON.stringify({ minutes })}`

	test(`after ${LOCKOUT_ATTEMPTS} failures for one account, even the right password is refused for 15 minutes`, async () => {
		const user = await insertUser(db)
		// From different addresses, so it is the account that is counted.
		for (let i = 1; i <= LOCKOUT_ATTEMPTS; i++) {
			const response = await login(
				{ email: user.email, password: `sai ${i}` },
				{ ip: `10.0.0.${i}` },
			)
			expect(response.status).toBe(400)
			expect(await formErrors(response)).toEqual(['login.invalid'])
		}

		const refused = await login(
			{ email: user.email.toUpperCase(), password: PASSWORD },
			{ ip: '10.0.0.99' },
		)
		expect(refused.status).toBe(429)
		expect(await formErrors(refused)).toEqual([locked(15)])
		expect(refused.headers.get('Set-Cookie')).toBeNull()
		expect(await sessionIds(user.id)).toEqual([])

		// Still locked just before the lock ends...
		await ageAttempts(14)
		const stillRefused = await login(
			{ email: user.email, password: PASSWORD },
			{ ip: '10.0.0.99' },
		)
		expect(stillRefused.status).toBe(429)
		expect(await formErrors(stillRefused)).toEqual([locked(1)])

		// ...and open again after it.
		await ageAttempts(16)
		const accepted = await login(
			{ email: user.email, password: PASSWORD },
			{ ip: '10.0.0.99' },
		)
		expect(accepted.status).toBe(302)
		expect(await sessionIds(user.id)).toHaveLength(1)
	})

	test('each further lock of the same account lasts twice as long, and a success starts the count again', async () => {
		const user = await insertUser(db)
		const fail = async (n: number) => {
			for (let i = 0; i < n; i++)
				await login(
					{ email: user.email, password: 'sai' },
					{ ip: `10.1.0.${i}` },
				)
		}
		await fail(LOCKOUT_ATTEMPTS)
		await ageAttempts(16)
		await fail(LOCKOUT_ATTEMPTS)
		const second = await login({ email: user.email, password: PASSWORD })
		expect(second.status).toBe(429)
		expect(await formErrors(second)).toEqual([locked(30)])

		await ageAttempts(29)
		expect(
			(await login({ email: user.email, password: PASSWORD })).status,
		).toBe(429)
		await ageAttempts(31)
		expect(
			(await login({ email: user.email, password: PASSWORD })).status,
		).toBe(302)

		// After the success the next typo does not lock at once.
		await fail(LOCKOUT_ATTEMPTS - 1)
		expect(
			(await login({ email: user.email, password: PASSWORD })).status,
		).toBe(302)
	})

	test(`${LOCKOUT_ATTEMPTS - 1} failures do not lock the account`, async () => {
		const user = await insertUser(db)
		for (let i = 1; i < LOCKOUT_ATTEMPTS; i++)
			await login({ email: user.email, password: 'sai' })
		expect(
			(await login({ email: user.email, password: PASSWORD })).status,
		).toBe(302)
	})

	test("one colleague's typos behind a shared address never lock out the others", async () => {
		const typist = await insertUser(db)
		const colleague = await insertUser(db)
		for (let i = 1; i <= LOCKOUT_ATTEMPTS + 2; i++)
			await login(
				{ email: typist.email, password: 'sai' },
				{ ip: '203.0.113.7' },
			)
		expect(
			(
				await login(
					{ email: typist.email, password: PASSWORD },
					{ ip: '203.0.113.7' },
				)
			).status,
		).toBe(429)
		expect(
			(
				await login(
					{ email: colleague.email, password: PASSWORD },
					{ ip: '203.0.113.7' },
				)
			).status,
		).toBe(302)
	})

	test(`after ${ADDRESS_LOCKOUT_ATTEMPTS} failures from one address within 15 minutes, that address is refused`, async () => {
		const user = await insertUser(db)
		// A flood of guesses at many accounts, as recorded by earlier sign-ins.
		await db
			.insertInto('login_attempt')
			.values(
				Array.from({ length: ADDRESS_LOCKOUT_ATTEMPTS - 1 }, (_, i) => ({
					email: `doan${i}@example.vn`,
					ip: '203.0.113.8',
					succeeded: false,
				})),
			)
			.execute()
		expect(
			(
				await login(
					{ email: 'doan-cuoi@example.vn', password: 'sai' },
					{ ip: '203.0.113.8' },
				)
			).status,
		).toBe(400)

		const refused = await login(
			{ email: user.email, password: PASSWORD },
			{ ip: '203.0.113.8' },
		)
		expect(refused.status).toBe(429)
		expect(await formErrors(refused)).toEqual([locked(15)])

		// The account itself is not locked: from elsewhere it signs in.
		expect(
			(
				await login(
					{ email: user.email, password: PASSWORD },
					{ ip: '198.51.100.1' },
				)
			).status,
		).toBe(302)

		await ageAttempts(16)
		expect(
			(
				await login(
					{ email: user.email, password: PASSWORD },
					{ ip: '203.0.113.8' },
				)
			).status,
		).toBe(302)
	})
})
