import { execFileSync } from 'node:child_process'
import {
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
	type Browser,
	launchBrowser,
	login,
	openPage,
	screenshot,
	waitForHydration,
} from './helpers.ts'

const APPROVER = 'chutich@ldld-quangtri.vn'
const screenshotDir = path.resolve(import.meta.dirname, 'screenshots')

let browser: Browser
let tmp: string
let reportPath = ''
beforeAll(async () => {
	browser = await launchBrowser()
	tmp = mkdtempSync(path.join(os.tmpdir(), 'annual-report-'))
	mkdirSync(screenshotDir, { recursive: true })
})
afterAll(async () => {
	await browser?.close()
	if (tmp) rmSync(tmp, { recursive: true, force: true })
})

/** The DOCX as LibreOffice prints it: the PDF's text and one PNG per page. */
function convert(docx: string) {
	const profile = path.join(tmp, `lo-${process.pid}`)
	execFileSync(
		'soffice',
		[
			`-env:UserInstallation=file://${profile}`,
			'--headless',
			'--convert-to',
			'pdf',
			'--outdir',
			tmp,
			docx,
		],
		{
			timeout: 180_000,
			stdio: 'pipe',
		},
	)
	const pdf = docx.replace(/\.docx$/, '.pdf')
	const text = execFileSync('pdftotext', [pdf, '-'], {
		encoding: 'utf8',
	})
	execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(tmp, 'page')])
	const pages = readdirSync(tmp)
		.filter(f => /^page-\d+\.png$/.test(f))
		.sort()
	const lastPage = String(pages.length)
	const lastPageText = execFileSync(
		'pdftotext',
		['-f', lastPage, '-l', lastPage, pdf, '-'],
		{ encoding: 'utf8' },
	)
	return { text, pages, lastPageText }
}

test('an approver of LĐLĐ tỉnh Quảng Trị builds the 2019 report, saves it, prints it and downloads a DOCX that LibreOffice lays out as Nghị định 30 asks', async () => {
	const session = await openPage(browser, {
		viewport: { width: 1280, height: 900 },
		acceptDownloads: true,
	})
	const { page } = session
	await login(page, APPROVER)

	// Create (or reopen) the 2019 report from the list.
	await page.goto('/annual-reports')
	await waitForHydration(page)
	await page.getByLabel('Năm báo cáo (N)').fill('2019')
	await Promise.all([
		page.waitForURL(url =>
			/^\/annual-reports\/[0-9a-f-]{36}$/.test(url.pathname),
		),
		page.getByRole('button', { name: 'Lập báo cáo' }).click(),
	])
	await waitForHydration(page)
	reportPath = new URL(page.url()).pathname
	await page
		.getByRole('heading', {
			name: 'Báo cáo công tác đối ngoại năm 2019 và kế hoạch năm 2020',
		})
		.waitFor()
	// Prefilled with the year's facts: the cancelled delegation and why.
	expect(await page.getByLabel('1. Kết quả đạt được').inputValue()).toContain(
		'Bạn lùi Đại hội sang năm 2020',
	)

	// A wrong date is answered next to the field and keeps what was typed.
	await page.getByLabel('Ngày ban hành').fill('31/02/2019')
	await page.getByRole('button', { name: 'Lưu bản nháp' }).click()
	await page
		.getByText('Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy')
		.waitFor()
	expect(await page.getByLabel('Ngày ban hành').inputValue()).toBe('31/02/2019')

	await page.getByLabel('Số, ký hiệu').fill('323/BC-LĐLĐ')
	await page.getByLabel('Ngày ban hành').fill('25/10/2019')
	await page
		.getByLabel('Căn cứ (văn bản yêu cầu báo cáo)')
		.fill(
			'Thực hiện Công văn số 1068/SNgv-VP ngày 17/10/2019 của Sở Ngoại vụ về việc báo cáo hoạt động đối ngoại năm 2019 và dự kiến chương trình hoạt động đối ngoại năm 2020',
		)
	await page
		.getByLabel('2. Khó khăn, hạn chế')
		.fill(
			'Hiện nay LĐLĐ tỉnh chưa có cán bộ chuyên trách về công tác đối ngoại, cán bộ Văn phòng kiêm nhiệm nên chuyên môn nghiệp vụ về công tác đối ngoại còn hạn chế.',
		)
	await page.getByLabel('Họ và tên người ký').fill('Nguyễn Đăng Bảo')
	await page.getByRole('button', { name: 'Lưu bản nháp' }).click()
	await page.getByText('Đã lưu báo cáo.').waitFor()
	expect(await page.getByLabel('Số, ký hiệu').inputValue()).toBe('323/BC-LĐLĐ')
	await screenshot(page, 'annual-report-editor')

	// The print view: an A4 sheet with the header, the tables and the signature.
	await page.getByRole('link', { name: 'Bản in' }).click()
	await page.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').waitFor()
	await page.getByText('Quảng Trị, ngày 25 tháng 10 năm 2019').waitFor()
	await page.getByText('Số: 323/BC-LĐLĐ').waitFor()
	await page.getByText('Nguyễn Đăng Bảo').waitFor()
	await screenshot(page, 'annual-report-print')
	// Printed by the browser: A4 pages with the decree's margins, no app header.
	const printed = path.join(tmp, 'print.pdf')
	await page.pdf({
		path: printed,
		preferCSSPageSize: true,
		printBackground: true,
	})
	execFileSync('pdftoppm', [
		'-png',
		'-r',
		'60',
		printed,
		path.join(screenshotDir, 'annual-report-browser-print'),
	])
	const printedText = execFileSync('pdftotext', [printed, '-'], {
		encoding: 'utf8',
	})
	expect(printedText).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
	expect(printedText).not.toContain('Quay lại soạn thảo')
	await page.emulateMedia({ media: 'print' })
	expect(await page.locator('header.header').isVisible()).toBe(false)
	await screenshot(page, 'annual-report-print-media')
	await page.emulateMedia({ media: 'screen' })

	// The DOCX, converted by LibreOffice.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Tải DOCX' }).click(),
	])
	expect(download.suggestedFilename()).toBe('bao-cao-doi-ngoai-2019.docx')
	const docx = path.join(tmp, 'bao-cao-doi-ngoai-2019.docx')
	await download.saveAs(docx)
	const { text, pages, lastPageText } = convert(docx)
	// The signature never stands alone on the last page: the last table's end comes with it.
	expect(lastPageText).toContain('II. Đoàn vào')
	expect(lastPageText).toContain('Nguyễn Đăng Bảo')
	const flat = text.replace(/\s+/g, ' ')
	for (const expected of [
		'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
		'Độc lập - Tự do - Hạnh phúc',
		'LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ',
		'Số: 323/BC-LĐLĐ',
		'Quảng Trị, ngày 25 tháng 10 năm 2019',
		'BÁO CÁO',
		'Kết quả công tác đối ngoại năm 2019',
		'và kế hoạch hoạt động đối ngoại năm 2020',
		'Thực hiện Công văn số 1068/SNgv-VP',
		'I. Đoàn ra',
		'II. Đoàn vào',
		'TM. BAN THƯỜNG VỤ',
		'Nguyễn Đăng Bảo',
	])
		expect(flat).toContain(expected)
	// Seed 001's 2020 plan: two outbound delegations to Laos; no inbound one, so "Không".
	const inbound = flat.slice(flat.indexOf('II. Đoàn vào'))
	expect(inbound).toContain('Không')
	const outbound = flat.slice(
		flat.indexOf('I. Đoàn ra'),
		flat.indexOf('II. Đoàn vào'),
	)
	expect(outbound).toContain('- LHCD tỉnh Savannakhet chịu chi phí ăn, nghỉ')
	expect(outbound).toContain('- LHCD tỉnh Salavan chịu chi phí ăn, nghỉ')
	expect(outbound).not.toContain('Không')

	mkdirSync(screenshotDir, { recursive: true })
	expect(pages.length).toBeGreaterThan(0)
	for (const [i, file] of pages.entries())
		copyFileSync(
			path.join(tmp, file),
			path.join(screenshotDir, `annual-report-docx-page-${i + 1}.png`),
		)

	// The list shows the report with its number and date.
	await page.goto('/annual-reports')
	await page
		.getByRole('link', { name: 'Năm 2019 và kế hoạch năm 2020' })
		.waitFor()
	await page.getByRole('cell', { name: '323/BC-LĐLĐ' }).waitFor()
	await page.getByRole('cell', { name: '25/10/2019' }).waitFor()
	await screenshot(page, 'annual-report-list')

	session.assertNoErrors()
	await session.close()
}, 300_000)

