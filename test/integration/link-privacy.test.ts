/**
 * Links that act are readable by their recipient alone (issue 15, finding 1), a decision taken
 * through one says so, and nobody decides on what they submitted themselves (finding 6).
 * No SMTP_URL here, the README's default: every email is kept in the database.
 */
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
import * as outboxEmailRoute from '#app/routes/admin.outbox.$emailId.tsx'
import * as outboxRoute from '#app/routes/admin.outbox._index.tsx'
import * as decideRoute from '#app/routes/decide.$token/route.tsx'
import * as forgotRoute from '#app/routes/forgot-password.tsx'
import * as myEmailRoute from '#app/routes/mail.$emailId/route.tsx'
import * as myMailRoute from '#app/routes/mail._index/route.tsx'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import * as reportRoute from '#app/routes/plans.$planId.report/route.tsx'
import { createSubstitution } from '#db/repos/substitution.server.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { applyPlanEvent } from '#workflows/plan/plan.server.ts'
import {
	args,
	insertChain,
	insertPlan,
	insertPlanWorld,
	insertUser,
	planState,
	request,
	sendPlanEvent,
	settle,
} from '../factories.ts'
import { queueDrained, startTestWorker } from '../mail.ts'

let worker: JobWorker
beforeAll(async () => {
	delete process.env.SMTP_URL
	worker = await startTestWorker()
})
afterAll(async () => {
	await worker?.stop()
})
let world: Awaited<ReturnType<typeof insertPlanWorld>>
beforeEach(async () => {
	world = await insertPlanWorld(db)
})
afterEach(() => queueDrained(db))

type User = { id: string }
async function body(response: Response) {
	return {
		status: response.status,
		json: response.status === 200 ? await response.json() : null,
	}
}
const load = async (
	route: { loader: (a: never) => Promise<unknown> },
	path: string,
	user: User | null,
	params: Record<string, string> = {},
) =>
	body(
		await settle(async () =>
			route.loader(
				args(await request(path, user ? { user } : {}), params) as never,
			),
		),
	)

async function decide(
	token: string,
	user: User | null,
	form: Record<string, string> = {},
) {
	const response = await settle(async () =>
		decideRoute.action(
			args(
				await request(`/decide/${token}`, { form, ...(user ? { user } : {}) }),
				{ token },
			) as never,
		),
	)
	return { status: response.status, json: await response.json() }
}

async function mailTo(user: User, template: string) {
	await queueDrained(db)
	return db
		.selectFrom('email_message')
		.selectAll()
		.where('recipient_id', '=', user.id)
		.where('template', '=', template)
		.orderBy('created_at', 'desc')
		.executeTakeFirstOrThrow()
}

/** A plan of the LĐLĐ approved by its own step, now waiting at the Tỉnh ủy. */
async function atTinhUy() {
	const { users } = world
	const plan = await insertPlan(db, users.ldld.drafter, {
		partnerId: world.partner.id,
		members: 2,
	})
	await sendPlanEvent(db, plan.id, 'SUBMIT', users.ldld.drafter)
	await sendPlanEvent(db, plan.id, 'APPROVE', users.ldld.approver)
	return plan.id
}

