import { beforeEach, describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { insertChainVersion } from '#db/repos/chain.server.ts'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import * as editRoute from '#app/routes/plans.$planId.edit.tsx'
import * as newRoute from '#app/routes/plans.new.tsx'
import {
	args,
	completePlanFields,
	insertChain,
	insertOrganisation,
	insertPlanWorld,
	insertUser,
	multipartRequest,
	planFormData,
	planState,
	request,
	sessionCookie,
	settle,
} from '../factories.ts'

let world: Awaited<ReturnType<typeof insertPlanWorld>>
const cookies = new Map<string, string>()

beforeEach(async () => {
	cookies.clear()
	world = await insertPlanWorld(db)
})

async function cookieOf(user: { id: string }) {
	if (!cookies.has(user.id)) cookies.set(user.id, await sessionCookie(user.id))
	return cookies.get(user.id)!
}

async function viewPlan(user: { id: string }, planId: string) {
	const response = await settle(async () =>
		planRoute.loader(args(await request(`/plans/${planId}`, { cookie: await cookieOf(user) }), { planId }) as never),
	)
	expect(response.status).toBe(200)
	return response.json()
}

async function decide(user: { id: string }, planId: string, intent: string, { comment, version }: { comment?: string; version?: number } = {}) {
	version ??= (await viewPlan(user, planId)).plan.version as number
	const form: Record<string, string> = { intent, version: String(version) }
	if (comment !== undefined) form.comment = comment
	return settle(async () =>
		planRoute.action(args(await request(`/plans/${planId}`, { cookie: await cookieOf(user), form }), { planId }) as never),
	)
}

async function expectRedirectToPlan(response: Response, planId?: string) {
	if (response.status !== 302) throw new Error(`expected a redirect, got ${response.status}: ${await response.text()}`)
	const location = response.headers.get('Location')!
	expect(location).toMatch(/^\/plans\/[0-9a-f-]{36}$/)
	if (planId) expect(location).toBe(`/plans/${planId}`)
	return location.split('/').pop()!
}

/** An approver's decision leads on to the next item waiting for them, or to the emptied inbox. */
function expectDecided(response: Response, _planId?: string) {
	expect(response.status).toBe(302)
	expect(response.headers.get('Location')).toMatch(/^\/inbox$|^\/plans\/[0-9a-f-]{36}(\/report)?$/)
}

async function events(planId: string) {
	return db
		.selectFrom('plan_event')
		.selectAll()
		.where('plan_id', '=', planId)
		.orderBy('id')
		.execute()
}

describe('a plan through the routes', () => {
	test('drafted, approved, returned with a comment, edited, resubmitted and approved through the board', async () => {
		const { users, orgs, chains, partner } = world

		// The drafter fills in seed 001's first 2020 row and submits it.
		const created = await settle(async () =>
			newRoute.action(
				args(await multipartRequest('/plans/new', planFormData(completePlanFields(partner.id)), { cookie: await cookieOf(users.ldld.drafter) })) as never,
			),
		)
		const planId = await expectRedirectToPlan(created)
		const stored = await db.selectFrom('plan').selectAll().where('id', '=', planId).executeTakeFirstOrThrow()
		expect(stored).toMatchObject({
			organisation_id: orgs.ldld.id,
			created_by: users.ldld.drafter.id,
			plan_year: 2027,
			direction: 'out',
			name: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
			head_title: 'Chủ tịch LĐLĐ tỉnh Quảng Trị',
			member_count: 10,
			country: 'LA',
			partner_id: partner.id,
			activities: ['Hội đàm trao đổi kinh nghiệm với LHCĐ tỉnh Savannakhet', 'Đi thực tế một số CĐCS'],
			days_min: 3,
			days_max: 4,
			timing_kind: 'year',
			status: 'step_1',
			chain_id: chains.ldld.id,
			current_step_organisation_id: orgs.ldld.id,
		})
		const budget = await db.selectFrom('plan_budget_line').selectAll().where('plan_id', '=', planId).execute()
		expect(budget).toMatchObject([{ position: 1, payer: 'LĐLĐ tỉnh Quảng Trị', source: 'union_budget', amount: null, currency: null }])
		expect(await db.selectFrom('plan_attachment').select('id').where('plan_id', '=', planId).execute()).toEqual([])

		// The federation's approver sees the decisions of step 1 and approves with the version shown.
		const atStep1 = await viewPlan(users.ldld.approver, planId)
		expect(atStep1.plan.status).toBe('step_1')
		expect(atStep1.actions).toEqual(['APPROVE', 'RETURN', 'REJECT'])
		expect(atStep1.canEdit).toBe(false)
		await expectDecided(await decide(users.ldld.approver, planId, 'APPROVE', { version: atStep1.plan.version }), planId)
		expect((await planState(db, planId))?.status).toBe('step_2')

		// The admin saves a new chain version (without the Tỉnh ủy): the plan keeps climbing the one it was submitted under.
		const v2 = await insertChainVersion(db, {
			organisationId: orgs.ldld.id,
			expectedVersion: 1,
			createdBy: users.ldld.admin.id,
			steps: [
				{ organisation_id: orgs.ldld.id, label_vi: 'Ban Thường vụ', label_en: '', optional: false },
				{ organisation_id: orgs.board.id, label_vi: 'Ban Đối ngoại TLĐ', label_en: '', optional: false },
			],
		})
		expect(v2?.version).toBe(2)

		// The Tỉnh ủy returns it: without a comment that is refused and nothing changes.
		const tinhUyView = await viewPlan(users.tinhUy.approver, planId)
		expect(tinhUyView.plan.status).toBe('step_2')
		expect(tinhUyView.chain.map((s: { organisation_id: string }) => s.organisation_id)).toEqual([orgs.ldld.id, orgs.tinhUy.id, orgs.board.id])
		const before = await planState(db, planId)
		for (const comment of [undefined, '', '   ']) {
			const refused = await decide(users.tinhUy.approver, planId, 'RETURN', { comment, version: tinhUyView.plan.version })
			expect(refused.status).toBe(400)
			expect(await refused.json()).toMatchObject({ intent: 'RETURN', errors: ['plan.commentRequired'], conflict: null })
			expect(await planState(db, planId)).toEqual(before)
		}
		const comment = 'Đề nghị bổ sung danh sách thành viên và chương trình làm việc cụ thể.'
		await expectDecided(await decide(users.tinhUy.approver, planId, 'RETURN', { comment, version: tinhUyView.plan.version }), planId)
		expect(await planState(db, planId)).toMatchObject({ status: 'returned', current_step_organisation_id: null, chain_id: chains.ldld.id })

		// The drafter sees the comment, and may edit, resubmit or withdraw.
		const returned = await viewPlan(users.ldld.drafter, planId)
		expect(returned.canEdit).toBe(true)
		expect(returned.actions).toEqual(['WITHDRAW', 'RESUBMIT'])
		expect(returned.events.at(-1)).toMatchObject({ event: 'RETURN', comment, actor_name: users.tinhUy.approver.full_name })

		// … edits through the form (names the members, changes the days) and resubmits.
		const edit = await settle(async () =>
			editRoute.loader(args(await request(`/plans/${planId}/edit`, { cookie: await cookieOf(users.ldld.drafter) }), { planId }) as never),
		)
		expect(edit.status).toBe(200)
		const editData = await edit.json()
		expect(editData.resubmit).toBe(true)
		expect(editData.plan).toMatchObject({ name: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)', days: '3-4', member_count: 10, partner_id: partner.id })
		const fields = {
			...completePlanFields(partner.id),
			version: String(editData.plan.version),
			days: '4',
			'members[0].full_name': 'Lê Văn Đức',
			'members[0].title': 'Chủ tịch LĐLĐ tỉnh',
			'members[0].organisation_name': 'LĐLĐ tỉnh Quảng Trị',
			'members[0].passport_type': 'official',
			'members[1].full_name': 'Nguyễn Thị Hương',
			'members[1].passport_type': 'ordinary',
		}
		const resubmitted = await settle(async () =>
			editRoute.action(
				args(await multipartRequest(`/plans/${planId}/edit`, planFormData(fields), { cookie: await cookieOf(users.ldld.drafter) }), { planId }) as never,
			),
		)
		await expectRedirectToPlan(resubmitted, planId)
		expect(await planState(db, planId)).toMatchObject({ status: 'step_1', current_step_organisation_id: orgs.ldld.id, chain_id: chains.ldld.id })
		const members = await db.selectFrom('plan_member').select(['full_name', 'passport_type']).where('plan_id', '=', planId).orderBy('position').execute()
		expect(members).toEqual([
			{ full_name: 'Lê Văn Đức', passport_type: 'official' },
			{ full_name: 'Nguyễn Thị Hương', passport_type: 'ordinary' },
		])

		// Back at step 1, the approver sees what changed since the Tỉnh ủy returned it.
		const afterResubmit = await viewPlan(users.ldld.approver, planId)
		expect(afterResubmit.returned.draft.days).toBe('3-4')
		expect(afterResubmit.draft.days).toBe('4')

		// The whole chain of the version it was first submitted under approves: LĐLĐ, Tỉnh ủy, the board.
		await expectDecided(await decide(users.ldld.approver, planId, 'APPROVE'), planId)
		expect((await planState(db, planId))?.current_step_organisation_id).toBe(orgs.tinhUy.id)
		await expectDecided(await decide(users.tinhUy.approver, planId, 'APPROVE', { comment: 'Đồng ý.' }), planId)
		expect((await planState(db, planId))?.current_step_organisation_id).toBe(orgs.board.id)
		await expectDecided(await decide(users.board.approver, planId, 'APPROVE'), planId)
		expect(await planState(db, planId)).toMatchObject({ status: 'approved', current_step_organisation_id: null, chain_id: chains.ldld.id, events: 7 })

		// Approved, the plan is the owning drafter's again, for the trip: depart, or cancel, postpone or amend it
		// (those three with a comment, which availableEvents stands in for). Nobody else has anything to do.
		const done = await viewPlan(users.ldld.drafter, planId)
		expect(done.actions).toEqual(['DEPART', 'CANCEL', 'POSTPONE', 'AMEND'])
		// The edit page amends an approved plan (see trips.test.ts).
		expect(done.canEdit).toBe(true)
		for (const user of [users.ldld.approver, users.ldld.admin, users.tinhUy.approver, users.board.approver]) {
			const view = await viewPlan(user, planId)
			expect(view.actions, user.id).toEqual([])
			expect(view.canEdit).toBe(false)
		}
		expect(done.events.map((e: { event: string }) => e.event)).toEqual(['SUBMIT', 'APPROVE', 'RETURN', 'RESUBMIT', 'APPROVE', 'APPROVE', 'APPROVE'])

		// Every transition left an event row: who, for which organisation, from, to, comment, and the plan as it was.
		const rows = await events(planId)
		expect(rows.map(r => [r.event, r.actor_id, r.actor_organisation_id, r.from_status, r.to_status, r.comment])).toEqual([
			['SUBMIT', users.ldld.drafter.id, orgs.ldld.id, 'drafting', 'step_1', null],
			['APPROVE', users.ldld.approver.id, orgs.ldld.id, 'step_1', 'step_2', null],
			['RETURN', users.tinhUy.approver.id, orgs.tinhUy.id, 'step_2', 'returned', comment],
			['RESUBMIT', users.ldld.drafter.id, orgs.ldld.id, 'returned', 'step_1', null],
			['APPROVE', users.ldld.approver.id, orgs.ldld.id, 'step_1', 'step_2', null],
			['APPROVE', users.tinhUy.approver.id, orgs.tinhUy.id, 'step_2', 'step_3', 'Đồng ý.'],
			['APPROVE', users.board.approver.id, orgs.board.id, 'step_3', 'approved', null],
		])
		for (const row of rows) {
			expect(row.created_at).toBeInstanceOf(Date)
			expect(row.plan_snapshot).toMatchObject({ id: planId, name: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)', partner_id: partner.id })
		}
		// The snapshot is the plan as it was at that moment: 3–4 days and nobody named until the resubmission.
		expect(rows.map(r => (r.plan_snapshot as { days_max: number }).days_max)).toEqual([4, 4, 4, 4, 4, 4, 4])
		expect(rows.map(r => (r.plan_snapshot as { days_min: number }).days_min)).toEqual([3, 3, 3, 4, 4, 4, 4])
		expect(rows.map(r => (r.plan_snapshot as { members: unknown[] }).members.length)).toEqual([0, 0, 0, 2, 2, 2, 2])
		// Event versions follow the plan's version.
		const versions = rows.map(r => r.plan_version)
		expect(versions).toEqual([...versions].sort((a, b) => a - b))
		expect(versions.at(-1)).toBe((await planState(db, planId))?.version)

		// A plan submitted now climbs the new chain version.
		const next = await settle(async () =>
			newRoute.action(
				args(await multipartRequest('/plans/new', planFormData(completePlanFields(partner.id)), { cookie: await cookieOf(users.ldld.drafter) })) as never,
			),
		)
		const nextId = await expectRedirectToPlan(next)
		expect((await planState(db, nextId))?.chain_id).toBe(v2!.id)
		expect((await viewPlan(users.ldld.drafter, nextId)).chain).toHaveLength(2)
	})

	test('a rejection needs a reason and is final; the drafter may withdraw before the first decision only', async () => {
		const { users, partner } = world
		const newPlan = async () =>
			expectRedirectToPlan(
				await settle(async () =>
					newRoute.action(
						args(await multipartRequest('/plans/new', planFormData(completePlanFields(partner.id)), { cookie: await cookieOf(users.ldld.drafter) })) as never,
					),
				),
			)

		const rejected = await newPlan()
		const empty = await decide(users.ldld.approver, rejected, 'REJECT', { comment: '' })
		expect(empty.status).toBe(400)
		expect((await empty.json()).errors).toEqual(['plan.commentRequired'])
		await expectDecided(await decide(users.ldld.approver, rejected, 'REJECT', { comment: 'Không phù hợp kế hoạch năm.' }))
		expect(await planState(db, rejected)).toMatchObject({ status: 'rejected', current_step_organisation_id: null, events: 2 })
		expect((await viewPlan(users.ldld.drafter, rejected)).actions).toEqual([])
		const again = await decide(users.ldld.drafter, rejected, 'RESUBMIT')
		expect(again.status).toBe(409)
		expect((await again.json()).errors).toEqual(['plan.wrongState'])

		const withdrawn = await newPlan()
		expect((await viewPlan(users.ldld.drafter, withdrawn)).actions).toEqual(['WITHDRAW'])
		await expectRedirectToPlan(await decide(users.ldld.drafter, withdrawn, 'WITHDRAW'))
		expect(await planState(db, withdrawn)).toMatchObject({ status: 'withdrawn', current_step_organisation_id: null, events: 2 })

		const decided = await newPlan()
		await expectDecided(await decide(users.ldld.approver, decided, 'APPROVE'))
		expect((await viewPlan(users.ldld.drafter, decided)).actions).toEqual([])
		const late = await decide(users.ldld.drafter, decided, 'WITHDRAW')
		expect(late.status).toBe(409)
		expect(await planState(db, decided)).toMatchObject({ status: 'step_2', events: 2 })
	})

	test('a stale version answers 409 naming who acted first, and changes nothing', async () => {
		const { users, partner } = world
		const planId = await expectRedirectToPlan(
			await settle(async () =>
				newRoute.action(
					args(await multipartRequest('/plans/new', planFormData(completePlanFields(partner.id)), { cookie: await cookieOf(users.ldld.drafter) })) as never,
				),
			),
		)
		const { version } = (await viewPlan(users.ldld.approver, planId)).plan
		await expectDecided(await decide(users.ldld.approver, planId, 'APPROVE', { version }))
		const before = await planState(db, planId)
		const stale = await decide(users.tinhUy.approver, planId, 'RETURN', { version, comment: 'Trả lại.' })
		expect(stale.status).toBe(409)
		const body = await stale.json()
		expect(body.conflict).toMatchObject({ event: 'APPROVE', to_status: 'step_2', actor_name: users.ldld.approver.full_name })
		expect(new Date(body.conflict.created_at).getTime()).not.toBeNaN()
		expect(await planState(db, planId)).toEqual(before)
	})

	test('an optional step of the chain is climbed only when the drafter chose it', async () => {
		const { users, orgs, partner } = world
		const banBiThu = await insertOrganisation(db, { kind: 'party_committee', name_vi: 'Ban Bí thư Trung ương Đảng', short_name: 'Ban Bí thư' })
		const banBiThuApprover = await insertUser(db, { organisation_id: banBiThu.id, roles: ['approver'] })
		const chain = await insertChain(db, orgs.ldld.id, [orgs.ldld.id, orgs.tinhUy.id, { organisation_id: banBiThu.id, optional: true }, orgs.board.id])
		const optional = chain.steps[2].id
		const submit = async (extra: Record<string, string>) =>
			settle(async () =>
				newRoute.action(
					args(await multipartRequest('/plans/new', planFormData({ ...completePlanFields(partner.id), ...extra }), { cookie: await cookieOf(users.ldld.drafter) })) as never,
				),
			)

		// A step id that is not an optional step of the chain is refused.
		for (const id of [chain.steps[1].id, world.chains.otherFed.steps[0].id]) {
			const refused = await submit({ optional_step_ids: id })
			expect(refused.status).toBe(400)
			expect((await refused.json()).result.error).toEqual({ optional_step_ids: ['error.invalidChoice'] })
		}
		expect(await db.selectFrom('plan').select('id').execute()).toEqual([])

		const through = await expectRedirectToPlan(await submit({ optional_step_ids: optional }))
		const skipping = await expectRedirectToPlan(await submit({}))
		for (const planId of [through, skipping]) {
			await expectDecided(await decide(users.ldld.approver, planId, 'APPROVE'))
			await expectDecided(await decide(users.tinhUy.approver, planId, 'APPROVE'))
		}
		expect((await planState(db, through))?.current_step_organisation_id).toBe(banBiThu.id)
		expect((await planState(db, skipping))?.current_step_organisation_id).toBe(orgs.board.id)
		expect((await viewPlan(users.ldld.drafter, through)).steps).toHaveLength(4)
		expect((await viewPlan(users.ldld.drafter, skipping)).steps).toHaveLength(3)

		// Ban Bí thư decides only on the plan that goes through it. (It can still open the other one, whose
		// chain lists it as an optional step: 403 today; 404 would be as right.)
		await expectDecided(await decide(banBiThuApprover, through, 'APPROVE'))
		const skipped = await planState(db, skipping)
		expect([403, 404]).toContain((await decide(banBiThuApprover, skipping, 'APPROVE', { version: skipped!.version })).status)
		expect(await planState(db, skipping)).toEqual(skipped)
		for (const planId of [through, skipping]) await expectDecided(await decide(users.board.approver, planId, 'APPROVE'))
		expect((await planState(db, through))?.events).toBe(5)
		expect((await planState(db, skipping))?.events).toBe(4)
		expect((await planState(db, through))?.status).toBe('approved')
		expect((await planState(db, skipping))?.status).toBe('approved')
	})
})
