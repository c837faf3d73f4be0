import { type JobWorker } from '#workflows/worker/worker.server.ts'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import * as newUserRoute from '#app/routes/admin.users.new.tsx'
import * as forgotRoute from '#app/routes/forgot-password.tsx'
import * as settingsRoute from '#app/routes/settings.tsx'
import { queryCounter } from '#db/connect.ts'
import { args, insertChain, insertPlan, insertPlanWorld, insertUser, request, sendPlanEvent, settle } from '../factories.ts'
import { queueDrained, type ReceivedMail, type SmtpServer, startSmtpServer, startTestWorker } from '../mail.ts'

// Every event of a plan's life and of an account, delivered by the real worker to a real SMTP
// server in this process: who receives what, in which language, and who is told in the app.

const APP_URL = 'https://doingoai.example.vn'
const PLAN_NAME = 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)'
const ORGANISATION = 'Liên đoàn Lao động tỉnh Quảng Trị'
const STEPS = [
	{ vi: 'Ban Thường vụ LĐLĐ tỉnh', en: 'Federation Standing Committee' },
	{ vi: 'Tỉnh ủy', en: 'Provincial Party Committee' },
	{ vi: 'Ban Đối ngoại TLĐ', en: 'VGCL Foreign Affairs Department' },
]
const RETURN_COMMENT = 'Đề nghị bổ sung danh sách thành viên (có loại hộ chiếu) và ngày đi, ngày về cụ thể.'
const REJECT_REASON = 'Chương trình trùng với đoàn của Tổng Liên đoàn; đề nghị không tổ chức đoàn này trong năm 2027.'

let smtp: SmtpServer
let worker: JobWorker
beforeAll(async () => {
	smtp = await startSmtpServer()
	process.env.SMTP_URL = smtp.url
	process.env.APP_URL = APP_URL
	worker = await startTestWorker()
})
afterAll(async () => {
	await worker?.stop()
	await smtp?.close()
	delete process.env.SMTP_URL
	delete process.env.APP_URL
})

type User = Awaited<ReturnType<typeof insertUser>>
let world: Awaited<ReturnType<typeof insertPlanWorld>>
/** A second approver of LĐLĐ tỉnh Quảng Trị, who reads the app in English. */
let english: User
const seenNotifications = new Set<string>()

beforeEach(async () => {
	smtp.clear()
	smtp.refuse(0)
	seenNotifications.clear()
	world = await insertPlanWorld(db)
	const { orgs } = world
	// The federation's chain with its steps named in both languages (the current chain version).
	await insertChain(
		db,
		orgs.ldld.id,
		[orgs.ldld.id, orgs.tinhUy.id, orgs.board.id].map((organisation_id, i) => ({ organisation_id, label_vi: STEPS[i].vi, label_en: STEPS[i].en })),
	)
	english = await insertUser(db, { organisation_id: orgs.ldld.id, roles: ['approver'], locale: 'en', full_name: 'Trần Thị Thu Hà' })
	// Nobody else hears of the federation's plans: not a deactivated approver, not its admin, not other organisations.
	await insertUser(db, { organisation_id: orgs.ldld.id, roles: ['approver'], active: false })
})

/** Everything the SMTP server received since the last call, once the queue has run dry. */
async function delivered() {
	await queueDrained(db)
	const mails = [...smtp.received]
	smtp.clear()
	return mails
}

function recipients(mails: ReceivedMail[]) {
	return mails.flatMap(m => m.recipients).sort()
}

function emails(...users: { email: string }[]) {
	return users.map(u => u.email).sort()
}

/** The one message `user` received. */
function mailTo(mails: ReceivedMail[], user: { email: string }) {
	const theirs = mails.filter(m => m.recipients.includes(user.email))
	expect(theirs).toHaveLength(1)
	expect(theirs[0].recipients).toEqual([user.email])
	expect(theirs[0].to).toBe(user.email)
	expect(theirs[0].from).toContain('Đối ngoại công đoàn')
	return theirs[0]
}