describe('finding 1: the emailed links of one person', () => {
	test('an admin never sees a live link; the link is refused for a signed-in third person; its recipient reads and uses it', async () => {
		const { users } = world
		const planId = await atTinhUy()
		const email = await mailTo(users.tinhUy.approver, 'plan-submitted')
		expect(email.status).toBe('stored')
		// The rendered copy kept in the database has no link; the props keep it for the recipient.
		expect(`${email.html}${email.text}`).not.toContain('/decide/')
		expect(JSON.stringify(email.props)).toContain('/decide/')

		// The LĐLĐ's admin: the email to the Tỉnh ủy's approver is not theirs to list or open.
		const ldldOutbox = await load(
			outboxRoute,
			'/admin/outbox',
			users.ldld.admin,
		)
		expect(ldldOutbox.json.rows.map((r: { id: string }) => r.id)).not.toContain(
			email.id,
		)
		expect(
			(
				await load(
					outboxEmailRoute,
					`/admin/outbox/${email.id}`,
					users.ldld.admin,
					{ emailId: email.id },
				)
			).status,
		).toBe(404)
		// The LĐLĐ admin does see the emails to the LĐLĐ's own users, without their bodies.
		const ownEmail = await mailTo(
			users.ldld.drafter,
			'plan-step-approved',
		).catch(() => null)
		if (ownEmail)
			expect(ldldOutbox.json.rows.map((r: { id: string }) => r.id)).toContain(
				ownEmail.id,
			)

		// The board's admin sees that it exists, to whom, its subject and status: never a link.
		const boardOutbox = await load(
			outboxRoute,
			'/admin/outbox',
			users.board.admin,
		)
		expect(
			boardOutbox.json.rows.find((r: { id: string }) => r.id === email.id),
		).toMatchObject({
			to_address: users.tinhUy.approver.email,
			status: 'stored',
		})
		const detail = await load(
			outboxEmailRoute,
			`/admin/outbox/${email.id}`,
			users.board.admin,
			{ emailId: email.id },
		)
		expect(detail.status).toBe(200)
		expect(detail.json.email).not.toHaveProperty('html')
		for (const view of [boardOutbox, detail])
			expect(JSON.stringify(view.json)).not.toMatch(/decide|token/i)

		// Only the recipient reads it, with its links, under "Thư của tôi".
		expect(
			(
				await load(myEmailRoute, `/mail/${email.id}`, users.ldld.admin, {
					emailId: email.id,
				})
			).status,
		).toBe(404)
		const list = await load(myMailRoute, '/mail', users.tinhUy.approver)
		expect(list.json.rows.map((r: { id: string }) => r.id)).toContain(email.id)
		const mine = await load(
			myEmailRoute,
			`/mail/${email.id}`,
			users.tinhUy.approver,
			{ emailId: email.id },
		)
		const tokens = [
			...mine.json.email.html.matchAll(/\/decide\/([A-Za-z0-9_-]{43})/g),
		].map(m => m[1])
		expect(tokens).toHaveLength(2)
		const [approve] = tokens

		// The LĐLĐ admin, signed in, opens the link: told it is someone else's; nothing shown, nothing changes.
		const before = await planState(db, planId)
		const opened = await load(
			decideRoute,
			`/decide/${approve}`,
			users.ldld.admin,
			{ token: approve },
		)
		expect(opened.json).toEqual({
			locale: null,
			problem: 'otherUser',
			link: null,
			approverName: users.tinhUy.approver.full_name,
		})
		expect(
			await decide(approve, users.ldld.admin, { comment: 'Đồng ý.' }),
		).toEqual({ status: 409, json: { problem: 'otherUser' } })
		expect(await planState(db, planId)).toEqual(before)

		// Its recipient, signed in, decides; the decision is recorded as taken through the link.
		expect(
			(
				await load(decideRoute, `/decide/${approve}`, users.tinhUy.approver, {
					token: approve,
				})
			).json.problem,
		).toBeNull()
		expect(
			(await decide(approve, users.tinhUy.approver, { comment: 'Đồng ý.' }))
				.status,
		).toBe(200)
		expect(await planState(db, planId)).toMatchObject({
			status: 'step_3',
			version: before!.version + 1,
		})
		const page = await load(planRoute, `/plans/${planId}`, users.ldld.drafter, {
			planId,
		})
		expect(
			page.json.events.map((e: { event: string; via: string }) => [
				e.event,
				e.via,
			]),
		).toEqual([
			['SUBMIT', 'page'],
			['APPROVE', 'page'],
			['APPROVE', 'link'],
		])
	})

	test('a password reset link is in no stored copy and no admin view', async () => {
		const user = await insertUser(db, {
			organisation_id: world.orgs.ldld.id,
			roles: ['drafter'],
		})
		await settle(async () =>
			forgotRoute.action(
				args(
					await request('/forgot-password', { form: { email: user.email } }),
				),
			),
		)
		const email = await mailTo(user, 'password-reset')
		expect(email.status).toBe('stored')
		expect(`${email.html}${email.text}`).not.toContain('reset-password')
		const detail = await load(
			outboxEmailRoute,
			`/admin/outbox/${email.id}`,
			world.users.ldld.admin,
			{ emailId: email.id },
		)
		expect(detail.status).toBe(200)
		expect(JSON.stringify(detail.json)).not.toMatch(/reset-password|token/)
	})
})

