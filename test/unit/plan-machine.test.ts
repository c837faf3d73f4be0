/**
 * The plan workflow machine against a hand-written reference of the approval rules.
 * `referenceNext` below is written from the rules, not from the machine: the model-based paths
 * (xstate/graph) must agree with it step by step, and so must `can()`/`transition()` for every
 * state × event type × actor × comment in the table.
 */
import { describe, expect, test } from 'vitest'
import { initialTransition, transition } from 'xstate'
import { createTestModel, getShortestPaths, getSimplePaths, type StatePath } from 'xstate/graph'
import { type Role } from '#db/schema.ts'
import {
	acceptsEventType,
	createPlanMachine,
	FINAL_STATUSES,
	PLAN_EVENT_TYPES,
	type PlanEvent,
	type PlanEventType,
	type PlanSnapshot,
	restoreSnapshot,
	stepIndexOf,
	stepStatus,
	storeSnapshot,
	type WorkflowActor,
} from '#workflows/plan/plan.machine.ts'

interface Chain {
	name: string
	owner: string
	steps: string[]
}

const CHAINS: Chain[] = [
	{ name: 'LĐLĐ → Tỉnh ủy → Ban Đối ngoại TLĐ', owner: 'ldld', steps: ['ldld', 'tinh-uy', 'ban-doi-ngoai'] },
	{
		name: 'LĐLĐ → Tỉnh ủy → UBND tỉnh → Ban Đối ngoại TLĐ',
		owner: 'ldld',
		steps: ['ldld', 'tinh-uy', 'ubnd', 'ban-doi-ngoai'],
	},
	// A sector union's plan that goes back to the provincial federation (steps 1 and 3) after the party committee.
	{
		name: 'CĐ ngành: LĐLĐ → Tỉnh ủy → LĐLĐ → Ban Đối ngoại TLĐ',
		owner: 'cd-nganh-giao-duc',
		steps: ['ldld', 'tinh-uy', 'ldld', 'ban-doi-ngoai'],
	},
]
const OUTSIDER_ORG = 'doi-tac-lao'
const EVENT_TYPES: PlanEventType[] = ['SUBMIT', 'APPROVE', 'RETURN', 'REJECT', 'WITHDRAW', 'RESUBMIT']

const machineOf = (chain: Chain) => createPlanMachine(chain.steps.map(organisationId => ({ organisationId })))
const inputOf = (chain: Chain) => ({ ownerOrganisationId: chain.owner })
const actor = (organisationId: string, ...roles: Role[]): WorkflowActor => ({
	userId: `${roles.join('+') || 'none'}@${organisationId}`,
	organisationId,
	roles,
})
const label = (event: PlanEvent) =>
	`${event.type} by ${event.actor.userId}${'comment' in event ? ` comment=${JSON.stringify(event.comment)}` : ''}`

function allStates(chain: Chain) {
	return ['drafting', ...chain.steps.map((_, i) => `step_${i + 1}`), 'returned', 'approved', 'rejected', 'withdrawn']
}

// ---- The rules, written out by hand ----

/** The state the rules lead to, or null when the event must be refused. */
function referenceNext(chain: Chain, state: string, event: PlanEvent): string | null {
	const { organisationId, roles } = event.actor
	const ownerDrafter = organisationId === chain.owner && roles.includes('drafter')
	const step = /^step_\d+$/.test(state) ? Number(state.slice('step_'.length)) : 0
	const stepApprover = step > 0 && organisationId === chain.steps[step - 1] && roles.includes('approver')
	const comment = 'comment' in event ? event.comment : undefined
	const hasComment = typeof comment === 'string' && comment.trim() !== ''
	switch (event.type) {
		case 'SUBMIT':
			return state === 'drafting' && ownerDrafter ? 'step_1' : null
		case 'APPROVE':
			if (!stepApprover) return null
			return step === chain.steps.length ? 'approved' : `step_${step + 1}`
		case 'RETURN':
			return stepApprover && hasComment ? 'returned' : null
		case 'REJECT':
			return stepApprover && hasComment ? 'rejected' : null
		case 'WITHDRAW':
			return (state === 'step_1' || state === 'returned') && ownerDrafter ? 'withdrawn' : null
		case 'RESUBMIT':
			return state === 'returned' && ownerDrafter ? 'step_1' : null
	}
}