/** The in-app notifications about this plan created since the last call: user id → kind. */
async function newNotifications(planId: string) {
	const rows = await db.selectFrom('notification').select(['id', 'user_id', 'kind', 'read_at']).where('plan_id', '=', planId).execute()
	const fresh = rows.filter(r => !seenNotifications.has(r.id))
	for (const r of fresh) seenNotifications.add(r.id)
	expect(fresh.every(r => r.read_at === null)).toBe(true)
	return Object.fromEntries(fresh.map(r => [r.user_id, r.kind]))
}

async function submittedPlan() {
	const { users, partner } = world
	const plan = await insertPlan(db, users.ldld.drafter, { partnerId: partner.id })
	await sendPlanEvent(db, plan.id, 'SUBMIT', users.ldld.drafter)
	await delivered()
	await newNotifications(plan.id)
	return plan
}

async function approveUpTo(planId: string, steps: number) {
	const { users } = world
	const approvers = [users.ldld.approver, users.tinhUy.approver, users.board.approver]
	for (const approver of approvers.slice(0, steps)) await sendPlanEvent(db, planId, 'APPROVE', approver)
	await delivered()
	await newNotifications(planId)
}

describe('who hears of a plan event, by email and in the app', () => {
	test('submitted: the approvers of the step now waiting, each in their own language', async () => {
		const { users, partner } = world
		const drafter = users.ldld.drafter
		const plan = await insertPlan(db, drafter, { partnerId: partner.id })
		await sendPlanEvent(db, plan.id, 'SUBMIT', drafter)

		const mails = await delivered()
		expect(recipients(mails)).toEqual(emails(users.ldld.approver, english))
		expect(await newNotifications(plan.id)).toEqual({ [users.ldld.approver.id]: 'plan-submitted', [english.id]: 'plan-submitted' })

		const vi = mailTo(mails, users.ldld.approver)
		expect(vi.subject).toBe(`[Đối ngoại] Kế hoạch "${PLAN_NAME}" chờ bạn phê duyệt`)
		for (const text of [
			`Kính gửi ${users.ldld.approver.full_name},`,
			`${drafter.full_name} (LĐLĐ tỉnh Quảng Trị) đã gửi kế hoạch của ${ORGANISATION}. Mời bạn xem và cho ý kiến phê duyệt.`,
			`Kế hoạch ${PLAN_NAME} Đơn vị ${ORGANISATION} Trạng thái Chờ Ban Thường vụ LĐLĐ tỉnh duyệt Bước duyệt Ban Thường vụ LĐLĐ tỉnh`,
			`Xem và phê duyệt ${APP_URL}/plans/${plan.id}`,
		])
			expect(vi.text).toContain(text)
		expect(vi.html).toContain(`href="${APP_URL}/plans/${plan.id}"`)
		expect(vi.html).toContain(`Kế hoạch “${PLAN_NAME}” đang chờ Ban Thường vụ LĐLĐ tỉnh phê duyệt`)
		// A request to act cannot be turned off, so it says nothing about turning emails off.
		expect(vi.text).not.toContain('email để biết')

		const en = mailTo(mails, english)
		expect(en.subject).toBe(`[Foreign affairs] Plan "${PLAN_NAME}" is waiting for your approval`)
		for (const text of [
			'Dear Trần Thị Thu Hà,',
			`${drafter.full_name} (LĐLĐ tỉnh Quảng Trị) has submitted a plan of ${ORGANISATION}. Please review it and decide.`,
			`Status Awaiting Federation Standing Committee Approval step Federation Standing Committee`,
			`Review and approve ${APP_URL}/plans/${plan.id}`,
		])
			expect(en.text).toContain(text)
		expect(en.text).not.toContain('Kính gửi')
	})

	test('approved at a middle step: the drafter for information, and the approvers of the next step', async () => {
		const { users } = world
		const plan = await submittedPlan()
		await sendPlanEvent(db, plan.id, 'APPROVE', users.ldld.approver)

		const mails = await delivered()
		expect(recipients(mails)).toEqual(emails(users.ldld.drafter, users.tinhUy.approver))
		expect(await newNotifications(plan.id)).toEqual({ [users.ldld.drafter.id]: 'plan-step-approved', [users.tinhUy.approver.id]: 'plan-submitted' })

		const drafter = mailTo(mails, users.ldld.drafter)
		expect(drafter.subject).toBe(`[Đối ngoại] Kế hoạch "${PLAN_NAME}" đã qua bước Ban Thường vụ LĐLĐ tỉnh`)
		for (const text of [
			`Kính gửi ${users.ldld.drafter.full_name},`,
			`${users.ldld.approver.full_name} (LĐLĐ tỉnh Quảng Trị) đã duyệt kế hoạch “${PLAN_NAME}” ở bước Ban Thường vụ LĐLĐ tỉnh.`,
			'Kế hoạch đang chờ bước tiếp theo: Tỉnh ủy.',
			'Trạng thái Chờ Tỉnh ủy duyệt',
			`Xem kế hoạch ${APP_URL}/plans/${plan.id}`,
			// For information only: it says how to turn such emails off.
			'Đây là email để biết. Bạn có thể tắt các email để biết',
		])
			expect(drafter.text).toContain(text)

		const party = mailTo(mails, users.tinhUy.approver)
		expect(party.subject).toBe(`[Đối ngoại] Kế hoạch "${PLAN_NAME}" chờ bạn phê duyệt`)
		expect(party.text).toContain(`${users.ldld.approver.full_name} (LĐLĐ tỉnh Quảng Trị) đã gửi kế hoạch của ${ORGANISATION}.`)
		expect(party.text).toContain('Trạng thái Chờ Tỉnh ủy duyệt Bước duyệt Tỉnh ủy')
	})

	test('fully approved: the drafter and the approvers of the owning organisation', async () => {
		const { users } = world
		const plan = await submittedPlan()
		await approveUpTo(plan.id, 2)
		await sendPlanEvent(db, plan.id, 'APPROVE', users.board.approver)

		const mails = await delivered()
		expect(recipients(mails)).toEqual(emails(users.ldld.drafter, users.ldld.approver, english))
		expect(await newNotifications(plan.id)).toEqual({
			[users.ldld.drafter.id]: 'plan-approved',
			[users.ldld.approver.id]: 'plan-approved',
			[english.id]: 'plan-approved',
		})
		for (const user of [users.ldld.drafter, users.ldld.approver]) {
			const mail = mailTo(mails, user)
			expect(mail.subject).toBe(`[Đối ngoại] Kế hoạch "${PLAN_NAME}" đã được phê duyệt`)
			expect(mail.text).toContain(`Kính gửi ${user.full_name},`)
			expect(mail.text).toContain(
				`Kế hoạch “${PLAN_NAME}” của ${ORGANISATION} đã được phê duyệt đầy đủ. Bước cuối cùng do ${users.board.approver.full_name} (Ban Đối ngoại TLĐ) duyệt.`,
			)
			expect(mail.text).toContain('Trạng thái Đã phê duyệt')
			expect(mail.text).toContain(`${APP_URL}/plans/${plan.id}`)
		}
		const en = mailTo(mails, english)
		expect(en.subject).toBe(`[Foreign affairs] Plan "${PLAN_NAME}" has been approved`)
		expect(en.text).toContain(`The plan “${PLAN_NAME}” of ${ORGANISATION} has been fully approved.`)
		expect(en.text).toContain('Status Approved')
	})

	test('returned: only the drafter, with the comment', async () => {
		const { users } = world
		const plan = await submittedPlan()
		await approveUpTo(plan.id, 1)
		await sendPlanEvent(db, plan.id, 'RETURN', users.tinhUy.approver, RETURN_COMMENT)

		const mails = await delivered()
		expect(recipients(mails)).toEqual(emails(users.ldld.drafter))
		expect(await newNotifications(plan.id)).toEqual({ [users.ldld.drafter.id]: 'plan-returned' })
		const mail = mailTo(mails, users.ldld.drafter)
		expect(mail.subject).toBe(`[Đối ngoại] Kế hoạch "${PLAN_NAME}" bị trả lại để sửa`)
		for (const text of [
			`${users.tinhUy.approver.full_name} (Tỉnh ủy Quảng Trị) đã trả lại kế hoạch “${PLAN_NAME}” với ý kiến sau:`,
			RETURN_COMMENT,
			'Hãy sửa kế hoạch theo ý kiến trên rồi gửi duyệt lại.',
			'Trạng thái Bị trả lại Bước duyệt Tỉnh ủy',
			`Sửa kế hoạch ${APP_URL}/plans/${plan.id}`,
		])
			expect(mail.text).toContain(text)
		expect(mail.html).toContain(RETURN_COMMENT)
		expect(mail.text).not.toContain('email để biết')
	})

	test('resubmitted: the approvers of the first step again, told it is a revised plan', async () => {
		const { users } = world
		const plan = await submittedPlan()
		await sendPlanEvent(db, plan.id, 'RETURN', users.ldld.approver, RETURN_COMMENT)
		await delivered()
		await newNotifications(plan.id)
		await sendPlanEvent(db, plan.id, 'RESUBMIT', users.ldld.drafter)

		const mails = await delivered()
		expect(recipients(mails)).toEqual(emails(users.ldld.approver, english))
		expect(await newNotifications(plan.id)).toEqual({ [users.ldld.approver.id]: 'plan-submitted', [english.id]: 'plan-submitted' })
		const vi = mailTo(mails, users.ldld.approver)
		expect(vi.subject).toBe(`[Đối ngoại] Kế hoạch "${PLAN_NAME}" đã sửa, chờ bạn phê duyệt`)
		expect(vi.text).toContain('Đây là bản đã sửa: kế hoạch bị trả lại trước đó, đơn vị soạn thảo đã chỉnh sửa và gửi duyệt lại.')
		expect(vi.text).toContain('Trạng thái Chờ Ban Thường vụ LĐLĐ tỉnh duyệt')
		const en = mailTo(mails, english)
		expect(en.subject).toBe(`[Foreign affairs] Revised plan "${PLAN_NAME}" is waiting for your approval`)
		expect(en.text).toContain('This is a revised version')
	})

	test('rejected: the drafter and the approvers of the owning organisation, with the reason', async () => {
		const { users } = world
		const plan = await submittedPlan()
		await approveUpTo(plan.id, 1)
		await sendPlanEvent(db, plan.id, 'REJECT', users.tinhUy.approver, REJECT_REASON)

		const mails = await delivered()
		expect(recipients(mails)).toEqual(emails(users.ldld.drafter, users.ldld.approver, english))
		expect(await newNotifications(plan.id)).toEqual({
			[users.ldld.drafter.id]: 'plan-rejected',
			[users.ldld.approver.id]: 'plan-rejected',
			[english.id]: 'plan-rejected',
		})
		for (const user of [users.ldld.drafter, users.ldld.approver]) {
			const mail = mailTo(mails, user)
			expect(mail.subject).toBe(`[Đối ngoại] Kế hoạch "${PLAN_NAME}" không được phê duyệt`)
			for (const text of [
				`${users.tinhUy.approver.full_name} (Tỉnh ủy Quảng Trị) đã không phê duyệt kế hoạch “${PLAN_NAME}” của ${ORGANISATION}.`,
				REJECT_REASON,
				'Kế hoạch đã kết thúc và không thể gửi duyệt lại.',
				'Trạng thái Không phê duyệt',
			])
				expect(mail.text).toContain(text)
		}
		// The drafter must know; the organisation's approvers are told for information.
		expect(mailTo(mails, users.ldld.drafter).text).not.toContain('email để biết')
		expect(mailTo(mails, users.ldld.approver).text).toContain('Đây là email để biết.')
		const en = mailTo(mails, english)
		expect(en.subject).toBe(`[Foreign affairs] Plan "${PLAN_NAME}" was rejected`)
		expect(en.text).toContain(REJECT_REASON)
		expect(en.text).toContain('Status Rejected')
	})

	test('someone in two audiences is told once: a drafter who is also an approver of the owning organisation', async () => {
		const { users, orgs, partner } = world
		const both = await insertUser(db, { organisation_id: orgs.ldld.id, roles: ['drafter', 'approver'] })
		const plan = await insertPlan(db, both, { partnerId: partner.id })
		await sendPlanEvent(db, plan.id, 'SUBMIT', both)
		await approveUpTo(plan.id, 2)
		await sendPlanEvent(db, plan.id, 'APPROVE', users.board.approver)
		let mails = await delivered()
		expect(recipients(mails)).toEqual(emails(both, users.ldld.approver, english))
		expect(mailTo(mails, both).subject).toBe(`[Đối ngoại] Kế hoạch "${PLAN_NAME}" đã được phê duyệt`)
		expect(await newNotifications(plan.id)).toEqual({ [both.id]: 'plan-approved', [users.ldld.approver.id]: 'plan-approved', [english.id]: 'plan-approved' })

		// A second plan rejected at the last step: the drafter hears as drafter and as approver, once.
		const second = await insertPlan(db, both, { partnerId: partner.id })
		await sendPlanEvent(db, second.id, 'SUBMIT', both)
		await approveUpTo(second.id, 2)
		await sendPlanEvent(db, second.id, 'REJECT', users.board.approver, REJECT_REASON)
		mails = await delivered()
		expect(recipients(mails)).toEqual(emails(both, users.ldld.approver, english))
		expect(mailTo(mails, both).subject).toBe(`[Đối ngoại] Kế hoạch "${PLAN_NAME}" không được phê duyệt`)
		expect(Object.keys(await newNotifications(second.id)).sort()).toEqual([both.id, users.ldld.approver.id, english.id].sort())
	})
})

