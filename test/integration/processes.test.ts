import { readFileSync } from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { messageIdFor } from '#workflows/notify/email.server.ts'
import { localeCookie } from '#app/utils/locale.server.ts'
import { createDb, type Db } from '#db/connect.ts'
import { db as fileDb } from '#db/client.server.ts'
import { type PlanEvent, type PlanEventType } from '#workflows/plan/plan.machine.ts'
import { applyPlanEvent, type PlanFieldChanges } from '#workflows/plan/plan.server.ts'
import { insertPlan, insertPlanWorld, sendPlanEvent } from '../factories.ts'
import { eventually, queuedJobs, type SmtpServer, startSmtpServer } from '../mail.ts'
import {
	alive,
	buildApp,
	type NodeProcess,
	postmasterPid,
	startApp,
	startCluster,
	startWorkerProcess,
	tempDir,
} from '../processes.ts'

// The app and its job workers as real processes (node --import tsx server.ts, npm run worker)
// while their PostgreSQL is killed, stopped and started again, or shared by several of them.

type World = Awaited<ReturnType<typeof insertPlanWorld>>
const cleanups: (() => unknown)[] = []

beforeAll(() => buildApp(), 120_000)
afterAll(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup()
})

function track<T extends { stop: () => unknown }>(thing: T) {
	cleanups.push(() => thing.stop())
	return thing
}

/** Plans of LĐLĐ tỉnh Quảng Trị, each then submitted and approved at its first step (about 4 emails a plan). */
async function plans(db: Db, world: World, n: number) {
	const owner = world.users.ldld.drafter
	return Promise.all(
		Array.from({ length: n }, () => insertPlan(db as never, owner, { partnerId: world.partner.id })),
	)
}
async function submitAndApprove(db: Db, world: World, planId: string) {
	await sendPlanEvent(db as never, planId, 'SUBMIT', world.users.ldld.drafter)
	await sendPlanEvent(db as never, planId, 'APPROVE', world.users.ldld.approver)
}

/** Every stored message has gone by SMTP, and the SMTP server received each exactly once. */
async function everyEmailOnce(db: Db, smtp: SmtpServer, timeout: number) {
	await eventually(
		async () => {
			const [{ pending }] = (
				await sql<{ pending: number }>`SELECT count(*)::int AS pending FROM email_message WHERE status <> 'sent'`.execute(db)
			).rows
			return pending === 0 && (await queuedJobs(db)).length === 0
		},
		{ timeout, interval: 200 },
	)
	const rows = await db.selectFrom('email_message').select('id').execute()
	expect(rows.length).toBeGreaterThan(0)
	expect(smtp.received.map(m => m.messageId).sort()).toEqual(rows.map(r => messageIdFor(r.id)).sort())
}

test('PostgreSQL stopped and started again under a running app and worker: a 503 page meanwhile, recovery by themselves, every email once', async () => {
	const { dir, remove } = tempDir('outage-')
	cleanups.push(remove)
	const cluster = track(await startCluster(dir))
	const smtp = await startSmtpServer()
	cleanups.push(() => smtp.close())
	const env = { DATABASE_URL: cluster.url, SMTP_URL: smtp.url }
	const app: NodeProcess & { baseUrl: string } = track(await startApp(env))
	const worker = track(await startWorkerProcess(env))
	const db = createDb(cluster.url, { max: 4 })
	cleanups.push(() => db.destroy())
	const world = await insertPlanWorld(db as never)
	const [before, around, after] = [await plans(db, world, 3), await plans(db, world, 3), await plans(db, world, 3)]

	await Promise.all(before.map(p => submitAndApprove(db, world, p.id)))
	// Transitions committed just before the outage, their emails still on their way when it starts:
	// the SMTP server holds them until PostgreSQL is down, then accepts them.
	smtp.hold()
	await Promise.all(around.map(p => submitAndApprove(db, world, p.id)))
	await eventually(() => smtp.held >= 2, { timeout: 15_000 })
	await cluster.stop()
	const stoppedAt = Date.now()
	smtp.release({ accept: true })

	const page = (path: string, headers: Record<string, string> = {}) => {
		const started = Date.now()
		return fetch(`${app.baseUrl}${path}`, { headers, redirect: 'manual' }).then(async response => ({
			status: response.status,
			text: await response.text(),
			ms: Date.now() - started,
		}))
	}
	// The first request to find the database gone may still fail as it would; the next ones get the page.
	await eventually(async () => (await page('/plans', { cookie: 'session=x' })).status === 503, { timeout: 5000, interval: 100 })
	const english = `${await localeCookie.serialize('en')}; session=x`
	do {
		const vi = await page('/plans', { cookie: 'session=x' })
		expect(vi.status).toBe(503)
		expect(vi.text).toContain('Tạm thời gián đoạn')
		expect(vi.ms).toBeLessThan(2000)
		expect((await page('/login', { 'accept-language': 'en-GB,en;q=0.9' })).text).toContain('Temporarily unavailable')
		expect((await page('/', { cookie: english })).text).toContain('Temporarily unavailable')
		await new Promise(resolve => setTimeout(resolve, 500))
	} while (Date.now() - stoppedAt < 8000)

	await cluster.start()
	const startedAt = Date.now()
	await eventually(async () => (await page('/login')).status === 200, { timeout: 10_000, interval: 100 })
	expect(Date.now() - startedAt).toBeLessThan(10_000)
	await Promise.all(after.map(p => submitAndApprove(db, world, p.id)))
	await everyEmailOnce(db, smtp, 30_000)
	expect(app.exited(), app.output()).toBe(false)
	expect(worker.exited(), worker.output()).toBe(false)
	expect(app.output() + worker.output()).not.toMatch(/Unhandled|TypeError|\n\s+at /)
}, 120_000)

