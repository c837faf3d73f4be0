/**
 * Deciding from email: the "waiting for you" email carries one-time approve and return links.
 * A GET only asks; a POST decides once, through the same workflow as the plan page. Links that
 * were used, expired, forged, or whose plan changed, moved on or was decided change nothing.
 * The approval-waiting reminder carries links of the same kind.
 */
import { createHash } from 'node:crypto'
import { type JobWorker } from '#workflows/worker/worker.server.ts'
import {
	afterAll,
	afterEach,
	beforeAll,
	beforeEach,
	describe,
	expect,
	test,
} from 'vitest'
import { db } from '#db/client.server.ts'
import { loader as rootLoader } from '#app/root.tsx'
import * as decideRoute from '#app/routes/decide.$token/route.tsx'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import { createSubstitution } from '#db/repos/substitution.server.ts'
import { addDays, todayIso } from '#lib/trip-dates.ts'
import { decideByLink } from '#workflows/plans/decide-by-email.server.ts'
import { addWorkingDays, isWorkingDay } from '#lib/working-days.ts'
import { runDailyReminders } from '#workflows/reminders/reminders.server.ts'
import {
	args,
	insertPlan,
	insertPlanWorld,
	insertUser,
	planState,
	request,
	sendPlanEvent,
	sessionCookie,
	settle,
} from '../factories.ts'
import {
	queueDrained,
	type SmtpServer,
	startSmtpServer,
	startTestWorker,
} from '../mail.ts'

let smtp: SmtpServer
let worker: JobWorker
beforeAll(async () => {
	smtp = await startSmtpServer()
	process.env.SMTP_URL = smtp.url
	worker = await startTestWorker()
})
afterAll(async () => {
	await worker?.stop()
	await smtp?.close()
	delete process.env.SMTP_URL
})

let world: Awaited<ReturnType<typeof insertPlanWorld>>
beforeEach(async () => {
	smtp.clear()
	world = await insertPlanWorld(db)
})
// Nothing may still be sending when the next test truncates the tables.
afterEach(() => queueDrained(db))

type Person = { id: string; email: string }

/** The approve and return links of the newest email this person received, read from its HTML. */
async function linksFor(person: Person) {
	await queueDrained(db)
	const mail = smtp.to(person.email).at(-1)
	if (!mail) throw new Error(`no email for ${person.email}`)
	const found = [
		...mail.html.matchAll(/href="([^"]*\/decide\/([A-Za-z0-9_-]+))"/g),
	].map(m => ({ url: m[1], token: m[2] }))
	expect(found).toHaveLength(2)
	// The plain-text part carries the same links, for mail clients without HTML.
	for (const link of found) expect(mail.text).toContain(link.url)
	return { approve: found[0].token, return: found[1].token, mail }
}

async function open(token: string) {
	const response = await settle(async () =>
		decideRoute.loader(
			args(await request(`/decide/${token}`), { token }) as never,
		),
	)
	return { status: response.status, body: await response.json() }
}

async function post(token: string, form: Record<string, string> = {}) {
	const response = await settle(async () =>
		decideRoute.action(
			args(await request(`/decide/${token}`, { form }), { token }) as never,
		),
	)
	return { status: response.status, body: await response.json() }
}

async function submitted() {
	const plan = await insertPlan(db, world.users.ldld.drafter, {
		partnerId: world.partner.id,
		members: 3,
	})
	await sendPlanEvent(db, plan.id, 'SUBMIT', world.users.ldld.drafter)
	return plan.id
}

async function events(planId: string) {
	return db
		.selectFrom('plan_event')
		.select(['event', 'actor_id', 'on_behalf_of', 'comment'])
		.where('plan_id', '=', planId)
		.orderBy('id')
		.execute()
}

/** Everything a refused link must leave as it was. */
async function everything(planId: string) {
	return {
		plan: await planState(db, planId),
		events: await events(planId),
		approvals: await db
			.selectFrom('step_approval')
			.select('approver_id')
			.where('plan_id', '=', planId)
			.execute(),
		tokensUsed: await db
			.selectFrom('decision_token')
			.select(['id', 'used_at'])
			.where('plan_id', '=', planId)
			.orderBy('id')
			.execute(),
	}
}

