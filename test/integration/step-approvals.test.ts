/**
 * Steps that need several approvers (2 of 3, all), the confirmation before deciding, and parallel
 * approvals on separate connections: a step completes exactly once and no approval is lost.
 */
import { beforeEach, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
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

let world: Awaited<ReturnType<typeof insertPlanWorld>>
let approvers: Awaited<ReturnType<typeof insertUser>>[]

beforeEach(async () => {
	world = await insertPlanWorld(db)
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
})

async function setRule(rule: 'all' | 'min', min: number | null = null) {
	await db
		.updateTable('chain_step')
		.set({ approval_rule: rule, min_approvals: min })
		.where('id', '=', world.chains.ldld.steps[0].id)
		.execute()
}

async function planAtStep1() {
	const { id } = await insertPlan(db, world.users.ldld.drafter, {
		partnerId: world.partner.id,
	})
	await sendPlanEvent(db, id, 'SUBMIT', world.users.ldld.drafter)
	return id
}

async function decide(
	user: { id: string },
	planId: string,
	form: Record<string, string>,
) {
	const cookie = await sessionCookie(user.id)
	return settle(async () =>
		planRoute.action(
			args(await request(`/plans/${planId}`, { cookie, form }), {
				planId,
			}) as never,
		),
	)
}

async function load(user: { id: string }, planId: string) {
	const cookie = await sessionCookie(user.id)
	const response = await settle(async () =>
		planRoute.loader(
			args(await request(`/plans/${planId}`, { cookie }), { planId }) as never,
		),
	)
	return response.json()
}

test('2 of 3: the first approval keeps the plan at the step, the second moves it on once; the page names who decided', async () => {
	await setRule('min', 2)
	const planId = await planAtStep1()
	const { version } = (await planState(db, planId))!

	expect(
		(
			await decide(approvers[0], planId, {
				intent: 'APPROVE',
				version: String(version),
			})
		).status,
	).toBe(302)
	expect(await planState(db, planId)).toMatchObject({
		status: 'step_1',
		version,
	})
	const page = await load(approvers[2], planId)
	expect(page.stepDecisions).toMatchObject({
		rule: 'min',
		required: 2,
		total: 3,
		approved: 1,
	})
	const decided = page.stepDecisions.people.filter(
		(p: { approved_at: string | null }) => p.approved_at,
	)
	expect(decided.map((p: { full_name: string }) => p.full_name)).toEqual([
		approvers[0].full_name,
	])

	// The same person cannot approve twice.
	const twice = await decide(approvers[0], planId, {
		intent: 'APPROVE',
		version: String(version),
	})
	expect(twice.status).toBe(409)
	expect((await twice.json()).errors).toEqual(['approvals.already'])
	expect(await planState(db, planId)).toMatchObject({
		status: 'step_1',
		version,
	})

	// The second approver loaded the page at the same version: still valid, and it completes the step.
	expect(
		(
			await decide(approvers[1], planId, {
				intent: 'APPROVE',
				version: String(version),
			})
		).status,
	).toBe(302)
	expect(await planState(db, planId)).toMatchObject({
		status: 'step_2',
		version: version + 1,
	})
	const events = await db
		.selectFrom('plan_event')
		.select(['event', 'actor_id'])
		.where('plan_id', '=', planId)
		.orderBy('id')
		.execute()
	expect(events.map(e => e.event)).toEqual([
		'SUBMIT',
		'APPROVE_PARTIAL',
		'APPROVE',
	])
})

test('2 of 3: a return by the third approver before the second approval returns the plan; resubmission starts afresh', async () => {
	await setRule('min', 2)
	const planId = await planAtStep1()
	const { version } = (await planState(db, planId))!
	await decide(approvers[0], planId, {
		intent: 'APPROVE',
		version: String(version),
	})
	const returned = await decide(approvers[2], planId, {
		intent: 'RETURN',
		version: String(version),
		comment: 'Bổ sung danh sách.',
	})
	expect(returned.status).toBe(302)
	expect(await planState(db, planId)).toMatchObject({ status: 'returned' })

	await sendPlanEvent(db, planId, 'RESUBMIT', world.users.ldld.drafter)
	const again = (await planState(db, planId))!
	expect(again.status).toBe('step_1')
	// The earlier approval belonged to the earlier round: one approval is not enough now.
	await decide(approvers[0], planId, {
		intent: 'APPROVE',
		version: String(again.version),
	})
	expect(await planState(db, planId)).toMatchObject({
		status: 'step_1',
		version: again.version,
	})
	expect((await load(approvers[1], planId)).stepDecisions).toMatchObject({
		approved: 1,
		required: 2,
	})
})

test('"all": every active approver must agree', async () => {
	await setRule('all')
	const planId = await planAtStep1()
	const { version } = (await planState(db, planId))!
	for (const [i, approver] of approvers.entries()) {
		expect(
			(
				await decide(approver, planId, {
					intent: 'APPROVE',
					version: String(version),
				})
			).status,
		).toBe(302)
		expect((await planState(db, planId))!.status).toBe(
			i < 2 ? 'step_1' : 'step_2',
		)
	}
})

test('parallel approvals of a 2-of-3 step: the step completes exactly once and every approval is kept', async () => {
	await setRule('min', 2)
	for (let round = 0; round < 5; round++) {
		const planId = await planAtStep1()
		const { version } = (await planState(db, planId))!
		const responses = await Promise.all(
			approvers.map(a =>
				decide(a, planId, { intent: 'APPROVE', version: String(version) }),
			),
		)
		// Two approvals complete the step; the third arrives at a moved plan and is refused.
		expect(responses.map(r => r.status).sort()).toEqual([302, 302, 409])
		expect(await planState(db, planId)).toMatchObject({
			status: 'step_2',
			version: version + 1,
		})
		const events = await db
			.selectFrom('plan_event')
			.select('event')
			.where('plan_id', '=', planId)
			.execute()
		expect(events.filter(e => e.event === 'APPROVE')).toHaveLength(1)
		expect(events.filter(e => e.event === 'APPROVE_PARTIAL')).toHaveLength(1)
		const kept = await db
			.selectFrom('step_approval')
			.select('approver_id')
			.where('plan_id', '=', planId)
			.execute()
		expect(kept).toHaveLength(2)
	}
})

test('the decision asks once more naming the plan, and is refused showing what changed if the plan moved since loading', async () => {
	const planId = await planAtStep1()
	const { version, name } = (await planState(db, planId))!
	const ask = await decide(approvers[0], planId, {
		intent: 'APPROVE',
		stage: 'ask',
		version: String(version),
		comment: 'Đồng ý.',
	})
	expect(ask.status).toBe(200)
	expect(await ask.json()).toMatchObject({
		confirm: { intent: 'APPROVE', name },
		comment: 'Đồng ý.',
	})
	expect(await planState(db, planId)).toMatchObject({
		status: 'step_1',
		version,
	})

	// Meanwhile the plan is returned, renamed and resubmitted.
	await sendPlanEvent(db, planId, 'RETURN', approvers[1])
	await db
		.updateTable('plan')
		.set({ name: 'Đoàn ra Lào (sửa)', version: eb => eb('version', '+', 1) })
		.where('id', '=', planId)
		.execute()
	await sendPlanEvent(db, planId, 'RESUBMIT', world.users.ldld.drafter)
	const before = await planState(db, planId)

	const stale = await decide(approvers[0], planId, {
		intent: 'APPROVE',
		stage: 'ask',
		version: String(version),
	})
	expect(stale.status).toBe(409)
	const body = await stale.json()
	expect(body.errors).toEqual(['confirm.changed'])
	expect(body.changedFrom.draft.name).toBe(name)
	expect(body.confirm).toBeUndefined()

	const confirmedStale = await decide(approvers[0], planId, {
		intent: 'APPROVE',
		version: String(version),
	})
	expect(confirmedStale.status).toBe(409)
	expect((await confirmedStale.json()).changedFrom.draft.name).toBe(name)
	expect(await planState(db, planId)).toEqual(before)
})

test('the chain editor saves a step rule and refuses a minimum larger than the active approvers, next to the field', async () => {
	const chainRoute =
		await import('#app/routes/admin.organisations.$orgId.chain/route.tsx')
	const orgId = world.orgs.ldld.id
	const save = async (min: string) => {
		const form = {
			expectedVersion: String(world.chains.ldld.version),
			'steps[0].organisation_id': orgId,
			'steps[0].label_vi': 'LĐLĐ tỉnh duyệt',
			'steps[0].approval_rule': 'min',
			'steps[0].min_approvals': min,
			'steps[1].organisation_id': world.orgs.tinhUy.id,
			'steps[1].label_vi': 'Tỉnh ủy duyệt',
		}
		return settle(async () =>
			chainRoute.action(
				args(
					await request(`/admin/organisations/${orgId}/chain`, {
						user: world.users.ldld.admin,
						form,
					}),
					{ orgId },
				) as never,
			),
		)
	}
	// Three active approvers at LĐLĐ: four is refused, with the message on the minimum field.
	const refused = await save('4')
	expect(refused.status).toBe(400)
	const body = await refused.json()
	expect(body.result.error['steps[0].min_approvals']).toEqual([
		'approvals.minTooMany',
	])
	expect(
		await db
			.selectFrom('chain')
			.select('id')
			.where('organisation_id', '=', orgId)
			.execute(),
	).toHaveLength(1)

	expect((await save('3')).status).toBe(302)
	const steps = await db
		.selectFrom('chain_step as s')
		.innerJoin('chain as c', 'c.id', 's.chain_id')
		.select(['s.approval_rule', 's.min_approvals', 'c.version'])
		.where('c.organisation_id', '=', orgId)
		.orderBy('c.version', 'desc')
		.orderBy('s.position')
		.execute()
	expect(steps.slice(0, 2)).toEqual([
		{
			approval_rule: 'min',
			min_approvals: 3,
			version: world.chains.ldld.version + 1,
		},
		{
			approval_rule: 'any',
			min_approvals: null,
			version: world.chains.ldld.version + 1,
		},
	])
})
