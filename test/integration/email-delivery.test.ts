import { type JobWorker } from '#workflows/worker/worker.server.ts'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { db } from '#db/client.server.ts'
import { EMAIL_MAX_ATTEMPTS, enqueueEmail } from '#db/repos/notification.server.ts'
import * as outboxEmailRoute from '#app/routes/admin.outbox.$emailId.tsx'
import * as outboxRoute from '#app/routes/admin.outbox._index.tsx'
import { notifyPlanEvent } from '#workflows/notify/plan-notify.server.ts'
import { type PlanEvent } from '#workflows/plan/plan.machine.ts'
import { applyPlanEvent } from '#workflows/plan/plan.server.ts'
import { args, insertPlan, insertPlanWorld, request, sendPlanEvent, settle } from '../factories.ts'
import { eventually, queueDrained, queuedJobs, type SmtpServer, sleep, startSmtpServer, startTestWorker } from '../mail.ts'

// The queue's promises: a rolled-back transition sends nothing, a committed one is sent exactly
// once even if no worker was running when it committed, a refusing SMTP server is retried with
// backoff, and a message that never got through is marked failed, shown to admins and resent.

let smtp: SmtpServer
let worker: JobWorker | null = null
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
	smtp.refuse(0)
	world = await insertPlanWorld(db)
})
afterEach(async () => {
	// Every test leaves a running worker and an empty queue behind, so nothing spills into the next.
	smtp.refuse(0)
	worker ??= await startTestWorker()
	await queueDrained(db, { hurry: true })
})

async function messages() {
	return db.selectFrom('email_message').select(['id', 'to_address', 'template', 'status', 'attempts', 'last_error', 'sent_at']).orderBy('created_at').execute()
}

async function draftPlan() {
	return insertPlan(db, world.users.ldld.drafter, { partnerId: world.partner.id })
}

/** Submits a plan of LĐLĐ tỉnh Quảng Trị: one message, to the federation's approver. */
async function submitPlan() {
	const plan = await draftPlan()
	await sendPlanEvent(db, plan.id, 'SUBMIT', world.users.ldld.drafter)
	return plan
}

/** Worker failures are logged through console.error by design; collects them for the test to check. */
function expectWorkerErrors() {
	const logged: string[] = []
	vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void logged.push(parts.map(String).join(' ')))
	return logged
}

