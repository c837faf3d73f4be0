import { describe, expect, test } from 'vitest'
import { emailEn } from '#lib/i18n/email-en.ts'
import { emailVi } from '#lib/i18n/email-vi.ts'
import { en } from '#lib/i18n/en.ts'
import { vi } from '#lib/i18n/vi.ts'
import PassportsExpiring from '#emails/passports-expiring.tsx'
import RequestReminder from '#emails/request-reminder.tsx'
import RequestReturned from '#emails/request-returned.tsx'
import {
	type AccountCreatedProps,
	type ApprovalWaitingProps,
	EMAIL_TEMPLATES,
	type EmailProps,
	type EmailTemplate,
	type PasswordResetProps,
	type PlanEmailProps,
	renderEmail,
	type ReportReminderProps,
	type TripEndReminderProps,
} from '#emails/index.ts'

type Locale = 'vi' | 'en'

const PLAN_NAME = 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)'
const ORGANISATION = 'Liên đoàn Lao động tỉnh Quảng Trị'
const COMMENT =
	'Đề nghị bổ sung dự toán kinh phí chi tiết.\nGiảm số thành viên đoàn xuống còn 5 người.'
const PLAN_URL =
	'https://doingoai.example.vn/plans/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b'
const SIGN_IN_URL = 'https://doingoai.example.vn/login'
const REQUEST_URL =
	'https://doingoai.example.vn/requests/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b/responses/5f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b'
const RESET_URL =
	'https://doingoai.example.vn/reset-password?token=4q9Xw2mJr7VbT1sKcZ8nLp3e'

function planProps(
	locale: Locale,
	overrides: Partial<PlanEmailProps> = {},
): PlanEmailProps {
	return {
		locale,
		recipientName: 'Nguyễn Thị Hương',
		planName: PLAN_NAME,
		organisationName: ORGANISATION,
		statusLabel:
			locale === 'vi'
				? 'Chờ Tỉnh ủy duyệt'
				: 'Awaiting Provincial Party Committee',
		stepLabel: locale === 'vi' ? 'Tỉnh ủy' : 'Provincial Party Committee',
		nextStepLabel:
			locale === 'vi'
				? 'Ban Bí thư Trung ương Đảng'
				: 'Party Central Secretariat',
		actorName: 'Phạm Thị Lan',
		actorOrganisation: 'Tỉnh ủy Quảng Trị',
		comment: COMMENT,
		resubmitted: false,
		planUrl: PLAN_URL,
		informational: false,
		...overrides,
	}
}

const accountProps = (locale: Locale): AccountCreatedProps => ({
	locale,
	recipientName: 'Hoàng Minh Tuấn',
	email: 'tuan.hm@ldld-quangtri.vn',
	organisationName: ORGANISATION,
	roles: locale === 'vi' ? ['Soạn thảo', 'Phê duyệt'] : ['Drafter', 'Approver'],
	signInUrl: SIGN_IN_URL,
})

const resetProps = (locale: Locale): PasswordResetProps => ({
	locale,
	recipientName: 'Hoàng Minh Tuấn',
	resetUrl: RESET_URL,
	expiresMinutes: 60,
})

function reminderProps(
	locale: Locale,
	overrides: Partial<ReportReminderProps> = {},
): ReportReminderProps {
	return {
		locale,
		recipientName: 'Lê Văn Đức',
		planName: PLAN_NAME,
		organisationName: ORGANISATION,
		statusLabel:
			locale === 'vi' ? 'Đã về, chờ báo cáo' : 'Returned, report due',
		returnedOn: '10/03/2027',
		dueDate: '25/03/2027',
		days: 3,
		escalation: false,
		drafterName: 'Lê Văn Đức',
		planUrl: PLAN_URL,
		...overrides,
	}
}

const tripEndProps = (
	locale: Locale,
	overrides: Partial<TripEndReminderProps> = {},
): TripEndReminderProps => ({
	locale,
	recipientName: 'Nguyễn Thị Hương',
	planName: PLAN_NAME,
	organisationName: ORGANISATION,
	statusLabel: locale === 'vi' ? 'Đang thực hiện chuyến đi' : 'Trip under way',
	actionLabel: locale === 'vi' ? 'Ghi nhận đoàn về' : 'Record return',
	departedOn: '05/03/2027',
	endDate: '09/03/2027',
	days: 1,
	escalation: false,
	drafterName: 'Nguyễn Thị Hương',
	planUrl: PLAN_URL,
	...overrides,
})

