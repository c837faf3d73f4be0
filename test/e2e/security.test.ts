import postgres from 'postgres'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import {
	baseUrl,
	type Browser,
	DEMO_PASSWORD,
	launchBrowser,
	login,
	mailboxLink,
	openPage,
	submitPlan,
} from './helpers.ts'

// Issue 15, finding 1, step by step as it was found (no SMTP_URL, the README's default): the
// LĐLĐ Quảng Trị admin tries to approve in the Tỉnh ủy's name. Refused at every step.

const DRAFTER = 'soanthao@ldld-quangtri.vn'
const CHAIRMAN = 'chutich@ldld-quangtri.vn'
const LDLD_ADMIN = 'quantri@ldld-quangtri.vn'
const BOARD_ADMIN = 'quantri@bandoingoai-tld.vn'
const TINH_UY = 'pheduyet@tinhuy-quangtri.vn'

let browser: Browser
const sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} })
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
	await sql.end()
})

async function planRow(id: string) {
	const [row] = await sql<
		{ status: string; version: number }[]
	>`SELECT status, version FROM plan WHERE id = ${id}`
	return row
}

test('an admin cannot read or use the Tỉnh ủy approver’s decision link: not in the Outbox, refused when opened signed in', async () => {
	const planName = `Đoàn LĐLĐ tỉnh Quảng Trị đi Lào (bảo mật ${Date.now()})`
	const subject = `[Đối ngoại] Kế hoạch "${planName}" chờ bạn phê duyệt`
	const drafter = await openPage(browser)
	const chairman = await openPage(browser)
	const admin = await openPage(browser)
	const board = await openPage(browser)
	const tinhUy = await openPage(browser)
	try {
		// A Quảng Trị plan is submitted; the chairman approves it from his own mail, signed in as himself.
		await login(drafter.page, DRAFTER)
		const planId = await submitPlan(drafter.page, planName)
		await login(chairman.page, CHAIRMAN)
		const chairmanLink = await mailboxLink(
			CHAIRMAN,
			'plan-submitted',
			'approve',
		)
		await chairman.page.goto(new URL(chairmanLink).pathname)
		await chairman.page
			.getByRole('button', { name: 'Xác nhận phê duyệt' })
			.click()
		await chairman.page
			.getByRole('status')
			.filter({ hasText: 'Đã phê duyệt kế hoạch' })
			.waitFor()
		// Now it waits at the Tỉnh ủy, whose approver is emailed links of his own.
		const tinhUyLink = await mailboxLink(TINH_UY, 'plan-submitted', 'approve')
		const [email] = await sql<
			{ id: string }[]
		>`SELECT id FROM email_message WHERE to_address = ${TINH_UY} AND plan_id = ${planId} ORDER BY created_at DESC LIMIT 1`
		const before = await planRow(planId)
		expect(before.status).toBe('step_2')

		// Step 1: the LĐLĐ admin's Outbox does not list the email to the Tỉnh ủy, nor open it.
		let page = admin.page
		await login(page, LDLD_ADMIN)
		await page.goto('/admin/outbox')
		await page.getByRole('heading', { level: 1, name: 'Hộp thư đi' }).waitFor()
		expect(
			await page.getByRole('row').filter({ hasText: TINH_UY }).count(),
		).toBe(0)
		expect(await page.content()).not.toContain('/decide/')
		const direct = await page.goto(`/admin/outbox/${email.id}`)
		expect(direct!.status()).toBe(404)
		// Chrome logs that 404, which is the point here.
		admin.errors.splice(0)

		// Step 2: its own users' emails show who, what and when, never a body or a link.
		await page.goto('/admin/outbox')
		const own = page
			.getByRole('row')
			.filter({ hasText: CHAIRMAN })
			.getByRole('link')
			.first()
		await own.click()
		await page.waitForURL(url =>
			/^\/admin\/outbox\/[0-9a-f-]{36}$/.test(url.pathname),
		)
		await page
			.getByText('Nội dung thư chỉ người nhận đọc được', { exact: false })
			.waitFor()
		expect(await page.locator('iframe').count()).toBe(0)
		expect(await page.content()).not.toContain('/decide/')

		// Step 3: the board's admin sees the message to the Tỉnh ủy exists, and no link either.
		await login(board.page, BOARD_ADMIN)
		await board.page.goto(`/admin/outbox/${email.id}`)
		await board.page.getByRole('heading', { level: 1, name: subject }).waitFor()
		await board.page.getByText(TINH_UY, { exact: false }).waitFor()
		expect(await board.page.locator('iframe').count()).toBe(0)
		expect(await board.page.content()).not.toContain('/decide/')

		// Step 4: had the admin got the link anyway, opening it signed in as himself does nothing.
		await page.goto(new URL(tinhUyLink).pathname)
		await page
			.getByText(
				'Liên kết này được gửi cho Hoàng Văn Bình, nhưng bạn đang đăng nhập với tài khoản khác.',
				{ exact: false },
			)
			.waitFor()
		expect(
			await page.getByRole('button', { name: 'Xác nhận phê duyệt' }).count(),
		).toBe(0)
		expect(await page.content()).not.toContain(planName)
		// Nor does posting it from his browser.
		const forced = await page.request.post(new URL(tinhUyLink).pathname, {
			headers: { Origin: baseUrl },
			form: { comment: 'Đồng ý.' },
		})
		expect(forced.status()).toBe(409)
		expect(await forced.text()).toContain(
			'Liên kết này được gửi cho Hoàng Văn Bình',
		)
		expect(await planRow(planId)).toEqual(before)

		// The Tỉnh ủy approver reads it in his own mail, with the links that work for him.
		await login(tinhUy.page, TINH_UY)
		await tinhUy.page.goto('/mail')
		await tinhUy.page
			.getByRole('link', { name: subject, exact: true })
			.first()
			.click()
		await tinhUy.page
			.getByRole('heading', { level: 1, name: subject })
			.waitFor()
		const href = await tinhUy.page
			.frameLocator('iframe.email-preview')
			.getByRole('link', { name: 'Phê duyệt', exact: true })
			.getAttribute('href')
		expect(new URL(href!).pathname).toBe(new URL(tinhUyLink).pathname)
		expect(await planRow(planId)).toEqual(before)

		for (const p of [drafter, chairman, admin, board, tinhUy])
			p.assertNoErrors()
	} finally {
		for (const p of [drafter, chairman, admin, board, tinhUy]) await p.close()
	}
}, 180_000)

