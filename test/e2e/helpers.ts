import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core'
import postgres from 'postgres'
import { afterEach, expect, inject } from 'vitest'
import { DEMO_PASSWORD } from '#seed/seed.ts'

export { DEMO_PASSWORD }

export const baseUrl = inject('baseUrl')

export const CHROMIUM_PATH = '/usr/bin/chromium'

export const PHONE: BrowserContextOptions = {
	viewport: { width: 390, height: 844 },
	deviceScaleFactor: 2,
	isMobile: true,
	hasTouch: true,
}

export async function launchBrowser() {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-quic',
		],
	})
}

// Chrome logs every non-2xx response; the app answers 400 to a rejected form on purpose.
const EXPECTED_CONSOLE_ERRORS = [/Failed to load resource: the server responded with a status of (400|403|409|429)/]
// Requested by the browser on its own, not by the app's pages.
const IGNORED_URLS = [/\/favicon\.ico$/]

/** Content-Security-Policy violations reported by any page of the running test file. */
const cspViolations: string[] = []
const CSP_MESSAGE = /Content Security Policy|securitypolicyviolation/i

// The app runs with its CSP on: any violation fails the test in which it happened.
afterEach(() => {
	const found = cspViolations.splice(0)
	if (found.length)
		throw new Error(`Content-Security-Policy violations:\n${found.join('\n')}`)
})

/** Reports what the browser blocked, through the console where the listener below reads it. */
function reportViolations() {
	document.addEventListener('securitypolicyviolation', event => {
		console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`)
	})
}

/**
 * A fresh context (no cookies) whose page records console errors and uncaught exceptions;
 * call `assertNoErrors()` at the end of the test. Any CSP violation fails the test anyway.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}) {
	const context = await browser.newContext({ baseURL: baseUrl, locale: 'vi-VN', ...options })
	await context.addInitScript(reportViolations)
	context.on('console', message => {
		if (CSP_MESSAGE.test(message.text())) cspViolations.push(message.text())
	})
	const page = await context.newPage()
	const errors: string[] = []
	page.on('console', message => {
		if (message.type() !== 'error') return
		const text = message.text()
		const { url } = message.location()
		if (EXPECTED_CONSOLE_ERRORS.some(pattern => pattern.test(text))) return
		if (IGNORED_URLS.some(pattern => pattern.test(url))) return
		errors.push(`console.error: ${text}${url ? ` (${url})` : ''}`)
	})
	page.on('pageerror', error => errors.push(`uncaught: ${error.message}`))
	return {
		context,
		page,
		errors,
		assertNoErrors() {
			if (errors.length) throw new Error(`The page logged errors:\n${errors.join('\n')}`)
		},
		close: () => context.close(),
	}
}

/** Waits until Remix has hydrated, so clicks go through its client-side router. */
export async function waitForHydration(page: Page) {
	await page.waitForFunction(() => Boolean((window as { __remixContext?: unknown }).__remixContext) && document.readyState === 'complete')
	await page.waitForLoadState('networkidle')
}

/** Signs in through the form, as a person would, and waits for the page it leads to. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/login')
	await waitForHydration(page)
	await page.getByLabel('Email').fill(email)
	await page.getByLabel('Mật khẩu').fill(password)
	await Promise.all([
		page.waitForURL(url => url.pathname !== '/login'),
		page.getByRole('button', { name: 'Đăng nhập' }).click(),
	])
	await page.waitForLoadState('networkidle')
}

const screenshotDir = path.resolve(import.meta.dirname, 'screenshots')

export async function screenshot(page: Page, name: string) {
	mkdirSync(screenshotDir, { recursive: true })
	const file = path.join(screenshotDir, `${name}.png`)
	await page.screenshot({ path: file, fullPage: true })
	return file
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

type AxeResult = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }

/**
 * The page's serious and critical accessibility problems as axe-core finds them. axe is evaluated
 * through the DevTools protocol, which the page's Content-Security-Policy does not apply to.
 */
export async function seriousAxeViolations(page: Page) {
	await page.evaluate(axeSource)
	const violations = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeResult[] }> } }).axe
		const result = await axe.run(document, { resultTypes: ['violations'] })
		return result.violations
	})
	return violations
		.filter(v => v.impact === 'serious' || v.impact === 'critical')
		.map(v => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map(n => `  ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 3).join(' ')}`).join('\n')}`)
}

