import { afterAll, beforeAll, expect, test } from 'vitest'
import { addDays, todayIso } from '#lib/trip-dates.ts'
import {
	type Browser,
	launchBrowser,
	login,
	openPage,
	type Page,
	PHONE,
	screenshot,
	waitForHydration,
} from './helpers.ts'

const DRAFTER = 'soanthao@ldld-quangtri.vn'
const BOARD_ADMIN = 'quantri@bandoingoai-tld.vn'
const SAVANNAKHET = 'Liên hiệp Công đoàn tỉnh Savannakhet'
const AGREEMENT = 'Kế hoạch hợp tác năm 2026–2027 với LHCĐ tỉnh Savannakhet'
const pdfBytes = Buffer.from(
	'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
)

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/')

function toast(page: Page, text: string) {
	return page.getByRole('status').filter({ hasText: text })
}

/** The control labelled `label` in the given form and the errors shown under it. */
function field(scope: ReturnType<Page['locator']>, label: string) {
	const box = scope
		.locator('.field')
		.filter({ has: scope.page().getByText(label, { exact: true }) })
	return {
		control: box.getByLabel(label, { exact: true }),
		errors: box.getByRole('alert'),
	}
}

async function searchSavannakhet(page: Page) {
	await page.goto('/partners')
	await page
		.getByRole('heading', { level: 1, name: 'Đối tác nước ngoài' })
		.waitFor()
	await waitForHydration(page)
	await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('savannakhet')
	await page
		.getByRole('search')
		.getByRole('button', { name: 'Tìm kiếm' })
		.click()
	await page.waitForURL(url => url.searchParams.get('q') === 'savannakhet')
	const links = page.getByRole('table').getByRole('link')
	await links.first().waitFor()
	expect(await links.allTextContents()).toEqual([SAVANNAKHET])
}

