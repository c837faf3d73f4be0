import { afterAll, beforeAll, expect, test } from 'vitest'
import { addDays, todayIso } from '#lib/trip-dates.ts'
import { formatIsoDate } from '#lib/format.ts'
import { baseUrl, type Browser, launchBrowser, login, openPage, type Page, screenshot, waitForHydration } from './helpers.ts'

const DRAFTER = 'soanthao@ldld-quangtri.vn'
const CHAIRMAN = 'chutich@ldld-quangtri.vn'
const PROVINCIAL_PARTY = 'pheduyet@tinhuy-quangtri.vn'
const BOARD = 'pheduyet@bandoingoai-tld.vn'

const today = todayIso()
const YEAR = today.slice(0, 4)
const PLAN_NAME = 'Đoàn LĐLĐ tỉnh Quảng Trị làm việc với LHCĐ tỉnh Salavan (Đoàn ra)'
const DEPARTED = addDays(today, -20)
const RETURNED = addDays(today, -18)
// Returned 18 days ago with N = 15: the report is 3 days late.
const DUE = addDays(RETURNED, 15)
const REPORT = {
	summary: 'Đoàn gồm 2 đồng chí do đồng chí Chủ tịch LĐLĐ tỉnh làm Trưởng đoàn, làm việc tại tỉnh Salavan trong 3 ngày.',
	results: 'Hai bên thống nhất chương trình hợp tác năm tới và trao đổi kinh nghiệm tổ chức CĐCS.',
	activities: 'Hội đàm với LHCĐ tỉnh Salavan\nThăm 2 công đoàn cơ sở',
	proposals: 'Đề nghị Ban Đối ngoại TLĐ hỗ trợ kinh phí đón đoàn vào năm sau.',
}

/** A small but real PDF: the app checks an attachment by its first bytes. */
function pdf() {
	const body = [
		'%PDF-1.4',
		'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
		'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
		'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
		'trailer << /Root 1 0 R >>',
		'%%EOF',
	].join('\n')
	return { name: 'bien-ban-hoi-dam.pdf', mimeType: 'application/pdf', buffer: Buffer.from(body) }
}

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

async function expectStatus(page: Page, text: string) {
	const badge = page.locator('.toolbar .status')
	await badge.filter({ hasText: new RegExp(`^${text}$`) }).waitFor()
	expect(await badge.textContent()).toBe(text)
}

function tripForm(page: Page, button: string) {
	return page.locator('form.trip-form').filter({ has: page.getByRole('button', { name: button, exact: true }) })
}

async function openPlan(page: Page, planId: string) {
	await page.goto(`/plans/${planId}`)
	await page.getByRole('heading', { level: 1, name: PLAN_NAME }).waitFor()
	await waitForHydration(page)
}

async function approve(page: Page, planId: string) {
	await openPlan(page, planId)
	await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click()
	await page.getByRole('alertdialog').getByRole('button', { name: 'Có, phê duyệt', exact: true }).click()
	await toast(page, 'Đã phê duyệt kế hoạch.').waitFor()
	// The approver is led on to the next item of the inbox; this test follows the plan.
	await openPlan(page, planId)
}

async function timeline(page: Page) {
	return page.locator('ol.timeline > li').evaluateAll(items =>
		items.map(item => ({
			event: item.querySelector('strong')?.textContent ?? '',
			change: Array.from(item.querySelectorAll('.status'), s => s.textContent).join(' → '),
			comment: item.querySelector('blockquote')?.textContent ?? null,
		})),
	)
}