/** Replays a sequence on the reference; refused events leave the state as it was. */
function referenceRun(chain: Chain, events: readonly PlanEvent[]) {
	return events.reduce((state, event) => referenceNext(chain, state, event) ?? state, 'drafting')
}

/** The one legitimate event of each type in a state: the owner's drafter, the current step's approver. */
function correctEvents(chain: Chain, state: string): PlanEvent[] {
	const drafter = actor(chain.owner, 'drafter')
	const step = /^step_\d+$/.test(state) ? Number(state.slice('step_'.length)) : 0
	const approver = actor(step > 0 ? chain.steps[step - 1] : chain.owner, 'approver')
	return [
		{ type: 'SUBMIT', actor: drafter },
		{ type: 'APPROVE', actor: approver },
		{ type: 'RETURN', actor: approver, comment: 'Đề nghị bổ sung danh sách đoàn' },
		{ type: 'REJECT', actor: approver, comment: 'Không phù hợp với kế hoạch năm' },
		{ type: 'WITHDRAW', actor: drafter },
		{ type: 'RESUBMIT', actor: drafter },
	]
}

/** Every user the table tries: each role (and none, and drafter+approver) in every organisation involved. */
function actorsOf(chain: Chain) {
	const orgs = [...new Set([chain.owner, ...chain.steps, OUTSIDER_ORG])]
	const roleSets: Role[][] = [['drafter'], ['approver'], ['admin'], ['drafter', 'approver'], ['admin', 'drafter'], []]
	return orgs.flatMap(org => roleSets.map(roles => actor(org, ...roles)))
}

const GOOD_COMMENT = 'Đề nghị làm rõ nguồn kinh phí'
const BLANK_COMMENTS = ['', ' ', '   ', '\t\n', '\u00a0\u3000']

/** Every event type with every comment variant, for one actor. */
function eventsFor(a: WorkflowActor): PlanEvent[] {
	const decisions = (type: 'RETURN' | 'REJECT'): PlanEvent[] => [
		{ type, actor: a, comment: GOOD_COMMENT },
		...BLANK_COMMENTS.map(comment => ({ type, actor: a, comment })),
		{ type, actor: a } as unknown as PlanEvent, // comment missing altogether (a malformed request)
	]
	return [
		{ type: 'SUBMIT', actor: a },
		{ type: 'APPROVE', actor: a },
		{ type: 'APPROVE', actor: a, comment: 'Đồng ý' },
		{ type: 'APPROVE', actor: a, comment: '' },
		...decisions('RETURN'),
		...decisions('REJECT'),
		{ type: 'WITHDRAW', actor: a },
		{ type: 'RESUBMIT', actor: a },
	]
}

const eventTable = (chain: Chain) => actorsOf(chain).flatMap(eventsFor)

// ---- Model-based paths ----

function testModelOf(chain: Chain) {
	return createTestModel(machineOf(chain), {
		input: inputOf(chain),
		events: snapshot => correctEvents(chain, String(snapshot.value)),
	})
}

// steps[0] is the initial state, reached by xstate.init.
const eventsOfPath = (path: StatePath<PlanSnapshot, PlanEvent>) => path.steps.slice(1).map(step => step.event)

const pathName = (path: StatePath<PlanSnapshot, PlanEvent>) =>
	`${
		eventsOfPath(path)
			.map(event => event.type)
			.join(' → ') || '(initial)'
	} ⇒ ${String(path.state.value)}`

/** Every distinct snapshot met on any simple path (value + context; the machine keeps no history). */
function reachableSnapshots(chain: Chain) {
	const byKey = new Map<string, PlanSnapshot>()
	for (const path of testModelOf(chain).getSimplePaths())
		for (const { state } of path.steps) byKey.set(JSON.stringify([state.value, state.context]), state)
	return [...byKey.values()]
}

