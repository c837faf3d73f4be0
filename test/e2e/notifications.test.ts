import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Browser, labelled, launchBrowser, login, mailboxLink, openPage, type Page, screenshot, waitForHydration } from './helpers.ts'

// Without SMTP_URL the e2e server keeps every email in its Outbox; its worker (inside the server,
// as with `npm start`) renders them within a second or so.

const BOARD_ADMIN = 'quantri@bandoingoai-tld.vn'
const DRAFTER = 'soanthao@ldld-quangtri.vn'
const CHAIRMAN = 'chutich@ldld-quangtri.vn'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

function toast(page: Page, text: string) {
	return page.getByRole('status').filter({ hasText: text })
}

/** The outbox row of the message to `email` whose subject is `subject`, once the worker has rendered it. */
async function outboxRow(page: Page, email: string, subject: string) {
	const row = page.getByRole('row').filter({ hasText: email }).filter({ has: page.getByRole('link', { name: subject, exact: true }) })
	for (let tries = 0; ; tries++) {
		await page.goto('/admin/outbox')
		await page.getByRole('heading', { level: 1, name: 'Hộp thư đi' }).waitFor()
		if (await row.count()) return row
		if (tries > 40) throw new Error(`no "${subject}" to ${email} in the outbox`)
		await page.waitForTimeout(250)
	}
}

test('forgot password, end to end through the outbox: the emailed link works once and signs the user in', async () => {
	// A user of this test's own, so no other test's password changes.
	const email = `e2e.quenmatkhau.${Date.now()}@ldld-quangtri.vn`
	const name = 'Phan Thị Ngọc Ánh'
	const newPassword = 'NgocAnh#QuangTri2026'
	const admin = await openPage(browser)
	const user = await openPage(browser)
	try {
		let page = admin.page
		await login(page, BOARD_ADMIN)
		await page.goto('/admin/users/new')
		await page.getByRole('heading', { level: 1, name: 'Thêm người dùng' }).waitFor()
		await waitForHydration(page)
		await page.getByLabel('Họ và tên').fill(name)
		await page.getByLabel('Email').fill(email)
		await page.getByLabel('Chức vụ').fill('Chuyên viên Văn phòng')
		await page.getByLabel('Tổ chức', { exact: true }).selectOption({ label: 'Liên đoàn Lao động tỉnh Quảng Trị' })
		await page.getByLabel('Mật khẩu dùng một lần').fill('MotLan@2026')
		// Typing in the form keeps the default role (it used to uncheck it after a full page load).
		expect(await page.getByRole('checkbox', { name: 'Soạn thảo' }).isChecked()).toBe(true)
		await page.getByRole('button', { name: 'Lưu' }).click()
		await page.waitForURL(url => url.pathname === '/admin/users')
		await toast(page, `Đã tạo người dùng ${name}.`).waitFor()

		// She has forgotten the password; the page says the same as it would for any address.
		page = user.page
		await page.goto('/login')
		await waitForHydration(page)
		await page.getByRole('link', { name: 'Quên mật khẩu?' }).click()
		await page.getByRole('heading', { level: 1, name: 'Quên mật khẩu' }).waitFor()
		await waitForHydration(page)
		await page.getByLabel('Email').fill(email)
		await page.getByRole('button', { name: 'Gửi liên kết đặt lại mật khẩu' }).click()
		await toast(page, 'Nếu email này có trong hệ thống, một liên kết đặt lại mật khẩu đã được gửi tới đó.').waitFor()
		await screenshot(page, 'forgot-password-sent')

		// The admin sees that both emails exist, to her, kept rather than sent; never what they say.
		page = admin.page
		await outboxRow(page, email, '[Đối ngoại] Tài khoản của bạn đã được tạo')
		const row = await outboxRow(page, email, '[Đối ngoại] Đặt lại mật khẩu')
		// No SMTP_URL: kept rather than sent.
		expect(await row.locator('.status').textContent()).toBe('Đã lưu (chưa gửi đi)')
		await waitForHydration(page)
		await row.getByRole('link', { name: '[Đối ngoại] Đặt lại mật khẩu' }).click()
		await page.waitForURL(url => /^\/admin\/outbox\/[0-9a-f-]{36}$/.test(url.pathname))
		await page.getByRole('heading', { level: 1, name: '[Đối ngoại] Đặt lại mật khẩu' }).waitFor()
		await page.getByText('Nội dung thư chỉ người nhận đọc được', { exact: false }).waitFor()
		expect(await page.locator('iframe').count()).toBe(0)
		expect(await page.content()).not.toContain('reset-password')
		await screenshot(page, 'outbox-password-reset')

		// She opens the link from her mailbox, in a browser of her own.
		const resetUrl = await mailboxLink(email, 'password-reset', 'resetPath')
		expect(new URL(resetUrl).pathname).toBe('/reset-password')
		const reader = await openPage(browser)
		const tab = reader.page
		const tabErrors: string[] = []
		tab.on('pageerror', error => tabErrors.push(error.message))
		await tab.goto(resetUrl)
		await tab.waitForLoadState()
		expect(tab.url()).toBe(resetUrl)
		await tab.getByRole('heading', { level: 1, name: 'Đặt lại mật khẩu' }).waitFor()
		await tab.getByText(email, { exact: true }).waitFor()
		await waitForHydration(tab)
		await tab.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword)
		await tab.getByLabel('Nhập lại mật khẩu mới').fill(newPassword)
		await tab.getByRole('button', { name: 'Lưu' }).click()
		await tab.waitForURL(url => url.pathname === '/')
		await toast(tab, 'Đã đặt mật khẩu mới. Bạn đã được đăng nhập.').waitFor()
		await tab.getByRole('heading', { level: 1, name: `Xin chào, ${name}` }).waitFor()
		await screenshot(tab, 'reset-password-signed-in')

		// The same link again is refused.
		await tab.goto(resetUrl)
		await tab.getByText('Liên kết đặt lại mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn.').waitFor()
		expect(await tab.getByLabel('Mật khẩu mới', { exact: true }).count()).toBe(0)
		await reader.close()
		expect(tabErrors).toEqual([])

		// And the new password signs her in (the one-time one is gone, so she is not asked to change it).
		page = user.page
		await login(page, email, newPassword)
		expect(new URL(page.url()).pathname).toBe('/')
		await page.getByRole('heading', { level: 1, name: `Xin chào, ${name}` }).waitFor()
		admin.assertNoErrors()
		user.assertNoErrors()
	} finally {
		await admin.close()
		await user.close()
	}
})

