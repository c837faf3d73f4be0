import ExcelJS from 'exceljs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { formatIsoDate } from '#lib/format.ts'
import { addDays, todayIso } from '#lib/trip-dates.ts'
import {
	type Browser,
	expectNoSeriousAxeViolations,
	labelled,
	launchBrowser,
	login,
	openPage,
	type Page,
	PHONE,
	screenshot,
	waitForHydration,
} from './helpers.ts'

const BOARD = 'pheduyet@bandoingoai-tld.vn'
const DRAFTER = 'soanthao@ldld-quangtri.vn'
const TITLE = 'Báo cáo tổng kết 10 năm thực hiện Nghị quyết 03/NQ-ĐCT (kiểm thử)'
const STAFF = 'Cán bộ làm công tác đối ngoại'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

/** No sideways scroll at 390 px, and no serious axe violation. */
async function checkPage(page: Page, name: string) {
	await screenshot(page, name)
	await expectNoSeriousAxeViolations(page, name)
	const { scrollWidth, clientWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth,
	}))
	expect(scrollWidth, `${name} scrolls sideways`).toBeLessThanOrEqual(clientWidth)
}

test('the board asks for seed 000’s review, LĐLĐ Quảng Trị answers appendix IV with the seed’s figures, the board tracks it and downloads the consolidation', { timeout: 240_000 }, async () => {
	// The board issues the request to LĐLĐ tỉnh Quảng Trị and CĐCTVN.
	const board = await openPage(browser)
	await login(board.page, BOARD)
	await board.page.goto('/requests')
	await board.page.getByRole('link', { name: 'Gửi yêu cầu báo cáo' }).click()
	await board.page.getByRole('heading', { name: 'Gửi yêu cầu báo cáo' }).waitFor()
	await waitForHydration(board.page)
	await checkPage(board.page, 'request-new')
	await board.page.getByLabel(labelled('Trích yếu (về việc)')).fill(TITLE)
	await board.page.getByLabel(labelled('Hạn nộp báo cáo')).fill(formatIsoDate(addDays(todayIso(), 14)))
	await board.page.getByLabel('Các đơn vị chọn dưới đây').check()
	await board.page.getByLabel('LĐLĐ tỉnh Quảng Trị').check()
	await board.page.getByLabel('CĐCTVN').check()
	await board.page.getByRole('button', { name: 'Gửi yêu cầu' }).click()
	await board.page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
	const requestPath = new URL(board.page.url()).pathname
	expect(requestPath).toMatch(/^\/requests\/[0-9a-f-]{36}$/)
	await expect(board.page.getByRole('row', { name: /LĐLĐ tỉnh Quảng Trị/ }).textContent()).resolves.toContain('Chưa bắt đầu')

	// The drafter of LĐLĐ Quảng Trị finds it on the home page and answers on a phone.
	const drafter = await openPage(browser, PHONE)
	await login(drafter.page, DRAFTER)
	await drafter.page.goto('/')
	const work = drafter.page.getByRole('region', { name: 'Yêu cầu báo cáo cần trả lời' })
	await work.getByRole('link', { name: TITLE }).click()
	await drafter.page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
	await waitForHydration(drafter.page)
	// Appendix II is prefilled from the organisation's partners and agreements.
	await expect(drafter.page.getByLabel('Dòng 1: Đối tác thời điểm năm 2020').inputValue()).resolves.toMatch(/LHCĐ tỉnh Sa/)
	await checkPage(drafter.page, 'request-answer-phone')
	// "Thêm dòng" adds an empty row at once (and gives it the focus); what is typed there is kept.
	const partnerCells = drafter.page.getByLabel(/^Dòng \d+: Đối tác thời điểm năm 2020$/)
	const before = await partnerCells.count()
	await drafter.page.getByRole('button', { name: 'Thêm dòng' }).click()
	const addedFirst = drafter.page.getByLabel(`Dòng ${before + 1}: Đối tác thời điểm năm 2010`)
	await expect(addedFirst.evaluate(el => el === document.activeElement)).resolves.toBe(true)
	await drafter.page.getByLabel(`Dòng ${before + 1}: Đối tác thời điểm năm 2020`).fill('Tổng Công đoàn Campuchia')
	const cell = (column: string) => drafter.page.getByLabel(`${STAFF}: ${column}`)
	await drafter.page.getByLabel('Tổ chức và quán triệt Nghị quyết 03: Có / Không').selectOption('yes')
	await drafter.page.getByLabel('Tổ chức tập huấn, thông tin về hoạt động đối ngoại: Có / Không').selectOption('no')
	await cell('Tổng số cán bộ làm công tác đối ngoại').fill('hai')
	await cell('Cán bộ chuyên trách').fill('0')
	await cell('Cán bộ kiêm nhiệm').fill('2')
	await cell('Có chuyên môn ngoại ngữ').fill('1')
	await cell('Có chuyên môn đối ngoại').fill('0')
	await drafter.page.getByRole('button', { name: 'Nộp báo cáo' }).click()
	// The wrong cell says why, next to it, and keeps what was typed.
	const total = cell('Tổng số cán bộ làm công tác đối ngoại')
	await drafter.page.getByText('Nhập một số nguyên').waitFor()
	await expect(total.getAttribute('aria-invalid')).resolves.toBe('true')
	await expect(total.inputValue()).resolves.toBe('hai')
	await expect(cell('Cán bộ kiêm nhiệm').inputValue()).resolves.toBe('2')
	await total.fill('2')
	await drafter.page.getByRole('button', { name: 'Nộp báo cáo' }).click()
	await drafter.page.getByText('Đã nộp báo cáo.').waitFor()
	await checkPage(drafter.page, 'request-answer-submitted-phone')
	drafter.assertNoErrors()
	await drafter.close()

	// The board sees it submitted, opens the consolidation and downloads the XLSX.
	await board.page.goto(requestPath)
	await expect(board.page.getByRole('row', { name: /LĐLĐ tỉnh Quảng Trị/ }).textContent()).resolves.toContain('Đã nộp')
	await expect(board.page.getByRole('row', { name: /CĐCTVN/ }).textContent()).resolves.toContain('Chưa bắt đầu')
	await checkPage(board.page, 'request-tracking')
	await board.page.getByRole('link', { name: 'Xem tổng hợp' }).click()
	await board.page.getByRole('heading', { level: 1, name: `Tổng hợp: ${TITLE}` }).waitFor()
	await board.page.getByText('1/1 tỉnh, thành phố có').first().waitFor()
	await checkPage(board.page, 'request-consolidation')
	const href = await board.page.getByRole('link', { name: 'Tải tổng hợp Excel (XLSX)' }).getAttribute('href')
	const xlsx = await board.page.request.get(href!)
	expect(xlsx.status()).toBe(200)
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.load((await xlsx.body()) as never)
	const sheet = workbook.getWorksheet('Phụ lục IV')!
	const row = (sheet.getRow(5).values as unknown[]).slice(1)
	const headings = (sheet.getRow(4).values as unknown[]).slice(1)
	const value = (heading: string) => row[headings.indexOf(heading)]
	expect(value('Tổng số cán bộ làm công tác đối ngoại (cả nước)')).toBe(2)
	expect(value('Cán bộ chuyên trách (cả nước)')).toBe(0)
	expect(value('Cán bộ kiêm nhiệm (cả nước)')).toBe(2)
	expect(value('Có chuyên môn ngoại ngữ (cả nước)')).toBe(1)
	expect(value('Có chuyên môn ngoại ngữ – Tỉnh, thành phố')).toBe(1)
	expect(value('Có chuyên môn ngoại ngữ – Công đoàn ngành')).toBe(0)
	const partnerSheet = workbook.getWorksheet('Phụ lục II')!
	expect(JSON.stringify(partnerSheet.getSheetValues())).toContain('Tổng Công đoàn Campuchia')
	// The board's own report on the answers, to edit in Word.
	const docxHref = await board.page.getByRole('link', { name: 'Tải báo cáo tổng hợp (DOCX)' }).getAttribute('href')
	const docx = await board.page.request.get(docxHref!)
	expect(docx.status()).toBe(200)
	expect(docx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
	const activities = workbook.getWorksheet('Phụ lục I')!
	expect((activities.getRow(5).values as unknown[]).slice(1, 4)).toEqual([1, 'Tổ chức và quán triệt Nghị quyết 03', 1])
	expect((activities.getRow(9).values as unknown[]).slice(1, 4)).toEqual([5, 'Tổ chức tập huấn, thông tin về hoạt động đối ngoại', 0])
	board.assertNoErrors()
	await board.close()
})