describe.each(CHAINS)('model-based paths: $name', chain => {
	const machine = machineOf(chain)
	const model = testModelOf(chain)
	const shortest = model.getShortestPaths()
	const simple = model.getSimplePaths()

	// Each generated path is run as a test: the "system" is the machine driven by transition(), checked at
	// every step against both the model's state and the reference.
	for (const [kind, paths] of [
		['shortest', shortest],
		['simple', simple],
	] as const) {
		describe(`${kind} paths (${paths.length})`, () => {
			test.each(paths.map(path => [pathName(path), path] as const))('%s', async (_, path) => {
				let [sut] = initialTransition(machine, inputOf(chain))
				const replayed: PlanEvent[] = []
				const send = (step: { event: { type: string } }) => {
					const event = step.event as PlanEvent
					expect(referenceNext(chain, String(sut.value), event), `rules allow ${label(event)}`).not.toBeNull()
					;[sut] = transition(machine, sut, event)
					replayed.push(event)
				}
				await path.test({
					events: { SUBMIT: send, APPROVE: send, RETURN: send, REJECT: send, WITHDRAW: send, RESUBMIT: send },
					states: {
						'*': state => {
							expect(sut.value).toBe(state.value)
							expect(sut.value).toBe(referenceRun(chain, replayed))
						},
					},
				})
				expect(replayed).toEqual(eventsOfPath(path))
				expect(sut.value).toBe(referenceRun(chain, eventsOfPath(path)))
				expect(sut.value).toBe(path.state.value)
				expect(sut.context).toEqual(inputOf(chain))
			})
		})
	}

	test('every state of the chain is reached, by shortest and by simple paths', () => {
		// The test model drops a path that is a prefix of a longer one, so count every state on the way.
		const visited = (paths: typeof simple) =>
			[...new Set(paths.flatMap(path => path.steps.map(step => String(step.state.value))))].sort()
		const expected = [...allStates(chain)].sort()
		expect(visited(shortest)).toEqual(expected)
		expect(visited(simple)).toEqual(expected)
		const standalone = getShortestPaths(machine, {
			input: inputOf(chain),
			events: snapshot => correctEvents(chain, String(snapshot.value)),
		})
		expect(standalone.map(path => String(path.state.value)).sort()).toEqual(expected)
	})

	test('the simple paths take every transition the rules allow, and no other', () => {
		// The reference's own graph, explored from drafting with the same legitimate events.
		const expectedEdges = new Set<string>()
		const queue = ['drafting']
		const seen = new Set(queue)
		while (queue.length) {
			const from = queue.shift()!
			for (const event of correctEvents(chain, from)) {
				const to = referenceNext(chain, from, event)
				if (to === null) continue
				expectedEdges.add(`${from} -${event.type}-> ${to}`)
				if (seen.has(to)) continue
				seen.add(to)
				queue.push(to)
			}
		}
		const takenEdges = new Set(
			simple.flatMap(path =>
				path.steps.slice(1).map((step, i) => `${path.steps[i].state.value} -${step.event.type}-> ${step.state.value}`),
			),
		)
		expect([...takenEdges].sort()).toEqual([...expectedEdges].sort())
	})

	test('simple paths are finite despite the RESUBMIT loop, so no bound is needed', () => {
		// RETURN → RESUBMIT makes the graph cyclic, but a simple path visits each vertex at most once. On plain
		// states (standalone getSimplePaths): drafting, each step and approved are reached one way; returned and
		// rejected once per step; withdrawn from step_1 or from returned-after-each-step.
		const raw = getSimplePaths(machine, {
			input: inputOf(chain),
			events: snapshot => correctEvents(chain, String(snapshot.value)),
		})
		const n = chain.steps.length
		expect(raw).toHaveLength(1 + n + 1 + n + n + (n + 1))
		// The test model's vertices are (state, incoming transition), so it has more, but still few.
		const vertices = Object.keys(model.getAdjacencyMap()).length
		for (const path of simple) expect(path.steps.length).toBeLessThanOrEqual(vertices)
	})
})