describe('finding 6: separation of duties', () => {
	test('whoever submitted a plan cannot approve, return or reject it, on the page, by link or as a substitute', async () => {
		const { users } = world
		// An approver of the LĐLĐ who also drafts, and a drafter standing in for the chairman.
		const both = await insertUser(db, {
			organisation_id: world.orgs.ldld.id,
			roles: ['drafter', 'approver'],
		})
		const plan = await insertPlan(db, both, {
			partnerId: world.partner.id,
			members: 2,
		})
		await sendPlanEvent(db, plan.id, 'SUBMIT', both)
		const before = await planState(db, plan.id)

		const page = await load(planRoute, `/plans/${plan.id}`, both, {
			planId: plan.id,
		})
		expect(page.json.actions).not.toContain('APPROVE')
		expect(page.json.actions).not.toContain('RETURN')
		expect(page.json.ownSubmission).toBe('plan')
		const other = await load(
			planRoute,
			`/plans/${plan.id}`,
			users.ldld.approver,
			{ planId: plan.id },
		)
		expect(other.json.actions).toEqual(
			expect.arrayContaining(['APPROVE', 'RETURN', 'REJECT']),
		)
		expect(other.json.ownSubmission).toBeNull()

		for (const intent of ['APPROVE', 'RETURN', 'REJECT']) {
			const response = await settle(async () =>
				planRoute.action(
					args(
						await request(`/plans/${plan.id}`, {
							user: both,
							form: {
								intent,
								version: String(before!.version),
								comment: 'Tự duyệt.',
							},
						}),
						{ planId: plan.id },
					) as never,
				),
			)
			expect(response.status).toBe(403)
			expect((await response.json()).errors).toEqual(['plan.ownSubmission'])
		}
		expect(await planState(db, plan.id)).toEqual(before)

		// The "waiting for you" email reached them as an approver; its link says why it cannot decide.
		const email = await mailTo(both, 'plan-submitted')
		const approve = (
			email.props as { decidePaths: { approve: string } }
		).decidePaths.approve
			.split('/')
			.at(-1)!
		expect(
			(await load(decideRoute, `/decide/${approve}`, null, { token: approve }))
				.json.problem,
		).toBe('ownSubmission')
		expect(await decide(approve, null, { comment: '' })).toEqual({
			status: 409,
			json: { problem: 'ownSubmission' },
		})
		expect(await planState(db, plan.id)).toEqual(before)

		// Resubmitted by a drafter who stands in for the chairman: they may not approve it as his substitute.
		await sendPlanEvent(db, plan.id, 'RETURN', users.ldld.approver)
		const drafter = users.ldld.drafter
		await db
			.transaction()
			.execute(trx =>
				createSubstitution(
					trx,
					{
						organisationId: world.orgs.ldld.id,
						principalId: users.ldld.approver.id,
						substituteId: drafter.id,
						startsOn: todayIso(),
						endsOn: todayIso(),
						createdBy: users.ldld.approver.id,
					},
					todayIso(),
				),
			)
		await sendPlanEvent(db, plan.id, 'RESUBMIT', drafter)
		const resubmitted = await planState(db, plan.id)
		const asSubstitute = await load(planRoute, `/plans/${plan.id}`, drafter, {
			planId: plan.id,
		})
		expect(asSubstitute.json.actions).not.toContain('APPROVE')
		expect(asSubstitute.json.ownSubmission).toBe('plan')
		const response = await settle(async () =>
			planRoute.action(
				args(
					await request(`/plans/${plan.id}`, {
						user: drafter,
						form: { intent: 'APPROVE', version: String(resubmitted!.version) },
					}),
					{ planId: plan.id },
				) as never,
			),
		)
		expect(response.status).toBe(403)
		expect(await planState(db, plan.id)).toEqual(resubmitted)
		// Whoever submitted first may decide now that someone else sent it up last.
		await sendPlanEvent(db, plan.id, 'APPROVE', both)
		expect((await planState(db, plan.id))!.status).toBe('step_2')
	})

	test('whoever filed a post-trip report cannot acknowledge or return it', async () => {
		// A chain of the organisation alone: its own approvers receive the report.
		const org = world.orgs.otherFed
		await insertChain(db, org.id, [org.id])
		const both = await insertUser(db, {
			organisation_id: org.id,
			roles: ['drafter', 'approver'],
		})
		const approver = world.users.otherFed.approver
		const plan = await insertPlan(db, both, {
			partnerId: world.partner.id,
			members: 1,
		})
		await sendPlanEvent(db, plan.id, 'SUBMIT', world.users.otherFed.drafter)
		await sendPlanEvent(db, plan.id, 'APPROVE', approver)
		for (const type of ['DEPART', 'COMPLETE_TRIP', 'SUBMIT_REPORT'] as const)
			await sendPlanEvent(db, plan.id, type, both)
		const before = await planState(db, plan.id)
		expect(before!.status).toBe('report_submitted')

		const page = await load(reportRoute, `/plans/${plan.id}/report`, both, {
			planId: plan.id,
		})
		expect(page.json.decisions).toEqual([])
		expect(page.json.ownReport).toBe(true)
		expect(
			(
				await load(reportRoute, `/plans/${plan.id}/report`, approver, {
					planId: plan.id,
				})
			).json.decisions,
		).toEqual(['ACKNOWLEDGE_REPORT', 'RETURN_REPORT'])

		const actor = { userId: both.id, organisationId: org.id, roles: both.roles }
		for (const event of [
			{ type: 'ACKNOWLEDGE_REPORT', actor },
			{ type: 'RETURN_REPORT', actor, comment: 'Tự trả lại.' },
		] as const)
			expect(
				await db
					.transaction()
					.execute(trx =>
						applyPlanEvent(trx, {
							planId: plan.id,
							expectedVersion: before!.version,
							event,
						}),
					),
			).toEqual({ status: 'own_submission', kind: 'report' })
		const response = await settle(async () =>
			reportRoute.action(
				args(
					await request(`/plans/${plan.id}/report`, {
						user: both,
						form: {
							intent: 'ACKNOWLEDGE_REPORT',
							version: String(before!.version),
						},
					}),
					{ planId: plan.id },
				) as never,
			),
		)
		expect(response.status).toBeGreaterThanOrEqual(400)
		expect(await planState(db, plan.id)).toEqual(before)
		await sendPlanEvent(db, plan.id, 'ACKNOWLEDGE_REPORT', approver)
		expect((await planState(db, plan.id))!.status).toBe('closed')
	})
})
