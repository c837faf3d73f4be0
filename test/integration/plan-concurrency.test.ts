/**
 * Decisions racing on one step, against the real PostgreSQL of the test run: the plan row is
 * locked and its version compared, so exactly one request wins and the others are told who
 * decided first.
 */
import { beforeEach, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import { args, insertPlan, insertPlanWorld, insertUser, planState, request, sendPlanEvent, sessionCookie, settle } from '../factories.ts'

let world: Awaited<ReturnType<typeof insertPlanWorld>>

beforeEach(async () => {
	world = await insertPlanWorld(db)
})

/** `n` approvers of the organisation, each signed in (a Cookie header apiece). */
async function approvers(organisationId: string, n: number) {
	return Promise.all(
		Array.from({ length: n }, async () => {
			const user = await insertUser(db, { organisation_id: organisationId, roles: ['approver'] })
			return { user, cookie: await sessionCookie(user.id) }
		}),
	)
}

async function planAtStep1() {
	const { id } = await insertPlan(db, world.users.ldld.drafter, { partnerId: world.partner.id })
	await sendPlanEvent(db, id, 'SUBMIT', world.users.ldld.drafter)
	return id
}

async function decide(cookie: string, planId: string, form: Record<string, string>) {
	return settle(async () => planRoute.action(args(await request(`/plans/${planId}`, { cookie, form }), { planId }) as never))
}

test('20 concurrent APPROVEs of one step: one succeeds, one event row, 19 conflicts naming who approved first', async () => {
	const planId = await planAtStep1()
	const deciders = await approvers(world.orgs.ldld.id, 20)
	// Every approver loaded the plan page before anyone decided: they all hold the same version.
	const loaded = await settle(async () =>
		planRoute.loader(args(await request(`/plans/${planId}`, { cookie: deciders[0].cookie }), { planId }) as never),
	)
	const { plan, actions } = await loaded.json()
	expect(actions).toContain('APPROVE')
	const before = await planState(db, planId)

	const responses = await Promise.all(
		deciders.map(({ cookie }, i) => decide(cookie, planId, { intent: 'APPROVE', version: String(plan.version), comment: `Đồng ý (${i + 1}).` })),
	)

	const statuses = responses.map(r => r.status)
	expect(statuses.filter(s => s === 302)).toHaveLength(1)
	expect(statuses.filter(s => s === 409)).toHaveLength(19)

	const approvals = await db.selectFrom('plan_event').selectAll().where('plan_id', '=', planId).where('event', '=', 'APPROVE').execute()
	expect(approvals).toHaveLength(1)
	const winner = deciders[statuses.indexOf(302)].user
	expect(approvals[0]).toMatchObject({ actor_id: winner.id, from_status: 'step_1', to_status: 'step_2' })
	// The approver goes on to the next item of the inbox (here: none left).
	expect(responses[statuses.indexOf(302)].headers.get('Location')).toBe('/inbox')

	// The plan moved exactly once.
	expect(await planState(db, planId)).toMatchObject({
		status: 'step_2',
		version: before!.version + 1,
		events: before!.events + 1,
		current_step_organisation_id: world.orgs.tinhUy.id,
	})

	// Each refusal names who decided first, what they did and when (the page words it in Vietnamese).
	for (const response of responses.filter(r => r.status === 409)) {
		const body = await response.json()
		expect(body).toMatchObject({
			intent: 'APPROVE',
			errors: [],
			conflict: { event: 'APPROVE', to_status: 'step_2', actor_name: winner.full_name },
		})
		expect(new Date(body.conflict.created_at).getTime()).toBe(new Date(approvals[0].created_at).getTime())
	}
})

test('an APPROVE, a RETURN and a REJECT sent at once on one step: exactly one decision is recorded', async () => {
	const planId = await planAtStep1()
	const deciders = await approvers(world.orgs.ldld.id, 9)
	const { version } = (await planState(db, planId))!
	const intents = ['APPROVE', 'RETURN', 'REJECT'] as const
	const responses = await Promise.all(
		deciders.map(({ cookie }, i) => decide(cookie, planId, { intent: intents[i % 3], version: String(version), comment: 'Ý kiến.' })),
	)
	expect(responses.filter(r => r.status === 302)).toHaveLength(1)
	expect(responses.filter(r => r.status === 409)).toHaveLength(8)
	const decisions = await db.selectFrom('plan_event').select(['event', 'to_status']).where('plan_id', '=', planId).where('event', '!=', 'SUBMIT').execute()
	expect(decisions).toHaveLength(1)
	expect(await planState(db, planId)).toMatchObject({ status: decisions[0].to_status, version: version + 1 })
})