// ---- Forbidden events ----

describe.each(CHAINS)('every event × actor × comment in every reachable state: $name', chain => {
	const machine = machineOf(chain)
	const snapshots = reachableSnapshots(chain)
	const table = eventTable(chain)

	test('the reachable states are exactly the chain states', () => {
		expect(snapshots.map(s => String(s.value)).sort()).toEqual([...allStates(chain)].sort())
	})

	test('the table covers each kind of sender the rules tell apart', () => {
		const has = (p: (a: WorkflowActor) => boolean) => table.some(e => p(e.actor))
		expect(has(a => a.organisationId === chain.owner && a.roles.includes('drafter'))).toBe(true)
		expect(has(a => a.organisationId === chain.owner && a.roles.includes('approver'))).toBe(true)
		expect(has(a => a.organisationId !== chain.owner && a.roles.includes('drafter'))).toBe(true)
		expect(has(a => a.roles.includes('admin') && !a.roles.includes('approver'))).toBe(true)
		chain.steps.forEach((org, i) => {
			expect(
				has(a => a.organisationId === org && a.roles.includes('approver')),
				`step ${i + 1}`,
			).toBe(true)
			expect(
				has(a => a.organisationId !== org && chain.steps.includes(a.organisationId) && a.roles.includes('approver')),
			).toBe(true)
		})
		for (const type of ['RETURN', 'REJECT'])
			for (const blank of BLANK_COMMENTS)
				expect(table.some(e => e.type === type && 'comment' in e && e.comment === blank)).toBe(true)
	})

	test.each(snapshots.map(s => [String(s.value), s] as const))('%s', (state, snapshot) => {
		const mismatches: string[] = []
		let allowed = 0
		for (const event of table) {
			const expected = referenceNext(chain, state, event)
			const can = snapshot.can(event)
			const [next] = transition(machine, snapshot, event)
			if (expected !== null) allowed++
			if (can !== (expected !== null))
				mismatches.push(`can(${label(event)}) = ${can}, rules say ${expected ?? 'refuse'}`)
			if (next.value !== (expected ?? state))
				mismatches.push(`${label(event)} went to ${String(next.value)}, rules say ${expected ?? `stay in ${state}`}`)
			if (
				expected === null &&
				(next.status !== snapshot.status || JSON.stringify(next.context) !== JSON.stringify(snapshot.context))
			)
				mismatches.push(`refused ${label(event)} changed status or context`)
		}
		expect(mismatches).toEqual([])
		expect(table.length).toBeGreaterThan(400)
		// Sanity: active states accept something, final ones nothing.
		expect(allowed > 0).toBe(!['approved', 'rejected', 'withdrawn'].includes(state))
	})
})

// ---- Persist / restore ----

