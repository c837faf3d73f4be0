/**
 * Who may do what to a plan, through the routes: every workflow action, the plan page and the
 * edit page, for a drafter, an approver and an admin-only user of each organisation around
 * LĐLĐ tỉnh Quảng Trị's plan (chain: LĐLĐ → Tỉnh ủy Quảng Trị → Ban Đối ngoại TLĐ) and of an
 * unrelated province. Allowed requests work; the rest answer 403 when the user can see the plan
 * and 404 when they cannot, and change nothing.
 */
import { randomUUID } from 'node:crypto'
import { beforeEach, describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import * as inboxRoute from '#app/routes/inbox.tsx'
import * as attachmentRoute from '#app/routes/plans.$planId.attachments.$attachmentId.tsx'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import * as editRoute from '#app/routes/plans.$planId.edit.tsx'
import * as plansRoute from '#app/routes/plans._index.tsx'
import {
	args,
	completePlanFields,
	insertChain,
	insertOrganisation,
	insertPlan,
	insertPlanWorld,
	insertUser,
	multipartRequest,
	planFormData,
	planState,
	type PlanOrgKey,
	type PlanRoleKey,
	request,
	sendPlanEvent,
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

type State = 'drafting' | 'step_1' | 'step_2' | 'returned'

/** A complete plan of LĐLĐ tỉnh Quảng Trị, taken to `state` by the users whose turn it is. */
async function planIn(state: State, owner: PlanOrgKey = 'ldld') {
	const { users, partner } = world
	const { id } = await insertPlan(db, users[owner].drafter, { partnerId: partner.id })
	if (state === 'drafting') return id
	await sendPlanEvent(db, id, 'SUBMIT', users[owner].drafter)
	if (state === 'step_1') return id
	await sendPlanEvent(db, id, 'APPROVE', users[owner].approver)
	if (state === 'step_2') return id
	await sendPlanEvent(db, id, 'RETURN', users[owner === 'ldld' ? 'tinhUy' : 'otherTinhUy'].approver)
	return id
}

type Route = { loader?: (a: never) => Promise<unknown>; action?: (a: never) => Promise<unknown> }

async function get(route: Route, path: string, user: { id: string } | null, params: Record<string, string>) {
	const cookie = user ? await cookieOf(user) : undefined
	return settle(async () => route.loader!(args(await request(path, { cookie }), params) as never))
}

async function decide(user: { id: string } | null, planId: string, intent: string, version: number) {
	const cookie = user ? await cookieOf(user) : undefined
	const form = { intent, version: String(version), comment: 'Ý kiến của người duyệt.' }
	return settle(async () => planRoute.action(args(await request(`/plans/${planId}`, { cookie, form }), { planId }) as never))
}

async function postForm(user: { id: string }, planId: string, version: number, intent: 'save' | 'submit') {
	const fields = { ...completePlanFields(world.partner.id), version: String(version), name: 'Tên đoàn đã bị sửa' }
	const req = await multipartRequest(`/plans/${planId}/edit`, planFormData(fields, { intent }), { cookie: await cookieOf(user) })
	return settle(async () => editRoute.action(args(req, { planId }) as never))
}

// ---------------------------------------------------------------------------------------------
// The matrix. Rows: organisations; columns: [drafter, approver, admin-only].
// 'ok' = the action happened (a redirect to the plan); 200 = the page loads; otherwise the status.

type Cell = 'ok' | 200 | 403 | 404 | 409
type Matrix = Record<PlanOrgKey, [Cell, Cell, Cell]>
type Perform =
	| { kind: 'event'; intent: 'SUBMIT' | 'APPROVE' | 'RETURN' | 'REJECT' | 'WITHDRAW' | 'RESUBMIT'; to: string }
	| { kind: 'view' }
	| { kind: 'edit' }
	| { kind: 'form'; intent: 'save' | 'submit'; to: string }

interface Case {
	name: string
	state: State
	perform: Perform
	matrix: Matrix
}

const ROLE_KEYS: PlanRoleKey[] = ['drafter', 'approver', 'admin']
const NOBODY_ELSE: Pick<Matrix, 'otherFed' | 'otherTinhUy'> = { otherFed: [404, 404, 404], otherTinhUy: [404, 404, 404] }

const CASES: Case[] = [
	{
		name: 'SUBMIT a draft (plan page)',
		state: 'drafting',
		perform: { kind: 'event', intent: 'SUBMIT', to: 'step_1' },
		matrix: { ldld: ['ok', 403, 403], tinhUy: [404, 404, 404], board: [404, 404, 404], ...NOBODY_ELSE },
	},
	...(['APPROVE', 'RETURN', 'REJECT'] as const).flatMap((intent): Case[] => {
		const to = { APPROVE: 'step_2', RETURN: 'returned', REJECT: 'rejected' }[intent]
		return [
			{
				// Step 1 is the owner's own committee; the Tỉnh ủy and the board are later steps.
				name: `${intent} at step 1 (LĐLĐ's own step)`,
				state: 'step_1',
				perform: { kind: 'event', intent, to },
				matrix: { ldld: [403, 'ok', 403], tinhUy: [403, 403, 403], board: [403, 403, 403], ...NOBODY_ELSE },
			},
			{
				// Step 2 is the Tỉnh ủy's: the owner is an earlier step, the board a later one.
				name: `${intent} at step 2 (the Tỉnh ủy's step)`,
				state: 'step_2',
				perform: { kind: 'event', intent, to: intent === 'APPROVE' ? 'step_3' : to },
				matrix: { ldld: [403, 403, 403], tinhUy: [403, 'ok', 403], board: [403, 403, 403], ...NOBODY_ELSE },
			},
		]
	}),
	{
		name: 'WITHDRAW before the first decision',
		state: 'step_1',
		perform: { kind: 'event', intent: 'WITHDRAW', to: 'withdrawn' },
		matrix: { ldld: ['ok', 403, 403], tinhUy: [403, 403, 403], board: [403, 403, 403], ...NOBODY_ELSE },
	},
	{
		name: 'WITHDRAW after a return',
		state: 'returned',
		perform: { kind: 'event', intent: 'WITHDRAW', to: 'withdrawn' },
		matrix: { ldld: ['ok', 403, 403], tinhUy: [403, 403, 403], board: [403, 403, 403], ...NOBODY_ELSE },
	},
	{
		name: 'RESUBMIT a returned plan (plan page)',
		state: 'returned',
		perform: { kind: 'event', intent: 'RESUBMIT', to: 'step_1' },
		matrix: { ldld: ['ok', 403, 403], tinhUy: [403, 403, 403], board: [403, 403, 403], ...NOBODY_ELSE },
	},
	{
		name: 'view a draft',
		state: 'drafting',
		perform: { kind: 'view' },
		matrix: { ldld: [200, 200, 200], tinhUy: [404, 404, 404], board: [404, 404, 404], ...NOBODY_ELSE },
	},
	{
		name: 'view a plan waiting at step 2',
		state: 'step_2',
		perform: { kind: 'view' },
		matrix: { ldld: [200, 200, 200], tinhUy: [200, 200, 200], board: [200, 200, 200], ...NOBODY_ELSE },
	},
	{
		name: 'view a returned plan',
		state: 'returned',
		perform: { kind: 'view' },
		matrix: { ldld: [200, 200, 200], tinhUy: [200, 200, 200], board: [200, 200, 200], ...NOBODY_ELSE },
	},
	{
		name: 'open the edit page of a draft',
		state: 'drafting',
		perform: { kind: 'edit' },
		matrix: { ldld: [200, 403, 403], tinhUy: [404, 404, 404], board: [404, 404, 404], ...NOBODY_ELSE },
	},
	{
		name: 'open the edit page of a returned plan',
		state: 'returned',
		perform: { kind: 'edit' },
		matrix: { ldld: [200, 403, 403], tinhUy: [403, 403, 403], board: [403, 403, 403], ...NOBODY_ELSE },
	},
	{
		// In the chain, nobody edits it: the owner's drafter is told it is not in an editable state.
		name: 'open the edit page of a plan waiting at step 1',
		state: 'step_1',
		perform: { kind: 'edit' },
		matrix: { ldld: [409, 403, 403], tinhUy: [403, 403, 403], board: [403, 403, 403], ...NOBODY_ELSE },
	},
	{
		name: 'save a draft through the edit form',
		state: 'drafting',
		perform: { kind: 'form', intent: 'save', to: 'drafting' },
		matrix: { ldld: ['ok', 403, 403], tinhUy: [404, 404, 404], board: [404, 404, 404], ...NOBODY_ELSE },
	},
	{
		name: 'edit and resubmit a returned plan through the edit form',
		state: 'returned',
		perform: { kind: 'form', intent: 'submit', to: 'step_1' },
		matrix: { ldld: ['ok', 403, 403], tinhUy: [403, 403, 403], board: [403, 403, 403], ...NOBODY_ELSE },
	},
	{
		name: 'edit a plan waiting at step 2 through the edit form',
		state: 'step_2',
		perform: { kind: 'form', intent: 'save', to: 'step_2' },
		matrix: { ldld: [409, 403, 403], tinhUy: [403, 403, 403], board: [403, 403, 403], ...NOBODY_ELSE },
	},
]

const MESSAGES: Record<number, string> = { 403: 'error.forbidden', 404: 'error.notFound', 409: 'plan.wrongState' }

async function perform(c: Case, user: { id: string }, planId: string, version: number) {
	switch (c.perform.kind) {
		case 'event':
			return decide(user, planId, c.perform.intent, version)
		case 'view':
			return get(planRoute, `/plans/${planId}`, user, { planId })
		case 'edit':
			return get(editRoute, `/plans/${planId}/edit`, user, { planId })
		case 'form':
			return postForm(user, planId, version, c.perform.intent)
	}
}

describe('the authorization matrix', () => {
	test.each(CASES)('$name', async c => {
		const planId = await planIn(c.state)
		const cells = (Object.entries(c.matrix) as [PlanOrgKey, Cell[]][]).flatMap(([org, row]) =>
			row.map((cell, i) => ({ org, role: ROLE_KEYS[i], cell })),
		)
		// Refusals first, then the one allowed request (it changes the plan).
		cells.sort((a, b) => Number(a.cell === 'ok') - Number(b.cell === 'ok'))

		const expected: Record<string, Cell> = {}
		const actual: Record<string, Cell | string> = {}
		for (const { org, role, cell } of cells) {
			const key = `${org}.${role}`
			expected[key] = cell
			const before = await planState(db, planId)
			const response = await perform(c, world.users[org][role], planId, before!.version)
			const after = await planState(db, planId)
			if (response.status === 302) {
				// A decision leads on to the approver's next inbox item or the inbox; any other action back to the plan.
				const to = response.headers.get('Location')
				actual[key] = to === `/plans/${planId}` || to === '/inbox' || (to?.startsWith('/plans/') && c.perform.kind !== 'form') ? 'ok' : `302 to ${to}`
				continue
			}
			const body = await response.json()
			if (response.status === 200) {
				const id = c.perform.kind === 'edit' ? body.plan && planId : body.plan?.id
				actual[key] = id === planId ? 200 : `200 without the plan`
			} else if (body.message !== MESSAGES[response.status]) {
				actual[key] = `${response.status} ${JSON.stringify(body)}`
			} else {
				actual[key] = response.status as Cell
			}
			if (JSON.stringify(after) !== JSON.stringify(before)) actual[key] = `${actual[key]} and the plan changed`
		}
		expect(actual).toEqual(expected)

		const final = await planState(db, planId)
		if (c.perform.kind === 'event' || c.perform.kind === 'form') {
			expect(final?.status).toBe(c.perform.to)
			if (cells.some(cell => cell.cell === 'ok')) expect(final?.name).toBe(c.perform.kind === 'form' ? 'Tên đoàn đã bị sửa' : 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)')
			else expect(final?.name).toBe('Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)')
		}
	})

	test('guessed, malformed and other organisations’ ids answer 404 on every plan route and change nothing', async () => {
		const { users } = world
		const own = await planIn('step_1')
		const [attachment] = await db
			.insertInto('plan_attachment')
			.values({ plan_id: own, file_name: 'thu-moi.pdf', content_type: 'application/pdf', size: 9, sha256: 'x', data: Buffer.from('%PDF-1.4\n'), uploaded_by: users.ldld.drafter.id })
			.returning('id')
			.execute()
		const otherDraft = await planIn('drafting', 'otherFed')
		const otherSubmitted = await planIn('step_2', 'otherFed')
		const totals = async () => ({
			plans: await db.selectFrom('plan').select(['id', 'status', 'version', 'name']).orderBy('id').execute(),
			events: (await db.selectFrom('plan_event').select('id').execute()).length,
		})
		const before = await totals()

		const guesses: Record<string, string> = {
			'a random uuid': randomUUID(),
			'the nil uuid': '00000000-0000-0000-0000-000000000000',
			'a number': '1',
			'not an id': 'abc',
			'SQL': "1' OR '1'='1",
			'a uuid with a tail': `${own}x`,
			'another province’s draft': otherDraft,
			'another province’s submitted plan': otherSubmitted,
		}
		const failures: string[] = []
		for (const user of [users.ldld.drafter, users.ldld.approver, users.tinhUy.approver]) {
			for (const [label, planId] of Object.entries(guesses)) {
				const attempts: [string, () => Promise<Response>][] = [
					['view', () => get(planRoute, `/plans/${planId}`, user, { planId })],
					['APPROVE', () => decide(user, planId, 'APPROVE', 1)],
					['SUBMIT', () => decide(user, planId, 'SUBMIT', 1)],
					['edit page', () => get(editRoute, `/plans/${planId}/edit`, user, { planId })],
					['edit form', () => postForm(user, planId, 1, 'submit')],
					['attachment', () => get(attachmentRoute, `/plans/${planId}/attachments/${attachment.id}`, user, { planId, attachmentId: attachment.id })],
				]
				for (const [what, attempt] of attempts) {
					const response = await attempt()
					const body = response.status === 404 ? await response.json() : await response.text()
					if (response.status !== 404 || (body as { message?: string }).message !== 'error.notFound')
						failures.push(`${what} of ${label} by ${user.email}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`)
				}
			}
		}
		// The VGCL board does see the other province's submitted plan, but not its draft.
		for (const user of [users.board.approver, users.board.admin]) {
			expect((await get(planRoute, `/plans/${otherDraft}`, user, { planId: otherDraft })).status).toBe(404)
			expect((await get(planRoute, `/plans/${otherSubmitted}`, user, { planId: otherSubmitted })).status).toBe(200)
		}
		// An attachment id that exists, asked for under the wrong plan, or a made-up one under the right plan.
		for (const [planId, attachmentId] of [
			[otherSubmitted, attachment.id],
			[own, randomUUID()],
			[own, 'abc'],
		]) {
			const response = await get(attachmentRoute, `/plans/${planId}/attachments/${attachmentId}`, users.board.approver, { planId, attachmentId })
			if (response.status !== 404) failures.push(`attachment ${attachmentId} of ${planId}: ${response.status}`)
		}
		expect(failures).toEqual([])
		expect(await totals()).toEqual(before)
	})

	test('without a session every plan route sends the user to sign in, and nothing changes', async () => {
		const planId = await planIn('step_1')
		const before = await planState(db, planId)
		for (const response of [
			await get(planRoute, `/plans/${planId}`, null, { planId }),
			await decide(null, planId, 'APPROVE', before!.version),
			await get(editRoute, `/plans/${planId}/edit`, null, { planId }),
			await get(plansRoute, '/plans', null, {}),
			await get(inboxRoute, '/inbox', null, {}),
		]) {
			expect(response.status).toBe(302)
			expect(response.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
		}
		expect(await planState(db, planId)).toEqual(before)
	})
})

describe('who sees which plans', () => {
	async function listIds(user: { id: string }, query = '') {
		const response = await get(plansRoute, `/plans${query}`, user, {})
		expect(response.status).toBe(200)
		const { rows, total } = (await response.json()) as { rows: { id: string }[]; total: number }
		expect(total).toBe(rows.length)
		return rows.map(r => r.id).sort()
	}

	test('a Tỉnh ủy approver sees submitted plans whose chain includes the Tỉnh ủy, never drafts or other provinces’ plans', async () => {
		const { users } = world
		const draft = await planIn('drafting')
		const submitted = await planIn('step_1')
		const returned = await planIn('returned')
		const otherProvince = await planIn('step_2', 'otherFed')

		const tinhUy = users.tinhUy.approver
		expect((await get(planRoute, `/plans/${submitted}`, tinhUy, { planId: submitted })).status).toBe(200)
		expect((await get(planRoute, `/plans/${draft}`, tinhUy, { planId: draft })).status).toBe(404)
		expect((await get(planRoute, `/plans/${otherProvince}`, tinhUy, { planId: otherProvince })).status).toBe(404)
		expect(await listIds(tinhUy)).toEqual([submitted, returned].sort())

		// Quảng Bình's Tỉnh ủy sees only its own province's plan; Quảng Trị's federation sees all of its own, drafts included.
		expect(await listIds(users.otherTinhUy.approver)).toEqual([otherProvince])
		expect(await listIds(users.ldld.admin)).toEqual([draft, submitted, returned].sort())
		expect(await listIds(users.otherFed.drafter)).toEqual([otherProvince])
	})

	test('the list filters by every state a plan reaches after approval, and shows when each delegation goes', async () => {
		const { users } = world
		const approved = await planIn('step_2')
		await sendPlanEvent(db, approved, 'APPROVE', users.tinhUy.approver)
		await sendPlanEvent(db, approved, 'APPROVE', users.board.approver)
		const cancelled = await planIn('step_2')
		await sendPlanEvent(db, cancelled, 'APPROVE', users.tinhUy.approver)
		await sendPlanEvent(db, cancelled, 'APPROVE', users.board.approver)
		await sendPlanEvent(db, cancelled, 'CANCEL', users.ldld.drafter, 'Đối tác đề nghị lùi lịch')
		await db.updateTable('plan').set({ timing_kind: 'month', timing_month: 6 }).where('id', '=', cancelled).execute()

		const drafter = users.ldld.drafter
		expect(await listIds(drafter, '?status=cancelled')).toEqual([cancelled])
		expect(await listIds(drafter, '?status=approved')).toEqual([approved])
		const response = await get(plansRoute, '/plans?status=cancelled', drafter, {})
		const { rows } = (await response.json()) as { rows: { timing_kind: string; timing_month: number; plan_year: number }[] }
		expect(rows[0]).toMatchObject({ timing_kind: 'month', timing_month: 6 })
	})

	test('the VGCL board lists every submitted plan, even outside its chains, and no drafts', async () => {
		const { users, orgs } = world
		// A sector union whose chain does not reach the board at all.
		const cdct = await insertOrganisation(db, { kind: 'sector_union', short_name: 'CĐCTVN', name_vi: 'Công đoàn Công Thương Việt Nam' })
		const dangUy = await insertOrganisation(db, { kind: 'party_committee', short_name: 'Đảng ủy Bộ Công Thương', name_vi: 'Đảng ủy Bộ Công Thương' })
		await insertChain(db, cdct.id, [cdct.id, dangUy.id])
		const cdctDrafter = await insertUser(db, { organisation_id: cdct.id, roles: ['drafter'] })
		const cdctApprover = await insertUser(db, { organisation_id: cdct.id, roles: ['approver'] })
		const cdctPlan = (await insertPlan(db, cdctDrafter, { partnerId: world.partner.id })).id
		await sendPlanEvent(db, cdctPlan, 'SUBMIT', cdctDrafter)
		await sendPlanEvent(db, cdctPlan, 'APPROVE', cdctApprover)
		const cdctDraft = (await insertPlan(db, cdctDrafter)).id

		const draft = await planIn('drafting')
		const submitted = await planIn('step_1')
		const returned = await planIn('returned')
		const otherProvince = await planIn('step_2', 'otherFed')
		const otherDraft = await planIn('drafting', 'otherFed')

		const allSubmitted = [submitted, returned, otherProvince, cdctPlan].sort()
		for (const user of [users.board.approver, users.board.admin, users.board.drafter]) {
			expect(await listIds(user)).toEqual(allSubmitted)
			expect(await listIds(user, '?status=pending')).toEqual([submitted, otherProvince, cdctPlan].sort())
			for (const hidden of [draft, otherDraft, cdctDraft])
				expect((await get(planRoute, `/plans/${hidden}`, user, { planId: hidden })).status).toBe(404)
			const page = await get(planRoute, `/plans/${cdctPlan}`, user, { planId: cdctPlan })
			expect(page.status).toBe(200)
			// Read-only: the board has no step in this chain.
			expect((await page.json()).actions).toEqual([])
		}
		expect(orgs.board.kind).toBe('vgcl_board')
	})

	test('the inbox lists only plans waiting at the user’s organisation, oldest first', async () => {
		const { users, orgs } = world
		const waiting = { recent: await planIn('step_2'), oldest: await planIn('step_2'), middle: await planIn('step_2') }
		const ago = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000 - 60_000)
		for (const [id, days] of [[waiting.oldest, 9], [waiting.middle, 3], [waiting.recent, 0]] as const)
			await db.updateTable('plan').set({ status_changed_at: ago(days) }).where('id', '=', id).execute()
		const atLdld = await planIn('step_1')
		await planIn('returned')
		await planIn('drafting')
		const approved = await planIn('step_2')
		await sendPlanEvent(db, approved, 'APPROVE', users.tinhUy.approver)
		await sendPlanEvent(db, approved, 'APPROVE', users.board.approver)
		const atOtherTinhUy = await planIn('step_2', 'otherFed')

		const inbox = async (user: { id: string }) => {
			const response = await get(inboxRoute, '/inbox', user, {})
			expect(response.status).toBe(200)
			return (await response.json()) as { rows: { id: string; waitingDays: number; status: string }[]; total: number }
		}
		const tinhUy = await inbox(users.tinhUy.approver)
		expect(tinhUy.rows.map(r => r.id)).toEqual([waiting.oldest, waiting.middle, waiting.recent])
		expect(tinhUy.rows.map(r => r.waitingDays)).toEqual([9, 3, 0])
		expect(tinhUy.total).toBe(3)
		expect((await inbox(users.ldld.approver)).rows.map(r => r.id)).toEqual([atLdld])
		expect((await inbox(users.otherTinhUy.approver)).rows.map(r => r.id)).toEqual([atOtherTinhUy])
		expect((await inbox(users.board.approver)).rows).toEqual([])
		expect(orgs.tinhUy.id).not.toBe(orgs.otherTinhUy.id)

		// The inbox is for approvers.
		for (const user of [users.tinhUy.drafter, users.tinhUy.admin, users.ldld.drafter])
			expect((await get(inboxRoute, '/inbox', user, {})).status).toBe(403)
	})
})
