import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Browser, launchBrowser, login, openPage, type Page, screenshot, waitForHydration,
	labelled,
} from './helpers.ts'

// Seed 001 (LĐLĐ tỉnh Quảng Trị, plan for 2020), first row of the "ĐOÀN RA" table.
const PLAN = {
	name: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
	inNameOf: 'Liên đoàn Lao động tỉnh Quảng Trị',
	headTitle: 'Chủ tịch LĐLĐ tỉnh Quảng Trị',
	memberCount: '10',
	country: 'Lào',
	partner: 'Liên hiệp Công đoàn tỉnh Savannakhet',
	activities: ['Hội đàm trao đổi kinh nghiệm với LHCD Savannakhet', 'Đi thực tế một số CĐCS'],
	days: '3-4',
	year: '2020',
	budget: [
		{ payer: 'LHCĐ tỉnh Savannakhet', item: 'Chi phí ăn, nghỉ', source: 'Đối tác chi trả' },
		{ payer: 'LĐLĐ tỉnh Quảng Trị', item: 'Chi phí phương tiện đi lại và kinh phí hỗ trợ cho bạn', source: 'Ngân sách công đoàn' },
	],
}
const MEMBERS = [
	{ fullName: 'Lê Văn Đức', title: 'Chủ tịch', organisation: 'LĐLĐ tỉnh Quảng Trị', passport: 'Công vụ' },
	{ fullName: 'Trần Thị Thu Hà', title: 'Phó Chủ tịch Thường trực', organisation: 'LĐLĐ tỉnh Quảng Trị', passport: 'Phổ thông' },
]
const RETURN_COMMENT = 'Đề nghị bổ sung danh sách thành viên (có loại hộ chiếu) và ngày đi, ngày về cụ thể.'

const DRAFTER = 'soanthao@ldld-quangtri.vn'
const CHAIRMAN = 'chutich@ldld-quangtri.vn'
const PROVINCIAL_PARTY = 'pheduyet@tinhuy-quangtri.vn'
const BOARD = 'pheduyet@bandoingoai-tld.vn'

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

/** Names who returned the plan and when, e.g. "… kể từ khi Hoàng Văn Bình trả lại lúc 16:05 23/11/2026". */
const CHANGES_SINCE_RETURN = /^Những thay đổi kể từ khi Hoàng Văn Bình trả lại lúc \d\d:\d\d \d\d\/\d\d\/\d{4}$/

function panel(page: Page, heading: string | RegExp) {
	return page.locator('section.panel').filter({ has: page.getByRole('heading', { level: 2, name: heading, exact: typeof heading === 'string' }) })
}

/** The control labelled `label` and the errors shown under it, in the same field. */
function field(page: Page, label: string) {
	const scope = page.locator('.field').filter({ has: page.getByLabel(labelled(label)) })
	return { control: scope.getByLabel(labelled(label)), errors: scope.getByRole('alert') }
}

function statusBadge(page: Page) {
	return page.locator('.toolbar .status')
}

/** Waits until the plan's status badge reads `text`. */
async function expectStatus(page: Page, text: string) {
	await statusBadge(page).filter({ hasText: new RegExp(`^${text}$`) }).waitFor()
	expect(await statusBadge(page).textContent()).toBe(text)
}

/** No message is left over from an earlier page (Remix keeps the root loader's data on navigation). */
async function expectNoToast(page: Page) {
	expect(await page.getByRole('status').allTextContents()).toEqual([])
}

async function openFromInbox(page: Page, planId: string) {
	await page.getByRole('navigation').getByRole('link', { name: 'Chờ tôi xử lý', exact: true }).click()
	await page.getByRole('heading', { level: 1, name: 'Chờ tôi xử lý' }).waitFor()
	const row = page.getByRole('row').filter({ has: page.locator(`a[href="/plans/${planId}"]`) })
	await row.waitFor()
	await waitForHydration(page)
	return row
}

