import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Browser, launchBrowser, login, openPage, type Page, screenshot, waitForHydration } from './helpers.ts'

const BOARD_ADMIN = 'quantri@bandoingoai-tld.vn'

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

async function logout(page: Page) {
	await Promise.all([page.waitForURL(url => url.pathname === '/login'), page.getByRole('button', { name: 'Đăng xuất', exact: true }).click()])
}

test('an admin creates a user, who must replace the one-time password at first sign-in', async () => {
	const admin = await openPage(browser)
	const email = `e2e.${Date.now()}@ldld-quangtri.vn`
	const name = 'Lê Thị Ánh Tuyết'
	const oneTimePassword = 'MotLan@2026'
	try {
		const { page } = admin
		await login(page, BOARD_ADMIN)
		await page.getByRole('heading', { level: 1, name: 'Xin chào, Vũ Quốc Anh' }).waitFor()
		await page.getByRole('navigation').getByRole('link', { name: 'Người dùng' }).click()
		await page.getByRole('heading', { level: 1, name: 'Danh sách người dùng' }).waitFor()
		await page.getByRole('link', { name: 'Thêm người dùng' }).click()
		await page.getByRole('heading', { level: 1, name: 'Thêm người dùng' }).waitFor()
		expect(new URL(page.url()).pathname).toBe('/admin/users/new')
		await waitForHydration(page)

		// An email that is already taken is refused next to the field.
		await page.getByLabel('Họ và tên').fill(name)
		await page.getByLabel('Email').fill('soanthao@ldld-quangtri.vn')
		await page.getByLabel('Chức vụ').fill('Chuyên viên Ban Chính sách')
		await page.getByLabel('Tổ chức', { exact: true }).selectOption({ label: 'Liên đoàn Lao động tỉnh Quảng Trị' })
		await page.getByLabel('Mật khẩu dùng một lần').fill(oneTimePassword)
		expect(await page.getByRole('checkbox', { name: 'Soạn thảo' }).isChecked()).toBe(true)
		await page.getByRole('button', { name: 'Lưu' }).click()
		await page.getByRole('alert').filter({ hasText: 'Email này đã được sử dụng' }).waitFor()
		await screenshot(page, 'admin-new-user-email-taken')

		await page.getByLabel('Email').fill(email)
		await page.getByLabel('Mật khẩu dùng một lần').fill(oneTimePassword)
		await page.getByRole('button', { name: 'Lưu' }).click()
		await page.waitForURL(url => url.pathname === '/admin/users')
		await toast(page, `Đã tạo người dùng ${name}.`).waitFor()

		// The list finds her without the tone marks typed.
		await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('le thi anh tuyet')
		await page.getByRole('button', { name: 'Tìm kiếm' }).click()
		await page.waitForURL(url => url.searchParams.get('q') === 'le thi anh tuyet')
		const row = page.getByRole('row').filter({ hasText: email })
		await row.waitFor()
		expect(await page.getByRole('row').count()).toBe(2)
		expect(await row.textContent()).toContain(name)
		expect(await row.getByText('Đang hoạt động').isVisible()).toBe(true)
		await screenshot(page, 'admin-users')
		admin.assertNoErrors()
	} finally {
		await admin.close()
	}

	const newcomer = await openPage(browser)
	try {
		const { page } = newcomer
		await login(page, email, oneTimePassword)
		expect(new URL(page.url()).pathname).toBe('/change-password')
		await page.getByText('Đây là lần đăng nhập đầu tiên với mật khẩu do quản trị viên cấp.').waitFor()
		// Nothing else opens until the password is changed.
		await page.goto('/')
		expect(new URL(page.url()).pathname).toBe('/change-password')
		await waitForHydration(page)
		await screenshot(page, 'change-password-first-login')

		const newPassword = 'Tuyet#QuangTri2026'
		await page.getByLabel('Mật khẩu hiện tại').fill(oneTimePassword)
		await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword)
		await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword)
		await page.getByRole('button', { name: 'Lưu' }).click()
		await page.waitForURL(url => url.pathname === '/')
		await toast(page, 'Đã đổi mật khẩu.').waitFor()
		await page.getByRole('heading', { level: 1, name: `Xin chào, ${name}` }).waitFor()

		await logout(page)
		await login(page, email, newPassword)
		expect(new URL(page.url()).pathname).toBe('/')
		await page.getByRole('heading', { level: 1, name: `Xin chào, ${name}` }).waitFor()
		newcomer.assertNoErrors()
	} finally {
		await newcomer.close()
	}
})

