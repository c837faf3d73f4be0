import { type AddressInfo } from 'node:net'
import {
	createRemixRequest,
	sendRemixResponse,
} from '@remix-run/express/dist/server.js'
import express from 'express'
import { afterAll, describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { action as loginAction } from '#app/routes/login.tsx'
import {
	applySecurity,
	cspNonceOf,
	trustProxySetting,
} from '#app/utils/http-security.server.ts'
import { PASSWORD, insertUser } from '../factories.ts'

// A real Express app with the app's own security module in front of the real sign-in action
// (server.ts wires them the same way), reached over HTTP on 127.0.0.1.
const servers: ReturnType<express.Express['listen']>[] = []
async function serve(trustProxy?: string) {
	const app = express()
	applySecurity(app, trustProxy)
	app.post('/login', async (req, res, next) => {
		try {
			const request = createRemixRequest(req, res)
			const response = await loginAction({
				request,
				params: {},
				context: { clientIp: req.ip ?? 'unknown' },
			}).catch(error => {
				if (error instanceof Response) return error
				throw error
			})
			await sendRemixResponse(res, response as Response)
		} catch (error) {
			next(error)
		}
	})
	app.get('*', (req, res) => {
		const cookie = req.path === '/attachment' ? 'private, max-age=3600' : null
		if (cookie) res.setHeader('Cache-Control', cookie)
		res.send(`<p>${req.protocol} ${cspNonceOf(res)}</p>`)
	})
	app.post('/settings', (_req, res) => res.send('changed'))
	const server = app.listen(0, '127.0.0.1')
	await new Promise(resolve => server.once('listening', resolve))
	servers.push(server)
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
afterAll(() => servers.forEach(s => s.close()))

async function signIn(base: string, headers: Record<string, string>) {
	const user = await insertUser(db)
	return fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			Origin: base,
			'Content-Type': 'application/x-www-form-urlencoded',
			...headers,
		},
		body: new URLSearchParams({ email: user.email, password: PASSWORD }),
	})
}

describe('TRUST_PROXY', () => {
	test('a number is a hop count, true/false a boolean, anything else as written', () => {
		expect(trustProxySetting('1')).toBe(1)
		expect(trustProxySetting(' 2 ')).toBe(2)
		expect(trustProxySetting('true')).toBe(true)
		expect(trustProxySetting('loopback')).toBe('loopback')
		expect(trustProxySetting('10.0.0.1, 10.0.0.2')).toBe('10.0.0.1, 10.0.0.2')
		expect(trustProxySetting(undefined)).toBeUndefined()
		expect(trustProxySetting('')).toBeUndefined()
	})

	test('TRUST_PROXY=1 behind an https proxy: the session cookie is Secure and HSTS is sent', async () => {
		const base = await serve('1')
		const response = await signIn(base, { 'X-Forwarded-Proto': 'https' })
		expect(response.status).toBe(302)
		expect(response.headers.get('set-cookie')).toMatch(
			/^session=[^;]+;.*Secure/i,
		)
		expect(response.headers.get('strict-transport-security')).toBe(
			'max-age=31536000',
		)
		const page = await fetch(base, {
			headers: { 'X-Forwarded-Proto': 'https' },
		})
		expect(await page.text()).toMatch(/^<p>https /)
		expect(page.headers.get('strict-transport-security')).toBe(
			'max-age=31536000',
		)
	})

	test('without TRUST_PROXY a forwarded protocol is not believed: no Secure, no HSTS', async () => {
		const base = await serve(undefined)
		const response = await signIn(base, { 'X-Forwarded-Proto': 'https' })
		expect(response.status).toBe(302)
		expect(response.headers.get('set-cookie')).not.toMatch(/Secure/i)
		expect(response.headers.get('strict-transport-security')).toBeNull()
	})
})