const waitingProps = (locale: Locale): ApprovalWaitingProps => ({
	locale,
	recipientName: 'Phạm Thị Lan',
	planName: PLAN_NAME,
	organisationName: ORGANISATION,
	statusLabel:
		locale === 'vi'
			? 'Chờ Tỉnh ủy duyệt'
			: 'Awaiting Provincial Party Committee',
	stepLabel: locale === 'vi' ? 'Tỉnh ủy' : 'Provincial Party Committee',
	waitingSince: '10/03/2027',
	days: 5,
	planUrl: PLAN_URL,
})

function propsFor<T extends EmailTemplate>(
	template: T,
	locale: Locale,
): EmailProps[T] {
	if (template === 'account-created')
		return accountProps(locale) as EmailProps[T]
	if (template === 'password-reset') return resetProps(locale) as EmailProps[T]
	if (template === 'report-due') return reminderProps(locale) as EmailProps[T]
	if (template === 'report-overdue')
		return reminderProps(locale, { days: 14 }) as EmailProps[T]
	if (template === 'approval-waiting')
		return waitingProps(locale) as EmailProps[T]
	if (template === 'passport-due' || template === 'passport-overdue')
		return passportProps(locale, template === 'passport-due' ? 3 : 14) as EmailProps[T]
	if (template === 'passports-expiring')
		return {
			...PassportsExpiring.PreviewProps,
			locale,
			listUrl: PASSPORTS_URL,
		} as EmailProps[T]
	if (template === 'request-reminder')
		return {
			...RequestReminder.PreviewProps,
			locale,
			answerUrl: REQUEST_URL,
		} as EmailProps[T]
	if (template === 'request-returned')
		return {
			...RequestReturned.PreviewProps,
			locale,
			answerUrl: REQUEST_URL,
		} as EmailProps[T]
	if (template === 'trip-end-overdue')
		return tripEndProps(locale) as EmailProps[T]
	return planProps(locale) as EmailProps[T]
}

const PASSPORT_URL =
	'https://doingoai.example.vn/passports/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b'

const PASSPORTS_URL = 'https://doingoai.example.vn/passports'
const passportProps = (locale: Locale, days: number) => ({
	locale,
	recipientName: 'Lê Văn Đức',
	planName: PLAN_NAME,
	organisationName: ORGANISATION,
	statusLabel: locale === 'vi' ? 'Đã về, chờ báo cáo' : 'Returned, report due',
	holderName: 'Nguyễn Văn An',
	passportNumber: 'C1234567',
	returnedOn: '04/02/2027',
	dueDate: '16/02/2027',
	workingDays: 5,
	days,
	escalation: days > 7,
	drafterName: 'Lê Văn Đức',
	passportUrl: PASSPORT_URL,
})

/** What each email must say, per language: the button label and a phrase of its own. */
const expected: Record<
	EmailTemplate,
	Record<Locale, { subject: string; button: string; url: string }>