describe('in the transition’s transaction', () => {
	test('a transition rolled back leaves no message, no job and sends nothing', async () => {
		const { users } = world
		const plan = await draftPlan()
		const actor = { userId: users.ldld.drafter.id, organisationId: users.ldld.drafter.organisation_id, roles: users.ldld.drafter.roles }
		await expect(
			db.transaction().execute(async trx => {
				const result = await applyPlanEvent(trx, { planId: plan.id, expectedVersion: plan.version, event: { type: 'SUBMIT', actor } as PlanEvent })
				expect(result).toEqual({ status: 'ok', to: 'step_1' })
				// Inside the transaction the message and its job exist …
				expect(await trx.selectFrom('email_message').select('id').execute()).toHaveLength(1)
				expect((await queuedJobs(trx)).map(j => j.task_identifier)).toEqual(['send_email'])
				throw new Error('something after the transition failed')
			}),
		).rejects.toThrow('something after the transition failed')

		// … and with the rollback they are gone, and the worker, which is running, has nothing to send.
		expect(await messages()).toEqual([])
		expect(await db.selectFrom('notification').select('id').execute()).toEqual([])
		expect(await queuedJobs(db)).toEqual([])
		expect((await db.selectFrom('plan').select('status').where('id', '=', plan.id).executeTakeFirstOrThrow()).status).toBe('drafting')
		await sleep(300)
		expect(smtp.received).toEqual([])

		// The same transition committed is sent.
		await sendPlanEvent(db, plan.id, 'SUBMIT', users.ldld.drafter)
		await queueDrained(db)
		expect(smtp.received.map(m => m.recipients)).toEqual([[users.ldld.approver.email]])
	})

	test('committed while no worker runs, the message waits in the queue and a new worker sends it exactly once', async () => {
		const { users } = world
		// The process running the worker goes away …
		await worker!.stop()
		worker = null
		// … and a plan is submitted: the transaction commits the message and its job.
		await submitPlan()
		const [message] = await messages()
		expect(message).toMatchObject({ to_address: users.ldld.approver.email, status: 'queued', attempts: 0 })
		expect(await queuedJobs(db)).toMatchObject([{ task_identifier: 'send_email', key: `email:${message.id}`, attempts: 0, max_attempts: EMAIL_MAX_ATTEMPTS }])
		await sleep(200)
		expect(smtp.received).toEqual([])

		// A worker starts again (say the app restarted): the message leaves, once.
		worker = await startTestWorker()
		await queueDrained(db)
		expect(smtp.received.map(m => m.recipients)).toEqual([[users.ldld.approver.email]])
		expect(await messages()).toMatchObject([{ id: message.id, status: 'sent', attempts: 1, last_error: null }])
		// A second worker alongside finds nothing left to send.
		const second = await startTestWorker()
		await sleep(300)
		await second.stop()
		expect(smtp.received).toHaveLength(1)
	})

	test('the same event cannot mail a person twice, however often it is enqueued', async () => {
		const { users } = world
		const plan = await submitPlan()
		await queueDrained(db)
		expect(smtp.received).toHaveLength(1)
		const event = await db.selectFrom('plan_event').selectAll().where('plan_id', '=', plan.id).executeTakeFirstOrThrow()
		const steps = await db
			.selectFrom('chain_step')
			.select(['organisation_id', 'label_vi', 'label_en'])
			.where('chain_id', '=', world.chains.ldld.id)
			.orderBy('position')
			.execute()

		// The event's notifications are replayed in full, twice in one transaction and once more in another.
		const replay = () => notifyPlanEvent(db, { eventId: event.id, planId: plan.id, event: 'SUBMIT', from: 'drafting', to: 'step_1', comment: null, steps })
		await db.transaction().execute(async trx => {
			await notifyPlanEvent(trx, { eventId: event.id, planId: plan.id, event: 'SUBMIT', from: 'drafting', to: 'step_1', comment: null, steps })
			await notifyPlanEvent(trx, { eventId: event.id, planId: plan.id, event: 'SUBMIT', from: 'drafting', to: 'step_1', comment: null, steps })
		})
		await replay()
		// And one message enqueued twice under the same key.
		const again = { recipient_id: users.ldld.approver.id, to_address: users.ldld.approver.email, template: 'plan-submitted', props: {}, dedupe_key: `plan-event:${event.id}:${users.ldld.approver.id}` }
		expect(await enqueueEmail(db, again)).toBeNull()
		const fresh = { ...again, template: 'account-created', props: { email: users.ldld.approver.email, organisationName: 'LĐLĐ tỉnh Quảng Trị', roles: ['approver'] }, dedupe_key: 'test:twice' }
		const first = await enqueueEmail(db, fresh)
		expect(first).not.toBeNull()
		expect(await enqueueEmail(db, fresh)).toBeNull()

		await queueDrained(db)
		await sleep(200)
		expect(smtp.received.map(m => m.subject)).toEqual([
			'[Đối ngoại] Kế hoạch "Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)" chờ bạn phê duyệt',
			'[Đối ngoại] Tài khoản của bạn đã được tạo',
		])
		expect((await messages()).map(m => m.template)).toEqual(['plan-submitted', 'account-created'])
		expect(await db.selectFrom('notification').select('user_id').execute()).toEqual([{ user_id: users.ldld.approver.id }])
	})
})

