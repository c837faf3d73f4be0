/**
 * The whole job, as the demo users do it at 1280 px, counting what a person clicks and types:
 * a new outbound plan to Laos with 3 members, a budget line and a PDF, approved through the
 * chain from "Chờ tôi xử lý", the trip recorded, the post-trip report filed and acknowledged.
 * Then what the people see of it: the annual report's figures, the drafter's home with a
 * returned plan, the board's inbox with a report to acknowledge (and, at 390 px, the same pages).
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { todayIso } from '#lib/trip-dates.ts'
import {
	baseUrl,
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
const CHAIRMAN = 'chutich@ldld-quangtri.vn'
const PROVINCIAL_PARTY = 'pheduyet@tinhuy-quangtri.vn'
const BOARD = 'pheduyet@bandoingoai-tld.vn'
const YEAR = Number(todayIso().slice(0, 4))
const PLAN = `Đoàn LĐLĐ tỉnh Quảng Trị thăm LHCĐ tỉnh Savannakhet (${Date.now()})`
const MEMBERS = [
	['Lê Văn Đức', 'Chủ tịch LĐLĐ tỉnh Quảng Trị'],
	['Trần Thị Thu Hà', 'Phó Chủ tịch Thường trực'],
	['Nguyễn Thị Hương', 'Chuyên viên Văn phòng'],
] as const

function pdf() {
	const body = [
		'%PDF-1.4',
		'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
		'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
		'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
		'trailer << /Root 1 0 R >>',
		'%%EOF',
	].join('\n')
	return {
		name: 'thu-moi.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from(body),
	}
}

/** What a person does: each click (a choice in a list is one) and each field typed into. */
const effort = { clicks: 0, typed: 0, signIns: 0 }
type Target = ReturnType<Page['locator']>
const click = async (target: Target) => {
	effort.clicks++
	await target.click()
}
const type = async (target: Target, value: string) => {
	effort.typed++
	await target.fill(value)
}
const choose = async (target: Target, label: string) => {
	effort.clicks++
	await target.selectOption({ label })
}
const signIn = async (page: Page, email: string) => {
	effort.signIns++
	effort.clicks++ // the sign-in button; email and password are the browser's to fill
	await login(page, email)
}

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

const toast = (page: Page, text: string) =>
	page.getByRole('status').filter({ hasText: text })

/** An approver opens "Chờ tôi xử lý" from the nav, opens the item and decides. */
async function approveFromInbox(page: Page) {
	await click(page.getByRole('navigation').getByRole('link', { name: 'Chờ tôi xử lý' }))
	await page.getByRole('heading', { level: 1, name: 'Chờ tôi xử lý' }).waitFor()
	const row = page.getByRole('row').filter({ hasText: PLAN })
	expect(await row.getByRole('cell').first().textContent()).toBe('Phê duyệt kế hoạch')
	// Country and time beside the name, so plans of one name can be told apart.
	expect(await row.locator('.plan-facts').textContent()).toBe(`Lào · Năm ${YEAR}`)
	await click(row.getByRole('link', { name: PLAN }))
	await page.getByRole('heading', { level: 1, name: PLAN }).waitFor()
	await waitForHydration(page)
	await click(page.getByRole('button', { name: 'Phê duyệt', exact: true }))
	await click(page.getByRole('alertdialog').getByRole('button', { name: 'Có, phê duyệt' }))
	await toast(page, 'Đã phê duyệt kế hoạch.').waitFor()
}

