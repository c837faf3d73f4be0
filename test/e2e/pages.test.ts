import postgres from 'postgres'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import {
	type Browser,
	expectNoSeriousAxeViolations,
	launchBrowser,
	login,
	openPage,
	type Page,
	PHONE,
	screenshot,
} from './helpers.ts'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

const DESKTOP = { viewport: { width: 1280, height: 800 } }
/** Page path → its <title>, from every role and width. */
const titles = new Map<string, Set<string>>()

/** The first link on the page whose address matches, e.g. a plan of the list. */
async function firstLink(page: Page, pattern: RegExp) {
	const hrefs = await page.locator('main a[href]').evaluateAll(links => links.map(a => a.getAttribute('href') ?? ''))
	return hrefs.find(href => pattern.test(href))
}

async function visit(page: Page, url: string, name: string, phone: boolean) {
	const response = await page.goto(url)
	expect(response?.status(), url).toBeLessThan(400)
	await page.locator('h1').first().waitFor()
	// Two plans are one kind of page; their titles differ by their names.
	const path = new URL(page.url()).pathname.replace(/[0-9a-f-]{36}/g, ':id')
	const title = await page.title()
	titles.set(path, (titles.get(path) ?? new Set()).add(title))
	await screenshot(page, `${name}-${phone ? 'phone' : 'desktop'}`)
	if (phone) {
		const { scrollWidth, clientWidth } = await page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth,
		}))
		expect(scrollWidth, `${url} scrolls sideways`).toBeLessThanOrEqual(clientWidth)
	}
	await expectNoSeriousAxeViolations(page, url)
}

/** At 390 px the nav is behind a menu button, and every control of the header is at least 44 px square. */
async function checkPhoneNav(page: Page) {
	const nav = page.getByRole('navigation', { name: 'Trình đơn' })
	await expect(nav.isVisible()).resolves.toBe(false)
	const menu = page.locator('.menu-toggle summary')
	await menu.click()
	await nav.getByRole('link').first().waitFor()
	const small = await page
		.locator('.header a, .header button, .header summary')
		.evaluateAll(elements =>
			elements
				.filter(e => e.getBoundingClientRect().width > 0)
				.map(e => ({ text: e.textContent?.trim() || e.getAttribute('aria-label'), ...e.getBoundingClientRect().toJSON() }))
				.filter(box => box.height < 44 || box.width < 44)
				.map(box => `${box.text}: ${Math.round(box.width)}×${Math.round(box.height)}`),
		)
	expect(small).toEqual([])
	await screenshot(page, 'menu-open-phone')
	await expectNoSeriousAxeViolations(page, 'menu open')
	await menu.click()
}

const roles = [
	{
		email: 'soanthao@ldld-quangtri.vn',
		name: 'drafter',
		pages: ['/', '/plans', '/plans?page=99', '/plans/new', '/reports', '/annual-reports', '/requests', '/statistics', '/partners', '/partners/new', '/people', '/people/new', '/passports', '/passports/register', '/documents', '/mail', '/notifications', '/settings', '/change-password'],
		details: [
			['/plans', /^\/plans\/[0-9a-f-]{36}$/],
			['/partners', /^\/partners\/[0-9a-f-]{36}$/],
			['/people', /^\/people\/[0-9a-f-]{36}$/],
			['/passports', /^\/passports\/[0-9a-f-]{36}$/],
			// A filed report's page, its document, and the plan's document (from the plan page's Hồ sơ).
			['/reports?state=acknowledged', /^\/plans\/[0-9a-f-]{36}\/report$/, /^\/plans\/[0-9a-f-]{36}\/report-document$/],
			['/reports?state=acknowledged', /^\/plans\/[0-9a-f-]{36}\/report$/, /^\/plans\/[0-9a-f-]{36}$/, /^\/plans\/[0-9a-f-]{36}\/document$/],
		] as const,
	},
	{
		email: 'chutich@ldld-quangtri.vn',
		name: 'approver',
		pages: ['/', '/inbox', '/plans', '/substitutes'],
		details: [['/plans', /^\/plans\/[0-9a-f-]{36}$/]] as const,
	},
	{
		email: 'quantri@bandoingoai-tld.vn',
		name: 'admin',
		pages: ['/', '/admin/organisations', '/admin/organisations/new', '/admin/users', '/admin/users?q=ha%20tinh', '/admin/users/new', '/admin/outbox', '/admin/audit', '/annual-reports', '/requests/new', '/statistics'],
		details: [
			['/admin/organisations', /^\/admin\/organisations\/[0-9a-f-]{36}$/],
			['/admin/outbox', /^\/admin\/outbox\/[0-9a-f-]{36}$/],
		] as const,
	},
]

