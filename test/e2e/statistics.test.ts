import { afterAll, beforeAll, expect, test } from 'vitest'
import {
	type Browser,
	launchBrowser,
	login,
	openPage,
	PHONE,
	screenshot,
} from './helpers.ts'

const BOARD = 'pheduyet@bandoingoai-tld.vn'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

test('the board sees the statistics of all organisations with charts, tables and exports, on desktop and phone', async () => {
	for (const [name, options] of [
		['statistics-desktop', { viewport: { width: 1280, height: 900 } }],
		['statistics-phone', PHONE],
	] as const) {
		const session = await openPage(browser, options)
		const { page } = session
		await login(page, BOARD)
		await page.goto('/statistics?from=2019&to=2027')
		await page
			.getByRole('heading', { name: 'Thống kê công tác đối ngoại' })
			.waitFor()
		await page.getByRole('img', { name: 'Số đoàn theo năm' }).waitFor()
		expect(await page.getByLabel('Đơn vị').inputValue()).toBe('')
		expect(
			await page.getByText('Đoàn ra', { exact: true }).count(),
		).toBeGreaterThan(0)
		const csv = await page.request.get(
			await page
				.getByRole('link', { name: 'Tải CSV' })
				.getAttribute('href')
				.then(h => h!),
		)
		expect(csv.status()).toBe(200)
		expect((await csv.body()).subarray(0, 3)).toEqual(
			Buffer.from([0xef, 0xbb, 0xbf]),
		)
		expect(await csv.text()).toContain('Số đoàn')
		await screenshot(page, name)
		session.assertNoErrors()
		await session.close()
	}
})

test('in English, the time per approval step names the steps in English', async () => {
	const session = await openPage(browser)
	const { page } = session
	try {
		await login(page, 'phochutich@ldld-quangtri.vn')
		await page.getByRole('button', { name: 'English' }).click()
		await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor()
		await page.goto('/statistics?from=2019&to=2020')
		const table = page.locator('table').filter({
			has: page.getByRole('columnheader', { name: 'Step', exact: true }),
		})
		const steps = await table
			.locator('tbody tr')
			.locator('td:nth-child(2)')
			.allTextContents()
		expect(steps).toEqual([
			'Federation standing committee',
			'Provincial Party Committee',
			'VGCL Foreign Affairs Department',
		])
		await screenshot(page, 'statistics-english')
		await page.getByRole('button', { name: 'Tiếng Việt' }).click()
		await page
			.getByRole('heading', { name: 'Thống kê công tác đối ngoại' })
			.waitFor()
		session.assertNoErrors()
	} finally {
		await session.close()
	}
})
