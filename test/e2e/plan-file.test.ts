/**
 * The plan's paper, in the browser: the demo drafter prints the plan document, gives it its KH
 * number and downloads the DOCX (which LibreOffice turns into PDF pages); the Tỉnh ủy approver,
 * whose step requires a written answer (switched on here as a fixture, and back off after),
 * approves with the công văn's number, date, signer and PDF; the board approves; the drafter
 * downloads the whole file as a ZIP and it holds the plan document and the answer's PDF.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import postgres from 'postgres'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
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
const CHAIRMAN = 'chutich@ldld-quangtri.vn'
const PROVINCIAL_PARTY = 'pheduyet@tinhuy-quangtri.vn'
const BOARD = 'pheduyet@bandoingoai-tld.vn'
const PLAN = `Đoàn LĐLĐ tỉnh Quảng Trị hội đàm tại Savannakhet (hồ sơ ${Date.now()})`
const ANSWER_NUMBER = `${Date.now() % 1000}-CV/TU`
const run = promisify(execFile)

const sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} })
let browser: Browser
let switchedOn: string[] = []
beforeAll(async () => {
	browser = await launchBrowser()
	// The fixture: LĐLĐ tỉnh Quảng Trị's chain asks the Tỉnh ủy for a written answer.
	const rows = await sql<{ id: string }[]>`
		UPDATE chain_step s SET requires_written_answer = true
		FROM chain c, organisation owner, organisation step
		WHERE s.chain_id = c.id AND owner.id = c.organisation_id AND step.id = s.organisation_id
			AND owner.short_name = 'LĐLĐ tỉnh Quảng Trị' AND step.name_vi = 'Tỉnh ủy Quảng Trị'
			AND NOT s.requires_written_answer
		RETURNING s.id`
	switchedOn = rows.map(r => r.id)
})
afterAll(async () => {
	if (switchedOn.length)
		await sql`UPDATE chain_step SET requires_written_answer = false WHERE id IN ${sql(switchedOn)}`
	await sql.end()
	await browser?.close()
})

function signedPdf() {
	const body = [
		'%PDF-1.4',
		'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
		'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
		'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
		'trailer << /Root 1 0 R >>',
		'%%EOF',
	].join('\n')
	return { name: 'cong-van-tinh-uy.pdf', mimeType: 'application/pdf', buffer: Buffer.from(body) }
}

const toast = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text })

async function download(page: Page, link: ReturnType<Page['locator']>) {
	const [file] = await Promise.all([page.waitForEvent('download'), link.click()])
	return { name: file.suggestedFilename(), data: await readFile((await file.path())!) }
}

async function documentXml(docx: Buffer) {
	const zip = await JSZip.loadAsync(docx)
	return zip.file('word/document.xml')!.async('string')
}

/** Opens the plan from its page's link and approves it; `answer` fills the written answer first. */
async function approve(page: Page, planId: string, answer?: () => Promise<void>) {
	await page.goto(`/plans/${planId}`)
	await page.getByRole('heading', { level: 1, name: PLAN }).waitFor()
	await waitForHydration(page)
	await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click()
	const dialog = page.getByRole('alertdialog')
	await dialog.waitFor()
	if (answer) await answer()
	await dialog.getByRole('button', { name: 'Có, phê duyệt' }).click()
	await toast(page, 'Đã phê duyệt kế hoạch.').waitFor()
}