> = {
	'plan-submitted': {
		vi: {
			subject: `[Đối ngoại] Kế hoạch "${PLAN_NAME}" chờ bạn phê duyệt`,
			button: 'Xem và phê duyệt',
			url: PLAN_URL,
		},
		en: {
			subject: `[Foreign affairs] Plan "${PLAN_NAME}" is waiting for your approval`,
			button: 'Review and approve',
			url: PLAN_URL,
		},
	},
	'plan-step-approved': {
		vi: {
			subject: `[Đối ngoại] Kế hoạch "${PLAN_NAME}" đã qua bước Tỉnh ủy`,
			button: 'Xem kế hoạch',
			url: PLAN_URL,
		},
		en: {
			subject: `[Foreign affairs] Plan "${PLAN_NAME}" passed the Provincial Party Committee step`,
			button: 'View the plan',
			url: PLAN_URL,
		},
	},
	'plan-returned': {
		vi: {
			subject: `[Đối ngoại] Kế hoạch "${PLAN_NAME}" bị trả lại để sửa`,
			button: 'Sửa kế hoạch',
			url: PLAN_URL,
		},
		en: {
			subject: `[Foreign affairs] Plan "${PLAN_NAME}" was returned for changes`,
			button: 'Edit the plan',
			url: PLAN_URL,
		},
	},
	'plan-rejected': {
		vi: {
			subject: `[Đối ngoại] Kế hoạch "${PLAN_NAME}" không được phê duyệt`,
			button: 'Xem kế hoạch',
			url: PLAN_URL,
		},
		en: {
			subject: `[Foreign affairs] Plan "${PLAN_NAME}" was rejected`,
			button: 'View the plan',
			url: PLAN_URL,
		},
	},
	'plan-approved': {
		vi: {
			subject: `[Đối ngoại] Kế hoạch "${PLAN_NAME}" đã được phê duyệt`,
			button: 'Xem kế hoạch',
			url: PLAN_URL,
		},
		en: {
			subject: `[Foreign affairs] Plan "${PLAN_NAME}" has been approved`,
			button: 'View the plan',
			url: PLAN_URL,
		},
	},
	'account-created': {
		vi: {
			subject: '[Đối ngoại] Tài khoản của bạn đã được tạo',
			button: 'Đăng nhập',
			url: SIGN_IN_URL,
		},
		en: {
			subject: '[Foreign affairs] Your account has been created',
			button: 'Sign in',
			url: SIGN_IN_URL,
		},
	},
	'report-due': {
		vi: {
			subject: `[Đối ngoại] Còn 3 ngày đến hạn báo cáo kết quả chuyến đi "${PLAN_NAME}"`,
			button: 'Lập báo cáo',
			url: PLAN_URL,
		},
		en: {
			subject: `[Foreign affairs] The trip report of "${PLAN_NAME}" is due in 3 days`,
			button: 'Write the report',
			url: PLAN_URL,
		},
	},
	'passport-due': {
		vi: {
			subject: '[Đối ngoại] Còn 3 ngày làm việc đến hạn nộp lại hộ chiếu của Nguyễn Văn An',
			button: 'Xem hộ chiếu',
			url: PASSPORT_URL,
		},
		en: {
			subject: '[Foreign affairs] Nguyễn Văn An’s passport is due back in 3 working days',
			button: 'View the passport',
			url: PASSPORT_URL,
		},
	},
	'passports-expiring': {
		vi: {
			subject: `[Đối ngoại] 2 hộ chiếu của ${ORGANISATION} hết hạn trong 6 tháng tới`,
			button: 'Xem danh sách hộ chiếu',
			url: PASSPORTS_URL,
		},
		en: {
			subject: `[Foreign affairs] 2 passports of ${ORGANISATION} expire within 6 months`,
			button: 'View the passports',
			url: PASSPORTS_URL,
		},
	},
	'passport-overdue': {
		vi: {
			subject: '[Đối ngoại] Hộ chiếu của Nguyễn Văn An đã quá hạn nộp lại 14 ngày',
			button: 'Xem hộ chiếu',
			url: PASSPORT_URL,
		},
		en: {
			subject: '[Foreign affairs] Nguyễn Văn An’s passport is 14 days overdue',
			button: 'View the passport',
			url: PASSPORT_URL,
		},
	},
	'trip-end-overdue': {
		vi: {
			subject: `[Đối ngoại] Đoàn "${PLAN_NAME}" đã qua ngày kết thúc 09/03/2027: cần ghi nhận kết thúc chuyến đi`,
			button: 'Ghi nhận đoàn về',
			url: PLAN_URL,
		},
		en: {
			subject: `[Foreign affairs] "${PLAN_NAME}" was to end on 09/03/2027: record the end of the trip`,
			button: 'Record return',
			url: PLAN_URL,
		},
	},
	'report-overdue': {
		vi: {
			subject: `[Đối ngoại] Báo cáo kết quả chuyến đi "${PLAN_NAME}" đã quá hạn 14 ngày`,
			button: 'Lập báo cáo',
			url: PLAN_URL,
		},
		en: {
			subject: `[Foreign affairs] The trip report of "${PLAN_NAME}" is 14 days overdue`,
			button: 'Write the report',
			url: PLAN_URL,
		},
	},
	'request-returned': {
		vi: {
			subject:
				'[Đối ngoại] Báo cáo "Báo cáo tổng kết 10 năm thực hiện Nghị quyết 03/NQ-ĐCT" bị trả lại',
			button: 'Sửa và nộp lại báo cáo',
			url: REQUEST_URL,
		},
		en: {
			subject:
				'[Foreign affairs] The report "Báo cáo tổng kết 10 năm thực hiện Nghị quyết 03/NQ-ĐCT" was returned',
			button: 'Revise and resubmit the report',
			url: REQUEST_URL,
		},
	},
	'request-reminder': {
		vi: {
			subject:
				'[Đối ngoại] Còn 3 ngày đến hạn nộp báo cáo "Báo cáo tổng kết 10 năm thực hiện Nghị quyết 03/NQ-ĐCT"',
			button: 'Lập báo cáo',
			url: REQUEST_URL,
		},
		en: {
			subject:
				'[Foreign affairs] The report "Báo cáo tổng kết 10 năm thực hiện Nghị quyết 03/NQ-ĐCT" is due in 3 days',
			button: 'Write the report',
			url: REQUEST_URL,
		},
	},
	'approval-waiting': {
		vi: {
			subject: `[Đối ngoại] Kế hoạch "${PLAN_NAME}" đã chờ bạn phê duyệt 5 ngày làm việc`,
			button: 'Xem và phê duyệt',
			url: PLAN_URL,
		},
		en: {
			subject: `[Foreign affairs] Plan "${PLAN_NAME}" has waited 5 working days for your approval`,
			button: 'Review and approve',
			url: PLAN_URL,
		},
	},
	'report-submitted': {
		vi: {
			subject: `[Đối ngoại] Báo cáo kết quả chuyến đi "${PLAN_NAME}" chờ bạn tiếp nhận`,
			button: 'Xem báo cáo',
			url: PLAN_URL,
		},
		en: {
			subject: `[Foreign affairs] The trip report of "${PLAN_NAME}" is waiting for your acknowledgement`,
			button: 'Read the report',
			url: PLAN_URL,
		},
	},
	'report-returned': {
		vi: {
			subject: `[Đối ngoại] Báo cáo kết quả chuyến đi "${PLAN_NAME}" bị trả lại để bổ sung`,
			button: 'Bổ sung báo cáo',
			url: PLAN_URL,
		},
		en: {
			subject: `[Foreign affairs] The trip report of "${PLAN_NAME}" was returned for completion`,
			button: 'Complete the report',
			url: PLAN_URL,
		},
	},
	'report-acknowledged': {
		vi: {
			subject: `[Đối ngoại] Báo cáo kết quả chuyến đi "${PLAN_NAME}" đã được tiếp nhận`,
			button: 'Xem kế hoạch',
			url: PLAN_URL,
		},
		en: {
			subject: `[Foreign affairs] The trip report of "${PLAN_NAME}" has been acknowledged`,
			button: 'View the plan',
			url: PLAN_URL,
		},
	},
	'password-reset': {
		vi: {
			subject: '[Đối ngoại] Đặt lại mật khẩu',
			button: 'Đặt lại mật khẩu',
			url: RESET_URL,
		},
		en: {
			subject: '[Foreign affairs] Reset your password',
			button: 'Reset password',
			url: RESET_URL,
		},
	},
}