describe('when the SMTP server refuses', () => {
	test('for a while: retried with backoff and delivered once it accepts', async () => {
		const logged = expectWorkerErrors()
		smtp.refuse(2)
		await submitPlan()

		// The first try fails at once; graphile-worker schedules the retry seconds later.
		const failedOnce = await eventually(async () => (await queuedJobs(db)).find(j => j.attempts === 1 && j.last_error && !j.locked_at))
		expect(failedOnce.last_error).toContain('Máy chủ thư tạm thời không nhận thư')
		const [waiting] = await messages()
		expect(waiting).toMatchObject({ status: 'queued', attempts: 1 })
		expect(waiting.last_error).toContain('451')

		// Skip the waits between tries: the third try gets through.
		await queueDrained(db, { hurry: true })
		expect(smtp.refused).toBe(2)
		expect(smtp.received.map(m => m.recipients)).toEqual([[world.users.ldld.approver.email]])
		expect(await messages()).toMatchObject([{ status: 'sent', attempts: 3, last_error: null }])
		expect(logged.filter(l => l.includes('Failed task'))).toHaveLength(2)
	})

	test('for good: marked failed after the last try, shown in the outbox, and resent when SMTP accepts again', async () => {
		const { users } = world
		const logged = expectWorkerErrors()
		smtp.refuse(Infinity)
		await submitPlan()

		await queueDrained(db, { hurry: true, timeout: 20_000 })
		expect(smtp.refused).toBe(EMAIL_MAX_ATTEMPTS)
		expect(smtp.received).toEqual([])
		const [failed] = await messages()
		expect(failed).toMatchObject({ to_address: users.ldld.approver.email, status: 'failed', attempts: EMAIL_MAX_ATTEMPTS, sent_at: null })
		expect(failed.last_error).toContain('Máy chủ thư tạm thời không nhận thư')
		expect(logged.filter(l => l.includes('Failed task'))).toHaveLength(EMAIL_MAX_ATTEMPTS - 1)
		expect(logged.filter(l => l.includes(`email ${failed.id} failed for good`))).toHaveLength(1)
		// No job is left to try again on its own.
		await sleep(200)
		expect(smtp.refused).toBe(EMAIL_MAX_ATTEMPTS)

		// The board's admin and the federation's admin see it failed, with the error; another federation's admin does not see it.
		for (const admin of [users.board.admin, users.ldld.admin]) {
			const list = await settle(async () => outboxRoute.loader(args(await request('/admin/outbox?status=failed', { user: admin }))))
			expect(list.status).toBe(200)
			const { rows, total } = await list.json()
			expect(total).toBe(1)
			expect(rows[0]).toMatchObject({ id: failed.id, to_address: users.ldld.approver.email, template: 'plan-submitted', status: 'failed', attempts: EMAIL_MAX_ATTEMPTS })
			expect(rows[0].last_error).toContain('Máy chủ thư tạm thời không nhận thư')
		}
		const page = await settle(async () => outboxEmailRoute.loader(args(await request(`/admin/outbox/${failed.id}`, { user: users.board.admin }), { emailId: failed.id })))
		expect((await page.json()).email).toMatchObject({ id: failed.id, status: 'failed', last_error: failed.last_error })
		const elsewhere = await settle(async () => outboxRoute.loader(args(await request('/admin/outbox?status=failed', { user: users.otherFed.admin }))))
		expect((await elsewhere.json()).total).toBe(0)
		const notTheirs = await settle(async () => outboxRoute.action(args(await request('/admin/outbox', { user: users.otherFed.admin, form: { id: failed.id } }))))
		expect(notTheirs.status).toBe(409)
		expect(await queuedJobs(db)).toEqual([])

		// SMTP accepts again; the federation's admin presses "gửi lại".
		smtp.refuse(0)
		const resend = await settle(async () => outboxRoute.action(args(await request('/admin/outbox?status=failed', { user: users.ldld.admin, form: { id: failed.id } }))))
		expect(resend.status).toBe(302)
		expect(resend.headers.get('Location')).toBe('/admin/outbox?status=failed')
		await queueDrained(db)
		expect(smtp.received.map(m => m.recipients)).toEqual([[users.ldld.approver.email]])
		expect(smtp.received[0].subject).toBe('[Đối ngoại] Kế hoạch "Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)" chờ bạn phê duyệt')
		expect(await messages()).toMatchObject([{ id: failed.id, status: 'sent', last_error: null }])

		// A message that did not fail cannot be resent.
		const twice = await settle(async () => outboxRoute.action(args(await request('/admin/outbox', { user: users.ldld.admin, form: { id: failed.id } }))))
		expect(twice.status).toBe(409)
		await sleep(200)
		expect(smtp.received).toHaveLength(1)
	})
})
