import { afterAll, beforeAll, expect, test } from 'vitest'
import { addDays, todayIso } from '#lib/trip-dates.ts'
import {
	baseUrl,
	type Browser,
	launchBrowser,
	login,
	submitPlan,
	openPage,
	type Page,
	PHONE,
	screenshot,
	waitForHydration,
} from './helpers.ts'

// An approver names a substitute; a plan reaches the approver's step; the substitute, not signed
// in, opens the "Phê duyệt" link of the email (read from the Outbox, as the e2e server keeps its
// emails there), confirms, and the plan's timeline says who decided for whom and how long each
// step took.

const DRAFTER = 'soanthao@ldld-quangtri.vn'
const CHAIRMAN = 'chutich@ldld-quangtri.vn'
const SUBSTITUTE = 'quantri@ldld-quangtri.vn'
const TINH_UY = 'pheduyet@tinhuy-quangtri.vn'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

function ddmmyyyy(iso: string) {
	const [y, m, d] = iso.split('-')
	return `${d}/${m}/${y}`
}

/** The href of a link (by its text) in the newest email with this subject under the signed-in user's "Thư của tôi". */
async function emailLink(page: Page, subject: string, link: string) {
	const row = page
		.getByRole('row')
		.filter({ has: page.getByRole('link', { name: subject, exact: true }) })
	for (let tries = 0; ; tries++) {
		await page.goto('/mail')
		await page.getByRole('heading', { level: 1, name: 'Thư của tôi' }).waitFor()
		if (await row.count()) break
		if (tries > 40) throw new Error(`no "${subject}" in my mail`)
		await page.waitForTimeout(250)
	}
	await row.first().getByRole('link', { name: subject, exact: true }).click()
	await page.getByRole('heading', { level: 1, name: subject }).waitFor()
	const mail = page.frameLocator('iframe.email-preview')
	return (await mail
		.getByRole('link', { name: link, exact: true })
		.getAttribute('href'))!
}

