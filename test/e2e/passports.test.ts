import { afterAll, beforeAll, expect, test } from 'vitest'
import { formatIsoDate } from '#lib/format.ts'
import { todayIso } from '#lib/trip-dates.ts'
import {
	type Browser,
	expectNoSeriousAxeViolations,
	launchBrowser,
	login,
	openPage,
	type Page,
	screenshot,
	submitPlan,
	waitForHydration,
} from './helpers.ts'

const DRAFTER = 'soanthao@ldld-quangtri.vn'
const APPROVERS = [
	'chutich@ldld-quangtri.vn',
	'pheduyet@tinhuy-quangtri.vn',
	'pheduyet@bandoingoai-tld.vn',
]
const PLAN_NAME = 'Đoàn LĐLĐ tỉnh Quảng Trị dự hội nghị tại Savannakhet (Đoàn ra)'
// In the demo directory: Hoàng Văn Sơn, Chủ tịch LĐLĐ tỉnh, official passport C3021456.
const HOLDER = 'Hoàng Văn Sơn'
const NUMBER = 'C3021456'

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

async function approve(page: Page, planId: string) {
	await page.goto(`/plans/${planId}`)
	await page.getByRole('heading', { level: 1, name: PLAN_NAME }).waitFor()
	await waitForHydration(page)
	await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click()
	await page
		.getByRole('alertdialog')
		.getByRole('button', { name: 'Có, phê duyệt', exact: true })
		.click()
	await toast(page, 'Đã phê duyệt kế hoạch.').waitFor()
}

