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
		// Chart labels as drawn on the screen: the SVG's font size times its scale.
		const smallestLabel = await page.locator('.chart svg').evaluateAll(svgs =>
			Math.min(
				...svgs.flatMap(svg => {
					const scale = (svg as SVGSVGElement).getScreenCTM()!.a
					return Array.from(svg.querySelectorAll('text')).map(text => Number(text.getAttribute('font-size')) * scale)
				}),
			),
		)
		expect(smallestLabel).toBeGreaterThanOrEqual(12)
		expect(await overflowing(page)).toEqual([])
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
		assertNoErrors()
	} finally {
		await close()
	}
})

test('on a phone the annual report keeps readable tables: the editor’s scroll sideways, the print view keeps its A4 sheet', async () => {
	const { page, assertNoErrors, close } = await openPage(browser, PHONE)
	// The narrowest column header of the report's tables, in CSS pixels.
	const narrowestColumn = () => page.locator('.ar-table th').evaluateAll(cells => Math.min(...cells.map(cell => cell.getBoundingClientRect().width)))
	const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth)
	try {
		await login(page, 'soanthao@ldld-quangtri.vn')
		await page.goto('/annual-reports')
		await page.getByLabel('Năm báo cáo (N)').fill('2019')
		await Promise.all([
			page.waitForURL(url => /^\/annual-reports\/[0-9a-f-]{36}$/.test(url.pathname)),
			page.getByRole('button', { name: 'Lập báo cáo' }).click(),
		])
		await page.locator('.ar-table th').first().waitFor()
		await screenshot(page, 'annual-report-editor-phone')
		expect(await narrowestColumn()).toBeGreaterThanOrEqual(28)
		expect(await pageWidth()).toBeLessThanOrEqual(390)

		await page.goto(`${new URL(page.url()).pathname}/print`)
		await page.locator('.ar-page').waitFor()
		await screenshot(page, 'annual-report-print-phone')
		// 210 mm at 96 dpi.
		expect(await page.locator('.ar-page').evaluate(sheet => sheet.getBoundingClientRect().width)).toBeGreaterThanOrEqual(790)
		expect(await narrowestColumn()).toBeGreaterThanOrEqual(28)
		expect(await pageWidth()).toBeLessThanOrEqual(390)
		assertNoErrors()
	} finally {
		await close()
	}
})