const PLAN_TEMPLATES = EMAIL_TEMPLATES.filter(template =>
	template.startsWith('plan-'),
)
const lower = (text: string) => text.toLocaleLowerCase('vi')
/** html-to-text wraps long lines; compare words, not line breaks. */
const squash = (text: string) => lower(text).replace(/\s+/g, ' ')

describe.each(EMAIL_TEMPLATES)('%s', template => {
	describe.each(['vi', 'en'] as const)('in %s', locale => {
		test('subject, html and plain text say the right things in the right language', async () => {
			const { subject, html, text } = await renderEmail(
				template,
				propsFor(template, locale),
			)
			const want = expected[template][locale]

			expect(subject).toBe(want.subject)
			expect(html).toMatch(new RegExp(`<html[^>]*\\blang="${locale}"`))
			expect(html).toContain(`href="${want.url.replaceAll('&', '&amp;')}"`)
			expect(html).toContain(`>${want.button}</span>`)
			expect(squash(text)).toContain(squash(`${want.button} ${want.url}`))
			expect(html).toContain(
				locale === 'vi'
					? 'Quản lý đối ngoại công đoàn'
					: 'Trade union foreign affairs',
			)
			expect(html).toContain(
				locale === 'vi' ? 'vui lòng không trả lời' : 'please do not reply',
			)
			for (const part of [subject, html, text]) {
				expect(part).not.toMatch(/undefined|null|\{\w+\}|email\.\w+\./)
				// Diacritics arrive as characters in NFC, not as entities or decomposed marks.
				expect(part).toBe(part.normalize('NFC'))
				expect(
					part.replace(/<!--\[if mso\]>.*?<!\[endif\]-->/g, ''),
				).not.toMatch(/&#\d+;|&#x[0-9a-f]+;/i)
			}
		})

		if (template.startsWith('plan-')) {
			test('shows the plan, its organisation, its state, the comment and the link', async () => {
				const props = planProps(locale)
				const { subject, html, text } = await renderEmail(
					template,
					props as EmailProps[typeof template],
				)
				expect(subject).toContain(PLAN_NAME)
				for (const value of [
					PLAN_NAME,
					ORGANISATION,
					props.statusLabel,
					'Đề nghị bổ sung dự toán kinh phí chi tiết.',
					'Giảm số thành viên đoàn xuống còn 5 người.',
				]) {
					expect(html).toContain(value)
					expect(squash(text)).toContain(squash(value))
				}
				expect(text).toContain(PLAN_URL)
				expect(squash(text)).toContain(
					squash(`${props.actorName} (${props.actorOrganisation})`),
				)
			})
		}
	})
})

describe('trip end emails', () => {
	test('the drafter is asked to record the end with the button of the plan page; the approvers hear who was reminded', async () => {
		const drafter = await renderEmail('trip-end-overdue', tripEndProps('vi'))
		expect(squash(drafter.text)).toContain(
			squash(`Theo kế hoạch, chuyến đi của đoàn “${PLAN_NAME}” kết thúc ngày 09/03/2027`),
		)
		expect(squash(drafter.text)).toContain(squash('bấm “Ghi nhận đoàn về” với ngày kết thúc thực tế'))
		const guests = await renderEmail('trip-end-overdue', tripEndProps('vi', { actionLabel: 'Ghi nhận đoàn rời đi' }))
		expect(guests.html).toContain('>Ghi nhận đoàn rời đi</span>')
		const approvers = await renderEmail('trip-end-overdue', tripEndProps('vi', { escalation: true, days: 8 }))
		expect(squash(approvers.text)).toContain(
			squash(`đã qua 8 ngày mà chưa được ghi nhận kết thúc, dù người soạn thảo (Nguyễn Thị Hương) đã được nhắc`),
		)
		expect(approvers.html).toContain('>Xem kế hoạch</span>')
	})
})

describe('plan emails', () => {
	test('the comment is a quoted box, left out when there is none', async () => {
		const withComment = await renderEmail('plan-returned', planProps('vi'))
		expect(withComment.html).toMatch(
			/<blockquote[^>]*>Đề nghị bổ sung dự toán kinh phí chi tiết\.<br\/>Giảm số/,
		)
		expect(withComment.text).toContain(
			'> Đề nghị bổ sung dự toán kinh phí chi tiết.\n> Giảm số thành viên',
		)
		const without = await renderEmail(
			'plan-approved',
			planProps('vi', { comment: null }),
		)
		expect(without.html).not.toContain('<blockquote')
		expect(without.html).not.toContain('Ý kiến')
	})

	test('a rejection calls its comment the reason', async () => {
		expect(
			(await renderEmail('plan-rejected', planProps('vi'))).html,
		).toContain('>Lý do</p>')
		expect(
			(await renderEmail('plan-rejected', planProps('en'))).html,
		).toContain('>Reason</p>')
	})

	test('submitted: names the step now waiting and who sent it; a resubmission says it was revised after a return', async () => {
		const first = await renderEmail('plan-submitted', planProps('vi'))
		expect(first.html).toContain(
			`Kế hoạch “${PLAN_NAME}” đang chờ Tỉnh ủy phê duyệt`,
		)
		expect(first.html).toContain('Phạm Thị Lan (Tỉnh ủy Quảng Trị)')
		expect(first.html).not.toContain('bản đã sửa')

		const again = await renderEmail(
			'plan-submitted',
			planProps('vi', { resubmitted: true }),
		)
		expect(again.subject).toBe(
			`[Đối ngoại] Kế hoạch "${PLAN_NAME}" đã sửa, chờ bạn phê duyệt`,
		)
		expect(again.html).toContain(
			'Đây là bản đã sửa: kế hoạch bị trả lại trước đó',
		)
		const againEn = await renderEmail(
			'plan-submitted',
			planProps('en', { resubmitted: true }),
		)
		expect(againEn.subject).toBe(
			`[Foreign affairs] Revised plan "${PLAN_NAME}" is waiting for your approval`,
		)
		expect(againEn.html).toContain('the plan was returned earlier')
	})

	test('step approved: the step passed, by whom, and the step now waiting', async () => {
		const { text } = await renderEmail(
			'plan-step-approved',
			planProps('vi', { informational: true }),
		)
		expect(squash(text)).toContain(
			squash(
				`Phạm Thị Lan (Tỉnh ủy Quảng Trị) đã duyệt kế hoạch “${PLAN_NAME}” ở bước Tỉnh ủy.`,
			),
		)
		expect(squash(text)).toContain(
			squash('Kế hoạch đang chờ bước tiếp theo: Ban Bí thư Trung ương Đảng.'),
		)
	})

	test('fully approved names who approved the last step', async () => {
		const { text } = await renderEmail('plan-approved', planProps('en'))
		expect(squash(text)).toContain(
			squash('The last step was approved by Phạm Thị Lan (Tỉnh ủy Quảng Trị).'),
		)
	})

	test.each(PLAN_TEMPLATES)(
		'%s: only for-information emails say they can be turned off',
		async template => {
			const info = await renderEmail(
				template,
				planProps('vi', { informational: true }),
			)
			expect(squash(info.text)).toContain(
				squash('Bạn có thể tắt các email để biết trong phần Cài đặt thông báo'),
			)
			const action = await renderEmail(
				template,
				planProps('vi', { informational: false }),
			)
			expect(action.text).not.toContain('Cài đặt thông báo')
			const infoEn = await renderEmail(
				template,
				planProps('en', { informational: true }),
			)
			expect(squash(infoEn.text)).toContain(
				'you can turn such emails off in your notification settings',
			)
		},
	)

	test('user text is escaped, not injected', async () => {
		const { html } = await renderEmail(
			'plan-returned',
			planProps('vi', { comment: '<script>alert(1)</script> & "x"' }),
		)
		expect(html).not.toContain('<script>')
		expect(html).toContain(
			'&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;',
		)
	})
})

describe('report reminders', () => {
	test('due soon: days left, the return date and the due date; on the due date it says today', async () => {
		const soon = await renderEmail('report-due', reminderProps('vi'))
		expect(squash(soon.text)).toContain(
			squash(
				`Đoàn “${PLAN_NAME}” của ${ORGANISATION} đã về ngày 10/03/2027. Báo cáo kết quả chuyến đi phải nộp chậm nhất ngày 25/03/2027.`,
			),
		)
		expect(soon.html).toContain('Còn 3 ngày đến hạn nộp báo cáo kết quả')
		expect(soon.html).toContain('Hạn nộp báo cáo')
		expect(soon.html).not.toContain('Cài đặt thông báo')

		const today = await renderEmail(
			'report-due',
			reminderProps('vi', { days: 0 }),
		)
		expect(today.subject).toBe(
			`[Đối ngoại] Hôm nay đến hạn báo cáo kết quả chuyến đi "${PLAN_NAME}"`,
		)
		expect(today.html).toContain('Hôm nay là hạn nộp báo cáo kết quả')
		expect(today.html).not.toMatch(/Còn \d+ ngày/)
		const todayEn = await renderEmail(
			'report-due',
			reminderProps('en', { days: 0 }),
		)
		expect(todayEn.subject).toBe(
			`[Foreign affairs] The trip report of "${PLAN_NAME}" is due today`,
		)
	})

	test('overdue: days late to the drafter; the escalation to approvers names the drafter and asks them to follow up', async () => {
		const drafter = await renderEmail(
			'report-overdue',
			reminderProps('vi', { days: 7 }),
		)
		expect(squash(drafter.text)).toContain(
			squash(
				`Báo cáo kết quả chuyến đi của đoàn “${PLAN_NAME}” đến hạn ngày 25/03/2027 nhưng đến nay vẫn chưa được nộp.`,
			),
		)
		expect(drafter.html).toContain('Báo cáo kết quả đã quá hạn 7 ngày')
		expect(drafter.html).not.toContain('Người soạn thảo')

		const approvers = await renderEmail(
			'report-overdue',
			reminderProps('vi', {
				days: 14,
				escalation: true,
				recipientName: 'Nguyễn Thị Hương',
			}),
		)
		expect(squash(approvers.text)).toContain(
			squash(
				`Báo cáo kết quả chuyến đi của đoàn “${PLAN_NAME}” thuộc ${ORGANISATION} đến hạn ngày 25/03/2027, đã quá hạn 14 ngày mà chưa được nộp, dù người soạn thảo (Lê Văn Đức) đã được nhắc.`,
			),
		)
		expect(approvers.html).toContain('Kính gửi Nguyễn Thị Hương,')
		expect(approvers.html).toContain('>Xem kế hoạch</span>')
		expect(approvers.html).toContain('14 ngày')
	})

	test('approval waiting: the step, since when and for how long', async () => {
		const vi = await renderEmail('approval-waiting', waitingProps('vi'))
		expect(vi.html).toContain('Kế hoạch đã chờ Tỉnh ủy duyệt 5 ngày làm việc')
		expect(squash(vi.text)).toContain(
			squash(
				`Kế hoạch “${PLAN_NAME}” của ${ORGANISATION} được chuyển đến đơn vị bạn ngày 10/03/2027 và đến nay đã chờ 5 ngày làm việc.`,
			),
		)
		const en = await renderEmail('approval-waiting', waitingProps('en'))
		expect(en.html).toContain(
			'The plan has waited 5 working days for Provincial Party Committee',
		)
	})
})

describe('deciding from the email', () => {
	const decideUrls = {
		approve: 'http://localhost:3000/decide/approve-token',
		return: 'http://localhost:3000/decide/return-token',
	}
	const buttons = (html: string) =>
		[
			...html.matchAll(
				/<a href="([^"]*\/decide\/[^"]*)"[^>]*>([\s\S]*?)<\/a>/g,
			),
		].map(m => [m[1], m[2].replace(/<[^>]+>|&#\d+;/g, '')])

	test('the approval-waiting reminder shows the approver’s Phê duyệt and Trả lại links as “waiting for you” does, and none without them', async () => {
		const reminder = await renderEmail('approval-waiting', {
			...waitingProps('vi'),
			decideUrls,
		})
		const submitted = await renderEmail('plan-submitted', {
			...planProps('vi'),
			decideUrls,
		})
		for (const { html, text } of [reminder, submitted]) {
			expect(buttons(html)).toEqual([
				[decideUrls.approve, 'Phê duyệt'],
				[decideUrls.return, 'Trả lại'],
			])
			expect(squash(text)).toContain(
				squash('Bạn cũng có thể quyết định ngay từ email này.'),
			)
			expect(text).toContain(decideUrls.approve)
			expect(text).toContain(decideUrls.return)
		}
		const en = await renderEmail('approval-waiting', {
			...waitingProps('en'),
			decideUrls,
		})
		expect(buttons(en.html).map(b => b[1])).toEqual(['Approve', 'Return'])
		const without = await renderEmail('approval-waiting', waitingProps('vi'))
		expect(buttons(without.html)).toEqual([])
		expect(without.text).not.toContain('/decide/')
	})

	test('a report reminder sent in place of a drafter who left says so', async () => {
		const vi = await renderEmail(
			'report-due',
			reminderProps('vi', { drafterInactive: true }),
		)
		expect(squash(vi.text)).toContain(
			squash(
				'Người soạn thảo kế hoạch (Lê Văn Đức) không còn hoạt động trong hệ thống',
			),
		)
		const overdue = await renderEmail(
			'report-overdue',
			reminderProps('en', { days: 14, drafterInactive: true }),
		)
		expect(squash(overdue.text)).toContain(
			squash('The plan’s drafter (Lê Văn Đức) is no longer active'),
		)
		const usual = await renderEmail('report-due', reminderProps('vi'))
		expect(usual.text).not.toContain('không còn hoạt động')
	})
})

describe('report events', () => {
	test('submitted: the acknowledging organisation is asked to act, the others are told for information', async () => {
		const action = await renderEmail('report-submitted', planProps('vi'))
		expect(squash(action.text)).toContain(
			squash('Mời bạn xem báo cáo và xác nhận đã tiếp nhận'),
		)
		expect(action.text).not.toContain('Cài đặt thông báo')
		const info = await renderEmail(
			'report-submitted',
			planProps('vi', { informational: true }),
		)
		expect(info.subject).toBe(
			`[Đối ngoại] Báo cáo kết quả chuyến đi "${PLAN_NAME}" đã được nộp`,
		)
		expect(squash(info.text)).toContain(
			squash('Báo cáo được gửi đến đơn vị bạn để biết'),
		)
		expect(squash(info.text)).toContain(
			squash('Bạn có thể tắt các email để biết'),
		)
		const again = await renderEmail(
			'report-submitted',
			planProps('vi', { resubmitted: true }),
		)
		expect(again.subject).toBe(
			`[Đối ngoại] Báo cáo kết quả chuyến đi "${PLAN_NAME}" đã bổ sung, chờ bạn tiếp nhận`,
		)
	})

	test('returned: the comment quoted, and what to do', async () => {
		const { html, text } = await renderEmail('report-returned', planProps('vi'))
		expect(html).toMatch(
			/<blockquote[^>]*>Đề nghị bổ sung dự toán kinh phí chi tiết\.<br\/>Giảm số/,
		)
		expect(squash(text)).toContain(
			squash(
				'Phạm Thị Lan (Tỉnh ủy Quảng Trị) đã trả lại báo cáo kết quả chuyến đi',
			),
		)
		expect(squash(text)).toContain(
			squash('Hãy bổ sung báo cáo theo ý kiến trên rồi nộp lại.'),
		)
	})

	test('acknowledged: for information, the plan is closed', async () => {
		const { text } = await renderEmail(
			'report-acknowledged',
			planProps('vi', { informational: true, comment: null }),
		)
		expect(squash(text)).toContain(squash('Kế hoạch đã kết thúc.'))
		expect(squash(text)).toContain(squash('Bạn có thể tắt các email để biết'))
	})
})

describe('account and password emails', () => {
	test('account created: email, organisation, roles and the one-time password rule', async () => {
		const vi = await renderEmail('account-created', accountProps('vi'))
		for (const value of [
			'tuan.hm@ldld-quangtri.vn',
			ORGANISATION,
			'Soạn thảo, Phê duyệt',
			'Kính gửi Hoàng Minh Tuấn,',
		]) {
			expect(vi.html).toContain(value)
			expect(squash(vi.text)).toContain(squash(value))
		}
		expect(squash(vi.text)).toContain(
			squash(
				'mật khẩu dùng một lần. Bạn phải đổi mật khẩu này khi đăng nhập lần đầu',
			),
		)
		const en = await renderEmail('account-created', accountProps('en'))
		expect(en.html).toContain('Drafter, Approver')
		expect(squash(en.text)).toContain(
			'you must change it the first time you sign in',
		)
	})

	test('password reset: validity, single use, and what to do if you did not ask', async () => {
		const vi = await renderEmail('password-reset', resetProps('vi'))
		expect(squash(vi.text)).toContain(
			squash('Liên kết có hiệu lực trong 60 phút và chỉ dùng được một lần.'),
		)
		expect(squash(vi.text)).toContain(
			squash('Nếu bạn không yêu cầu đặt lại mật khẩu, hãy bỏ qua email này'),
		)
		const en = await renderEmail('password-reset', resetProps('en'))
		expect(squash(en.text)).toContain(
			'valid for 60 minutes and can be used only once',
		)
		expect(squash(en.text)).toContain(
			'if you did not ask for this, ignore this email',
		)
	})

	test('neither is an email one could turn off', async () => {
		for (const locale of ['vi', 'en'] as const) {
			expect(
				(await renderEmail('account-created', accountProps(locale))).html,
			).not.toMatch(/Cài đặt thông báo|notification settings/)
			expect(
				(await renderEmail('password-reset', resetProps(locale))).html,
			).not.toMatch(/Cài đặt thông báo|notification settings/)
		}
	})
})

describe('email catalogues', () => {
	const placeholders = (text: string) =>
		[...text.matchAll(/\{(\w+)\}/g)]
			.map(m => m[1])
			.sort()
			.join()

	test('English has the same keys and placeholders as Vietnamese', () => {
		expect(Object.keys(emailEn).sort()).toEqual(Object.keys(emailVi).sort())
		const mismatched = (
			Object.keys(emailVi) as (keyof typeof emailVi)[]
		).filter(key => placeholders(emailVi[key]) !== placeholders(emailEn[key]))
		expect(mismatched).toEqual([])
	})

	test('the server translates the email texts; the pages’ catalogues, which the browser loads, leave them out', async () => {
		const { translate } = await import('#lib/i18n/index.ts')
		for (const [key, text] of Object.entries(emailVi)) expect(translate('vi', key)).toBe(text)
		for (const [key, text] of Object.entries(emailEn)) expect(translate('en', key)).toBe(text)
		const pageKeys = [...Object.keys(vi), ...Object.keys(en)]
		expect(pageKeys.filter(key => key.startsWith('email.') && !key.startsWith('email.status.'))).toEqual([])
		// The deadline's rule is in both: pages and emails say it.
		expect(vi['deadline.dueWithRule']).toBe(emailVi['deadline.dueWithRule'])
	})

	test('every template has preview props', async () => {
		const modules = await Promise.all(
			EMAIL_TEMPLATES.map(template => import(`#emails/${template}.tsx`)),
		)
		for (const module of modules)
			expect(module.default.PreviewProps).toBeTruthy()
	})
})
