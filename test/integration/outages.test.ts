import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { messageIdFor } from '#app/utils/email.server.ts'
import { localeCookie } from '#app/utils/locale.server.ts'
import { createDb, type Db } from '#db/connect.ts'
import { insertPlan, insertPlanWorld, sendPlanEvent } from '../factories.ts'
import { eventually, queuedJobs, type SmtpServer, startSmtpServer } from '../mail.ts'
import {
	buildApp,
	type NodeProcess,
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
	const t0 = Date.now()
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

	console.log('world', Date.now() - t0)
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
	console.log('outage over', Date.now() - t0)
	await eventually(async () => (await page('/login')).status === 200, { timeout: 10_000, interval: 100 })
	expect(Date.now() - startedAt).toBeLessThan(10_000)
	await Promise.all(after.map(p => submitAndApprove(db, world, p.id)))
	console.log('after', Date.now() - t0)
	await everyEmailOnce(db, smtp, 30_000)
	console.log('delivered', Date.now() - t0)
	expect(app.exited(), app.output()).toBe(false)
	expect(worker.exited(), worker.output()).toBe(false)
	expect(app.output() + worker.output()).not.toMatch(/Unhandled|TypeError|\n\s+at /)
}, 120_000)