for (const phone of [false, true]) {
	test(`anonymous pages at ${phone ? 390 : 1280} px: own title, no sideways scroll, no serious axe violation`, { timeout: 120_000 }, async () => {
		const { page, assertNoErrors, close } = await openPage(browser, phone ? PHONE : DESKTOP)
		try {
			await visit(page, '/login', 'login', phone)
			await visit(page, '/forgot-password', 'forgot-password', phone)
			// The skip link is the first thing a keyboard reaches, and it leads to the main content.
			await page.keyboard.press('Tab')
			await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Bỏ qua, đến nội dung chính')
			assertNoErrors()
		} finally {
			await close()
		}
	})

	for (const role of roles)
		// At 390 px these broke in session 4's merges (see its closing note): to be fixed first next session.
		test(`the ${role.name}'s pages at ${phone ? 390 : 1280} px: own title, no sideways scroll, no serious axe violation`, { timeout: 400_000 }, async () => {
			const { page, assertNoErrors, close } = await openPage(browser, phone ? PHONE : DESKTOP)
			try {
				await login(page, role.email)
				if (phone) await checkPhoneNav(page)
				for (const url of role.pages) await visit(page, url, `${role.name}${url.replace(/[/?=&%]+/g, '-')}`, phone)
				for (const [list, ...patterns] of role.details) {
					await page.goto(list)
					// Each pattern is followed from the page the previous one led to.
					for (const [i, pattern] of patterns.entries()) {
						const href = await firstLink(page, pattern)
						expect(href, `a link to ${pattern} on ${page.url()}`).toBeTruthy()
						await visit(page, href!, `${role.name}${list.replace(/[/?=&%]+/g, '-')}-item${i ? `-${i}` : ''}`, phone)
					}
				}
				assertNoErrors()
			} finally {
				await close()
			}
		})
}

test('the chairman’s home: what waits (or that nothing does), the latest decisions and the delegations now', async () => {
	const { page, assertNoErrors, close } = await openPage(browser, PHONE)
	try {
		await login(page, 'chutich@ldld-quangtri.vn')
		await page.goto('/')
		const needs = page.locator('.panel', { has: page.getByRole('heading', { name: 'Việc cần tôi xử lý' }) })
		await expect(needs.getByRole('listitem').or(needs.getByText('Hiện không có việc nào chờ bạn xử lý.')).first().isVisible()).resolves.toBe(true)
		// The chairman's latest decisions (the demo's, and those other browser tests made), each a
		// link to its plan with where it stands now.
		const decided = page.getByRole('region', { name: 'Quyết định gần đây của tôi' })
		await expect(decided.getByRole('listitem').count()).resolves.toBe(5)
		for (const item of await decided.getByRole('listitem').all())
			await expect(item.textContent()).resolves.toMatch(/(Phê duyệt|Trả lại để sửa|Không phê duyệt) ngày \d{2}\/\d{2}\/\d{4}Hiện nay: \S/)
		await decided.getByRole('link').first().click()
		await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/)
		await page.goBack()
		await page.getByRole('region', { name: 'Tình hình các đoàn' }).waitFor()
		assertNoErrors()
	} finally {
		await close()
	}
})

test('the drafter’s home marks what is past its day: the demo’s 2020 plans never left', async () => {
	const { page, assertNoErrors, close } = await openPage(browser, PHONE)
	const sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} })
	const name = 'Đoàn LĐLĐ tỉnh Quảng Trị hội đàm với LHCĐ tỉnh Savannakhet năm 2020'
	try {
		// The home lists the latest few of each kind: other browser tests approve plans too, so this
		// one is made the latest (its status and dates unchanged).
		await sql`UPDATE plan SET status_changed_at = now() WHERE name = ${name} AND status = 'approved'`
		await login(page, 'soanthao@ldld-quangtri.vn')
		await page.goto('/')
		const work = page.getByRole('region', { name: 'Việc đang chờ bạn' })
		const stale = work.getByRole('listitem').filter({ hasText: name })
		await expect(stale.locator('.late').textContent()).resolves.toBe(
			'Đã quá thời gian dự kiến xuất phát (31/12/2020): ghi nhận xuất phát, hoãn hoặc hủy chuyến đi',
		)
		assertNoErrors()
	} finally {
		await sql.end()
		await close()
	}
})

