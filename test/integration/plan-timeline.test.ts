/**
 * A plan page shows the latest 50 events of a long timeline, says how many there are in all,
 * and shows every one on ?timeline=all; the decision panels still see the events they need.
 */
import { expect, test } from 'vitest'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import { db } from '#db/client.server.ts'
import { queryCounter } from '#db/connect.ts'
import { args, insertPlan, insertPlanWorld, request, sendPlanEvent, sessionCookie, settle } from '../factories.ts'

type Page = {
	events: { event: string; actor_name: string }[]
	olderKeyEvents: { event: string; actor_name: string }[]
	eventsTotal: number
	returned: unknown
	actions: string[]
}

test('a long timeline shows its latest 50 events, the total, and all of them on request', async () => {
	const { users, partner } = await insertPlanWorld(db)
	const { id } = await insertPlan(db, users.ldld.drafter, { partnerId: partner.id, members: 2 })
	await sendPlanEvent(db, id, 'SUBMIT', users.ldld.drafter)
	// 1 + 40 × 3 + 1 = 122 events, ending with the Tỉnh ủy to decide after a return.
	for (let i = 0; i < 40; i++) {
		await sendPlanEvent(db, id, 'APPROVE', users.ldld.approver)
		await sendPlanEvent(db, id, 'RETURN', users.tinhUy.approver, `Lần ${i + 1}: đề nghị bổ sung.`)
		await sendPlanEvent(db, id, 'RESUBMIT', users.ldld.drafter)
	}
	await sendPlanEvent(db, id, 'APPROVE', users.ldld.approver)

	const cookie = await sessionCookie(users.tinhUy.approver.id)
	const load = async (path: string) => {
		const before = queryCounter.count
		const response = await settle(async () => planRoute.loader(args(await request(path, { cookie }), { planId: id }) as never))
		expect(response.status).toBe(200)
		return { page: (await response.json()) as Page, queries: queryCounter.count - before }
	}
	const latest = await load(`/plans/${id}`)
	expect(latest.page.eventsTotal).toBe(122)
	expect(latest.page.events).toHaveLength(50)
	expect(latest.page.events.at(-1)?.event).toBe('APPROVE')
	// The change since the last return and the Tỉnh ủy's decision buttons still work from the latest events.
	expect(latest.page.returned).not.toBeNull()
	expect(latest.page.actions).toEqual(expect.arrayContaining(['APPROVE', 'RETURN', 'REJECT']))

	const all = await load(`/plans/${id}?timeline=all`)
	expect(all.page.events).toHaveLength(122)
	expect(all.page.events[0]?.event).toBe('SUBMIT')
	// Every event is in the timeline: none is sent a second time for the panels.
	expect(all.page.olderKeyEvents).toEqual([])
	expect(all.queries).toBe(latest.queries)
})

test('the chain panel still shows every approval after more than 50 later events', async () => {
	const { users, partner } = await insertPlanWorld(db)
	const { id } = await insertPlan(db, users.ldld.drafter, { partnerId: partner.id, members: 1 })
	await sendPlanEvent(db, id, 'SUBMIT', users.ldld.drafter)
	for (const approver of [users.ldld.approver, users.tinhUy.approver, users.board.approver])
		await sendPlanEvent(db, id, 'APPROVE', approver)
	await sendPlanEvent(db, id, 'DEPART', users.ldld.drafter)
	await sendPlanEvent(db, id, 'COMPLETE_TRIP', users.ldld.drafter)
	// 30 reports returned: 60 events after the approvals, which the timeline's latest 50 leave out.
	for (let i = 0; i < 30; i++) {
		await sendPlanEvent(db, id, 'SUBMIT_REPORT', users.ldld.drafter)
		await sendPlanEvent(db, id, 'RETURN_REPORT', users.board.approver, `Lần ${i + 1}: bổ sung kết quả.`)
	}
	const cookie = await sessionCookie(users.ldld.drafter.id)
	const response = await settle(async () => planRoute.loader(args(await request(`/plans/${id}`, { cookie }), { planId: id }) as never))
	const page = (await response.json()) as Page
	expect(page.events).toHaveLength(50)
	expect(page.events.some(e => e.event === 'APPROVE')).toBe(false)
	expect([...page.olderKeyEvents, ...page.events].filter(e => e.event === 'APPROVE').map(e => e.actor_name)).toEqual(
		[users.ldld.approver, users.tinhUy.approver, users.board.approver].map(u => u.full_name),
	)
})