async function setRule(rule: 'min', min: number) {
	await db
		.updateTable('chain_step')
		.set({ approval_rule: rule, min_approvals: min })
		.where('id', '=', world.chains.ldld.steps[0].id)
		.execute()
}

describe('deciding from the email', () => {
	test('approve: the email links open a confirmation page without signing in; the POST approves once', async () => {
		const { users } = world
		const planId = await submitted()
		const { approve, mail } = await linksFor(users.ldld.approver)
		expect(mail.text).toContain('Phê duyệt')
		expect(mail.text).toContain('Trả lại')
		const before = await everything(planId)

		// The GET shows the summary and asks; nothing changes.
		const page = await open(approve)
		expect(page.status).toBe(200)
		expect(page.body).toMatchObject({
			locale: 'vi',
			problem: null,
			link: {
				action: 'approve',
				approverName: users.ldld.approver.full_name,
				onBehalfOf: null,
			},
			plan: { id: planId, direction: 'out', status: 'step_1' },
			draft: { country: 'LA', partner_id: world.partner.id },
		})
		expect(await everything(planId)).toEqual(before)

		const done = await post(approve, { comment: 'Đồng ý.' })
		expect(done).toMatchObject({ status: 200, body: { done: {} } })
		expect(await planState(db, planId)).toMatchObject({
			status: 'step_2',
			version: before.plan!.version + 1,
		})
		expect((await events(planId)).at(-1)).toEqual({
			event: 'APPROVE',
			actor_id: users.ldld.approver.id,
			on_behalf_of: null,
			comment: 'Đồng ý.',
		})
		// The next step's approver is told, with links of their own.
		const next = await linksFor(users.tinhUy.approver)
		expect(next.approve).not.toBe(approve)

		// Used: a second click, and the return link of the same email, change nothing.
		const after = await everything(planId)
		expect(await post(approve)).toEqual({
			status: 409,
			body: { problem: 'used' },
		})
		expect((await open(approve)).body).toMatchObject({
			problem: 'used',
			plan: { status: 'step_2' },
		})
		expect(await everything(planId)).toEqual(after)
	})

	test('no readable copy of a link is kept: tokens are stored hashed, and the sent email is kept without them', async () => {
		const planId = await submitted()
		const { approve, return: back } = await linksFor(world.users.ldld.approver)
		const hash = (t: string) => createHash('sha256').update(t).digest('hex')
		const tokens = await db
			.selectFrom('decision_token')
			.select(['token_hash', 'action', 'approver_id', 'step_status'])
			.where('plan_id', '=', planId)
			.orderBy('action')
			.execute()
		expect(tokens).toEqual([
			{
				token_hash: hash(approve),
				action: 'approve',
				approver_id: world.users.ldld.approver.id,
				step_status: 'step_1',
			},
			{
				token_hash: hash(back),
				action: 'return',
				approver_id: world.users.ldld.approver.id,
				step_status: 'step_1',
			},
		])
		const stored = await db
			.selectFrom('email_message')
			.select(['status', 'html', 'text', 'props'])
			.where('plan_id', '=', planId)
			.execute()
		expect(stored.map(m => m.status)).toEqual(['sent'])
		const dump = JSON.stringify(stored)
		expect(dump).not.toContain(approve)
		expect(dump).not.toContain(back)
		expect(dump).not.toContain('/decide/')
		// The kept copy still names the plan and links to it.
		expect(stored[0].html).toContain(`/plans/${planId}`)
		expect(
			JSON.stringify(
				await db.selectFrom('notification').select('params').execute(),
			),
		).not.toContain('/decide/')
	})

	test('return: the comment is required next to the field, then the plan goes back to the drafter', async () => {
		const planId = await submitted()
		const { return: back } = await linksFor(world.users.ldld.approver)
		expect((await open(back)).body).toMatchObject({
			problem: null,
			link: { action: 'return' },
		})
		const before = await everything(planId)
		expect(await post(back, { comment: '   ' })).toEqual({
			status: 400,
			body: { errors: ['plan.commentRequired'], comment: '   ' },
		})
		expect(await everything(planId)).toEqual(before)

		const done = await post(back, { comment: 'Bổ sung dự toán kinh phí.' })
		expect(done.status).toBe(200)
		expect(await planState(db, planId)).toMatchObject({ status: 'returned' })
		expect((await events(planId)).at(-1)).toMatchObject({
			event: 'RETURN',
			actor_id: world.users.ldld.approver.id,
			comment: 'Bổ sung dự toán kinh phí.',
		})
		await queueDrained(db)
		expect(smtp.to(world.users.ldld.drafter.email).at(-1)?.text).toContain(
			'Bổ sung dự toán kinh phí.',
		)
	})

	test('the page speaks the approver’s language, whoever opens it', async () => {
		await db
			.updateTable('app_user')
			.set({ locale: 'en' })
			.where('id', '=', world.users.ldld.approver.id)
			.execute()
		await submitted()
		const { approve, mail } = await linksFor(world.users.ldld.approver)
		expect(mail.text).toContain('Approve')
		expect((await open(approve)).body.locale).toBe('en')
	})
})