async function openPlanFromInbox(page: Page, planId: string) {
	const row = await openFromInbox(page, planId)
	await row.getByRole('link').click()
	await page.waitForURL(url => url.pathname === `/plans/${planId}`)
	await page.getByRole('heading', { level: 1, name: PLAN.name }).waitFor()
	await waitForHydration(page)
	await expectNoToast(page)
}

/** The form of one decision (approve, return, reject) on the plan page, found by its button. */
function decision(page: Page, button: string) {
	return page.locator('form.decision').filter({ has: page.getByRole('button', { name: button, exact: true }) })
}

async function decide(page: Page, button: string, doneToast: string, comment?: string) {
	const planUrl = page.url()
	const form = decision(page, button)
	if (comment !== undefined) await form.getByRole('textbox').fill(comment)
	await form.getByRole('button', { name: button, exact: true }).click()
	// The decision asks once more, naming the plan; nothing is decided yet.
	const confirm = page.getByRole('alertdialog', { name: 'Xác nhận quyết định' })
	await confirm.waitFor()
	const question = await confirm.locator('#confirm-question').textContent()
	expect(question).toContain(`“${PLAN.name}”`)
	if (!confirmShot) {
		confirmShot = true
		await screenshot(page, 'plan-decision-confirm')
	}
	const yes = { 'Phê duyệt': 'Có, phê duyệt', 'Trả lại': 'Có, trả lại', 'Không phê duyệt': 'Có, không phê duyệt' }[button] ?? button
	await confirm.getByRole('button', { name: yes, exact: true }).click()
	await toast(page, doneToast).waitFor()
	// The approver is led on to the next item of the inbox; this test follows the plan.
	if (page.url() !== planUrl) await page.goto(planUrl)
	await waitForHydration(page)
}
let confirmShot = false

async function chainStates(page: Page) {
	return page.locator('.chain-step').evaluateAll(steps =>
		steps.map(step => `${step.querySelector('strong')?.textContent}: ${step.className.replace(/.*chain-step-/, '')}`),
	)
}

async function timeline(page: Page) {
	return page.locator('ol.timeline > li').evaluateAll(items =>
		items.map(item => ({
			event: item.querySelector('strong')?.textContent ?? '',
			actor: item.querySelector('div')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
			change: Array.from(item.querySelectorAll('.status'), s => s.textContent).join(' → '),
			comment: item.querySelector('blockquote')?.textContent ?? null,
		})),
	)
}