test('a substitute approves from the email link, not signed in; the timeline shows "thay mặt" and each step’s duration', async () => {
	const planName = `Đoàn LĐLĐ tỉnh Quảng Trị đi Lào (ủy quyền ${Date.now()})`
	const subject = `[Đối ngoại] Kế hoạch "${planName}" chờ bạn phê duyệt`
	const chairman = await openPage(browser)
	const drafter = await openPage(browser)
	const admin = await openPage(browser)
	const substitute = await openPage(browser)
	const phone = await openPage(browser, PHONE)
	try {
		// The chairman, going on leave, names the federation's administrator as his substitute.
		let page = chairman.page
		await login(page, CHAIRMAN)
		await page.goto('/substitutes')
		await page
			.getByRole('heading', { level: 1, name: 'Ủy quyền phê duyệt' })
			.waitFor()
		await waitForHydration(page)
		await page
			.getByLabel('Người được ủy quyền')
			.selectOption({ label: 'Phạm Minh Tuấn' })
		await page.getByLabel('Từ ngày').fill(ddmmyyyy(todayIso()))
		await page.getByLabel('Đến ngày').fill(ddmmyyyy(addDays(todayIso(), 3)))
		await page.getByRole('button', { name: 'Lưu' }).click()
		await page
			.getByRole('status')
			.filter({ hasText: 'Đã lưu ủy quyền.' })
			.waitFor()
		const row = page
			.getByRole('listitem')
			.filter({ hasText: 'Phạm Minh Tuấn thay mặt Lê Văn Đức' })
		await row.waitFor()

		// A plan reaches his step.
		page = drafter.page
		await login(page, DRAFTER)
		const planId = await submitPlan(page, planName)

		// The substitute's email carries the links, which he alone reads (under "Thư của tôi" with
		// no SMTP); he opens "Phê duyệt" in a browser where nobody is signed in.
		await login(admin.page, SUBSTITUTE)
		const approveUrl = await emailLink(admin.page, subject, 'Phê duyệt')
		expect(new URL(approveUrl).pathname).toMatch(
			/^\/decide\/[A-Za-z0-9_-]{43}$/,
		)
		const returnUrl = await emailLink(admin.page, subject, 'Trả lại')
		expect(returnUrl).not.toBe(approveUrl)
		const path = new URL(approveUrl).pathname

		// Another site cannot make a browser post the link (the server's Origin check).
		const forged = await fetch(new URL(path, baseUrl), {
			method: 'POST',
			headers: {
				Origin: 'https://evil.example',
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: 'comment=',
			redirect: 'manual',
		})
		expect(forged.status).toBe(403)

		// On a phone first: the confirmation page, nothing decided yet.
		await phone.page.goto(path)
		await phone.page
			.getByRole('heading', { level: 1, name: 'Phê duyệt kế hoạch' })
			.waitFor()
		await screenshot(phone.page, 'decide-confirm-phone')
		const overflow = await phone.page.evaluate(
			() =>
				document.documentElement.scrollWidth -
				document.documentElement.clientWidth,
		)
		expect(overflow).toBeLessThanOrEqual(0)

		page = substitute.page
		await page.goto(path)
		await page
			.getByRole('heading', { level: 1, name: 'Phê duyệt kế hoạch' })
			.waitFor()
		await page
			.getByText('Bạn quyết định thay mặt Lê Văn Đức (ủy quyền).')
			.waitFor()
		await page
			.getByText(
				`Bạn có chắc chắn muốn phê duyệt kế hoạch “${planName}” ở bước Ban Thường vụ LĐLĐ tỉnh?`,
			)
			.waitFor()
		const summary = page.getByRole('region', { name: 'Tóm tắt kế hoạch' })
		for (const text of [
			'Đoàn ra',
			'Lào',
			'Liên hiệp Công đoàn tỉnh Savannakhet',
			'Ngân sách công đoàn',
		])
			await summary.getByText(text, { exact: false }).first().waitFor()
		await screenshot(page, 'decide-confirm-desktop')
		await waitForHydration(page)
		await page
			.getByLabel('Ý kiến (không bắt buộc)')
			.fill('Đồng ý, thay mặt đồng chí Chủ tịch.')
		await page.getByRole('button', { name: 'Xác nhận phê duyệt' }).click()
		await page
			.getByRole('status')
			.filter({ hasText: `Đã phê duyệt kế hoạch “${planName}”.` })
			.waitFor()
		await page
			.getByRole('region', { name: 'Trạng thái hiện tại của kế hoạch' })
			.getByText('Chờ Tỉnh ủy duyệt')
			.waitFor()
		await screenshot(page, 'decide-done')

		// The link is spent: opening it again says so and shows where the plan is.
		await phone.page.reload()
		await phone.page
			.getByText('Bạn đã quyết định qua một liên kết trong email này', { exact: false })
			.waitFor()
		await screenshot(phone.page, 'decide-used-phone')

		// Tỉnh ủy approves from its own email too, so two steps have a duration.
		const tinhUy = await openPage(browser)
		await login(tinhUy.page, TINH_UY)
		const tinhUyUrl = await emailLink(tinhUy.page, subject, 'Phê duyệt')
		tinhUy.assertNoErrors()
		await tinhUy.close()
		await page.goto(new URL(tinhUyUrl).pathname)
		await waitForHydration(page)
		await page.getByRole('button', { name: 'Xác nhận phê duyệt' }).click()
		await page
			.getByRole('status')
			.filter({ hasText: 'Đã phê duyệt kế hoạch' })
			.waitFor()

		// The drafter's plan page: who decided for whom, and how long each step took.
		page = drafter.page
		await page.goto(`/plans/${planId}`)
		const timeline = page.locator('section.panel').filter({
			has: page.getByRole('heading', { level: 2, name: 'Diễn biến' }),
		})
		const approval = timeline
			.getByRole('listitem')
			.filter({ hasText: 'Phạm Minh Tuấn thay mặt Lê Văn Đức' })
		await approval.waitFor()
		expect(await approval.textContent()).toContain('Bước này mất dưới 1 giờ')
		expect(await approval.textContent()).toContain('qua liên kết trong email')
		expect(await approval.textContent()).toContain(
			'Đồng ý, thay mặt đồng chí Chủ tịch.',
		)
		expect(await timeline.getByText(/^Bước này mất /).count()).toBe(2)
		await timeline.scrollIntoViewIfNeeded()
		await timeline.screenshot({
			path: await screenshot(page, 'decide-timeline'),
		})

		// The chairman is back early and ends the substitution.
		page = chairman.page
		await page.goto('/substitutes')
		await waitForHydration(page)
		await row.getByRole('button', { name: 'Kết thúc sớm' }).click()
		await page
			.getByRole('status')
			.filter({ hasText: 'Đã kết thúc ủy quyền.' })
			.waitFor()
		expect(await row.count()).toBe(0)

		for (const p of [chairman, drafter, admin, substitute, phone])
			p.assertNoErrors()
	} finally {
		for (const p of [chairman, drafter, admin, substitute, phone])
			await p.close()
	}
}, 180_000)