test('the app and its database SIGKILLed during concurrent transitions: after a restart every queued email arrives exactly once within 60 s', async () => {
	const { dir, remove } = tempDir('crash-')
	cleanups.push(remove)
	const smtp = await startSmtpServer()
	cleanups.push(() => smtp.close())
	// The embedded default: the app starts its own PostgreSQL in DATA_DIR.
	const env = { DATABASE_URL: '', DATA_DIR: dir, SMTP_URL: smtp.url }
	const first = await startApp(env)
	cleanups.push(() => first.stop())
	const port = readFileSync(path.join(dir, 'port'), 'utf8').trim()
	const db = createDb(`postgres://postgres:postgres@127.0.0.1:${port}/app`, { max: 6 })
	cleanups.push(() => db.destroy())
	const world = await insertPlanWorld(db as never)
	const all = await plans(db, world, 12)

	const transitions = Promise.allSettled(all.map(p => submitAndApprove(db, world, p.id)))
	await eventually(() => smtp.received.length >= 3, { timeout: 30_000 })
	// Both of the worker's slots inside SMTP, waiting for the server's answer, when it all dies.
	smtp.hold()
	await eventually(() => smtp.held >= 2, { timeout: 30_000 })
	const postmaster = postmasterPid(path.join(dir, 'pg'))
	first.kill('SIGKILL')
	try {
		process.kill(postmaster, 'SIGKILL')
	} catch {}
	await transitions
	await eventually(() => first.exited() && !alive(postmaster), { timeout: 10_000 })
	smtp.release({ accept: false })

	const restartedAt = Date.now()
	track(await startApp(env))
	await everyEmailOnce(db, smtp, 60_000)
	expect(Date.now() - restartedAt).toBeLessThan(60_000)
}, 150_000)

/** Sends an event as `user`, with the columns it sets (trip dates); throws unless accepted. */
async function act(db: Db, planId: string, type: PlanEventType, user: World['users']['ldld']['drafter'], changes: PlanFieldChanges) {
	const { version } = await db.selectFrom('plan').select('version').where('id', '=', planId).executeTakeFirstOrThrow()
	const actor = { userId: user.id, organisationId: user.organisation_id, roles: user.roles }
	const result = await db
		.transaction()
		.execute(trx => applyPlanEvent(trx, { planId, expectedVersion: version, event: { type, actor } as PlanEvent, changes }))
	if (result.status !== 'ok') throw new Error(`${type} was refused: ${result.status}`)
}

test('two web processes (RUN_WORKER=false) and two workers on one database: the daily reminders and every email run exactly once', async () => {
	const smtp = await startSmtpServer()
	cleanups.push(() => smtp.close())
	// This test file's database on the test server, with the app's migrations.
	const env = { DATABASE_URL: process.env.DATABASE_URL!, SMTP_URL: smtp.url }
	await Promise.all([
		startApp({ ...env, RUN_WORKER: 'false' }).then(track),
		startApp({ ...env, RUN_WORKER: 'false' }).then(track),
	])
	await Promise.all([startWorkerProcess(env).then(track), startWorkerProcess(env).then(track)])
	const db = fileDb
	const world = await insertPlanWorld(db as never)
	const { users } = world
	// A trip back on 10/03/2027 whose report is due on 25/03: the run of 22/03 reminds the drafter.
	const [trip, ...others] = await plans(db, world, 6)
	await sendPlanEvent(db as never, trip.id, 'SUBMIT', users.ldld.drafter)
	for (const approver of [users.ldld.approver, users.tinhUy.approver, users.board.approver])
		await sendPlanEvent(db as never, trip.id, 'APPROVE', approver)
	await act(db, trip.id, 'DEPART', users.ldld.drafter, { departed_on: '2027-03-05' })
	await act(db, trip.id, 'COMPLETE_TRIP', users.ldld.drafter, { returned_on: '2027-03-10', report_due_on: '2027-03-25' })
	await Promise.all(others.map(p => submitAndApprove(db, world, p.id)))
	// The day's job added twice at the same moment (as two schedulers might), from two connections.
	const job = sql`SELECT graphile_worker.add_job('daily_reminders', json_build_object('_cron', json_build_object('ts', '2027-03-22T01:00:00.000Z')))`
	const second = createDb(process.env.DATABASE_URL!, { max: 1 })
	cleanups.push(() => second.destroy())
	await Promise.all([job.execute(db), job.execute(second)])

	await eventually(
		async () => !(await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker.jobs`.execute(db)).rows[0].n,
		{ timeout: 30_000, interval: 200 },
	)
	await everyEmailOnce(db, smtp, 30_000)
	const reminders = smtp.received.filter(m => m.subject.includes('đến hạn báo cáo'))
	expect(reminders.map(m => m.recipients)).toEqual([[users.ldld.drafter.email]])

}, 120_000)
