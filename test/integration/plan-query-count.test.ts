/**
 * The plan list, the inbox and the plan page run a fixed number of SQL queries, however many
 * plans, members and events there are: counted with `queryCounter` (every query any Kysely
 * instance runs) around each loader call, once with 1 plan / 1 member / 2 events and once
 * with 30 plans / 25 members each / 20+ events on one plan.
 */
import { expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { queryCounter } from '#db/connect.ts'
import * as inboxRoute from '#app/routes/inbox.tsx'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import * as plansRoute from '#app/routes/plans._index.tsx'
import { args, insertPlan, insertPlanWorld, request, sendPlanEvent, sessionCookie, settle } from '../factories.ts'

type World = Awaited<ReturnType<typeof insertPlanWorld>>
type Loader = (a: never) => Promise<unknown>

/** Queries one loader call runs (the request is built first: a Cookie header costs none). */
async function queries(loader: Loader, path: string, cookie: string, params: Record<string, string> = {}) {
	const req = await request(path, { cookie })
	const before = queryCounter.count
	const response = await settle(() => loader(args(req, params) as never))
	const count = queryCounter.count - before
	expect(response.status).toBe(200)
	return { count, body: (await response.json()) as Record<string, unknown> }
}

/** A complete plan of the world's LĐLĐ with `members` named members, submitted and approved to the Tỉnh ủy (2 events). */
async function planAtTinhUy(world: World, members: number) {
	const { users, partner } = world
	const { id } = await insertPlan(db, users.ldld.drafter, { partnerId: partner.id, members })
	await sendPlanEvent(db, id, 'SUBMIT', users.ldld.drafter)
	await sendPlanEvent(db, id, 'APPROVE', users.ldld.approver)
	return id
}

/** Returned by the Tỉnh ủy, resubmitted and approved again, `times` times (3 events each). */
async function returnCycles(world: World, planId: string, times: number) {
	const { users } = world
	for (let i = 0; i < times; i++) {
		await sendPlanEvent(db, planId, 'RETURN', users.tinhUy.approver, `Lần ${i + 1}: đề nghị bổ sung.`)
		await sendPlanEvent(db, planId, 'RESUBMIT', users.ldld.drafter)
		await sendPlanEvent(db, planId, 'APPROVE', users.ldld.approver)
	}
}

async function eventCount(planId: string) {
	return (await db.selectFrom('plan_event').select('id').where('plan_id', '=', planId).execute()).length
}

async function measure(world: World, plans: { page: string; pageWithDiff?: string }) {
	const cookies = {
		drafter: await sessionCookie(world.users.ldld.drafter.id),
		tinhUy: await sessionCookie(world.users.tinhUy.approver.id),
		board: await sessionCookie(world.users.board.approver.id),
	}
	const list = await queries(plansRoute.loader, '/plans', cookies.drafter)
	const boardList = await queries(plansRoute.loader, '/plans?status=pending', cookies.board)
	const inbox = await queries(inboxRoute.loader, '/inbox', cookies.tinhUy)
	const page = await queries(planRoute.loader, `/plans/${plans.page}`, cookies.tinhUy, { planId: plans.page })
	return {
		counts: { list: list.count, boardList: boardList.count, inbox: inbox.count, page: page.count },
		rows: { list: list.body.total, inbox: inbox.body.total },
		page: page.body as { events: unknown[]; draft: { members: unknown[] }; returned: unknown },
		cookies,
	}
}

test('the plan list, inbox and plan page run the same number of queries for 1 plan and for 30 plans with 25 members and 20+ events', async () => {
	// Small: one plan, one member, two events (SUBMIT, APPROVE), waiting at the Tỉnh ủy.
	const small = await insertPlanWorld(db)
	const smallPlan = await planAtTinhUy(small, 1)
	const one = await measure(small, { page: smallPlan })
	expect(one.rows).toEqual({ list: 1, inbox: 1 })
	expect(one.page.events).toHaveLength(2)
	expect(one.page.draft.members).toHaveLength(1)
	expect(one.page.returned).toBeNull()

	// Large, in a second pair of provinces: 30 plans of 25 members waiting at the Tỉnh ủy, one of
	// them returned and resubmitted 7 times (23 events), and one more approved after 24 events.
	const large = await insertPlanWorld(db)
	const waiting: string[] = []
	for (let i = 0; i < 30; i++) waiting.push(await planAtTinhUy(large, 25))
	await returnCycles(large, waiting[0], 7)
	const approved = await planAtTinhUy(large, 25)
	await returnCycles(large, approved, 7)
	await sendPlanEvent(db, approved, 'APPROVE', large.users.tinhUy.approver)
	await sendPlanEvent(db, approved, 'APPROVE', large.users.board.approver)
	expect(await eventCount(waiting[0])).toBe(23)
	expect(await eventCount(approved)).toBe(25)

	const many = await measure(large, { page: approved })
	expect(many.rows).toEqual({ list: 31, inbox: 30 })
	expect(many.page.events).toHaveLength(25)
	expect(many.page.draft.members).toHaveLength(25)
	expect(many.page.returned).toBeNull()

	// The approved plan waits at no step, so its page skips the step-decisions query that the
	// small world's plan (waiting at the Tỉnh ủy) needs; otherwise the counts are the same.
	expect(many.counts).toEqual({ ...one.counts, page: one.counts.page - 1 })
	// The plan page reads its file (documents, written answers, report) with the plan, the
	// substitutions at hand, the step's decisions, and its members' passports with their due date.
	// (A party committee is never asked for a report: its inbox reads no report requests.)
	expect(one.counts).toEqual({ list: 2, boardList: 2, inbox: 2, page: 4 })

	// A plan page that also shows what changed since the last return reads that version too:
	// one more query, again the same for 5 events and for 23.
	await returnCycles(small, smallPlan, 1)
	const diffSmall = await queries(planRoute.loader, `/plans/${smallPlan}`, one.cookies.tinhUy, { planId: smallPlan })
	const diffLarge = await queries(planRoute.loader, `/plans/${waiting[0]}`, many.cookies.tinhUy, { planId: waiting[0] })
	expect((diffSmall.body.events as unknown[]).length).toBe(5)
	expect((diffLarge.body.events as unknown[]).length).toBe(23)
	expect(diffSmall.body.returned).not.toBeNull()
	expect(diffLarge.body.returned).not.toBeNull()
	expect(diffLarge.count).toBe(diffSmall.count)
	expect(diffSmall.count).toBe(one.counts.page + 1)

	console.log(
		'Queries per page load (1 plan / 30 plans):',
		JSON.stringify({ ...many.counts, pageWithDiff: diffLarge.count }),
	)
})
