import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Browser, expectNoSeriousAxeViolations, launchBrowser, login, openPage, type Page, screenshot, waitForHydration,
	labelled,
} from './helpers.ts'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

/** The control labelled `label` and the errors shown under it, in the same field. */
function field(page: Page, label: string) {
	const scope = page.locator('.field').filter({ has: page.getByLabel(labelled(label)) })
	return { control: scope.getByLabel(labelled(label)), errors: scope.getByRole('alert') }
}

async function errorsOf(page: Page, label: string) {
	return field(page, label).errors.allTextContents()
}

test('after "Lưu và gửi duyệt", correcting one field leaves the other missing fields flagged', async () => {
	const { page, assertNoErrors, close } = await openPage(browser)
	try {
		await login(page, 'soanthao@ldld-quangtri.vn')
		await page.goto('/plans/new')
		await waitForHydration(page)
		await page.getByRole('button', { name: 'Lưu và gửi duyệt', exact: true }).click()
		await field(page, 'Danh nghĩa đoàn').errors.first().waitFor()
		expect(await errorsOf(page, 'Tên đoàn')).toEqual(['Vui lòng nhập thông tin này'])
		expect(await errorsOf(page, 'Danh nghĩa đoàn')).toEqual(['Vui lòng nhập thông tin này'])
		expect(await errorsOf(page, 'Số ngày')).toEqual(['Vui lòng nhập thông tin này'])

		// Typing the name clears its message only.
		await field(page, 'Tên đoàn').control.fill('Đoàn thử nghiệm')
		await field(page, 'Tên đoàn').errors.first().waitFor({ state: 'detached' })
		expect(await errorsOf(page, 'Danh nghĩa đoàn')).toEqual(['Vui lòng nhập thông tin này'])
		expect(await errorsOf(page, 'Số ngày')).toEqual(['Vui lòng nhập thông tin này'])

		// A date that does not exist is flagged next to the other missing fields, and kept as typed.
		await field(page, 'Thời gian').control.selectOption({ label: 'Ngày cụ thể' })
		await field(page, 'Ngày đi').control.fill('31/02/2027')
		await field(page, 'Ngày về').control.fill('03/03/2027')
		await page.getByRole('button', { name: 'Lưu và gửi duyệt', exact: true }).click()
		await field(page, 'Ngày đi').errors.filter({ hasText: 'Ngày không hợp lệ' }).waitFor()
		expect(await errorsOf(page, 'Danh nghĩa đoàn')).toEqual(['Vui lòng nhập thông tin này'])
		expect(await errorsOf(page, 'Số ngày')).toEqual(['Vui lòng nhập thông tin này'])
		expect(await field(page, 'Ngày đi').control.inputValue()).toBe('31/02/2027')
		expect(await field(page, 'Tên đoàn').control.inputValue()).toBe('Đoàn thử nghiệm')
		expect(new URL(page.url()).pathname).toBe('/plans/new')
		await screenshot(page, 'plan-new-errors-kept')
		await expectNoSeriousAxeViolations(page, 'the plan form with its errors')
		assertNoErrors()
	} finally {
		await close()
	}
})