describe('links that can no longer decide change nothing', () => {
	test('expired (after 7 days), forged or malformed', async () => {
		const planId = await submitted()
		const { approve } = await linksFor(world.users.ldld.approver)
		const before = await everything(planId)

		const inEightDays = new Date(Date.now() + 8 * 86_400_000)
		expect(await decideByLink(db, approve, '', inEightDays)).toEqual({
			status: 'refused',
			problem: 'expired',
		})
		const forged = Buffer.alloc(32, 7).toString('base64url')
		for (const token of [
			forged,
			'abc',
			`${approve.slice(0, -1)}${approve.endsWith('A') ? 'B' : 'A'}`,
		])
			expect(await post(token)).toEqual({
				status: 409,
				body: { problem: 'invalid' },
			})
		expect((await open(forged)).body).toEqual({
			locale: null,
			problem: 'invalid',
			link: null,
			approverName: null,
		})
		expect(await everything(planId)).toEqual(before)

		// Seven days on, as the server's clock sees it.
		await db
			.updateTable('decision_token')
			.set({ expires_at: new Date(Date.now() - 1000) })
			.execute()
		expect((await open(approve)).body.problem).toBe('expired')
		expect(await post(approve)).toEqual({
			status: 409,
			body: { problem: 'expired' },
		})
		expect(await everything(planId)).toEqual(before)
	})

	test('a plan that moved on, was decided, or changed (returned, edited, sent again)', async () => {
		const { users } = world
		const planId = await submitted()
		const first = await linksFor(users.ldld.approver)

		// Moved on: approved on the web; the step-1 link now meets a plan at step 2.
		await sendPlanEvent(db, planId, 'APPROVE', users.ldld.approver)
		const atStep2 = await everything(planId)
		expect(await post(first.approve)).toEqual({
			status: 409,
			body: { problem: 'moved' },
		})
		expect((await open(first.return)).body).toMatchObject({
			problem: 'moved',
			plan: { status: 'step_2' },
		})
		expect(await everything(planId)).toEqual(atStep2)

		// Decided: Tỉnh ủy returns it; its own link is now for a decided plan.
		const tinhUy = await linksFor(users.tinhUy.approver)
		await sendPlanEvent(db, planId, 'RETURN', users.tinhUy.approver)
		const returned = await everything(planId)
		expect(await post(tinhUy.approve)).toEqual({
			status: 409,
			body: { problem: 'decided' },
		})
		expect((await open(tinhUy.approve)).body).toMatchObject({
			problem: 'decided',
			plan: { status: 'returned' },
			events: expect.arrayContaining([
				expect.objectContaining({ event: 'RETURN' }),
			]),
		})
		expect(await everything(planId)).toEqual(returned)

		// Changed: edited and sent again, it waits at step 1 again, at a newer version.
		await db
			.updateTable('plan')
			.set({ name: 'Đoàn ra Lào (sửa)', version: eb => eb('version', '+', 1) })
			.where('id', '=', planId)
			.execute()
		await sendPlanEvent(db, planId, 'RESUBMIT', users.ldld.drafter)
		const again = await everything(planId)
		expect(again.plan?.status).toBe('step_1')
		expect(await post(first.approve)).toEqual({
			status: 409,
			body: { problem: 'changed' },
		})
		expect((await open(first.approve)).body.problem).toBe('changed')
		expect(await everything(planId)).toEqual(again)
		// The new email's link works.
		const fresh = await linksFor(users.ldld.approver)
		expect((await post(fresh.approve)).status).toBe(200)
		expect((await planState(db, planId))?.status).toBe('step_2')
	})

	test('another approver’s link: it decides only as the approver it was sent to, who must still be one', async () => {
		const { users } = world
		const planId = await submitted()
		const mine = await linksFor(users.ldld.approver)
		// The approver loses the role (and so the step) before clicking.
		await db
			.updateTable('app_user')
			.set({ roles: ['drafter'] })
			.where('id', '=', users.ldld.approver.id)
			.execute()
		const before = await everything(planId)
		expect((await open(mine.approve)).body.problem).toBe('notAllowed')
		expect(await post(mine.approve)).toEqual({
			status: 409,
			body: { problem: 'notAllowed' },
		})
		expect(await everything(planId)).toEqual(before)

		// A link for Tỉnh ủy's approver, opened while the plan waits at LĐLĐ, is for another step.
		await db
			.updateTable('app_user')
			.set({ roles: ['approver'] })
			.where('id', '=', users.ldld.approver.id)
			.execute()
		await sendPlanEvent(db, planId, 'APPROVE', users.ldld.approver)
		const tinhUy = await linksFor(users.tinhUy.approver)
		await sendPlanEvent(db, planId, 'RETURN', users.tinhUy.approver)
		await sendPlanEvent(db, planId, 'RESUBMIT', users.ldld.drafter)
		const atStep1 = await everything(planId)
		expect(await post(tinhUy.approve)).toEqual({
			status: 409,
			body: { problem: 'moved' },
		})
		expect(await everything(planId)).toEqual(atStep1)
	})

	test('parallel clicks on the same link decide once', async () => {
		const planId = await submitted()
		const { approve } = await linksFor(world.users.ldld.approver)
		const results = await Promise.all(
			Array.from({ length: 5 }, () => post(approve)),
		)
		expect(results.map(r => r.status).sort()).toEqual([200, 409, 409, 409, 409])
		expect(
			results.filter(r => r.status === 409).map(r => r.body.problem),
		).toEqual(['used', 'used', 'used', 'used'])
		expect((await events(planId)).map(e => e.event)).toEqual([
			'SUBMIT',
			'APPROVE',
		])
		expect(await planState(db, planId)).toMatchObject({ status: 'step_2' })
	})

	test('approve and return of the same email clicked at once: one decides, the other is used', async () => {
		for (let round = 0; round < 3; round++) {
			const planId = await submitted()
			const links = await linksFor(world.users.ldld.approver)
			const results = await Promise.all([
				post(links.approve),
				post(links.return, { comment: 'Bổ sung.' }),
			])
			expect(results.map(r => r.status).sort()).toEqual([200, 409])
			expect(results.find(r => r.status === 409)?.body).toEqual({
				problem: 'used',
			})
			expect(await events(planId)).toHaveLength(2)
		}
	})
})