/** Fails with axe's findings when the page has a serious or critical accessibility problem. */
export async function expectNoSeriousAxeViolations(page: Page, what = page.url()) {
	expect(await seriousAxeViolations(page), what).toEqual([])
}

export type { Browser, BrowserContext, Page }

/**
 * The one-time link of the newest email of this kind to `to`, as the recipient's mailbox would
 * hold it. The e2e server has no SMTP_URL and no page shows the link to anyone else, so the test
 * reads it from the database (`props` keep it until the email leaves by SMTP).
 */
export async function mailboxLink(to: string, template: string, link: 'resetPath' | 'approve' | 'return') {
	const sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} })
	try {
		for (let tries = 0; tries < 80; tries++) {
			const [row] = await sql<{ props: Record<string, unknown> }[]>`SELECT props FROM email_message
				WHERE to_address = ${to} AND template = ${template} ORDER BY created_at DESC LIMIT 1`
			const props = row?.props as { resetPath?: string; decidePaths?: { approve: string; return: string } } | undefined
			const path = link === 'resetPath' ? props?.resetPath : props?.decidePaths?.[link]
			if (path) return new URL(path, baseUrl).toString()
			await new Promise(resolve => setTimeout(resolve, 250))
		}
		throw new Error(`no ${template} email with a link to ${to}`)
	} finally {
		await sql.end()
	}
}

/**
 * Fills in a complete outbound plan on /plans/new, sends it for approval, and returns its id.
 * `beforeBudget` adds what a test needs on the form (members from the directory, say).
 */
export async function submitPlan(
	page: Page,
	planName: string,
	beforeBudget?: () => Promise<void>,
) {
	await page.goto('/plans/new')
	await page
		.getByRole('heading', { level: 1, name: 'Lập kế hoạch đoàn' })
		.waitFor()
	await waitForHydration(page)
	const field = (label: string) =>
		page
			.locator('.field')
			.filter({ has: page.getByLabel(labelled(label)) })
			.getByLabel(labelled(label))
	await field('Năm kế hoạch').fill('2027')
	await field('Tên đoàn').fill(planName)
	await field('Danh nghĩa đoàn').fill('Liên đoàn Lao động tỉnh Quảng Trị')
	await field('Trưởng đoàn (chức danh)').fill('Chủ tịch LĐLĐ tỉnh Quảng Trị')
	await field('Nước đến').selectOption({ label: 'Lào' })
	await field('Đối tác làm việc').selectOption({
		label: 'Liên hiệp Công đoàn tỉnh Savannakhet',
	})
	await field('Số thành viên').fill('5')
	await field('Số ngày').fill('3-4')
	await field('Thời gian').selectOption({ label: 'Trong năm' })
	await field('Nội dung hoạt động').fill(
		'Hội đàm trao đổi kinh nghiệm với LHCĐ tỉnh Savannakhet',
	)
	await beforeBudget?.()
	await page.getByRole('button', { name: 'Thêm dòng kinh phí' }).click()
	const line = page
		.locator('li.step')
		.filter({ has: page.getByLabel(/^Bên chi trả/) })
	await line
		.getByLabel(/^Bên chi trả( \(|$)/)
		.fill('LĐLĐ tỉnh Quảng Trị')
	await line
		.getByLabel(/^Nội dung chi( \(|$)/)
		.fill('Chi phí phương tiện đi lại')
	await line
		.getByLabel(/^Nguồn kinh phí( \(|$)/)
		.selectOption({ label: 'Ngân sách công đoàn' })
	await page
		.getByRole('button', { name: 'Lưu và gửi duyệt', exact: true })
		.click()
	await page.waitForURL(url => /^\/plans\/[0-9a-f-]{36}$/.test(url.pathname))
	return new URL(page.url()).pathname.split('/')[2]!
}

/** A field's label as Playwright reads it: its text, then the required mark " *" if any. */
export function labelled(label: string) {
	return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`)
}