test('a drafter finds Savannakhet without tone marks, adds an agreement with a PDF, sees the 90-day flag and downloads the file', async () => {
	const session = await openPage(browser, {
		viewport: { width: 1280, height: 900 },
	})
	const { page } = session
	await login(page, DRAFTER)
	await page
		.getByRole('navigation')
		.getByRole('link', { name: 'Đối tác', exact: true })
		.click()
	await page
		.getByRole('heading', { level: 1, name: 'Đối tác nước ngoài' })
		.waitFor()
	// The demo agreement with LHCĐ tỉnh Salavan ends within 90 days of today.
	await page
		.getByRole('status')
		.filter({ hasText: 'Thỏa thuận sắp hết hạn trong 90 ngày tới' })
		.getByRole('link', { name: /LHCĐ tỉnh Salavan|Salavan/ })
		.waitFor()
	await screenshot(page, 'partners-list-desktop')

	await searchSavannakhet(page)
	await page.getByRole('table').getByRole('link', { name: SAVANNAKHET }).click()
	await page.getByRole('heading', { level: 1, name: SAVANNAKHET }).waitFor()
	await waitForHydration(page)
	await page.getByText('ສະຫະພັນກຳມະບານແຂວງສະຫວັນນະເຂດ').waitFor()
	await page.getByText('Tổng cộng: 4.500 USD').waitFor()
	const visits = page
		.locator('table')
		.filter({ has: page.getByRole('columnheader', { name: 'Chiều' }) })
	await visits
		.getByRole('cell', { name: 'Đoàn ra (ta sang bạn)' })
		.first()
		.waitFor()
	await visits
		.getByRole('cell', { name: 'Đoàn vào (bạn sang ta)' })
		.first()
		.waitFor()

	// Nothing typed: the errors show next to the fields.
	const form = page.locator('#agreement-form form')
	await form.getByRole('button', { name: 'Lưu thỏa thuận' }).click()
	await field(form, 'Tên văn bản').errors.waitFor()
	expect(await field(form, 'Tên văn bản').errors.textContent()).toBe(
		'Vui lòng nhập thông tin này',
	)

	const endsOn = addDays(todayIso(), 45)
	await field(form, 'Tên văn bản').control.fill(AGREEMENT)
	await field(form, 'Loại văn bản').control.selectOption({
		label: 'Kế hoạch hợp tác',
	})
	await field(form, 'Ngày ký').control.fill(ddmmyyyy(addDays(endsOn, -365)))
	await field(form, 'Hiệu lực từ').control.fill(ddmmyyyy(addDays(endsOn, -365)))
	await field(form, 'Hiệu lực đến').control.fill(ddmmyyyy(endsOn))
	await field(form, 'Tệp văn bản').control.setInputFiles({
		name: 'ke-hoach-hop-tac.pdf',
		mimeType: 'application/pdf',
		buffer: pdfBytes,
	})
	await form.getByRole('button', { name: 'Lưu thỏa thuận' }).click()
	await toast(page, 'Đã lưu thỏa thuận.').waitFor()
	// Saved: the form is empty again for the next agreement.
	expect(await field(form, 'Tên văn bản').control.inputValue()).toBe('')
	expect(await field(form, 'Tệp văn bản').control.inputValue()).toBe('')

	const row = page.getByRole('row').filter({ hasText: AGREEMENT })
	await row.getByText('Sắp hết hạn · Còn 45 ngày').waitFor()
	expect(await row.getByRole('cell').nth(4).textContent()).toContain(
		`${ddmmyyyy(addDays(endsOn, -365))} – ${ddmmyyyy(endsOn)}`,
	)
	// The 2020–2022 agreement has ended: marked so, not flagged.
	const ended = page
		.getByRole('row')
		.filter({ hasText: 'Thỏa thuận hợp tác giai đoạn 2020–2022' })
	expect(await ended.getByText('Đã hết hạn').count()).toBe(1)
	expect(await ended.getByText('Sắp hết hạn').count()).toBe(0)

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		row.getByRole('link', { name: 'ke-hoach-hop-tac.pdf' }).click(),
	])
	expect(download.suggestedFilename()).toBe('ke-hoach-hop-tac.pdf')
	const chunks: Buffer[] = []
	for await (const chunk of await download.createReadStream())
		chunks.push(chunk as Buffer)
	expect(Buffer.concat(chunks)).toEqual(pdfBytes)
	await screenshot(page, 'partner-desktop')

	// Support: a bad amount is refused next to the field and what was typed stays.
	await page.getByText('Ghi nhận khoản hỗ trợ', { exact: true }).first().click()
	const support = page.locator('form#support')
	await field(support, 'Số tiền').control.fill('0')
	await field(support, 'Ngày trao').control.fill('01/02/2024')
	await support.getByRole('button', { name: 'Ghi nhận khoản hỗ trợ' }).click()
	await field(support, 'Số tiền')
		.errors.getByText('Nhập số tiền lớn hơn 0, ví dụ 45.000.000 hoặc 4.500,50.')
		.waitFor()
	expect(await field(support, 'Ngày trao').control.inputValue()).toBe(
		'01/02/2024',
	)
	await field(support, 'Số tiền').control.fill('250,50')
	await field(support, 'Mục đích').control.fill(
		'Tặng quà nhân dịp Tết Bunpimay',
	)
	await support.getByRole('button', { name: 'Ghi nhận khoản hỗ trợ' }).click()
	await toast(page, 'Đã ghi nhận khoản hỗ trợ.').waitFor()
	await page.getByText('Tổng cộng: 4.750,5 USD').waitFor()

	// Edit: the period is extended past 90 days, and the flag goes; the file stays.
	await row.getByRole('link', { name: 'Sửa thỏa thuận' }).click()
	await page
		.getByRole('heading', { level: 2, name: 'Sửa thỏa thuận' })
		.waitFor()
	expect(await field(form, 'Hiệu lực đến').control.inputValue()).toBe(
		ddmmyyyy(endsOn),
	)
	await field(form, 'Hiệu lực đến').control.fill(ddmmyyyy(addDays(endsOn, 365)))
	await form.getByRole('button', { name: 'Lưu thỏa thuận' }).click()
	await toast(page, 'Đã lưu thỏa thuận.').waitFor()
	await page
		.getByRole('heading', { level: 2, name: 'Thêm thỏa thuận' })
		.waitFor()
	await row.getByText(ddmmyyyy(addDays(endsOn, 365))).waitFor()
	expect(await row.getByText('Sắp hết hạn').count()).toBe(0)
	await row.getByRole('link', { name: 'ke-hoach-hop-tac.pdf' }).waitFor()
	session.assertNoErrors()
	await session.close()
})

