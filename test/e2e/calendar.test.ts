import { afterAll, beforeAll, expect, test } from 'vitest'
import {
	type Browser,
	launchBrowser,
	login,
	openPage,
	PHONE,
	screenshot,
	waitForHydration,
} from './helpers.ts'

const BOARD_ADMIN = 'quantri@bandoingoai-tld.vn'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

test('the board admin declares a make-up working Saturday on a phone', async () => {
	const { page, context, assertNoErrors } = await openPage(browser, PHONE)
	try {
		await login(page, BOARD_ADMIN)
		await page.goto('/admin/calendar?year=2027')
		await page
			.getByRole('heading', { level: 1, name: 'Lịch ngày làm việc 2027' })
			.waitFor()
		expect(await page.title()).toBe(
			'Lịch ngày làm việc 2027 – Quản lý đối ngoại công đoàn',
		)
		// Tết 2027: 05/02 to 09/02 are marked off, with the holiday's name.
		const tet = page.locator('td[data-date="2027-02-08"]')
		expect(await tet.getAttribute('class')).toBe('off')
		expect(await tet.getAttribute('title')).toBe('Tết Nguyên đán')
		await waitForHydration(page)

		await page.getByLabel('Ngày', { exact: true }).fill('20/02/2027')
		await page.getByLabel('Loại').selectOption({ label: 'Làm bù' })
		await page.getByRole('button', { name: 'Lưu' }).click()
		await page.getByRole('alert').filter({ hasText: 'Ghi căn cứ' }).waitFor()
		expect(await page.getByLabel('Ngày', { exact: true }).inputValue()).toBe(
			'20/02/2027',
		)
		await page
			.getByLabel('Ghi chú (căn cứ thông báo)')
			.fill('Làm bù theo Thông báo của Văn phòng Chính phủ')
		await page.getByRole('button', { name: 'Lưu' }).click()
		await page
			.getByRole('status')
			.filter({ hasText: 'Đã khai báo ngày 20/02/2027.' })
			.waitFor()
		expect(
			await page.locator('td[data-date="2027-02-20"]').getAttribute('class'),
		).toBe('make-up')
		expect(
			await page.evaluate(() => document.documentElement.scrollWidth),
		).toBeLessThanOrEqual(390)
		await screenshot(page, 'calendar-make-up-saturday')
		assertNoErrors()
	} finally {
		await context.close()
	}
})