describe('account emails', () => {
	test('account created: the new user, in the language chosen for them, with a sign-in link', async () => {
		const { users, orgs } = world
		const create = async (email: string, full_name: string, locale: string) =>
			settle(async () =>
				newUserRoute.action(
					args(
						await request('/admin/users/new', {
							user: users.board.admin,
							form: { email, full_name, title: 'Chuyên viên', organisation_id: orgs.ldld.id, roles: ['drafter', 'approver'], locale, password: 'MotLan@2026' },
						}),
					),
				),
			)
		expect((await create('hoang.minh.tuan@ldld-quangtri.vn', 'Hoàng Minh Tuấn', 'vi')).status).toBe(302)
		expect((await create('nguyen.an@ldld-quangtri.vn', 'Nguyễn Văn An', 'en')).status).toBe(302)

		const mails = await delivered()
		expect(recipients(mails)).toEqual(['hoang.minh.tuan@ldld-quangtri.vn', 'nguyen.an@ldld-quangtri.vn'])
		const vi = mailTo(mails, { email: 'hoang.minh.tuan@ldld-quangtri.vn' })
		expect(vi.subject).toBe('[Đối ngoại] Tài khoản của bạn đã được tạo')
		for (const text of [
			'Kính gửi Hoàng Minh Tuấn,',
			'Quản trị viên đã tạo cho bạn một tài khoản',
			'hoang.minh.tuan@ldld-quangtri.vn',
			ORGANISATION,
			'Soạn thảo, Phê duyệt',
			'Bạn phải đổi mật khẩu này khi đăng nhập lần đầu.',
			`${APP_URL}/login`,
		])
			expect(vi.text).toContain(text)
		// The one-time password is never in the email.
		expect(vi.text).not.toContain('MotLan@2026')
		expect(vi.html).not.toContain('MotLan@2026')
		const en = mailTo(mails, { email: 'nguyen.an@ldld-quangtri.vn' })
		expect(en.subject).toBe('[Foreign affairs] Your account has been created')
		expect(en.text).toContain('Dear Nguyễn Văn An,')
		expect(en.text).toContain('Drafter, Approver')
		expect(en.text).toContain(`Sign in ${APP_URL}/login`)
	})

	test('password reset: the user, with a single-use link; no copy of the link stays in the database', async () => {
		const { users } = world
		const user = users.tinhUy.drafter
		const response = await settle(async () => forgotRoute.action(args(await request('/forgot-password', { form: { email: user.email } }))))
		expect(response.status).toBe(200)

		const mails = await delivered()
		expect(recipients(mails)).toEqual([user.email])
		const mail = mailTo(mails, user)
		expect(mail.subject).toBe('[Đối ngoại] Đặt lại mật khẩu')
		expect(mail.text).toContain(`Kính gửi ${user.full_name},`)
		expect(mail.text).toContain('Liên kết có hiệu lực trong 60 phút và chỉ dùng được một lần.')
		const link = mail.text.match(/https:\/\/doingoai\.example\.vn\/reset-password\?token=([\w-]+)/)
		expect(link).not.toBeNull()
		expect(mail.html).toContain(link![0])

		const stored = await db.selectFrom('email_message').selectAll().where('template', '=', 'password-reset').executeTakeFirstOrThrow()
		expect(stored.status).toBe('sent')
		expect(JSON.stringify(stored)).not.toContain(link![1])
		const reset = await db.selectFrom('password_reset').selectAll().executeTakeFirstOrThrow()
		expect(reset.token_hash).not.toContain(link![1])
	})
})