test("the VGCL board opens Quảng Trị's report (in English too); another organisation's user gets 404", async () => {
	expect(reportPath).toMatch(/^\/annual-reports\//)
	const board = await openPage(browser, {
		viewport: { width: 1280, height: 900 },
	})
	await login(board.page, 'pheduyet@bandoingoai-tld.vn')
	await board.page.goto('/annual-reports')
	await board.page
		.getByRole('cell', { name: 'LĐLĐ tỉnh Quảng Trị' })
		.first()
		.waitFor()
	expect(await board.page.getByLabel('Đơn vị', { exact: true }).count()).toBe(1)
	// Where the organisations' reports on 2019 stand: Quảng Trị's carries the number typed in, so it counts as issued.
	await board.page.getByRole('combobox', { name: 'Năm báo cáo' }).selectOption('2019')
	await board.page.getByRole('button', { name: 'Xem', exact: true }).click()
	const progress = board.page.getByRole('region', { name: 'Tình hình báo cáo năm 2019 của các đơn vị' })
	await progress.waitFor()
	await progress.getByText(/^Đã phát hành: [1-9]\d* đơn vị$/).click()
	await progress.getByRole('listitem').filter({ hasText: 'Số 323/BC-LĐLĐ, ngày 25/10/2019' }).getByRole('link', { name: 'LĐLĐ tỉnh Quảng Trị' }).waitFor()
	await screenshot(board.page, 'annual-report-progress-board')
	await board.page.goto(reportPath)
	await waitForHydration(board.page)
	await board.page.getByRole('button', { name: 'English' }).click()
	await board.page.getByRole('button', { name: 'Save draft' }).waitFor()
	expect(await board.page.getByLabel('Number and symbol').inputValue()).toBe(
		'323/BC-LĐLĐ',
	)
	await screenshot(board.page, 'annual-report-editor-board-en')
	await board.page.getByRole('button', { name: 'Tiếng Việt' }).click()
	await board.page.getByRole('button', { name: 'Lưu bản nháp' }).waitFor()
	board.assertNoErrors()
	await board.close()

	const other = await openPage(browser)
	await login(other.page, 'soanthao@cdct.vn')
	for (const path of [
		reportPath,
		`${reportPath}/print`,
		`${reportPath}/docx`,
	]) {
		const response = await other.page.request.get(path)
		expect(response.status(), path).toBe(404)
	}
	await other.page.goto(reportPath)
	await other.page
		.getByRole('heading', { name: 'Không tìm thấy yêu cầu' })
		.waitFor()
	// Titled by what happened, not by the report it may not see.
	expect(await other.page.title()).toBe(
		'Không tìm thấy yêu cầu – Quản lý đối ngoại công đoàn',
	)
	await other.close()
})
