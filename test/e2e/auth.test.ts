import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseUrl, type Browser, DEMO_PASSWORD, launchBrowser, login, openPage, screenshot, waitForHydration } from './helpers.ts'

const DRAFTER = 'soanthao@ldld-quangtri.vn'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

test('the demo drafter signs in and sees the Vietnamese home page with her approval chain', async () => {
	const { page, assertNoErrors, close } = await openPage(browser)
	try {
		await page.goto('/')
		await page.waitForURL(url => url.pathname === '/login')
		await screenshot(page, 'login-desktop')

		await login(page, DRAFTER)
		expect(new URL(page.url()).pathname).toBe('/')
		expect(await page.locator('html').getAttribute('lang')).toBe('vi')
		await page.getByRole('heading', { level: 1, name: 'Xin chào, Nguyễn Thị Hương' }).waitFor()
		expect(await page.getByText('Bạn đang làm việc tại Liên đoàn Lao động tỉnh Quảng Trị.').isVisible()).toBe(true)

		const chainPanel = page.locator('.panel', {
			has: page.getByRole('heading', { name: 'Quy trình phê duyệt kế hoạch đoàn của đơn vị' }),
		})
		const steps = chainPanel.getByRole('listitem')
		expect((await steps.allTextContents()).map(text => text.replace(/\s+/g, ' ').trim())).toEqual([
			'Ban Thường vụ LĐLĐ tỉnh',
			'Tỉnh ủy',
			'Ban Bí thư Trung ương Đảng tùy chọn',
			'Ban Đối ngoại TLĐ',
		])
		// The arrows between the steps are drawn by CSS, so read them from the computed style.
		const arrows = await steps.evaluateAll(items => items.map(li => getComputedStyle(li, '::before').content))
		expect(arrows.slice(1)).toEqual(['"→ "', '"→ "', '"→ "'])

		// A drafter sees no administration links.
		expect(await page.getByRole('link', { name: 'Người dùng' }).count()).toBe(0)
		await screenshot(page, 'home-desktop')
		assertNoErrors()
	} finally {
		await close()
	}
})

test('a wrong password shows "Email hoặc mật khẩu không đúng" and keeps the email', async () => {
	const { page, assertNoErrors, close } = await openPage(browser)
	try {
		await page.goto('/login')
		await waitForHydration(page)
		await page.getByLabel('Email').fill(DRAFTER)
		await page.getByLabel('Mật khẩu').fill('not the password')
		await page.getByRole('button', { name: 'Đăng nhập' }).click()

		await page.getByRole('alert').filter({ hasText: 'Email hoặc mật khẩu không đúng' }).waitFor()
		expect(new URL(page.url()).pathname).toBe('/login')
		expect(await page.getByLabel('Email').inputValue()).toBe(DRAFTER)
		await screenshot(page, 'login-wrong-password')
		assertNoErrors()
	} finally {
		await close()
	}
})

function loginForm(email: string, password: string) {
	return new URLSearchParams({ email, password, redirectTo: '' })
}

test('a cross-site POST to /login is refused with 403, a same-origin one is not', async () => {
	const crossSite = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: 'http://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
		body: loginForm(DRAFTER, DEMO_PASSWORD),
	})
	expect(crossSite.status).toBe(403)
	expect(crossSite.headers.get('set-cookie')).toBeNull()
	expect(await crossSite.text()).toContain('<title>Yêu cầu bị từ chối</title>')

	// A browser that sends no Origin but says the request is cross-site is refused too.
	const fetchSiteOnly = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/x-www-form-urlencoded' },
		body: loginForm(DRAFTER, DEMO_PASSWORD),
	})
	expect(fetchSiteOnly.status).toBe(403)

	const sameOrigin = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: baseUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: loginForm(DRAFTER, DEMO_PASSWORD),
	})
	expect(sameOrigin.status).toBe(302)
	expect(sameOrigin.headers.get('location')).toBe('/')
	expect(sameOrigin.headers.get('set-cookie')).toMatch(/^session=/)
})