test('every page has its own title, naming the page before the app', () => {
	const byTitle = new Map<string, string[]>()
	for (const [path, set] of titles) {
		if (!path.includes(':id')) expect(set.size, `${path}: ${[...set].join(' | ')}`).toBe(1)
		const [title] = set
		expect(title, path).toMatch(/ – Quản lý đối ngoại công đoàn$/)
		byTitle.set(title, [...(byTitle.get(title) ?? []), path])
	}
	const shared = [...byTitle].filter(([, paths]) => paths.length > 1)
	expect(shared).toEqual([])
	expect(titles.size).toBeGreaterThan(20)
})

test('"?page=99" of the plans shows the real total', async () => {
	const { page, close } = await openPage(browser)
	try {
		await login(page, 'soanthao@ldld-quangtri.vn')
		await page.goto('/plans')
		const total = await page.locator('.pagination span').first().textContent()
		expect(total).toMatch(/Tổng số: [1-9]/)
		await page.goto('/plans?page=99')
		await expect(page.locator('.pagination span').first().textContent()).resolves.toBe(total)
		// A search that finds nothing says so (not "no plans yet"), with no "Tổng số: 0 · Trang 1/1" under it.
		await page.goto('/plans?q=khong-co-doan-nao-nhu-the')
		await page.getByRole('cell', { name: 'Không tìm thấy kết quả nào khớp với điều kiện tìm kiếm.' }).waitFor()
		expect(await page.locator('.pagination').count()).toBe(0)
	} finally {
		await close()
	}
})

test('a long timeline shows its latest 50 events and a link to the whole history, at 1280 and 390 px', { timeout: 120_000 }, async () => {
	const sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} })
	// A finished plan of the drafter's federation, given 60 more events (taken out afterwards).
	const [plan] = await sql<{ id: string; total: number }[]>`
		SELECT p.id, (SELECT count(*)::int FROM plan_event e WHERE e.plan_id = p.id) + 60 AS total
		FROM plan p JOIN organisation o ON o.id = p.organisation_id
		WHERE o.short_name = 'LĐLĐ tỉnh Quảng Trị' AND p.status IN ('closed', 'cancelled')
		ORDER BY p.created_at LIMIT 1`
	const added = await sql<{ id: string }[]>`
		INSERT INTO plan_event (plan_id, event, actor_id, actor_organisation_id, from_status, to_status, comment, plan_version, plan_snapshot, created_at)
		SELECT e.plan_id, e.event, e.actor_id, e.actor_organisation_id, e.to_status, e.to_status, 'Ghi chú ' || n, e.plan_version, e.plan_snapshot, e.created_at + n * interval '1 minute'
		FROM (SELECT * FROM plan_event WHERE plan_id = ${plan!.id} ORDER BY id DESC LIMIT 1) e, generate_series(1, 60) n
		RETURNING id`
	try {
		for (const phone of [false, true]) {
			const { page, assertNoErrors, close } = await openPage(browser, phone ? PHONE : DESKTOP)
			try {
				await login(page, 'soanthao@ldld-quangtri.vn')
				await visit(page, `/plans/${plan!.id}`, `plan-long-timeline`, phone)
				const events = page.locator('ol.timeline > li')
				expect(await events.count()).toBe(50)
				await expect(events.last().locator('blockquote').textContent()).resolves.toBe('Ghi chú 60')
				const all = page.getByRole('link', { name: `Xem toàn bộ lịch sử (${plan!.total} sự kiện)` })
				await all.scrollIntoViewIfNeeded()
				await page.screenshot({ path: await screenshot(page, `plan-long-timeline-link-${phone ? 'phone' : 'desktop'}`) })
				await all.click()
				await page.waitForURL(/\?timeline=all$/)
				await expect(events.nth(50).waitFor()).resolves.toBeUndefined()
				expect(await events.count()).toBe(plan!.total)
				await visit(page, page.url(), 'plan-long-timeline-all', phone)
				assertNoErrors()
			} finally {
				await close()
			}
		}
	} finally {
		await sql`DELETE FROM plan_event WHERE id IN ${sql(added.map(e => e.id))}`
		await sql.end()
	}
})
