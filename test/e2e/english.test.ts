import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Browser, launchBrowser, login, openPage, type Page } from './helpers.ts'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]|^S?TT$/i

/** Column headers, labels, buttons and legends (the app's own words, not data) still in Vietnamese. */
async function vietnameseChrome(page: Page) {
	const texts = await page
		.locator('th, label, button, legend, summary, h2')
		.evaluateAll(elements =>
			elements
				// The annual report's tables are the Vietnamese document itself, a notification quotes a plan's name,
				// and the language switch names Vietnamese.
				.filter(element => !element.closest('.ar-table, .ar-page, .notifications') && element.textContent?.trim() !== 'Tiếng Việt')
				.map(element => (element.tagName === 'LABEL' ? (element.firstChild?.textContent ?? '') : (element.textContent ?? '')).trim()),
		)
	return texts.filter(text => VIETNAMESE.test(text))
}

test('in English, the pages show no column header, label or button in Vietnamese', async () => {
	const { page, assertNoErrors, close } = await openPage(browser)
	try {
		await login(page, 'phochutich@ldld-quangtri.vn')
		await page.getByRole('button', { name: 'English' }).click()
		await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor()
		await page.goto('/reports')
		const reportLinks = await page.locator('main a[href$="/report"]').evaluateAll(links => links.map(link => link.getAttribute('href')!))
		expect(reportLinks.length).toBeGreaterThan(0)
		await page.goto('/plans')
		const planLinks = await page.locator('main a[href^="/plans/"]').evaluateAll(links => links.map(link => link.getAttribute('href')!))
		const found: Record<string, string[]> = {}
		for (const url of ['/', '/plans', '/reports', reportLinks[0]!, ...planLinks.slice(0, 5), '/inbox', '/annual-reports', '/requests', '/statistics', '/partners', '/notifications', '/settings', '/substitutes']) {
			await page.goto(url)
			await page.waitForLoadState('networkidle')
			const texts = await vietnameseChrome(page)
			if (texts.length) found[url] = texts
		}
		expect(found).toEqual({})
		await page.getByRole('button', { name: 'Tiếng Việt' }).click()
		await page.getByRole('navigation').getByRole('link', { name: 'Trang chủ' }).waitFor()
		assertNoErrors()
	} finally {
		await close()
	}
})

test('the page navigation of a list is named in the page’s language', async () => {
	const { page, assertNoErrors, close } = await openPage(browser)
	try {
		await login(page, 'phochutich@ldld-quangtri.vn')
		await page.goto('/plans')
		await page.getByRole('navigation', { name: 'Phân trang' }).waitFor()
		await page.getByRole('button', { name: 'English' }).click()
		await page.getByRole('navigation', { name: 'Pages' }).waitFor()
		await page.getByRole('button', { name: 'Tiếng Việt' }).click()
		await page.getByRole('navigation', { name: 'Phân trang' }).waitFor()
		assertNoErrors()
	} finally {
		await close()
	}
})

test('an address that does not exist answers 404 in the reader’s language, with the header', async () => {
	const { page, close } = await openPage(browser)
	try {
		await login(page, 'phochutich@ldld-quangtri.vn')
		const response = await page.goto('/no-such-page')
		expect(response?.status()).toBe(404)
		await page.getByRole('heading', { level: 1, name: 'Không tìm thấy yêu cầu' }).waitFor()
		await page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch đoàn' }).waitFor()
		await page.getByRole('button', { name: 'English' }).click()
		await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor()
		expect(new URL(page.url()).pathname).toBe('/no-such-page')
		expect(await page.locator('html').getAttribute('lang')).toBe('en')
		await page.getByRole('button', { name: 'Tiếng Việt' }).click()
		await page.getByRole('heading', { level: 1, name: 'Không tìm thấy yêu cầu' }).waitFor()
	} finally {
		await close()
	}
})