describe('several approvers and substitutes through the links', () => {
	let approvers: Awaited<ReturnType<typeof insertUser>>[]
	beforeEach(async () => {
		approvers = [
			world.users.ldld.approver,
			await insertUser(db, {
				organisation_id: world.orgs.ldld.id,
				roles: ['approver'],
			}),
			await insertUser(db, {
				organisation_id: world.orgs.ldld.id,
				roles: ['approver'],
			}),
		]
		await setRule('min', 2)
	})

	test('2 of 3: two approvals through the links complete the step; the third link then finds it moved on', async () => {
		const planId = await submitted()
		const links = await Promise.all(approvers.map(a => linksFor(a)))
		const { version } = (await planState(db, planId))!
		expect(await post(links[0].approve)).toEqual({
			status: 200,
			body: { done: { approvals: { count: 1, required: 2 } } },
		})
		expect(await planState(db, planId)).toMatchObject({
			status: 'step_1',
			version,
		})
		// The same approver's return link went with the approval.
		expect((await post(links[0].return, { comment: 'Không.' })).body).toEqual({
			problem: 'used',
		})
		expect((await post(links[1].approve)).status).toBe(200)
		expect(await planState(db, planId)).toMatchObject({
			status: 'step_2',
			version: version + 1,
		})
		expect((await events(planId)).map(e => e.event)).toEqual([
			'SUBMIT',
			'APPROVE_PARTIAL',
			'APPROVE',
		])
		expect((await post(links[2].approve)).body).toEqual({ problem: 'moved' })
	})

	test('2 of 3: one return through the link before the second approval returns the plan', async () => {
		const planId = await submitted()
		const links = await Promise.all(approvers.map(a => linksFor(a)))
		expect((await post(links[0].approve)).status).toBe(200)
		expect(
			(await post(links[2].return, { comment: 'Chưa đủ hồ sơ.' })).status,
		).toBe(200)
		expect(await planState(db, planId)).toMatchObject({ status: 'returned' })
		expect((await post(links[1].approve)).body).toEqual({
			problem: 'decided',
		})
		expect((await events(planId)).map(e => e.event)).toEqual([
			'SUBMIT',
			'APPROVE_PARTIAL',
			'RETURN',
		])
	})

	test('a substitute’s partial approval, by link or on the web, counts for the approver they stand in for', async () => {
		const { users } = world
		const today = todayIso()
		// The admin (not an approver) stands in for the first approver.
		await db.transaction().execute(trx =>
			createSubstitution(
				trx,
				{
					organisationId: world.orgs.ldld.id,
					principalId: approvers[0].id,
					substituteId: users.ldld.admin.id,
					startsOn: today,
					// In force on the first working day from today on, when the reminder is sent.
					endsOn: addDays(today, 14),
					createdBy: approvers[0].id,
				},
				today,
			),
		)
		// Standing in today, the admin has the Inbox in the menu.
		const root = await settle(async () =>
			rootLoader(args(await request('/', { user: users.ldld.admin })) as never),
		)
		expect((await root.json()).user).toMatchObject({
			isApprover: false,
			substituting: true,
		})
		const planId = await submitted()
		const sub = await linksFor(users.ldld.admin)
		expect((await open(sub.approve)).body).toMatchObject({
			problem: null,
			link: {
				approverName: users.ldld.admin.full_name,
				onBehalfOf: approvers[0].full_name,
			},
		})
		expect(await post(sub.approve)).toMatchObject({
			status: 200,
			body: { done: { approvals: { count: 1, required: 2 } } },
		})
		expect((await events(planId)).at(-1)).toMatchObject({
			event: 'APPROVE_PARTIAL',
			actor_id: users.ldld.admin.id,
			on_behalf_of: approvers[0].id,
		})
		expect(
			await db
				.selectFrom('step_approval')
				.select('approver_id')
				.where('plan_id', '=', planId)
				.execute(),
		).toEqual([{ approver_id: approvers[0].id }])

		// The principal's own link (and the web) now find the approval already given.
		const own = await linksFor(approvers[0])
		expect((await open(own.approve)).body.problem).toBe('already')
		expect(await post(own.approve)).toEqual({
			status: 409,
			body: { problem: 'already' },
		})
		const { version } = (await planState(db, planId))!
		const web = await settle(async () =>
			planRoute.action(
				args(
					await request(`/plans/${planId}`, {
						cookie: await sessionCookie(approvers[0].id),
						form: { intent: 'APPROVE', version: String(version) },
					}),
					{ planId },
				) as never,
			),
		)
		expect(web.status).toBe(409)

		// The timeline says who decided for whom, and how far the step got.
		const page = await settle(async () =>
			planRoute.loader(
				args(
					await request(`/plans/${planId}`, {
						cookie: await sessionCookie(users.ldld.drafter.id),
					}),
					{ planId },
				) as never,
			),
		)
		expect((await page.json()).events.at(-1)).toMatchObject({
			event: 'APPROVE_PARTIAL',
			actor_name: users.ldld.admin.full_name,
			on_behalf_name: approvers[0].full_name,
			approvals: { count: 1, required: 2 },
		})
		// A second approver completes the step.
		expect((await post((await linksFor(approvers[1])).approve)).status).toBe(
			200,
		)
		expect((await planState(db, planId))?.status).toBe('step_2')
	})
})

