import { beforeEach, describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import * as notificationsRoute from '#app/routes/notifications.tsx'
import { loader as rootLoader } from '#app/root.tsx'
import { args, insertPlan, insertPlanWorld, request, sendPlanEvent, sessionCookie, settle } from '../factories.ts'

// The bell: the unread count every page shows (root loader), the list, and marking read.

let world: Awaited<ReturnType<typeof insertPlanWorld>>
beforeEach(async () => {
	world = await insertPlanWorld(db)
})

async function unread(cookie: string) {
	const response = await settle(async () => rootLoader(args(await request('/', { cookie })) as never))
	expect(response.status).toBe(200)
	return (await response.json()).user.unread as number
}

async function list(cookie: string) {
	const response = await settle(async () => notificationsRoute.loader(args(await request('/notifications', { cookie })) as never))
	expect(response.status).toBe(200)
	return (await response.json()) as { rows: { id: string; plan_id: string; kind: string; read_at: string | null }[]; total: number }
}

async function post(cookie: string, form: Record<string, string>) {
	return settle(async () => notificationsRoute.action(args(await request('/notifications', { cookie, form })) as never))
}

async function submitPlan() {
	const plan = await insertPlan(db, world.users.ldld.drafter, { partnerId: world.partner.id })
	await sendPlanEvent(db, plan.id, 'SUBMIT', world.users.ldld.drafter)
	return plan
}

describe('the unread count', () => {
	test('goes up when a plan is submitted to you, and down when you open the notification or mark all read', async () => {
		const { users } = world
		const approver = await sessionCookie(users.ldld.approver.id)
		const drafter = await sessionCookie(users.ldld.drafter.id)
		expect(await unread(approver)).toBe(0)

		const first = await submitPlan()
		expect(await unread(approver)).toBe(1)
		const second = await submitPlan()
		const third = await submitPlan()
		expect(await unread(approver)).toBe(3)
		// Nobody else was told.
		expect(await unread(drafter)).toBe(0)
		expect(await unread(await sessionCookie(users.tinhUy.approver.id))).toBe(0)

		// Opening one leads to its plan and marks it read.
		const { rows } = await list(approver)
		expect(rows.map(r => [r.plan_id, r.kind, r.read_at])).toEqual([
			[third.id, 'plan-submitted', null],
			[second.id, 'plan-submitted', null],
			[first.id, 'plan-submitted', null],
		])
		const opened = await post(approver, { intent: 'open', id: rows[2].id })
		expect(opened.status).toBe(302)
		expect(opened.headers.get('Location')).toBe(`/plans/${first.id}`)
		expect(await unread(approver)).toBe(2)
		// Opening it again still leads there and changes nothing.
		expect((await post(approver, { intent: 'open', id: rows[2].id })).headers.get('Location')).toBe(`/plans/${first.id}`)
		expect(await unread(approver)).toBe(2)

		// The approver decides on the first plan: the drafter is told.
		await sendPlanEvent(db, first.id, 'APPROVE', users.ldld.approver)
		expect(await unread(drafter)).toBe(1)

		const all = await post(approver, { intent: 'read-all' })
		expect(all.status).toBe(302)
		expect(all.headers.get('Location')).toBe('/notifications')
		expect(await unread(approver)).toBe(0)
		expect((await list(approver)).rows.every(r => r.read_at !== null)).toBe(true)
		// Marking all read is one's own only.
		expect(await unread(drafter)).toBe(1)
	})

	test("another user's notification cannot be marked read, nor followed", async () => {
		const { users } = world
		const plan = await submitPlan()
		const approver = await sessionCookie(users.ldld.approver.id)
		const [theirs] = (await list(approver)).rows
		const intruder = await sessionCookie(users.otherFed.approver.id)

		const response = await post(intruder, { intent: 'open', id: theirs.id })
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/notifications')
		expect(response.headers.get('Location')).not.toContain(plan.id)
		expect(await unread(approver)).toBe(1)
		expect((await db.selectFrom('notification').select('read_at').where('id', '=', theirs.id).executeTakeFirstOrThrow()).read_at).toBeNull()
		// Nor does "mark all read" by someone else touch it, and a made-up id is harmless.
		await post(intruder, { intent: 'read-all' })
		await post(intruder, { intent: 'open', id: 'not-a-uuid' })
		expect(await unread(approver)).toBe(1)
		expect((await list(intruder)).total).toBe(0)
	})

	test('signed out, the notification pages send you to sign in', async () => {
		const loader = await settle(async () => notificationsRoute.loader(args(await request('/notifications')) as never))
		expect(loader.status).toBe(302)
		expect(loader.headers.get('Location')).toMatch(/^\/login/)
		const action = await settle(async () => notificationsRoute.action(args(await request('/notifications', { form: { intent: 'read-all' } })) as never))
		expect(action.status).toBe(302)
		expect(action.headers.get('Location')).toMatch(/^\/login/)
	})
})