test('a trip returns, its report is overdue, filed with a PDF and acknowledged by the board; the plan is closed', { timeout: 240_000 }, async () => {
	const drafter = await openPage(browser)
	const chairman = await openPage(browser)
	const party = await openPage(browser)
	const board = await openPage(browser)
	try {
		// ── The drafter files a complete plan through the app's own form route. ──
		let page = drafter.page
		await login(page, DRAFTER)
		const created = await page.request.post('/plans/new', {
			headers: { Origin: baseUrl },
			maxRedirects: 0,
			multipart: {
				plan_year: YEAR,
				direction: 'out',
				name: PLAN_NAME,
				in_name_of: 'Liên đoàn Lao động tỉnh Quảng Trị',
				head_title: 'Chủ tịch LĐLĐ tỉnh Quảng Trị',
				member_count: '2',
				country: 'LA',
				partner_name: 'Liên hiệp Công đoàn tỉnh Salavan',
				activities: 'Hội đàm trao đổi kinh nghiệm\nĐi thực tế một số CĐCS',
				days: '3',
				timing_kind: 'year',
				'members[0].full_name': 'Lê Văn Đức',
				'members[0].title': 'Chủ tịch',
				'members[0].organisation_name': 'LĐLĐ tỉnh Quảng Trị',
				'members[0].passport_type': 'official',
				'budget[0].payer': 'LĐLĐ tỉnh Quảng Trị',
				'budget[0].item': 'Chi phí phương tiện đi lại',
				'budget[0].source': 'union_budget',
				intent: 'submit',
			},
		})
		expect(created.status()).toBe(302)
		const planId = created.headers().location.split('/').pop()!
		expect(planId).toMatch(/^[0-9a-f-]{36}$/)
		await openPlan(page, planId)
		await toast(page, 'Đã gửi kế hoạch đi duyệt.').waitFor()

		// ── The chain approves it: the federation, the Tỉnh ủy, the board. ──
		await login(chairman.page, CHAIRMAN)
		await approve(chairman.page, planId)
		await login(party.page, PROVINCIAL_PARTY)
		await approve(party.page, planId)
		await login(board.page, BOARD)
		await approve(board.page, planId)
		await expectStatus(board.page, 'Đã phê duyệt')

		// ── The drafter records the departure, then a return before it, which is refused on the field. ──
		await openPlan(page, planId)
		await expectStatus(page, 'Đã phê duyệt')
		// The drafter may also postpone, cancel, or amend the plan through the edit page.
		await page.getByRole('link', { name: 'Điều chỉnh kế hoạch' }).click()
		await page.getByRole('heading', { level: 1, name: 'Điều chỉnh kế hoạch đã phê duyệt' }).waitFor()
		await page.getByLabel('Lý do điều chỉnh').waitFor()
		expect(await page.getByRole('button', { name: 'Lưu và gửi duyệt' }).count()).toBe(0)
		await screenshot(page, 'plan-amend-form')
		await openPlan(page, planId)
		const depart = tripForm(page, 'Ghi nhận đoàn xuất phát')
		expect(await depart.getByLabel('Ngày xuất phát').inputValue()).toBe(formatIsoDate(today))
		await screenshot(page, 'trip-approved-drafter')
		// A day far outside the approved year is refused, asking for a confirmation and a reason; the date stays typed.
		const farOff = formatIsoDate(`${Number(YEAR) - 1}-11-01`)
		await depart.getByLabel('Ngày xuất phát').fill(farOff)
		await depart.getByRole('button', { name: 'Ghi nhận đoàn xuất phát' }).click()
		await depart.getByRole('alert').filter({ hasText: 'Ngày đi khác ngày đã duyệt hơn 7 ngày: xin xác nhận và ghi lý do' }).waitFor()
		expect(await depart.getByLabel('Ngày xuất phát').inputValue()).toBe(farOff)
		await depart.getByLabel(`Tôi xác nhận ngày này (kế hoạch được duyệt: 01/01/${YEAR} – 31/12/${YEAR})`).waitFor()
		await depart.getByLabel('Lý do khác ngày đã duyệt').waitFor()
		await expectStatus(page, 'Đã phê duyệt')
		await screenshot(page, 'trip-depart-confirm-dates')
		await depart.getByLabel('Ngày xuất phát').fill(formatIsoDate(DEPARTED))
		await depart.getByRole('button', { name: 'Ghi nhận đoàn xuất phát' }).click()
		await toast(page, 'Đã ghi nhận đoàn xuất phát.').waitFor()
		await expectStatus(page, 'Đang thực hiện chuyến đi')
		await waitForHydration(page)

		const back = tripForm(page, 'Ghi nhận đoàn về')
		await back.getByLabel('Ngày về').fill(formatIsoDate(addDays(DEPARTED, -1)))
		await back.getByRole('button', { name: 'Ghi nhận đoàn về' }).click()
		await back.getByRole('alert').filter({ hasText: 'Ngày về không thể trước ngày xuất phát' }).waitFor()
		expect(await back.getByLabel('Ngày về').getAttribute('aria-invalid')).toBe('true')
		await expectStatus(page, 'Đang thực hiện chuyến đi')
		await screenshot(page, 'trip-return-before-departure')

		await back.getByLabel('Ngày về').fill(formatIsoDate(RETURNED))
		await back.getByRole('button', { name: 'Ghi nhận đoàn về' }).click()
		// Back after the report was due: the toast says it is late (and the drafter has a reminder already).
		await toast(page, `Đã ghi nhận đoàn về. Báo cáo sau chuyến đi đã quá hạn 3 ngày (hạn ${formatIsoDate(DUE)}, 15 ngày sau ngày về): đề nghị nộp ngay.`).waitFor()
		await expectStatus(page, 'Đã về, chờ báo cáo')
		await waitForHydration(page)

		// The report is due 15 days after the return, and is 3 days late, in red.
		const trip = page.locator('section.panel').filter({ has: page.getByRole('heading', { level: 2, name: 'Chuyến đi' }) })
		const facts = await trip.locator('table.details tr').evaluateAll(rows => rows.map(r => r.textContent?.replace(/\s+/g, ' ').trim()))
		expect(facts).toEqual([
			`Ngày xuất phát${formatIsoDate(DEPARTED)}`,
			`Ngày về${formatIsoDate(RETURNED)}`,
			`Hạn nộp báo cáo${formatIsoDate(DUE)} (15 ngày sau ngày về) · quá hạn 3 ngày`,
		])
		expect(await trip.locator('.late').textContent()).toBe('quá hạn 3 ngày')
		expect(await trip.locator('.late').evaluate(e => getComputedStyle(e).color)).toBe('rgb(180, 35, 24)')
		await screenshot(page, 'trip-returned-report-due')

		// The home page tells the drafter what is owed.
		await page.getByRole('navigation').getByRole('link', { name: 'Trang chủ', exact: true }).click()
		await page.getByText('Đơn vị còn 1 báo cáo kết quả chuyến đi chưa nộp.').waitFor()
		await screenshot(page, 'home-report-owed')

		// ── The board's overdue list: every organisation, days late in red. ──
		page = board.page
		await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo sau chuyến đi', exact: true }).click()
		await page.getByRole('heading', { level: 1, name: 'Báo cáo sau chuyến đi' }).waitFor()
		await waitForHydration(page)
		await page.getByLabel('Tình trạng báo cáo').selectOption({ label: 'Quá hạn' })
		await page.getByLabel('Sắp xếp').selectOption({ label: 'Quá hạn nhiều nhất trước' })
		await page.getByRole('button', { name: 'Lọc' }).click()
		await page.waitForURL(url => url.searchParams.get('state') === 'overdue')
		const row = page.getByRole('row').filter({ has: page.locator(`a[href="/plans/${planId}/report"]`) })
		await row.waitFor()
		const cells = await row.getByRole('cell').allTextContents()
		expect(cells.slice(0, 5)).toEqual([PLAN_NAME, 'LĐLĐ tỉnh Quảng Trị', formatIsoDate(RETURNED), `trước ${formatIsoDate(DUE)}, 15 ngày sau ngày về`, '3'])
		expect(cells[5]).toBe('quá hạn 3 ngày Đã về, chờ báo cáo')
		// Outbound and inbound trips share the list: the date column is named for both.
		await page.getByRole('columnheader', { name: 'Ngày kết thúc chuyến đi' }).waitFor()
		await screenshot(page, 'reports-overdue-board')

		// ── The drafter files the report with its participants and a PDF. ──
		page = drafter.page
		await openPlan(page, planId)
		await page.getByRole('link', { name: 'Lập báo cáo kết quả' }).click()
		await page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả chuyến đi' }).waitFor()
		await waitForHydration(page)
		// Prefilled from the plan's members; one more person went.
		const people = page.locator('section.panel').filter({ has: page.getByRole('heading', { level: 2, name: 'Thành phần tham gia' }) })
		expect(await people.locator('li.step').first().getByLabel('Họ và tên', { exact: true }).inputValue()).toBe('Lê Văn Đức')
		await people.getByRole('button', { name: 'Thêm người' }).click()
		const second = people.locator('li.step').nth(1)
		await second.waitFor()
		await second.getByLabel('Họ và tên', { exact: true }).fill('Trần Thị Thu Hà')
		await second.getByLabel('Chức vụ', { exact: true }).fill('Phó Chủ tịch Thường trực')
		await second.getByLabel('Đơn vị', { exact: true }).fill('LĐLĐ tỉnh Quảng Trị')
		await page.getByRole('textbox', { name: 'Tóm tắt', exact: true }).fill(REPORT.summary)
		await page.getByRole('textbox', { name: 'Kết quả đạt được', exact: true }).fill(REPORT.results)
		await page.getByRole('textbox', { name: 'Các hoạt động đã thực hiện', exact: true }).fill(REPORT.activities)
		await page.getByLabel('Kiến nghị, đề xuất', { exact: true }).fill(REPORT.proposals)
		await page.getByLabel('Chọn tệp để đính kèm').setInputFiles(pdf())
		await screenshot(page, 'report-form')
		await page.getByRole('button', { name: 'Nộp báo cáo', exact: true }).click()
		await toast(page, 'Đã nộp báo cáo kết quả.').waitFor()
		await expectStatus(page, 'Đã nộp báo cáo')
		await page.getByRole('link', { name: 'bien-ban-hoi-dam.pdf' }).waitFor()
		await screenshot(page, 'report-submitted-drafter')

		// ── The board reads it, downloads the PDF and acknowledges it: the plan is closed. ──
		page = board.page
		await page.goto(`/plans/${planId}/report`)
		await page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả chuyến đi' }).waitFor()
		await waitForHydration(page)
		await page.getByText(REPORT.results).waitFor()
		const file = await page.request.get(await page.getByRole('link', { name: 'bien-ban-hoi-dam.pdf' }).getAttribute('href') ?? '')
		expect(file.status()).toBe(200)
		expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-')
		expect(await page.getByRole('row').filter({ hasText: 'Trần Thị Thu Hà' }).count()).toBe(1)
		await screenshot(page, 'report-board-reads')
		await page.getByRole('button', { name: 'Tiếp nhận báo cáo', exact: true }).click()
		await toast(page, 'Đã tiếp nhận báo cáo; kế hoạch đã kết thúc.').waitFor()

		await openPlan(page, planId)
		await expectStatus(page, 'Đã kết thúc')
		expect(await timeline(page)).toEqual([
			{ event: 'Gửi duyệt', change: 'Dự thảo → Chờ Ban Thường vụ LĐLĐ tỉnh duyệt', comment: null },
			{ event: 'Phê duyệt', change: 'Chờ Ban Thường vụ LĐLĐ tỉnh duyệt → Chờ Tỉnh ủy duyệt', comment: null },
			{ event: 'Phê duyệt', change: 'Chờ Tỉnh ủy duyệt → Chờ Ban Đối ngoại TLĐ duyệt', comment: null },
			{ event: 'Phê duyệt', change: 'Chờ Ban Đối ngoại TLĐ duyệt → Đã phê duyệt', comment: null },
			{ event: 'Đoàn xuất phát', change: 'Đã phê duyệt → Đang thực hiện chuyến đi', comment: null },
			{ event: 'Đoàn về', change: 'Đang thực hiện chuyến đi → Đã về, chờ báo cáo', comment: null },
			{ event: 'Nộp báo cáo kết quả', change: 'Đã về, chờ báo cáo → Đã nộp báo cáo', comment: null },
			{ event: 'Tiếp nhận báo cáo', change: 'Đã nộp báo cáo → Đã kết thúc', comment: null },
		])
		await screenshot(page, 'plan-closed-timeline')

		// The drafter sees it closed too, with nothing left to do.
		page = drafter.page
		await openPlan(page, planId)
		await expectStatus(page, 'Đã kết thúc')
		expect(await page.locator('form.trip-form').count()).toBe(0)
		await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo sau chuyến đi', exact: true }).click()
		await page.getByRole('heading', { level: 1, name: 'Báo cáo sau chuyến đi' }).waitFor()
		await page.getByRole('row').filter({ hasText: PLAN_NAME }).getByText('Đã kết thúc').waitFor()
		await screenshot(page, 'reports-drafter-after')

		for (const user of [drafter, chairman, party, board]) user.assertNoErrors()
	} finally {
		await Promise.all([drafter, chairman, party, board].map(user => user.close()))
	}
})