test('the drafter prints and downloads the plan document, the Tỉnh ủy approves with its written answer, the board approves, and the ZIP holds the whole file', { timeout: 240_000 }, async () => {
	const drafter = await openPage(browser, { viewport: { width: 1280, height: 800 } })
	const others = await Promise.all([1, 2, 3].map(() => openPage(browser, { viewport: { width: 1280, height: 800 } })))
	try {
		const page = drafter.page
		await login(page, DRAFTER)
		const planId = await submitPlan(page, PLAN)

		// ── The plan document from the Hồ sơ: print, number, download. ──
		await page.goto(`/plans/${planId}`)
		await waitForHydration(page)
		const file = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Hồ sơ' }) })
		await file.getByRole('link', { name: 'Văn bản kế hoạch' }).click()
		await page.getByRole('heading', { level: 1 }).filter({ hasText: 'KẾ HOẠCH' }).waitFor()
		await waitForHydration(page)
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Đoàn đại biểu Liên đoàn Lao động tỉnh Quảng Trị đi Lào')
		await expectNoSeriousAxeViolations(page, 'plan document')
		// "In" opens the browser's print dialog; headless, the test records the call instead.
		await page.evaluate(() => {
			;(window as unknown as { printed: number }).printed = 0
			window.print = () => {
				;(window as unknown as { printed: number }).printed++
			}
		})
		await page.getByRole('button', { name: 'In', exact: true }).click()
		expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
		// On paper only the sheet shows: no toolbar, no issue form.
		await page.emulateMedia({ media: 'print' })
		expect(await page.getByRole('button', { name: 'In', exact: true }).isVisible()).toBe(false)
		expect(await page.locator('.issue-confirm').isVisible()).toBe(false)
		// The motto's underline is exactly as wide as the motto.
		const motto = page.locator('.ar-motto span')
		expect(await motto.evaluate(e => getComputedStyle(e).borderBottomStyle)).toBe('solid')
		expect(Math.round((await motto.boundingBox())!.width)).toBeLessThan(Math.round((await page.locator('.ar-motto').boundingBox())!.width))
		await screenshot(page, 'plan-document-print')
		await page.emulateMedia({ media: 'screen' })

		await page.getByLabel(/^Họ và tên người ký/).fill('Nguyễn Đăng Bảo')
		await page.getByLabel(/^Chức vụ người ký/).fill('Phó Chủ tịch Thường trực')
		// Issuing asks once more: the number is taken for good.
		await page.locator('.issue-confirm summary', { hasText: 'Cấp số và phát hành' }).click()
		await page.getByRole('alert').filter({ hasText: 'không thu hồi được' }).waitFor()
		await page.getByRole('button', { name: 'Có, cấp số' }).click()
		await toast(page, /^Đã cấp số \d+\/KH-LĐLĐ\.$/).waitFor()
		const notation = (await toast(page, /Đã cấp số/).textContent())!.match(/(\d+\/KH-LĐLĐ)/)![1]!
		await waitForHydration(page)
		const planDocx = await download(page, page.getByRole('link', { name: 'Tải về (DOCX)' }))
		expect(planDocx.name).toMatch(/^ke-hoach-\d+-kh-ldld-.*\.docx$/)
		const xml = await documentXml(planDocx.data)
		for (const text of [`Số: ${notation}`, 'KẾ HOẠCH', 'Đoàn đại biểu Liên đoàn Lao động tỉnh Quảng Trị đi Lào', 'Nguyễn Đăng Bảo', 'Chi phí phương tiện đi lại'])
			expect(xml).toContain(text)

		// LibreOffice lays the DOCX out as PDF pages, and they become PNGs to look at.
		if (existsSync('/usr/bin/soffice')) {
			const dir = await mkdtemp(path.join(tmpdir(), 'plan-docx-'))
			await writeFile(path.join(dir, 'ke-hoach.docx'), planDocx.data)
			await run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'ke-hoach.docx')], { timeout: 120_000 })
			await run('pdftoppm', ['-r', '60', '-png', path.join(dir, 'ke-hoach.pdf'), path.join(import.meta.dirname, 'screenshots', 'plan-document-docx')])
			const pages = (await readdir(path.join(import.meta.dirname, 'screenshots'))).filter(f => f.startsWith('plan-document-docx'))
			expect(pages.length).toBeGreaterThanOrEqual(1)
		}

		// ── The chain: the chairman, the Tỉnh ủy with its công văn, the board. ──
		const [chairman, party, board] = others.map(o => o.page) as [Page, Page, Page]
		await login(chairman, CHAIRMAN)
		await approve(chairman, planId)

		await login(party, PROVINCIAL_PARTY)
		await approve(party, planId, async () => {
			const dialog = party.getByRole('alertdialog')
			await dialog.getByRole('group', { name: /Văn bản trả lời/ }).waitFor()
			await dialog.getByLabel('Loại văn bản').selectOption({ label: 'Công văn' })
			await dialog.getByLabel('Số, ký hiệu').fill(ANSWER_NUMBER)
			await dialog.getByLabel(/^Ngày văn bản/).fill('05/12/2026')
			await dialog.getByLabel('Người ký').fill('Hoàng Văn Bình')
			await dialog.getByLabel(/^Bản quét có chữ ký/).setInputFiles(signedPdf())
			await screenshot(party, 'plan-written-answer')
		})

		await login(board, BOARD)
		await approve(board, planId)

		// ── The drafter downloads the whole file. ──
		await page.goto(`/plans/${planId}`)
		await waitForHydration(page)
		await expect.poll(() => file.textContent()).toContain(`Công văn số ${ANSWER_NUMBER} ngày 05/12/2026 của Tỉnh ủy Quảng Trị, người ký: Hoàng Văn Bình`)
		await screenshot(page, 'plan-file-section')
		const zipFile = await download(page, file.getByRole('link', { name: 'Tải toàn bộ hồ sơ' }))
		expect(zipFile.name).toMatch(/^ho-so-.*\.zip$/)
		const zip = await JSZip.loadAsync(zipFile.data)
		const names = Object.keys(zip.files)
		const safeNotation = notation.replace('/', '-')
		const safeAnswer = ANSWER_NUMBER.replace('/', '-')
		expect(names).toEqual([
			`01 Kế hoạch ${PLAN} - so ${safeNotation}.docx`,
			`02 Van ban tra loi Tỉnh ủy Quảng Trị ${safeAnswer}.pdf`,
		])
		expect(await documentXml(await zip.file(names[0]!)!.async('nodebuffer'))).toContain(`Số: ${notation}`)
		expect(Buffer.from(await zip.file(names[1]!)!.async('uint8array'))).toEqual(signedPdf().buffer)
		drafter.assertNoErrors()
		for (const o of others) o.assertNoErrors()
	} finally {
		await drafter.close()
		for (const o of others) await o.close()
	}
})