test('the whole job takes fewer clicks and typed fields than 71 and 33, and every person then sees the facts and their next step', { timeout: 300_000 }, async () => {
	const drafter = await openPage(browser, { viewport: { width: 1280, height: 800 } })
	const approvers = await Promise.all(
		[CHAIRMAN, PROVINCIAL_PARTY, BOARD].map(() =>
			openPage(browser, { viewport: { width: 1280, height: 800 } }),
		),
	)
	try {
		// ── The drafter writes the plan. ──
		const page = drafter.page
		await signIn(page, DRAFTER)
		await click(page.getByRole('link', { name: 'Lập kế hoạch đoàn' }))
		await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Lập kế hoạch đoàn' }).waitFor()
		await waitForHydration(page)
		await page.getByLabel('Năm kế hoạch').fill(String(YEAR)) // not counted: this year instead of next, for the trip below
		await type(page.getByLabel(/^Tên đoàn/), PLAN)
		// Enter in a text field saves the draft; it never adds a member row.
		await page.getByLabel(/^Tên đoàn/).press('Enter')
		await toast(page, 'Đã lưu kế hoạch.').waitFor()
		await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/)
		await waitForHydration(page)
		await click(page.getByRole('link', { name: 'Sửa', exact: true }))
		await page.getByLabel(/^Danh nghĩa đoàn/).waitFor()
		await waitForHydration(page)
		expect(await page.locator('li.step').count()).toBe(0)
		await type(page.getByLabel(/^Danh nghĩa đoàn/), 'Đoàn đại biểu LĐLĐ tỉnh Quảng Trị')
		await type(page.getByLabel(/^Trưởng đoàn \(chức danh\)/), MEMBERS[0][1])
		await type(page.getByLabel(/^Trưởng đoàn \(họ tên/), MEMBERS[0][0])
		// The head of delegation is member 1, typed once.
		const members = page.locator('section.panel').filter({ has: page.getByRole('heading', { level: 2, name: 'Danh sách thành viên' }) })
		const first = members.locator('li.step').first()
		await first.waitFor()
		expect(await first.getByLabel(/^Họ và tên/).inputValue()).toBe(MEMBERS[0][0])
		// The partner brings its country.
		await choose(page.getByLabel(/^Đối tác làm việc/), 'Liên hiệp Công đoàn tỉnh Savannakhet')
		await expect.poll(() => page.getByLabel(/^Nước đến/).inputValue()).toBe('LA')
		await type(page.getByLabel(/^Số ngày/), '4')
		await type(page.getByLabel(/^Nội dung hoạt động/), 'Hội đàm trao đổi kinh nghiệm\nĐi thực tế một số CĐCS')
		await choose(first.getByLabel(/^Loại hộ chiếu/), 'Công vụ')
		for (const [n, [name, title]] of MEMBERS.slice(1).entries()) {
			await click(members.getByRole('button', { name: 'Thêm thành viên' }))
			const row = members.locator('li.step').nth(n + 1)
			// The focus goes to the new row's first field; its label names the row.
			await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('id'))).toBe(await row.getByLabel(/^Họ và tên/).getAttribute('id'))
			expect(await row.locator('label').first().textContent()).toContain(`thành viên ${n + 2}`)
			await type(row.getByLabel(/^Họ và tên/), name)
			await type(row.getByLabel(/^Chức vụ/), title)
			await choose(row.getByLabel(/^Loại hộ chiếu/), 'Công vụ')
		}
		const budget = page.locator('section.panel').filter({ has: page.getByRole('heading', { level: 2, name: 'Kinh phí' }) })
		await click(budget.getByRole('button', { name: 'Thêm dòng kinh phí' }))
		await type(budget.getByLabel(/^Bên chi trả/), 'LĐLĐ tỉnh Quảng Trị')
		await type(budget.getByLabel(/^Nội dung chi/), 'Phương tiện đi lại')
		await choose(budget.getByLabel(/^Nguồn kinh phí/), 'Ngân sách công đoàn')
		await type(budget.getByLabel(/^Số tiền/), '15000000')
		await choose(budget.getByLabel(/^Đơn vị tiền/), 'VND')
		expect(await budget.getByLabel(/^Đơn vị tiền/).locator('option').allTextContents()).toEqual(expect.arrayContaining(['VND', 'USD', 'EUR', 'LAK', 'THB', 'CNY', 'KRW', 'JPY']))
		effort.clicks++
		await page.getByLabel('Chọn tệp để đính kèm').setInputFiles(pdf())
		await screenshot(page, 'job-plan-form-1280')
		await click(page.getByRole('button', { name: 'Lưu và gửi duyệt' }))
		await toast(page, 'Đã gửi kế hoạch đi duyệt.').waitFor()
		const planId = new URL(page.url()).pathname.split('/')[2]!
		expect(planId).toMatch(/^[0-9a-f-]{36}$/)

		// ── The chain approves it, each from their inbox. ──
		for (const [i, email] of [CHAIRMAN, PROVINCIAL_PARTY, BOARD].entries()) {
			const p = approvers[i]!.page
			await signIn(p, email)
			await approveFromInbox(p)
		}

		// ── The drafter records the trip and files the report. ──
		await page.goto('/')
		await waitForHydration(page)
		// The home page lists the approved plan waiting to depart.
		const work = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Việc đang chờ bạn' }) })
		await click(work.getByRole('link', { name: PLAN }))
		await page.getByRole('heading', { level: 1, name: PLAN }).waitFor()
		await waitForHydration(page)
		await click(page.getByRole('button', { name: 'Ghi nhận đoàn xuất phát' }))
		await toast(page, 'Đã ghi nhận đoàn xuất phát.').waitFor()
		await waitForHydration(page)
		await click(page.getByRole('button', { name: 'Ghi nhận đoàn về' }))
		await page.getByRole('link', { name: 'Lập báo cáo kết quả' }).waitFor()
		await waitForHydration(page)
		await click(page.getByRole('link', { name: 'Lập báo cáo kết quả' }))
		await page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả chuyến đi' }).waitFor()
		await waitForHydration(page)
		await type(page.getByRole('textbox', { name: 'Tóm tắt', exact: true }), 'Đoàn 3 người làm việc tại tỉnh Savannakhet trong 4 ngày.')
		await type(page.getByRole('textbox', { name: 'Kết quả đạt được', exact: true }), 'Hai bên thống nhất chương trình hợp tác năm tới.')
		await type(page.getByRole('textbox', { name: 'Các hoạt động đã thực hiện', exact: true }), 'Hội đàm với LHCĐ tỉnh Savannakhet')
		await click(page.getByRole('button', { name: 'Nộp báo cáo', exact: true }))
		await toast(page, 'Đã nộp báo cáo kết quả.').waitFor()

		// ── The board finds the report in the same inbox and acknowledges it. ──
		const board = approvers[2]!.page
		await click(board.getByRole('navigation').getByRole('link', { name: 'Chờ tôi xử lý' }))
		const reportRow = board.getByRole('row').filter({ hasText: PLAN })
		await reportRow.waitFor()
		expect(await reportRow.getByRole('cell').first().textContent()).toBe('Xác nhận báo cáo sau chuyến đi')
		await screenshot(board, 'job-board-inbox-1280')
		await click(reportRow.getByRole('link', { name: PLAN }))
		await board.getByRole('heading', { level: 1, name: 'Báo cáo kết quả chuyến đi' }).waitFor()
		await waitForHydration(board)
		await click(board.getByRole('button', { name: 'Tiếp nhận báo cáo', exact: true }))
		await toast(board, 'Đã tiếp nhận báo cáo; kế hoạch đã kết thúc.').waitFor()

		console.log(`Whole job: ${effort.clicks} clicks, ${effort.typed} typed fields, ${effort.signIns} sign-ins`)
		expect(effort.clicks).toBeLessThan(71)
		expect(effort.typed).toBeLessThan(33)
		expect(effort.signIns).toBeLessThan(6)

		// ── Not counted: a draft with only a name, and a plan the chairman returns. ──
		// The plan form takes files (multipart); the other forms are urlencoded, as browsers send them.
		const post = (p: Page, url: string, form: Record<string, string>) =>
			p.request.post(url, { headers: { Origin: baseUrl }, maxRedirects: 0, ...(url === '/plans/new' ? { multipart: form } : { form }) })
		const draftName = `Bản nháp chỉ có tên (${Date.now()})`
		expect((await post(page, '/plans/new', { plan_year: String(YEAR + 1), direction: 'out', name: draftName, timing_kind: 'year', intent: 'save' })).status()).toBe(302)
		const returnedName = `Đoàn LĐLĐ tỉnh Quảng Trị sang Salavan (${Date.now()})`
		const created = await post(page, '/plans/new', {
			plan_year: String(YEAR + 1),
			direction: 'out',
			name: returnedName,
			in_name_of: 'Liên đoàn Lao động tỉnh Quảng Trị',
			head_title: 'Chủ tịch LĐLĐ tỉnh Quảng Trị',
			member_count: '5',
			country: 'LA',
			partner_name: 'Liên hiệp Công đoàn tỉnh Salavan',
			activities: 'Hội đàm',
			days: '3',
			timing_kind: 'year',
			'members[0].full_name': 'Lê Văn Đức',
			'members[0].passport_type': 'official',
			'budget[0].payer': 'LĐLĐ tỉnh Quảng Trị',
			'budget[0].item': 'Chi phí phương tiện đi lại',
			'budget[0].source': 'union_budget',
			intent: 'submit',
		})
		expect(created.status()).toBe(302)
		const returnedId = created.headers().location!.split('/')[2]!
		const chairman = approvers[0]!.page
		const data = (await (await chairman.request.get(`/plans/${returnedId}?_data=routes%2Fplans.%24planId._index`)).json()) as { plan: { version: number } }
		expect((await post(chairman, `/plans/${returnedId}`, { intent: 'RETURN', version: String(data.plan.version), comment: 'Đề nghị bổ sung danh sách thành viên.' })).status()).toBe(302)

		// The drafter's home: the returned plan with the comment, the draft not sent.
		await page.goto('/')
		await waitForHydration(page)
		const returned = work.getByRole('listitem').filter({ hasText: returnedName })
		await returned.getByText('Ý kiến: Đề nghị bổ sung danh sách thành viên.').waitFor()
		await work.getByRole('listitem').filter({ hasText: draftName }).waitFor()
		await screenshot(page, 'job-drafter-home-1280')

		// The annual report: the plan's members and counts, no draft.
		const report = await post(page, '/annual-reports', { year: String(YEAR) })
		expect(report.status()).toBe(302)
		const reportId = report.headers().location!.split('/').pop()!
		const printed = (await (await page.request.get(`/annual-reports/${reportId}/print?_data=routes%2Fannual-reports.%24reportId.print`)).json()) as {
			built: { sections: { table?: { title: string; rows: string[][][] }; text?: string[] }[] }
		}
		const tables = printed.built.sections.flatMap(s => (s.table ? [s.table] : []))
		const done = tables.find(t => t.title === `Các đoàn đã thực hiện năm ${YEAR}`)!
		const ours = done.rows.find(r => r[1]?.[0] === PLAN)!
		expect(ours[3]).toEqual([MEMBERS[0][1], MEMBERS[0][0]])
		expect(ours[4]).toEqual(['3'])
		const next = tables.filter(t => t.title === 'I. Đoàn ra' || t.title === 'II. Đoàn vào')
		const names = next.flatMap(t => t.rows.map(r => r[1]?.[0]))
		expect(names).not.toContain(draftName)
		expect(names).toContain(returnedName)
		const counted = next.map(t => (t.rows[0]?.[1]?.[0] === 'Không' ? 0 : t.rows.length))
		const sentence = printed.built.sections.flatMap(s => s.text ?? []).find(l => l.startsWith(`Năm ${YEAR + 1},`))!
		for (const [n, what] of [[counted[0], 'đoàn ra'], [counted[1], 'đoàn vào']] as const)
			if (n) expect(sentence).toContain(`${n} ${what}`)

		// ── The same pages on a phone. ──
		for (const [email, path, name] of [
			[DRAFTER, '/', 'job-drafter-home-390'],
			[BOARD, '/inbox', 'job-board-inbox-390'],
		] as const) {
			const phone = await openPage(browser, PHONE)
			try {
				await login(phone.page, email)
				await phone.page.goto(path)
				await waitForHydration(phone.page)
				await screenshot(phone.page, name)
				phone.assertNoErrors()
			} finally {
				await phone.close()
			}
		}
		drafter.assertNoErrors()
		for (const a of approvers) a.assertNoErrors()
	} finally {
		await drafter.close()
		for (const a of approvers) await a.close()
	}
})