test('a delegation plan from seed 001 climbs the chain, is returned by the Tỉnh ủy, fixed and approved', { timeout: 240_000 }, async () => {
	const drafter = await openPage(browser)
	const chairman = await openPage(browser)
	const party = await openPage(browser)
	const board = await openPage(browser)
	try {
		// ── The drafter enters the plan and first submits it without "Danh nghĩa đoàn". ──
		let page = drafter.page
		await login(page, DRAFTER)
		await page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch đoàn', exact: true }).click()
		await page.getByRole('heading', { level: 1, name: 'Kế hoạch đoàn ra, đoàn vào' }).waitFor()
		await screenshot(page, 'plans-list-drafter-before')
		await page.getByRole('link', { name: 'Lập kế hoạch đoàn' }).click()
		await page.getByRole('heading', { level: 1, name: 'Lập kế hoạch đoàn' }).waitFor()
		expect(new URL(page.url()).pathname).toBe('/plans/new')
		await waitForHydration(page)

		await field(page, 'Năm kế hoạch').control.fill(PLAN.year)
		expect(await field(page, 'Loại đoàn').control.inputValue()).toBe('out')
		await field(page, 'Tên đoàn').control.fill(PLAN.name)
		await field(page, 'Trưởng đoàn (chức danh)').control.fill(PLAN.headTitle)
		await field(page, 'Nước đến').control.selectOption({ label: PLAN.country })
		await field(page, 'Đối tác làm việc').control.selectOption({ label: PLAN.partner })
		await field(page, 'Số thành viên').control.fill(PLAN.memberCount)
		await field(page, 'Số ngày').control.fill(PLAN.days)
		await field(page, 'Thời gian').control.selectOption({ label: 'Trong năm' })
		await field(page, 'Nội dung hoạt động').control.fill(PLAN.activities.join('\n'))
		const budget = panel(page, 'Kinh phí')
		for (const [index, line] of PLAN.budget.entries()) {
			await budget.getByRole('button', { name: 'Thêm dòng kinh phí' }).click()
			const item = budget.locator('li.step').nth(index)
			await item.waitFor()
			await item.getByLabel(/^Bên chi trả( \(|$)/).fill(line.payer)
			await item.getByLabel(/^Nội dung chi( \(|$)/).fill(line.item)
			await item.getByLabel(/^Nguồn kinh phí( \(|$)/).selectOption({ label: line.source })
		}
		await page.getByRole('button', { name: 'Lưu và gửi duyệt', exact: true }).click()

		const inNameOf = field(page, 'Danh nghĩa đoàn')
		await inNameOf.errors.filter({ hasText: 'Vui lòng nhập thông tin này' }).waitFor()
		expect(await inNameOf.control.getAttribute('aria-invalid')).toBe('true')
		expect(new URL(page.url()).pathname).toBe('/plans/new')
		// Only the empty field is flagged, and everything typed is still there.
		expect(await page.locator('.field').getByRole('alert').count()).toBe(1)
		expect(await field(page, 'Năm kế hoạch').control.inputValue()).toBe(PLAN.year)
		expect(await field(page, 'Tên đoàn').control.inputValue()).toBe(PLAN.name)
		expect(await field(page, 'Trưởng đoàn (chức danh)').control.inputValue()).toBe(PLAN.headTitle)
		expect(await field(page, 'Số thành viên').control.inputValue()).toBe(PLAN.memberCount)
		expect(await field(page, 'Số ngày').control.inputValue()).toBe(PLAN.days)
		expect(await field(page, 'Nội dung hoạt động').control.inputValue()).toBe(PLAN.activities.join('\n'))
		expect(await field(page, 'Nước đến').control.evaluate(s => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(PLAN.country)
		expect(await field(page, 'Đối tác làm việc').control.evaluate(s => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(PLAN.partner)
		expect(await budget.locator('li.step').count()).toBe(2)
		for (const [index, line] of PLAN.budget.entries()) {
			const item = budget.locator('li.step').nth(index)
			expect(await item.getByLabel(/^Bên chi trả( \(|$)/).inputValue()).toBe(line.payer)
			expect(await item.getByLabel(/^Nội dung chi( \(|$)/).inputValue()).toBe(line.item)
			expect(await item.getByLabel(/^Nguồn kinh phí( \(|$)/).evaluate(s => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(line.source)
		}
		await screenshot(page, 'plan-new-missing-field')

		await inNameOf.control.fill(PLAN.inNameOf)
		await page.getByRole('button', { name: 'Lưu và gửi duyệt', exact: true }).click()
		await page.waitForURL(url => /^\/plans\/[0-9a-f-]{36}$/.test(url.pathname))
		await toast(page, 'Đã gửi kế hoạch đi duyệt.').waitFor()
		const planId = new URL(page.url()).pathname.split('/')[2]
		await page.getByRole('heading', { level: 1, name: PLAN.name }).waitFor()
		await expectStatus(page, 'Chờ Ban Thường vụ LĐLĐ tỉnh duyệt')
		expect(await chainStates(page)).toEqual([
			'Ban Thường vụ LĐLĐ tỉnh: current',
			'Tỉnh ủy: waiting',
			'Ban Bí thư Trung ương Đảng: skipped',
			'Ban Đối ngoại TLĐ: waiting',
		])
		const details = panel(page, 'Thông tin kế hoạch')
		for (const text of [PLAN.inNameOf, PLAN.headTitle, 'Lào', PLAN.partner, '3-4 ngày', 'Năm 2020', ...PLAN.activities, ...PLAN.budget.map(b => b.item)])
			await details.getByText(text).first().waitFor()
		// The drafter cannot decide on her own plan, nor edit it once it is submitted.
		expect(await page.getByRole('button', { name: 'Phê duyệt', exact: true }).count()).toBe(0)
		expect(await page.getByRole('link', { name: 'Sửa', exact: true }).count()).toBe(0)
		await screenshot(page, 'plan-submitted-drafter')

		// ── The chairman finds it in "Chờ tôi xử lý" and approves. ──
		page = chairman.page
		await login(page, CHAIRMAN)
		const inboxRow = await openFromInbox(page, planId)
		expect(await inboxRow.textContent()).toContain('LĐLĐ tỉnh Quảng Trị')
		expect(await inboxRow.getByRole('cell').last().textContent()).toMatch(/^Hôm nay/)
		await screenshot(page, 'inbox-chairman')
		await inboxRow.getByRole('link').click()
		await page.waitForURL(url => url.pathname === `/plans/${planId}`)
		await page.getByRole('heading', { level: 1, name: PLAN.name }).waitFor()
		await waitForHydration(page)
		await decision(page, 'Không phê duyệt').waitFor()
		await decision(page, 'Trả lại').waitFor()
		await screenshot(page, 'plan-chairman-decides')
		await decide(page, 'Phê duyệt', 'Đã phê duyệt kế hoạch.')
		await expectStatus(page, 'Chờ Tỉnh ủy duyệt')
		expect(await page.locator('form.decision').count()).toBe(0)
		await page.getByText(/^Lê Văn Đức đã duyệt lúc \d\d:\d\d \d\d\/\d\d\/\d{4}$/).waitFor()

		// ── The Tỉnh ủy approver returns it: first without a comment, which is refused. ──
		page = party.page
		await login(page, PROVINCIAL_PARTY)
		await openPlanFromInbox(page, planId)
		await expectStatus(page, 'Chờ Tỉnh ủy duyệt')
		await decision(page, 'Trả lại').getByRole('button', { name: 'Trả lại', exact: true }).click()
		await decision(page, 'Trả lại').getByRole('alert').filter({ hasText: 'Vui lòng ghi ý kiến' }).waitFor()
		await expectStatus(page, 'Chờ Tỉnh ủy duyệt')
		await screenshot(page, 'plan-return-without-comment')
		await decide(page, 'Trả lại', 'Đã trả lại kế hoạch cho người soạn.', RETURN_COMMENT)
		await expectStatus(page, 'Bị trả lại')
		expect(await page.locator('form.decision').count()).toBe(0)

		// ── The drafter sees the status and the comment, edits and resubmits. ──
		page = drafter.page
		await page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch đoàn', exact: true }).click()
		await page.getByRole('heading', { level: 1, name: 'Kế hoạch đoàn ra, đoàn vào' }).waitFor()
		const listRow = page.getByRole('row').filter({ has: page.locator(`a[href="/plans/${planId}"]`) })
		expect(await listRow.locator('.status').textContent()).toBe('Bị trả lại')
		await expectNoToast(page)
		await screenshot(page, 'plans-list-returned')
		await listRow.getByRole('link').click()
		await page.waitForURL(url => url.pathname === `/plans/${planId}`)
		await page.getByRole('heading', { level: 1, name: PLAN.name }).waitFor()
		await expectStatus(page, 'Bị trả lại')
		await panel(page, 'Diễn biến').locator('blockquote').filter({ hasText: RETURN_COMMENT }).waitFor()
		// The comment opens the page, with who returned it; the chain shows where it was returned.
		const callout = page.getByRole('note')
		expect(await callout.locator('p').textContent()).toMatch(/^Hoàng Văn Bình \(Tỉnh ủy Quảng Trị\) đã trả lại kế hoạch lúc/)
		expect(await callout.locator('blockquote').textContent()).toBe(RETURN_COMMENT)
		expect(await chainStates(page)).toEqual([
			'Ban Thường vụ LĐLĐ tỉnh: done',
			'Tỉnh ủy: returned',
			'Ban Bí thư Trung ương Đảng: skipped',
			'Ban Đối ngoại TLĐ: waiting',
		])
		await screenshot(page, 'plan-returned-drafter')
		await waitForHydration(page)
		await page.getByRole('link', { name: 'Sửa', exact: true }).click()
		await page.waitForURL(url => url.pathname === `/plans/${planId}/edit`)
		await page.getByRole('heading', { level: 1, name: 'Sửa kế hoạch đoàn' }).waitFor()
		expect(await page.getByRole('note').locator('blockquote').textContent()).toBe(RETURN_COMMENT)
		await waitForHydration(page)
		await expectNoToast(page)
		expect(await field(page, 'Danh nghĩa đoàn').control.inputValue()).toBe(PLAN.inNameOf)

		const members = panel(page, 'Danh sách thành viên')
		for (const [index, member] of MEMBERS.entries()) {
			await members.getByRole('button', { name: 'Thêm thành viên' }).click()
			const item = members.locator('li.step').nth(index)
			await item.waitFor()
			await item.getByLabel(/^Họ và tên( \(|$)/).fill(member.fullName)
			await item.getByLabel(/^Chức vụ( \(|$)/).fill(member.title)
			await item.getByLabel(/^Đơn vị( \(|$)/).fill(member.organisation)
			await item.getByLabel(/^Loại hộ chiếu( \(|$)/).selectOption({ label: member.passport })
		}
		await field(page, 'Thời gian').control.selectOption({ label: 'Ngày cụ thể' })
		await field(page, 'Ngày đi').control.fill('14/09/2020')
		await field(page, 'Ngày về').control.fill('17/09/2020')
		await screenshot(page, 'plan-edit-after-return')
		await page.getByRole('button', { name: 'Lưu và gửi lại', exact: true }).click()
		await page.waitForURL(url => url.pathname === `/plans/${planId}`)
		await toast(page, 'Đã gửi lại kế hoạch.').waitFor()
		await expectStatus(page, 'Chờ Ban Thường vụ LĐLĐ tỉnh duyệt')

		// ── The chairman sees what changed since the return, and approves again. ──
		page = chairman.page
		await openPlanFromInbox(page, planId)
		const changes = panel(page, CHANGES_SINCE_RETURN)
		await changes.waitFor()
		const changeRows = await changes.locator('tbody tr').evaluateAll(rows =>
			rows.map(row => Array.from(row.querySelectorAll('td'), cell => cell.textContent ?? '')),
		)
		expect(changeRows).toEqual([
			['Số thành viên', '10', '10 (2 người đã có tên)'],
			// The number of days follows the exact dates typed.
			['Số ngày', '3-4 ngày', '4 ngày'],
			['Thời gian', 'Năm 2020', 'Từ 14/09/2020 đến 17/09/2020'],
			['Thành viên được thêm', '', MEMBERS.map(m => `${m.fullName}, ${m.title}, ${m.organisation}`).join('\n')],
		])
		// The named members, with their passports, are on the plan.
		const memberRows = await panel(page, 'Thông tin kế hoạch')
			.locator('table:not(.details) tbody tr')
			.evaluateAll(rows => rows.map(row => Array.from(row.querySelectorAll('td'), cell => cell.textContent ?? '')))
		expect(memberRows).toEqual(MEMBERS.map((m, i) => [String(i + 1), m.fullName, m.title, m.organisation, m.passport]))
		await screenshot(page, 'plan-resubmitted-changes')
		await decide(page, 'Phê duyệt', 'Đã phê duyệt kế hoạch.')
		await expectStatus(page, 'Chờ Tỉnh ủy duyệt')

		// ── Tỉnh ủy and Ban Đối ngoại TLĐ approve. ──
		page = party.page
		await openPlanFromInbox(page, planId)
		await panel(page, CHANGES_SINCE_RETURN).waitFor()
		await decide(page, 'Phê duyệt', 'Đã phê duyệt kế hoạch.', 'Đồng ý.')
		await expectStatus(page, 'Chờ Ban Đối ngoại TLĐ duyệt')

		page = board.page
		await login(page, BOARD)
		await openPlanFromInbox(page, planId)
		await expectStatus(page, 'Chờ Ban Đối ngoại TLĐ duyệt')
		await screenshot(page, 'plan-board-decides')
		await decide(page, 'Phê duyệt', 'Đã phê duyệt kế hoạch.')
		await expectStatus(page, 'Đã phê duyệt')
		expect(await page.locator('form.decision').count()).toBe(0)
		// Nothing waits for the board any more.
		await page.getByRole('navigation').getByRole('link', { name: 'Chờ tôi xử lý', exact: true }).click()
		await page.getByRole('heading', { level: 1, name: 'Chờ tôi xử lý' }).waitFor()
		expect(await page.locator(`a[href="/plans/${planId}"]`).count()).toBe(0)

		// ── The drafter sees the approved plan with its whole history. ──
		page = drafter.page
		await page.goto(`/plans/${planId}`)
		await page.getByRole('heading', { level: 1, name: PLAN.name }).waitFor()
		await expectStatus(page, 'Đã phê duyệt')
		expect(await page.getByRole('link', { name: 'Sửa', exact: true }).count()).toBe(0)
		expect(await page.locator('.chain-step').evaluateAll(steps => steps.map(s => s.className.replace(/.*chain-step-/, '')))).toEqual([
			'done',
			'done',
			'skipped',
			'done',
		])
		await panel(page, 'Quy trình phê duyệt').getByText(/^Đặng Thị Mai đã duyệt lúc/).waitFor()
		const ldld = 'LĐLĐ tỉnh Quảng Trị'
		expect(await timeline(page)).toEqual([
			{ event: 'Gửi duyệt', actor: `Gửi duyệt — Nguyễn Thị Hương (${ldld})`, change: 'Dự thảo → Chờ Ban Thường vụ LĐLĐ tỉnh duyệt', comment: null },
			{ event: 'Phê duyệt', actor: `Phê duyệt — Lê Văn Đức (${ldld})`, change: 'Chờ Ban Thường vụ LĐLĐ tỉnh duyệt → Chờ Tỉnh ủy duyệt', comment: null },
			{ event: 'Trả lại để sửa', actor: 'Trả lại để sửa — Hoàng Văn Bình (Tỉnh ủy Quảng Trị)', change: 'Chờ Tỉnh ủy duyệt → Bị trả lại', comment: RETURN_COMMENT },
			{ event: 'Gửi lại sau khi sửa', actor: `Gửi lại sau khi sửa — Nguyễn Thị Hương (${ldld})`, change: 'Bị trả lại → Chờ Ban Thường vụ LĐLĐ tỉnh duyệt', comment: null },
			{ event: 'Phê duyệt', actor: `Phê duyệt — Lê Văn Đức (${ldld})`, change: 'Chờ Ban Thường vụ LĐLĐ tỉnh duyệt → Chờ Tỉnh ủy duyệt', comment: null },
			{ event: 'Phê duyệt', actor: 'Phê duyệt — Hoàng Văn Bình (Tỉnh ủy Quảng Trị)', change: 'Chờ Tỉnh ủy duyệt → Chờ Ban Đối ngoại TLĐ duyệt', comment: 'Đồng ý.' },
			{ event: 'Phê duyệt', actor: 'Phê duyệt — Đặng Thị Mai (Ban Đối ngoại TLĐ)', change: 'Chờ Ban Đối ngoại TLĐ duyệt → Đã phê duyệt', comment: null },
		])
		await screenshot(page, 'plan-approved')
		await page.setViewportSize({ width: 390, height: 844 })
		await screenshot(page, 'plan-approved-narrow')
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

		for (const user of [drafter, chairman, party, board]) user.assertNoErrors()
	} finally {
		await Promise.all([drafter, chairman, party, board].map(user => user.close()))
	}
})