test('headers: the sign-in page, a plan page and a decide page; behind the https proxy, Secure cookies and HSTS', async () => {
	const signIn = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			Origin: baseUrl,
			'X-Forwarded-Proto': 'https',
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: new URLSearchParams({
			email: DRAFTER,
			password: DEMO_PASSWORD,
			redirectTo: '',
		}),
	})
	expect(signIn.status).toBe(302)
	const cookie = signIn.headers.get('set-cookie')!
	expect(cookie).toMatch(/^session=[^;]+;.*Secure/i)
	expect(signIn.headers.get('strict-transport-security')).toBe(
		'max-age=31536000',
	)
	const session = cookie.split(';')[0]
	const [plan] = await sql<
		{ id: string }[]
	>`SELECT p.id FROM plan p JOIN app_user u ON u.organisation_id = p.organisation_id WHERE u.email = ${DRAFTER} LIMIT 1`

	const pages: Record<string, Record<string, string>> = {
		'/login': {},
		[`/plans/${plan.id}`]: { Cookie: session },
		'/decide/khong-hop-le': {},
	}
	for (const [path, headers] of Object.entries(pages)) {
		const response = await fetch(`${baseUrl}${path}`, {
			method: 'HEAD',
			headers,
		})
		expect(response.status, path).toBe(200)
		const csp = response.headers.get('content-security-policy')!
		expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
		expect(csp).toContain("frame-ancestors 'none'")
		expect(response.headers.get('x-content-type-options')).toBe('nosniff')
		expect(response.headers.get('referrer-policy')).toBe(
			path.startsWith('/decide/') ? 'no-referrer' : 'same-origin',
		)
		expect(response.headers.get('cache-control')).toBe(
			path === '/login' ? null : 'no-store',
		)
		expect(response.headers.get('strict-transport-security')).toBeNull()
	}
	const https = await fetch(`${baseUrl}/login`, {
		headers: { 'X-Forwarded-Proto': 'https' },
	})
	expect(https.headers.get('strict-transport-security')).toBe(
		'max-age=31536000',
	)
})