describe.each(CHAINS)('storeSnapshot → JSON → restoreSnapshot: $name', chain => {
	const machine = machineOf(chain)
	const snapshots = reachableSnapshots(chain)
	const table = eventTable(chain)

	test.each(snapshots.map(s => [String(s.value), s] as const))('%s', (state, snapshot) => {
		const json = JSON.stringify(storeSnapshot(snapshot))
		expect(JSON.parse(json)).toEqual({ value: state, context: { ownerOrganisationId: chain.owner } })

		// Rebuilt from a copy of the pinned steps, as the server does when it loads a plan.
		const rebuilt = createPlanMachine(
			JSON.parse(JSON.stringify(chain.steps.map(organisationId => ({ organisationId })))),
		)
		const restored = restoreSnapshot(rebuilt, JSON.parse(json))
		expect(restored.value).toBe(snapshot.value)
		expect(restored.context).toEqual(snapshot.context)
		expect(restored.status).toBe(snapshot.status)
		const mismatches: string[] = []
		for (const event of table) {
			const expected = referenceNext(chain, state, event)
			if (restored.can(event) !== (expected !== null)) mismatches.push(`can(${label(event)})`)
			const [after] = transition(rebuilt, restored, event)
			const [original] = transition(machine, snapshot, event)
			if (after.value !== original.value || after.value !== (expected ?? state)) mismatches.push(`→ ${label(event)}`)
		}
		expect(mismatches).toEqual([])
	})

	test('a plan stored and reloaded after every event ends where an uninterrupted one does', () => {
		for (const path of testModelOf(chain).getSimplePaths()) {
			let stored = JSON.stringify(storeSnapshot(initialTransition(machine, inputOf(chain))[0]))
			for (const event of eventsOfPath(path)) {
				const loaded = restoreSnapshot(machineOf(chain), JSON.parse(stored))
				expect(loaded.can(event)).toBe(true)
				stored = JSON.stringify(storeSnapshot(transition(machineOf(chain), loaded, event)[0]))
			}
			expect(JSON.parse(stored).value).toBe(referenceRun(chain, eventsOfPath(path)))
		}
	})

	test('a stored step that the rebuilt chain does not have is refused, not silently remapped', () => {
		const shorter = createPlanMachine(chain.steps.slice(0, 2).map(organisationId => ({ organisationId })))
		expect(() => restoreSnapshot(shorter, { value: 'step_3', context: inputOf(chain) })).toThrow(/step_3/)
	})
})

// ---- Helpers ----

describe('stepIndexOf / stepStatus', () => {
	test('maps step statuses to 0-based indexes and back', () => {
		expect(stepIndexOf('step_1')).toBe(0)
		expect(stepIndexOf('step_4')).toBe(3)
		expect(stepIndexOf('step_12')).toBe(11)
		for (let i = 0; i < 15; i++) expect(stepIndexOf(stepStatus(i))).toBe(i)
		expect(stepStatus(0)).toBe('step_1')
	})

	test.each([
		'drafting',
		'returned',
		'approved',
		'rejected',
		'withdrawn',
		'step_',
		'step_x',
		'Step_1',
		' step_1',
		'step_1_b',
		'xstep_1',
		'',
	])('%j is not a step', status => expect(stepIndexOf(status)).toBeNull())
})

describe('acceptsEventType', () => {
	const chain = CHAINS[0]
	const machine = machineOf(chain)
	const at = (value: string) => restoreSnapshot(machine, { value, context: inputOf(chain) })
	const accepted = (value: string) => EVENT_TYPES.filter(type => acceptsEventType(at(value), type))

	test('lists the event types a state has a transition for, whoever sends them', () => {
		expect(accepted('drafting')).toEqual(['SUBMIT'])
		expect(accepted('step_1')).toEqual(['APPROVE', 'RETURN', 'REJECT', 'WITHDRAW'])
		expect(accepted('step_2')).toEqual(['APPROVE', 'RETURN', 'REJECT'])
		expect(accepted('step_3')).toEqual(['APPROVE', 'RETURN', 'REJECT'])
		expect(accepted('returned')).toEqual(['WITHDRAW', 'RESUBMIT'])
		for (const final of ['approved', 'rejected', 'withdrawn']) expect(accepted(final)).toEqual([])
	})

	test.each(CHAINS)('agrees with the rules for some sender in every state: $name', c => {
		const table = eventTable(c)
		for (const snapshot of reachableSnapshots(c))
			for (const type of EVENT_TYPES) {
				const someoneMay = table.some(e => e.type === type && referenceNext(c, String(snapshot.value), e) !== null)
				expect(acceptsEventType(snapshot, type), `${String(snapshot.value)} ${type}`).toBe(someoneMay)
			}
	})

	test('module constants match the rules', () => {
		expect([...PLAN_EVENT_TYPES].sort()).toEqual([...EVENT_TYPES].sort())
		expect([...FINAL_STATUSES].sort()).toEqual(['approved', 'rejected', 'withdrawn'])
		for (const final of FINAL_STATUSES) expect(at(final).status).toBe('done')
		expect(() => createPlanMachine([])).toThrow()
	})
})