/** The number the bell shows (its label reads "N thông báo chưa đọc"). */
async function bellCount(page: Page) {
	const label = await page.getByRole('link', { name: /thông báo chưa đọc$/ }).getAttribute('aria-label')
	return Number(label!.split(' ')[0])
}

test('the bell counts up when a plan is submitted to you, and down when you read it', async () => {
	const planName = `Đoàn LĐLĐ tỉnh Quảng Trị đi Lào (thông báo ${Date.now()})`
	const chairman = await openPage(browser)
	const drafter = await openPage(browser)
	try {
		let page = chairman.page
		await login(page, CHAIRMAN)
		const before = await bellCount(page)

		// The drafter enters a complete plan and sends it to the federation's Standing Committee.
		page = drafter.page
		await login(page, DRAFTER)
		await page.goto('/plans/new')
		await page.getByRole('heading', { level: 1, name: 'Lập kế hoạch đoàn' }).waitFor()
		await waitForHydration(page)
		const field = (label: string) => page.locator('.field').filter({ has: page.getByLabel(labelled(label)) }).getByLabel(labelled(label))
		await field('Năm kế hoạch').fill('2027')
		await field('Tên đoàn').fill(planName)
		await field('Danh nghĩa đoàn').fill('Liên đoàn Lao động tỉnh Quảng Trị')
		await field('Trưởng đoàn (chức danh)').fill('Chủ tịch LĐLĐ tỉnh Quảng Trị')
		await field('Nước đến').selectOption({ label: 'Lào' })
		await field('Đối tác làm việc').selectOption({ label: 'Liên hiệp Công đoàn tỉnh Savannakhet' })
		await field('Số thành viên').fill('5')
		await field('Số ngày').fill('3-4')
		await field('Thời gian').selectOption({ label: 'Trong năm' })
		await field('Nội dung hoạt động').fill('Hội đàm trao đổi kinh nghiệm với LHCĐ tỉnh Savannakhet')
		await page.getByRole('button', { name: 'Thêm dòng kinh phí' }).click()
		const line = page.locator('li.step').first()
		await line.getByLabel(/^Bên chi trả( \(|$)/).fill('LĐLĐ tỉnh Quảng Trị')
		await line.getByLabel(/^Nội dung chi( \(|$)/).fill('Chi phí phương tiện đi lại')
		await line.getByLabel(/^Nguồn kinh phí( \(|$)/).selectOption({ label: 'Ngân sách công đoàn' })
		await page.getByRole('button', { name: 'Lưu và gửi duyệt', exact: true }).click()
		await page.waitForURL(url => /^\/plans\/[0-9a-f-]{36}$/.test(url.pathname))
		await toast(page, 'Đã gửi kế hoạch đi duyệt.').waitFor()
		const planId = new URL(page.url()).pathname.split('/')[2]

		// The chairman's bell shows one more on the next page he opens.
		page = chairman.page
		await page.goto('/')
		expect(await bellCount(page)).toBe(before + 1)
		expect(await page.locator('.bell .count').textContent()).toBe(String(before + 1))
		await waitForHydration(page)
		await page.getByRole('link', { name: /thông báo chưa đọc$/ }).click()
		await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor()
		const notice = page.locator('li.unread').filter({ hasText: planName })
		expect(await notice.textContent()).toContain(`Kế hoạch “${planName}” của Liên đoàn Lao động tỉnh Quảng Trị đang chờ Ban Thường vụ LĐLĐ tỉnh phê duyệt.`)
		await screenshot(page, 'notifications-unread')
		await waitForHydration(page)

		// Opening it leads to the plan, and the bell counts one less.
		await notice.getByRole('button').click()
		await page.waitForURL(url => url.pathname === `/plans/${planId}`)
		await page.getByRole('heading', { level: 1, name: planName }).waitFor()
		await page.getByRole('link', { name: `${before} thông báo chưa đọc` }).waitFor()
		expect(await bellCount(page)).toBe(before)
		await page.goto('/notifications')
		expect(await page.locator('li.read').filter({ hasText: planName }).count()).toBe(1)
		expect(await page.locator('li.unread').filter({ hasText: planName }).count()).toBe(0)
		chairman.assertNoErrors()
		drafter.assertNoErrors()
	} finally {
		await chairman.close()
		await drafter.close()
	}
})
