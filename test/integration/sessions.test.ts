import { describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { loader as homeLoader } from '#app/routes/_index.tsx'
import { action as changePasswordAction, loader as changePasswordLoader } from '#app/routes/change-password.tsx'
import { action as loginAction } from '#app/routes/login.tsx'
import { action as logoutAction } from '#app/routes/logout.tsx'
import { startSession, verifyPassword } from '#app/utils/auth.server.ts'
import { PASSWORD, args, insertUser, request, sessionCookie, sessionIdOf, settle } from '../factories.ts'

async function sessionIds(userId: string) {
	const rows = await db.selectFrom('session').select('id').where('user_id', '=', userId).orderBy('id').execute()
	return rows.map(r => r.id)
}

async function setActive(userId: string, active: boolean) {
	await db.updateTable('app_user').set({ active }).where('id', '=', userId).execute()
}

async function openHome(cookie: string) {
	return settle(() => homeLoader(args(new Request('http://localhost/', { headers: { Cookie: cookie } }))))
}

function sessionSetCookie(response: Response) {
	return response.headers.getSetCookie().find(c => c.startsWith('session='))
}

describe('session rotation', () => {
	test('signing in over an old session cookie gives a new session id and removes the old session', async () => {
		const user = await insertUser(db)
		const old = await sessionCookie(user.id)
		const oldId = old.split('=')[1]
		// The old session has run out, so the login page accepts the browser as signed out.
		await db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', oldId).execute()

		const req = await request('/login', { form: { email: user.email, password: PASSWORD }, cookie: old })
		const response = await settle(() => loginAction(args(req)))

		expect(response.status).toBe(302)
		const newId = sessionIdOf(sessionSetCookie(response))
		expect(newId).not.toBe(oldId)
		expect(await sessionIds(user.id)).toEqual([newId])
	})

	test('a session id planted in the browser before sign-in is not the one that gets signed in', async () => {
		const user = await insertUser(db)
		const req = await request('/login', {
			form: { email: user.email, password: PASSWORD },
			cookie: 'session=chosen-by-an-attacker',
		})
		const response = await settle(() => loginAction(args(req)))
		const newId = sessionIdOf(sessionSetCookie(response))
		expect(newId).not.toBe('chosen-by-an-attacker')
		expect(await sessionIds(user.id)).toEqual([newId])
		expect((await openHome('session=chosen-by-an-attacker')).status).toBe(302)
	})

	test('starting a session ends the one the request carried', async () => {
		const user = await insertUser(db)
		const old = await sessionCookie(user.id)
		const setCookie = await startSession(new Request('http://localhost/login', { headers: { Cookie: old } }), user.id)
		const newId = sessionIdOf(setCookie)
		expect(`session=${newId}`).not.toBe(old)
		expect(await sessionIds(user.id)).toEqual([newId])
		expect((await openHome(old)).headers.get('Location')).toBe('/login')
	})
})

describe('signing out', () => {
	test('logout ends this session only', async () => {
		const user = await insertUser(db)
		const laptop = await sessionCookie(user.id)
		const phone = await sessionCookie(user.id)

		const response = await settle(() => logoutAction(args(new Request('http://localhost/logout', { method: 'POST', headers: { Cookie: laptop }, body: new URLSearchParams() }))))
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/login')
		expect(sessionSetCookie(response)).toMatch(/^session=;.*Max-Age=0/i)

		expect((await openHome(laptop)).status).toBe(302)
		expect((await openHome(phone)).status).toBe(200)
	})

	test('"log out everywhere" ends every session of the user and no one else\'s', async () => {
		const user = await insertUser(db)
		const colleague = await insertUser(db, { organisation_id: user.organisation_id })
		const laptop = await sessionCookie(user.id)
		const phone = await sessionCookie(user.id)
		const colleagues = await sessionCookie(colleague.id)

		const req = await request('/logout', { form: { everywhere: 'true' }, cookie: laptop })
		const response = await settle(() => logoutAction(args(req)))
		expect(response.headers.get('Location')).toBe('/login')

		expect(await sessionIds(user.id)).toEqual([])
		for (const cookie of [laptop, phone]) {
			const home = await openHome(cookie)
			expect(home.status).toBe(302)
			expect(home.headers.get('Location')).toBe('/login')
		}
		expect((await openHome(colleagues)).status).toBe(200)
	})
})

describe('deactivated users', () => {
	test('a deactivated user is signed out at their next request', async () => {
		const user = await insertUser(db)
		const cookie = await sessionCookie(user.id)
		expect((await openHome(cookie)).status).toBe(200)

		await setActive(user.id, false)

		const home = await openHome(cookie)
		expect(home.status).toBe(302)
		expect(home.headers.get('Location')).toBe('/login')
		expect(await sessionIds(user.id)).toEqual([])

		// Reactivating does not bring the old session back.
		await setActive(user.id, true)
		expect((await openHome(cookie)).status).toBe(302)
	})
})

describe('one-time passwords', () => {
	const newPassword = 'Mật khẩu mới 2026'

	async function changePassword(cookie: string, form: Record<string, string>) {
		return settle(async () => changePasswordAction(args(await request('/change-password', { form, cookie }))))
	}

	test('a user who must change their password is sent to /change-password until they do', async () => {
		const user = await insertUser(db, { must_change_password: true })

		const signedIn = await settle(async () =>
			loginAction(args(await request('/login', { form: { email: user.email, password: PASSWORD, redirectTo: '/admin/users' } }))),
		)
		expect(signedIn.status).toBe(302)
		expect(signedIn.headers.get('Location')).toBe('/change-password')
		const cookie = `session=${sessionIdOf(sessionSetCookie(signedIn))}`

		const home = await openHome(cookie)
		expect(home.status).toBe(302)
		expect(home.headers.get('Location')).toBe('/change-password')

		const page = await changePasswordLoader(args(await request('/change-password', { cookie })))
		expect(await page.json()).toEqual({ mustChange: true })

		const changed = await changePassword(cookie, { current: PASSWORD, password: newPassword, confirm: newPassword })
		expect(changed.status).toBe(302)
		expect(changed.headers.get('Location')).toBe('/')
		const freshCookie = `session=${sessionIdOf(sessionSetCookie(changed))}`
		expect(freshCookie).not.toBe(cookie)

		const row = await db.selectFrom('app_user').select(['password_hash', 'must_change_password']).where('id', '=', user.id).executeTakeFirstOrThrow()
		expect(row.must_change_password).toBe(false)
		expect(await verifyPassword(row.password_hash, newPassword)).toBe(true)
		expect(await verifyPassword(row.password_hash, PASSWORD)).toBe(false)

		expect((await openHome(freshCookie)).status).toBe(200)
		expect((await openHome(cookie)).status).toBe(302)
	})

	test('changing the password signs out every other device', async () => {
		const user = await insertUser(db)
		const laptop = await sessionCookie(user.id)
		const phone = await sessionCookie(user.id)
		const changed = await changePassword(laptop, { current: PASSWORD, password: newPassword, confirm: newPassword })
		const fresh = `session=${sessionIdOf(sessionSetCookie(changed))}`
		expect((await openHome(phone)).status).toBe(302)
		expect(await sessionIds(user.id)).toEqual([fresh.split('=')[1]])
	})

	test('a wrong current password is a field error, and nothing changes', async () => {
		const user = await insertUser(db, { must_change_password: true })
		const cookie = await sessionCookie(user.id)

		const response = await changePassword(cookie, { current: 'không đúng', password: newPassword, confirm: newPassword })
		expect(response.status).toBe(400)
		const { result } = (await response.json()) as { result: { error: Record<string, string[]>; initialValue?: Record<string, unknown> } }
		expect(result.error.current).toEqual(['password.wrongCurrent'])
		// Passwords are never sent back to the page.
		expect(result.initialValue ?? {}).not.toHaveProperty('current')
		expect(result.initialValue ?? {}).not.toHaveProperty('password')

		const row = await db.selectFrom('app_user').select(['password_hash', 'must_change_password']).where('id', '=', user.id).executeTakeFirstOrThrow()
		expect(row.must_change_password).toBe(true)
		expect(await verifyPassword(row.password_hash, PASSWORD)).toBe(true)
		expect((await openHome(cookie)).headers.get('Location')).toBe('/change-password')
	})

	test('the new password must be confirmed and differ from the old one', async () => {
		const user = await insertUser(db)
		const cookie = await sessionCookie(user.id)

		const mismatch = await changePassword(cookie, { current: PASSWORD, password: newPassword, confirm: 'khác' })
		expect(mismatch.status).toBe(400)
		expect(((await mismatch.json()) as { result: { error: Record<string, string[]> } }).result.error.confirm).toEqual(['error.passwordMismatch'])

		const same = await changePassword(cookie, { current: PASSWORD, password: PASSWORD, confirm: PASSWORD })
		expect(same.status).toBe(400)
		expect(((await same.json()) as { result: { error: Record<string, string[]> } }).result.error.password).toEqual(['password.sameAsOld'])
	})

	test('signed-out visitors are sent to sign in first', async () => {
		const response = await settle(async () => changePasswordLoader(args(await request('/change-password'))))
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fchange-password')
	})
})

describe('session lifetime', () => {
	async function seen(sessionId: string, minutesAgo: number) {
		await db
			.updateTable('session')
			.set({ last_seen_at: new Date(Date.now() - minutesAgo * 60_000) })
			.where('id', '=', sessionId)
			.execute()
	}
	async function row(sessionId: string) {
		return db.selectFrom('session').select(['last_seen_at', 'expires_at']).where('id', '=', sessionId).executeTakeFirst()
	}

	test('a session unused for 8 hours has ended: the next page goes to the sign-in page, which says so', async () => {
		const user = await insertUser(db)
		const cookie = await sessionCookie(user.id)
		const id = cookie.split('=')[1]

		await seen(id, 8 * 60 - 1)
		expect((await openHome(cookie)).status).toBe(200)

		await seen(id, 8 * 60 + 1)
		const response = await settle(() => homeLoader(args(new Request('http://localhost/plans?q=x', { headers: { Cookie: cookie } }))))
		expect(response.status).toBe(302)
		const location = new URL(response.headers.get('Location') ?? '', 'http://localhost')
		expect(location.pathname).toBe('/login')
		expect(location.searchParams.get('expired')).toBe('1')
		expect(location.searchParams.get('redirectTo')).toBe('/plans?q=x')
		expect(await row(id)).toBeUndefined()
		// Signing in again then works as usual.
		const login = await settle(() => loginAction(args(new Request('http://localhost/login', { method: 'POST', headers: { Cookie: cookie, Origin: 'http://localhost' }, body: new URLSearchParams({ email: user.email, password: PASSWORD }) }))))
		expect(login.status).toBe(302)
	})

	test('SESSION_IDLE_HOURS sets the idle time', async () => {
		const user = await insertUser(db)
		const cookie = await sessionCookie(user.id)
		await seen(cookie.split('=')[1], 61)
		expect((await openHome(cookie)).status).toBe(200)
		process.env.SESSION_IDLE_HOURS = '1'
		try {
			await seen(cookie.split('=')[1], 61)
			expect((await openHome(cookie)).headers.get('Location')).toBe('/login?expired=1')
		} finally {
			delete process.env.SESSION_IDLE_HOURS
		}
	})

	test('a session ends 30 days after sign-in however much it is used', async () => {
		const user = await insertUser(db)
		const cookie = await sessionCookie(user.id)
		const id = cookie.split('=')[1]
		const created = await row(id)
		expect(created!.expires_at.getTime() - Date.now()).toBeGreaterThan(29.9 * 24 * 3600_000)

		// 20 days in, in daily use: the end is not moved.
		const tenDaysLeft = new Date(Date.now() + 10 * 24 * 3600_000)
		await db.updateTable('session').set({ expires_at: tenDaysLeft }).where('id', '=', id).execute()
		const response = await openHome(cookie)
		expect(response.status).toBe(200)
		expect(response.headers.get('Set-Cookie')).toBeNull()
		expect((await row(id))!.expires_at.getTime()).toBe(tenDaysLeft.getTime())

		await db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute()
		expect((await openHome(cookie)).headers.get('Location')).toBe('/login?expired=1')
		expect(await row(id)).toBeUndefined()
	})

	test('a request notes the time on the session at most once a minute', async () => {
		const user = await insertUser(db)
		const cookie = await sessionCookie(user.id)
		const id = cookie.split('=')[1]

		await seen(id, 0.5)
		const before = (await row(id))!.last_seen_at
		await openHome(cookie)
		expect((await row(id))!.last_seen_at).toEqual(before)

		await seen(id, 2)
		await openHome(cookie)
		expect(Date.now() - (await row(id))!.last_seen_at.getTime()).toBeLessThan(5000)
	})
})