describe('CSRF', () => {
	test('a post with neither Origin nor Sec-Fetch-Site is refused with a plain 403 page, in the reader’s language', async () => {
		const base = await serve()
		const vi = await fetch(`${base}/settings`, {
			method: 'POST',
			body: 'locale=en',
		})
		expect(vi.status).toBe(403)
		expect(vi.headers.get('content-type')).toMatch(/^text\/html/)
		expect(await vi.text()).toContain('<title>Yêu cầu bị từ chối</title>')
		const en = await fetch(`${base}/settings`, {
			method: 'POST',
			headers: { 'Accept-Language': 'en-GB,en;q=0.9' },
		})
		expect(en.status).toBe(403)
		expect(await en.text()).toContain('<title>Request refused</title>')
		for (const method of ['PUT', 'PATCH', 'DELETE'])
			expect((await fetch(`${base}/settings`, { method })).status).toBe(403)
	})

	test('sign-in is refused too without proof of origin, and nothing is signed in', async () => {
		const base = await serve()
		const user = await insertUser(db)
		const response = await fetch(`${base}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: user.email, password: PASSWORD }),
		})
		expect(response.status).toBe(403)
		expect(response.headers.get('set-cookie')).toBeNull()
		const sessions = await db
			.selectFrom('session')
			.select('id')
			.where('user_id', '=', user.id)
			.execute()
		expect(sessions).toEqual([])
	})

	test('a post from another site is refused; one from our pages passes', async () => {
		const base = await serve()
		const post = (headers: Record<string, string>) =>
			fetch(`${base}/settings`, { method: 'POST', headers }).then(r => r.status)
		expect(await post({ Origin: 'https://evil.example.com' })).toBe(403)
		expect(await post({ 'Sec-Fetch-Site': 'cross-site' })).toBe(403)
		expect(await post({ 'Sec-Fetch-Site': 'same-site', Origin: base })).toBe(
			403,
		)
		expect(await post({ Origin: 'null' })).toBe(403)
		expect(await post({ Origin: base })).toBe(200)
		expect(await post({ 'Sec-Fetch-Site': 'same-origin' })).toBe(200)
	})
})

describe('security headers', () => {
	test('every page: CSP with a fresh nonce and no unsafe-inline scripts, no framing, nosniff, same-origin referrer', async () => {
		const base = await serve()
		const [a, b] = await Promise.all([
			fetch(`${base}/login`),
			fetch(`${base}/login`),
		])
		const csp = a.headers.get('content-security-policy')!
		const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
		expect(nonce).toBeTruthy()
		expect(await a.text()).toContain(nonce)
		expect(b.headers.get('content-security-policy')).not.toContain(nonce)
		const scripts = /script-src ([^;]*)/.exec(csp)![1]
		expect(scripts).not.toContain('unsafe-inline')
		expect(csp).toContain("frame-ancestors 'none'")
		expect(a.headers.get('x-frame-options')).toBe('DENY')
		expect(a.headers.get('x-content-type-options')).toBe('nosniff')
		expect(a.headers.get('referrer-policy')).toBe('same-origin')
		expect(a.headers.get('cache-control')).toBeNull()
		expect(a.headers.get('strict-transport-security')).toBeNull()
	})

	test('pages whose URL carries a token: no referrer, no store', async () => {
		const base = await serve()
		// Remix serves the same pages at /DECIDE/… and /Reset-Password.
		for (const path of [
			'/decide/abc',
			'/reset-password?token=abc',
			'/DECIDE/abc',
			'/Reset-Password?token=abc',
		]) {
			const response = await fetch(`${base}${path}`)
			expect(response.headers.get('referrer-policy')).toBe('no-referrer')
			expect(response.headers.get('cache-control')).toBe('no-store')
		}
	})

	test('every signed-in page is no-store, even one that set its own caching', async () => {
		const base = await serve()
		for (const path of ['/plans', '/attachment']) {
			const response = await fetch(`${base}${path}`, {
				headers: { Cookie: 'lang=x; session=abc' },
			})
			expect(response.headers.get('cache-control')).toBe('no-store')
		}
		const anonymous = await fetch(`${base}/attachment`)
		expect(anonymous.headers.get('cache-control')).toBe('private, max-age=3600')
	})
})
