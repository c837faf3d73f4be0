import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import AccountCreated from '#emails/account-created.tsx'
import ApprovalWaiting from '#emails/approval-waiting.tsx'
import {
	EMAIL_TEMPLATES,
	type EmailProps,
	type EmailTemplate,
	renderEmail,
} from '#emails/index.ts'
import PassportDue from '#emails/passport-due.tsx'
import PassportOverdue from '#emails/passport-overdue.tsx'
import PassportsExpiring from '#emails/passports-expiring.tsx'
import PasswordReset from '#emails/password-reset.tsx'
import PlanApproved from '#emails/plan-approved.tsx'
import PlanRejected from '#emails/plan-rejected.tsx'
import PlanReturned from '#emails/plan-returned.tsx'
import PlanStepApproved from '#emails/plan-step-approved.tsx'
import PlanSubmitted from '#emails/plan-submitted.tsx'
import ReportAcknowledged from '#emails/report-acknowledged.tsx'
import ReportDue from '#emails/report-due.tsx'
import ReportOverdue from '#emails/report-overdue.tsx'
import ReportReturned from '#emails/report-returned.tsx'
import ReportSubmitted from '#emails/report-submitted.tsx'
import RequestReminder from '#emails/request-reminder.tsx'
import RequestReturned from '#emails/request-returned.tsx'
import TripEndOverdue from '#emails/trip-end-overdue.tsx'
import {
	type Browser,
	launchBrowser,
	type Page,
	screenshot,
} from './helpers.ts'

// The emails are rendered here and loaded with setContent: this test does not use the app server.

const vi: EmailProps = {
	'plan-submitted': PlanSubmitted.PreviewProps,
	'plan-step-approved': PlanStepApproved.PreviewProps,
	'plan-returned': PlanReturned.PreviewProps,
	'plan-rejected': PlanRejected.PreviewProps,
	'plan-approved': PlanApproved.PreviewProps,
	'account-created': AccountCreated.PreviewProps,
	'password-reset': PasswordReset.PreviewProps,
	'report-due': ReportDue.PreviewProps,
	'report-overdue': ReportOverdue.PreviewProps,
	'request-reminder': RequestReminder.PreviewProps,
	'request-returned': RequestReturned.PreviewProps,
	'approval-waiting': ApprovalWaiting.PreviewProps,
	'report-submitted': ReportSubmitted.PreviewProps,
	'report-returned': ReportReturned.PreviewProps,
	'report-acknowledged': ReportAcknowledged.PreviewProps,
	'passport-due': PassportDue.PreviewProps,
	'passport-overdue': PassportOverdue.PreviewProps,
	'passports-expiring': PassportsExpiring.PreviewProps,
	'trip-end-overdue': TripEndOverdue.PreviewProps,
}

/** The same emails for an English-speaking recipient: their labels in English, the users' own data as typed. */
const en: EmailProps = {
	'plan-submitted': {
		...vi['plan-submitted'],
		locale: 'en',
		statusLabel: 'Awaiting Provincial Party Committee',
		stepLabel: 'Provincial Party Committee',
	},
	'plan-step-approved': {
		...vi['plan-step-approved'],
		locale: 'en',
		statusLabel: 'Awaiting Provincial Party Committee',
		stepLabel: 'Federation standing committee',
		nextStepLabel: 'Provincial Party Committee',
	},
	'plan-returned': {
		...vi['plan-returned'],
		locale: 'en',
		statusLabel: 'Returned',
		stepLabel: 'Provincial Party Committee',
	},
	'plan-rejected': {
		...vi['plan-rejected'],
		locale: 'en',
		statusLabel: 'Rejected',
		stepLabel: 'Provincial Party Committee',
	},
	'plan-approved': {
		...vi['plan-approved'],
		locale: 'en',
		statusLabel: 'Approved',
	},
	'account-created': {
		...vi['account-created'],
		locale: 'en',
		roles: ['Drafter', 'Approver'],
	},
	'password-reset': { ...vi['password-reset'], locale: 'en' },
	'report-due': {
		...vi['report-due'],
		locale: 'en',
		statusLabel: 'Returned, report due',
	},
	'report-overdue': {
		...vi['report-overdue'],
		locale: 'en',
		statusLabel: 'Returned, report due',
	},
	'request-reminder': { ...vi['request-reminder'], locale: 'en' },
	'request-returned': { ...vi['request-returned'], locale: 'en' },
	'approval-waiting': {
		...vi['approval-waiting'],
		locale: 'en',
		statusLabel: 'Awaiting Provincial Party Committee',
		stepLabel: 'Provincial Party Committee',
	},
	'report-submitted': {
		...vi['report-submitted'],
		locale: 'en',
		statusLabel: 'Report submitted',
	},
	'report-returned': {
		...vi['report-returned'],
		locale: 'en',
		statusLabel: 'Report returned',
	},
	'report-acknowledged': {
		...vi['report-acknowledged'],
		locale: 'en',
		statusLabel: 'Closed',
	},
	'passport-due': {
		...vi['passport-due'],
		locale: 'en',
		statusLabel: 'Returned, report due',
	},
	'passport-overdue': {
		...vi['passport-overdue'],
		locale: 'en',
		statusLabel: 'Returned, report due',
	},
	'passports-expiring': {
		...vi['passports-expiring'],
		locale: 'en',
		passports: vi['passports-expiring'].passports.map((p, i) => ({
			...p,
			kind: i ? 'Diplomatic' : 'Official',
			timeLeft: i ? '4 months 12 days left' : 'Expired',
			whereabouts: i
				? 'Out with the trip “Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)”'
				: 'In the safe',
		})),
	},
	'trip-end-overdue': {
		...vi['trip-end-overdue'],
		locale: 'en',
		statusLabel: 'Trip under way',
		actionLabel: 'Record return',
	},
}

const WIDTHS = [
	{ width: 600, suffix: '' },
	{ width: 375, suffix: '-375' },
] as const

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

async function layout(page: Page) {
	return page.evaluate(() => {
		const button = Array.from(document.querySelectorAll('a')).find(
			a => a.style.backgroundColor,
		)
		const box = button?.getBoundingClientRect()
		return {
			scrollWidth: document.documentElement.scrollWidth,
			button: box && { left: box.left, right: box.right, height: box.height },
		}
	})
}

describe.each(['vi', 'en'] as const)('%s', locale => {
	test.each(EMAIL_TEMPLATES)(
		'%s fits a 600px mail pane and a 375px phone',
		async (template: EmailTemplate) => {
			const props = (locale === 'vi' ? vi : en)[template]
			const { html } = await renderEmail(
				template,
				props as EmailProps[typeof template],
			)
			for (const { width, suffix } of WIDTHS) {
				const context = await browser.newContext({
					viewport: { width, height: 300 },
					deviceScaleFactor: width < 600 ? 2 : 1,
				})
				try {
					const page = await context.newPage()
					await page.setContent(html, { waitUntil: 'load' })
					await screenshot(page, `email-${template}-${locale}${suffix}`)
					const { scrollWidth, button } = await layout(page)
					expect(
						scrollWidth,
						`${template} scrolls sideways at ${width}px`,
					).toBeLessThanOrEqual(width)
					expect(button, 'the email has a button').toBeTruthy()
					expect(button!.right).toBeLessThanOrEqual(width)
					expect(button!.height).toBeGreaterThanOrEqual(40)
				} finally {
					await context.close()
				}
			}
		},
	)
})