function step(page: Page, n: number) {
	return page.locator('li.step').filter({ has: page.getByText(`Bước ${n}`, { exact: true }) })
}

async function stepOrganisations(page: Page) {
	return page.locator('li.step select[name$=".organisation_id"]').evaluateAll(selects =>
		selects.map(select => (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''),
	)
}

test('an admin changes an approval chain; the editor refuses the same organisation twice in a row', async () => {
	const admin = await openPage(browser)
	try {
		const { page } = admin
		await login(page, BOARD_ADMIN)
		await page.getByRole('navigation').getByRole('link', { name: 'Tổ chức' }).click()
		await page.getByRole('heading', { level: 1, name: 'Danh sách tổ chức' }).waitFor()
		await page
			.getByRole('row')
			.filter({ has: page.getByRole('link', { name: 'Công đoàn Công Thương Việt Nam', exact: true }) })
			.getByRole('link', { name: 'Quy trình phê duyệt' })
			.click()
		await page.getByRole('heading', { level: 1, name: 'Quy trình phê duyệt của Công đoàn Công Thương Việt Nam' }).waitFor()
		expect(new URL(page.url()).pathname).toMatch(/^\/admin\/organisations\/[0-9a-f-]{36}\/chain$/)
		await page.getByText(/^Phiên bản 1, lưu lúc/).waitFor()
		await waitForHydration(page)
		expect(await stepOrganisations(page)).toEqual([
			'Công đoàn Công Thương Việt Nam',
			'Đảng ủy Bộ Công Thương',
			'Ban Đối ngoại Tổng Liên đoàn Lao động Việt Nam',
		])
		expect(await page.getByRole('button', { name: 'Lên — Bước 1' }).isDisabled()).toBe(true)
		expect(await page.getByRole('button', { name: 'Xuống — Bước 3' }).isDisabled()).toBe(true)

		// A fourth step naming the same organisation as the third is refused.
		await page.getByRole('button', { name: 'Thêm bước' }).click()
		await step(page, 4).waitFor()
		await step(page, 4).getByLabel('Tổ chức phê duyệt').selectOption({ label: 'Ban Đối ngoại Tổng Liên đoàn Lao động Việt Nam' })
		await step(page, 4).getByLabel('Tên bước (tiếng Việt)').fill('Ban Đối ngoại TLĐ (lần hai)')
		await page.getByRole('button', { name: 'Lưu' }).click()
		await step(page, 4).getByRole('alert').filter({ hasText: 'Bước này trùng tổ chức với bước ngay trước' }).waitFor()
		await screenshot(page, 'admin-chain-same-org-twice')

		// Make it the optional Secretariat step, and move it up before the board.
		await step(page, 4).getByLabel('Tổ chức phê duyệt').selectOption({ label: 'Ban Bí thư Trung ương Đảng' })
		await step(page, 4).getByLabel('Tên bước (tiếng Việt)').fill('Ban Bí thư Trung ương Đảng')
		await step(page, 4).getByLabel('Tên bước (tiếng Anh)').fill('Party Central Secretariat')
		await step(page, 4).getByRole('checkbox', { name: /Bước tùy chọn/ }).check()
		await page.getByRole('button', { name: 'Lên — Bước 4' }).click()
		await page.waitForFunction(
			() => (document.querySelectorAll('li.step select[name$=".organisation_id"]')[2] as HTMLSelectElement | undefined)?.selectedOptions[0]?.textContent === 'Ban Bí thư Trung ương Đảng',
		)
		// A step added by mistake is removed again.
		await page.getByRole('button', { name: 'Thêm bước' }).click()
		await step(page, 5).waitFor()
		await page.getByRole('button', { name: 'Xóa bước — Bước 5' }).click()
		await step(page, 5).waitFor({ state: 'detached' })
		expect(await stepOrganisations(page)).toEqual([
			'Công đoàn Công Thương Việt Nam',
			'Đảng ủy Bộ Công Thương',
			'Ban Bí thư Trung ương Đảng',
			'Ban Đối ngoại Tổng Liên đoàn Lao động Việt Nam',
		])

		await page.getByRole('button', { name: 'Lưu' }).click()
		await toast(page, 'Đã lưu quy trình phê duyệt, phiên bản 2.').waitFor()
		await page.getByText(/^Phiên bản 2, lưu lúc/).first().waitFor()
		expect(await step(page, 3).getByRole('checkbox', { name: /Bước tùy chọn/ }).isChecked()).toBe(true)
		await page.getByRole('heading', { name: 'Các phiên bản trước' }).waitFor()
		await screenshot(page, 'admin-chain-saved')
		admin.assertNoErrors()
	} finally {
		await admin.close()
	}

	// The union's drafter now sees the new chain on her home page.
	const drafter = await openPage(browser)
	try {
		const { page } = drafter
		await login(page, 'soanthao@cdct.vn')
		await page.getByRole('heading', { level: 1, name: 'Xin chào, Đỗ Thị Lan' }).waitFor()
		const steps = page.locator('.chain-view').getByRole('listitem')
		expect((await steps.allTextContents()).map(text => text.replace(/\s+/g, ' ').trim())).toEqual([
			'Ban Thường vụ CĐCTVN',
			'Đảng ủy Bộ Công Thương',
			'Ban Bí thư Trung ương Đảng tùy chọn',
			'Ban Đối ngoại TLĐ',
		])
		drafter.assertNoErrors()
	} finally {
		await drafter.close()
	}
})

test('switching to English translates the pages and is remembered for the next sign-in', async () => {
	const first = await openPage(browser)
	try {
		const { page } = first
		// Before sign-in the choice is kept in a cookie.
		await page.goto('/login')
		await waitForHydration(page)
		await page.getByRole('button', { name: 'English' }).click()
		await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor()
		await page.getByRole('button', { name: 'Tiếng Việt' }).click()
		await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor()

		await login(page, BOARD_ADMIN)
		await page.getByRole('heading', { level: 1, name: 'Xin chào, Vũ Quốc Anh' }).waitFor()
		await page.getByRole('navigation').getByRole('link', { name: 'Người dùng' }).click()
		await page.getByRole('heading', { level: 1, name: 'Danh sách người dùng' }).waitFor()

		await page.getByRole('button', { name: 'English' }).click()
		await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor()
		expect(new URL(page.url()).pathname).toBe('/admin/users')
		expect(await page.locator('html').getAttribute('lang')).toBe('en')
		expect(await page.getByRole('link', { name: 'Add user' }).isVisible()).toBe(true)
		expect(await page.getByRole('columnheader', { name: 'Full name' }).isVisible()).toBe(true)
		await screenshot(page, 'admin-users-english')

		await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click()
		await page.getByRole('heading', { level: 1, name: 'Hello, Vũ Quốc Anh' }).waitFor()
		first.assertNoErrors()
	} finally {
		await first.close()
	}

	// The choice is stored on the account: another browser, without the cookie, gets English after sign-in.
	const second = await openPage(browser)
	try {
		const { page } = second
		await login(page, BOARD_ADMIN)
		await page.getByRole('heading', { level: 1, name: 'Hello, Vũ Quốc Anh' }).waitFor()
		await waitForHydration(page)
		await page.getByRole('button', { name: 'Tiếng Việt' }).click()
		await page.getByRole('heading', { level: 1, name: 'Xin chào, Vũ Quốc Anh' }).waitFor()
		expect(await page.locator('html').getAttribute('lang')).toBe('vi')
		second.assertNoErrors()
	} finally {
		await second.close()
	}
})
