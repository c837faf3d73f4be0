import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core'
import { inject } from 'vitest'
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

/**
 * A fresh context (no cookies) whose page records console errors and uncaught exceptions;
 * call `assertNoErrors()` at the end of the test.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}) {
	const context = await browser.newContext({ baseURL: baseUrl, locale: 'vi-VN', ...options })
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

export type { Browser, BrowserContext, Page }