describe('preferences', () => {
	async function turnOffInformationEmails(user: User) {
		const response = await settle(async () =>
			settingsRoute.action(args(await request('/settings', { user, form: { locale: user.locale } }))),
		)
		expect(response.status).toBe(302)
		expect((await db.selectFrom('app_user').select('email_info').where('id', '=', user.id).executeTakeFirstOrThrow()).email_info).toBe(false)
		// The settings page shows what was saved, read with the session: no query of its own.
		const req = await request('/settings', { user })
		const before = queryCounter.count
		const page = await settle(async () => settingsRoute.loader(args(req)))
		expect(queryCounter.count - before).toBe(1)
		expect(await page.json()).toEqual({ email_info: false, locale: user.locale })
	}

	test('without for-information emails one is still told in the app, and still gets every email asking to act', async () => {
		const { users, partner } = world
		const drafter = users.ldld.drafter
		const approver = users.ldld.approver
		await turnOffInformationEmails(drafter)
		await turnOffInformationEmails(approver)

		// Submitted: the approver must act, so is emailed.
		const plan = await insertPlan(db, drafter, { partnerId: partner.id })
		await sendPlanEvent(db, plan.id, 'SUBMIT', drafter)
		let mails = await delivered()
		expect(recipients(mails)).toEqual(emails(approver, english))
		expect(await newNotifications(plan.id)).toEqual({ [approver.id]: 'plan-submitted', [english.id]: 'plan-submitted' })

		// Approved at a step: the drafter is only told in the app; the Tỉnh ủy must act.
		await sendPlanEvent(db, plan.id, 'APPROVE', approver)
		mails = await delivered()
		expect(recipients(mails)).toEqual(emails(users.tinhUy.approver))
		expect(await newNotifications(plan.id)).toEqual({ [drafter.id]: 'plan-step-approved', [users.tinhUy.approver.id]: 'plan-submitted' })

		// Fully approved: only the English approver, who kept these emails, gets one.
		await sendPlanEvent(db, plan.id, 'APPROVE', users.tinhUy.approver)
		await delivered()
		await newNotifications(plan.id)
		await sendPlanEvent(db, plan.id, 'APPROVE', users.board.approver)
		mails = await delivered()
		expect(recipients(mails)).toEqual(emails(english))
		expect(await newNotifications(plan.id)).toEqual({ [drafter.id]: 'plan-approved', [approver.id]: 'plan-approved', [english.id]: 'plan-approved' })
		expect(await db.selectFrom('email_message').select('template').where('recipient_id', '=', drafter.id).execute()).toEqual([])

		// Returned: the drafter must act, so is emailed.
		const second = await insertPlan(db, drafter, { partnerId: partner.id })
		await sendPlanEvent(db, second.id, 'SUBMIT', drafter)
		await delivered()
		await sendPlanEvent(db, second.id, 'RETURN', approver, RETURN_COMMENT)
		mails = await delivered()
		expect(recipients(mails)).toEqual(emails(drafter))
		expect(mailTo(mails, drafter).subject).toBe(`[Đối ngoại] Kế hoạch "${PLAN_NAME}" bị trả lại để sửa`)

		// Rejected: the drafter must know; the approver who turned information emails off is told in the app only.
		const third = await insertPlan(db, drafter, { partnerId: partner.id })
		await sendPlanEvent(db, third.id, 'SUBMIT', drafter)
		await sendPlanEvent(db, third.id, 'APPROVE', approver)
		await delivered()
		await newNotifications(third.id)
		await sendPlanEvent(db, third.id, 'REJECT', users.tinhUy.approver, REJECT_REASON)
		mails = await delivered()
		expect(recipients(mails)).toEqual(emails(drafter, english))
		expect(await newNotifications(third.id)).toEqual({ [drafter.id]: 'plan-rejected', [approver.id]: 'plan-rejected', [english.id]: 'plan-rejected' })
	})
})