test('the board admin, on a phone, adds a partner and sees every federation’s agreements', async () => {
	const session = await openPage(browser, PHONE)
	const { page } = session
	await login(page, BOARD_ADMIN)
	await page.goto('/partners/new')
	await page.getByRole('heading', { level: 1, name: 'Thêm đối tác' }).waitFor()
	await waitForHydration(page)
	await page.getByRole('button', { name: 'Lưu' }).click()
	await page
		.getByLabel('Tên tiếng Việt')
		.and(page.locator('[aria-invalid]'))
		.waitFor()
	await page
		.getByLabel('Tên tiếng Việt')
		.fill('Tổng Công đoàn Lao động Campuchia')
	await page.getByLabel('Tên nguyên bản').fill('Cambodian Labour Confederation')
	await page.getByLabel('Tên viết tắt').fill('CLC')
	await page.getByLabel('Quốc gia').selectOption({ label: 'Campuchia' })
	await page
		.getByLabel('Loại đối tác')
		.selectOption({ label: 'Liên hiệp công đoàn' })
	// Each message went as its field was corrected: nothing moves under the finger at the tap.
	expect(await page.locator('form [role="alert"]').count()).toBe(0)
	await page.getByRole('button', { name: 'Lưu' }).click()
	await toast(page, 'Đã thêm đối tác.').waitFor()
	await page
		.getByRole('heading', {
			level: 1,
			name: 'Tổng Công đoàn Lao động Campuchia',
		})
		.waitFor()
	await screenshot(page, 'partner-new-phone')

	await page.goto('/partners?country=KH')
	const table = page.getByRole('table')
	await table
		.getByRole('link', { name: 'Tổng Công đoàn Lao động Campuchia' })
		.waitFor()
	expect(await table.getByRole('link', { name: SAVANNAKHET }).count()).toBe(0)
	await page.goto('/partners')
	// The board's notice names whose agreement it is.
	await page
		.getByRole('status')
		.getByRole('link', {
			name: /^LĐLĐ tỉnh Quảng Trị: Thỏa thuận hợp tác giai đoạn .* với Liên hiệp Công đoàn tỉnh Salavan/,
		})
		.waitFor()
	await searchSavannakhet(page)
	await screenshot(page, 'partners-list-phone')
	await page.getByRole('table').getByRole('link', { name: SAVANNAKHET }).click()
	await page.getByRole('heading', { level: 1, name: SAVANNAKHET }).waitFor()
	// The board sees LĐLĐ tỉnh Quảng Trị's agreements, including the one added above, and edits none.
	await page
		.getByRole('row')
		.filter({ hasText: AGREEMENT })
		.getByRole('cell', { name: 'LĐLĐ tỉnh Quảng Trị' })
		.waitFor()
	expect(await page.getByRole('link', { name: 'Sửa thỏa thuận' }).count()).toBe(
		0,
	)
	// Wide tables scroll inside their frame; the page itself does not scroll sideways.
	expect(
		await page.evaluate(() => document.documentElement.scrollWidth),
	).toBeLessThanOrEqual(390)
	await screenshot(page, 'partner-phone')
	session.assertNoErrors()
	await session.close()
})
