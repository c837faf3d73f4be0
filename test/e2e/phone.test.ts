import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Browser, launchBrowser, login, openPage, type Page, PHONE, screenshot } from './helpers.ts'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

/** Elements wider than the screen, which would make the page scroll sideways. */
async function overflowing(page: Page) {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth
		return Array.from(document.body.querySelectorAll('*'))
			.filter(element => element.getBoundingClientRect().right > width + 1)
			.map(element => `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 40)}`)
	})
}

test('the login and home pages fit a 390px-wide phone screen', async () => {
	const { page, assertNoErrors, close } = await openPage(browser, PHONE)
	try {
		await page.goto('/login')
		await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor()
		await screenshot(page, 'login-phone')
		expect(await overflowing(page)).toEqual([])
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

		await login(page, 'soanthao@ldld-quangtri.vn')
		await page.getByRole('heading', { level: 1, name: 'Xin chào, Nguyễn Thị Hương' }).waitFor()
		await screenshot(page, 'home-phone')
		expect(await overflowing(page)).toEqual([])
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
		assertNoErrors()
	} finally {
		await close()
	}
})

test('the statistics with the board’s list of organisations fit a 390px-wide phone screen', async () => {
	const { page, assertNoErrors, close } = await openPage(browser, PHONE)
	try {
		await login(page, 'quantri@bandoingoai-tld.vn')
		await page.goto('/statistics?from=2019&to=2020')
		await page.getByRole('heading', { level: 1, name: 'Thống kê công tác đối ngoại' }).waitFor()
		await screenshot(page, 'statistics-board-phone')
		expect(await overflowing(page)).toEqual([])
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
		assertNoErrors()
	} finally {
		await close()
	}
})