test('the drafter picks a member from the directory; the passport goes out for the approved plan and comes back; the register prints', { timeout: 240_000 }, async () => {
	const drafter = await openPage(browser, {
		viewport: { width: 1280, height: 900 },
	})
	const approvers = await Promise.all(APPROVERS.map(() => openPage(browser)))
	try {
		const { page } = drafter
		await login(page, DRAFTER)
		// The member comes from the directory, found without tone marks; Enter searches, not saves.
		const planId = await submitPlan(page, PLAN_NAME, async () => {
			// He heads the delegation: typed there, he is member 1; picked from the directory, that
			// same row is linked to him, not a second one added.
			await page.getByLabel(/^Trưởng đoàn \(họ tên/).fill(HOLDER)
			const members = page.locator('section', { has: page.getByRole('heading', { name: 'Danh sách thành viên' }) }).locator('li.step')
			await expect.poll(() => members.count()).toBe(1)
			const search = page.getByRole('searchbox', { name: 'Tìm người trong danh bạ' })
			await search.fill('hoang van son')
			await search.press('Enter')
			await page.getByRole('button', { name: `Thêm ${HOLDER}` }).click()
			await page.getByRole('status').filter({ hasText: `Đã thêm ${HOLDER} vào danh sách thành viên.` }).waitFor()
			expect(await members.count()).toBe(1)
			const member = page.locator('li.step').filter({ hasText: 'Từ danh bạ' })
			expect(await member.getByLabel(/^Họ và tên/).inputValue()).toBe(HOLDER)
			// The title typed for the head of delegation stays; the directory adds what was missing.
			expect(await member.getByLabel(/^Chức vụ/).inputValue()).toBe('Chủ tịch LĐLĐ tỉnh Quảng Trị')
			expect(await member.getByLabel(/^Loại hộ chiếu/).inputValue()).toBe('official')
			await screenshot(page, 'plan-form-member-from-directory')
		})

		for (const [i, email] of APPROVERS.entries()) {
			await login(approvers[i]!.page, email)
			await approve(approvers[i]!.page, planId)
		}

		// The passport goes out for the approved plan (the only one its holder is a member of).
		await page.goto('/passports?q=hoang%20van%20son')
		await page.getByRole('link', { name: NUMBER }).click()
		await page.getByRole('heading', { level: 1, name: `Hộ chiếu ${NUMBER}` }).waitFor()
		await waitForHydration(page)
		const handOut = page.locator('form').filter({ has: page.getByRole('button', { name: 'Giao hộ chiếu' }) })
		expect(await handOut.getByLabel(/^Kế hoạch đoàn/).locator('option:checked').textContent()).toBe(PLAN_NAME)
		expect(await handOut.getByLabel(/^Người nhận/).inputValue()).toBe(HOLDER)
		await handOut.getByRole('button', { name: 'Giao hộ chiếu' }).click()
		await toast(page, 'Đã ghi nhận việc giao hộ chiếu.').waitFor()
		await page.getByRole('link', { name: PLAN_NAME }).waitFor()
		await expectNoSeriousAxeViolations(page, 'passport out')

		// And back.
		const handBack = page.locator('form').filter({ has: page.getByRole('button', { name: 'Nhận lại hộ chiếu' }) })
		expect(await handBack.getByLabel(/^Người giao/).inputValue()).toBe(HOLDER)
		await handBack.getByRole('button', { name: 'Nhận lại hộ chiếu' }).click()
		await toast(page, 'Đã ghi nhận việc nhận lại hộ chiếu.').waitFor()
		expect(await page.locator('ol.timeline > li strong').allTextContents()).toEqual([
			'Nhận lại hộ chiếu',
			'Giao hộ chiếu',
			'Đăng ký vào sổ',
		])

		// The year's register: its line (the demo's delegation abroad has two more), printable on paper and as DOCX.
		const year = todayIso().slice(0, 4)
		await page.goto(`/passports/register?year=${year}`)
		await page.getByRole('heading', { level: 1, name: /SỔ THEO DÕI GIAO, NHẬN HỘ CHIẾU/ }).waitFor()
		const line = page.locator('tbody tr').filter({ has: page.getByRole('cell', { name: NUMBER, exact: true }) })
		const cells = await line.locator('td').allTextContents()
		const today = formatIsoDate(todayIso())
		expect(cells.slice(1, 8)).toEqual([HOLDER, NUMBER, 'Công vụ', today, 'Nguyễn Thị Hương', today, 'Nguyễn Thị Hương'])
		expect(cells[8]).toContain(PLAN_NAME)
		await page.emulateMedia({ media: 'print' })
		expect(await page.locator('.ar-toolbar').isVisible()).toBe(false)
		expect(await page.locator('header').first().isVisible()).toBe(false)
		expect(await page.getByRole('cell', { name: NUMBER }).isVisible()).toBe(true)
		const pdf = await page.pdf({ format: 'A4' })
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
		await screenshot(page, 'passport-register-print')
		await page.emulateMedia({ media: 'screen' })
		const docx = await page.request.get(`/passports/register.docx?year=${year}`)
		expect(docx.status()).toBe(200)
		expect(docx.headers()['content-disposition']).toContain(`so-giao-nhan-ho-chieu-${year}.docx`)
		drafter.assertNoErrors()
	} finally {
		await drafter.close()
		for (const a of approvers) await a.close()
	}
})

test('a holder’s email, for the passport reminders: a bad address is refused next to the field and kept; a good one is saved (390 px)', { timeout: 120_000 }, async () => {
	const drafter = await openPage(browser, { viewport: { width: 390, height: 844 } })
	try {
		const { page } = drafter
		await login(page, DRAFTER)
		await page.goto('/people?q=le thi thu thuy')
		await page.getByRole('link', { name: 'Lê Thị Thu Thủy' }).click()
		await page.getByRole('heading', { level: 1, name: /Lê Thị Thu Thủy/ }).waitFor()
		// The demo directory gives her address.
		expect(await page.locator('dd', { hasText: 'lttthuy@ldld-quangtri.vn' }).count()).toBe(1)
		await page.getByRole('link', { name: 'Sửa thông tin' }).click()
		await page.getByRole('heading', { level: 1, name: /Sửa thông tin/ }).waitFor()
		await waitForHydration(page)

		const email = page.getByLabel('Email', { exact: true })
		expect(await email.inputValue()).toBe('lttthuy@ldld-quangtri.vn')
		await email.fill('thuy.le@')
		// A birth date that does not exist is told at the same time, not on the next try.
		const born = page.getByLabel(/^Ngày sinh/)
		const bornBefore = await born.inputValue()
		await born.fill('31/02/1985')
		await page.getByRole('button', { name: 'Lưu', exact: true }).click()
		const error = page.getByText('Địa chỉ email không hợp lệ')
		await error.waitFor()
		expect(await born.getAttribute('aria-invalid')).toBe('true')
		await born.fill(bornBefore)
		expect(await email.getAttribute('aria-invalid')).toBe('true')
		expect(await email.inputValue()).toBe('thuy.le@')
		await screenshot(page, 'person-email-invalid-390')

		await email.fill('thuy.le@ldld-quangtri.vn')
		// The error goes as the address is mended, not when the button takes the focus: the button
		// stays where the pointer is.
		await error.waitFor({ state: 'detached' })
		await page.getByRole('button', { name: 'Lưu', exact: true }).click()
		await page.getByRole('status').filter({ hasText: 'Đã lưu thông tin.' }).waitFor()
		expect(await page.locator('dd', { hasText: 'thuy.le@ldld-quangtri.vn' }).count()).toBe(1)
		await expectNoSeriousAxeViolations(page)
		drafter.assertNoErrors()
	} finally {
		await drafter.close()
	}
})