describe('the approval-waiting reminder carries links too', () => {
	/**
	 * The plan has waited 5 working days (the default reminder interval) at its step as of the
	 * first working day from today on, and that day's daily run reminds the step's approvers
	 * (reminders fall on working days only); their reminders are read from the SMTP server.
	 */
	async function remindedToday(planId: string) {
		await queueDrained(db)
		smtp.clear()
		let day = todayIso()
		while (!isWorkingDay(day)) day = addDays(day, 1)
		await db
			.updateTable('plan')
			.set({
				status_changed_at: new Date(
					`${addWorkingDays(day, -5)}T10:00:00+07:00`,
				),
			})
			.where('id', '=', planId)
			.execute()
		const run = await runDailyReminders(db, day)
		await queueDrained(db)
		return run
	}

	test('the reminder received by mail has the approver’s own links; approve decides once at that step, and the kept copy has no links', async () => {
		const { users } = world
		const planId = await submitted()
		const submittedLinks = await linksFor(users.ldld.approver)
		const run = await remindedToday(planId)
		expect(run.reminders.map(r => [r.template, r.userId])).toEqual([
			['approval-waiting', users.ldld.approver.id],
		])
		const { approve, return: back, mail } = await linksFor(users.ldld.approver)
		expect(mail.subject).toContain('đã chờ bạn phê duyệt 5 ngày')
		expect(mail.text).toContain('Phê duyệt')
		expect(mail.text).toContain('Trả lại')
		// New links, for this approver, this plan, its step and version.
		expect([approve, back]).not.toContain(submittedLinks.approve)
		const hash = (t: string) => createHash('sha256').update(t).digest('hex')
		const { version } = (await planState(db, planId))!
		expect(
			await db
				.selectFrom('decision_token')
				.select(['action', 'approver_id', 'step_status', 'plan_version'])
				.where('token_hash', 'in', [hash(approve), hash(back)])
				.orderBy('action')
				.execute(),
		).toEqual(
			(['approve', 'return'] as const).map(action => ({
				action,
				approver_id: users.ldld.approver.id,
				step_status: 'step_1',
				plan_version: version,
			})),
		)
		// Sent: the copy kept for the Outbox, and the in-app notification, cannot decide.
		const kept = await db
			.selectFrom('email_message')
			.select(['status', 'html', 'text', 'props'])
			.where('template', '=', 'approval-waiting')
			.execute()
		expect(kept.map(m => m.status)).toEqual(['sent'])
		expect(JSON.stringify(kept)).not.toContain('/decide/')
		expect(kept[0].html).toContain(`/plans/${planId}`)
		expect(
			JSON.stringify(
				await db.selectFrom('notification').select('params').execute(),
			),
		).not.toContain('/decide/')

		// The same day's run again (a restart): no second email, no new links.
		const tokens = await db.selectFrom('decision_token').select('id').execute()
		expect((await runDailyReminders(db, run.today)).emailsQueued).toBe(0)
		expect(
			await db.selectFrom('decision_token').select('id').execute(),
		).toEqual(tokens)

		// Following the approve link: the confirmation page, then the POST approves at step 1.
		expect((await open(approve)).body).toMatchObject({
			problem: null,
			link: { action: 'approve', approverName: users.ldld.approver.full_name },
			plan: { id: planId, status: 'step_1' },
		})
		expect(await post(approve, { comment: 'Đồng ý.' })).toMatchObject({
			status: 200,
			body: { done: {} },
		})
		expect(await planState(db, planId)).toMatchObject({
			status: 'step_2',
			version: version + 1,
		})
		expect((await events(planId)).at(-1)).toEqual({
			event: 'APPROVE',
			actor_id: users.ldld.approver.id,
			on_behalf_of: null,
			comment: 'Đồng ý.',
		})
		// Once: the reminder's links, and those of the first email for the same round, are used.
		const after = await everything(planId)
		expect(await post(approve)).toEqual({
			status: 409,
			body: { problem: 'used' },
		})
		expect(await post(submittedLinks.approve)).toEqual({
			status: 409,
			body: { problem: 'used' },
		})
		expect(await everything(planId)).toEqual(after)
	})

	test('a reminder’s link for a plan that has since moved on is refused and changes nothing', async () => {
		const { users } = world
		const planId = await submitted()
		await remindedToday(planId)
		const reminder = await linksFor(users.ldld.approver)
		expect(reminder.mail.subject).toContain('đã chờ bạn phê duyệt')

		// Approved on the web meanwhile: the plan waits at the Tỉnh ủy now.
		await sendPlanEvent(db, planId, 'APPROVE', users.ldld.approver)
		const atStep2 = await everything(planId)
		expect(atStep2.plan?.status).toBe('step_2')
		for (const token of [reminder.approve, reminder.return])
			expect(
				await post(token, { comment: 'Đề nghị bổ sung danh sách đoàn.' }),
			).toEqual({ status: 409, body: { problem: 'moved' } })
		expect((await open(reminder.approve)).body).toMatchObject({
			problem: 'moved',
			plan: { status: 'step_2' },
		})
		expect(await everything(planId)).toEqual(atStep2)
	})

	test('a substitute in force is reminded with links of their own, which decide for the approver they stand in for', async () => {
		const { users } = world
		const today = todayIso()
		// The admin (not an approver) stands in for the federation's approver; a drafter of the
		// federation, who is no one's substitute, hears nothing.
		await db.transaction().execute(trx =>
			createSubstitution(
				trx,
				{
					organisationId: world.orgs.ldld.id,
					principalId: users.ldld.approver.id,
					substituteId: users.ldld.admin.id,
					startsOn: today,
					// In force on the first working day from today on, when the reminder is sent.
					endsOn: addDays(today, 14),
					createdBy: users.ldld.approver.id,
				},
				today,
			),
		)
		const planId = await submitted()
		const run = await remindedToday(planId)
		expect(run.reminders.map(r => r.userId).sort()).toEqual(
			[users.ldld.approver.id, users.ldld.admin.id].sort(),
		)
		expect(smtp.to(users.ldld.drafter.email)).toEqual([])
		const own = await linksFor(users.ldld.approver)
		const sub = await linksFor(users.ldld.admin)
		expect(sub.mail.subject).toContain('đã chờ bạn phê duyệt 5 ngày')
		expect(sub.approve).not.toBe(own.approve)
		expect((await open(sub.approve)).body).toMatchObject({
			problem: null,
			link: {
				approverName: users.ldld.admin.full_name,
				onBehalfOf: users.ldld.approver.full_name,
			},
		})
		expect((await post(sub.approve)).status).toBe(200)
		expect((await planState(db, planId))?.status).toBe('step_2')
		expect((await events(planId)).at(-1)).toMatchObject({
			event: 'APPROVE',
			actor_id: users.ldld.admin.id,
			on_behalf_of: users.ldld.approver.id,
		})
	})
})
