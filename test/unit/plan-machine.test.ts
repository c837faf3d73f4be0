/**
 * The plan workflow machine against a hand-written reference of the rules: the approval chain, then the trip
 * (departure, return, the post-trip report and its acknowledgement), cancellation, postponement and amendment.
 * `referenceNext` below is written from the rules, not from the machine: the model-based paths (xstate/graph)
 * must agree with it step by step, and so must `can()`/`transition()` for every state × event type × actor ×
 * comment in the table.
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
	REPORT_DUE_STATUSES,
	restoreSnapshot,
	stepIndexOf,
	stepStatus,
	storeSnapshot,
	type WorkflowActor,
} from '#workflows/plans/plan.machine.ts'

interface Chain {
	name: string
	owner: string
	steps: string[]
}

const CHAINS: Chain[] = [
	// The owner's organisation is step 1 and is not a receiver of the report: Tỉnh ủy may return it, the board acknowledges.
	{ name: 'LĐLĐ → Tỉnh ủy → Ban Đối ngoại TLĐ', owner: 'ldld', steps: ['ldld', 'tinh-uy', 'ban-doi-ngoai'] },
	{
		name: 'LĐLĐ → Tỉnh ủy → UBND tỉnh → Ban Đối ngoại TLĐ',
		owner: 'ldld',
		steps: ['ldld', 'tinh-uy', 'ubnd', 'ban-doi-ngoai'],
	},
	// A sector union's plan that goes back to the provincial federation (steps 1 and 3) after the party committee.
	// The owner is not in the chain: every step organisation, the federation once, receives the report.
	{
		name: 'CĐ ngành: LĐLĐ → Tỉnh ủy → LĐLĐ → Ban Đối ngoại TLĐ',
		owner: 'cd-nganh-giao-duc',
		steps: ['ldld', 'tinh-uy', 'ldld', 'ban-doi-ngoai'],
	},
	// The owner decides last: the last receiver (Tỉnh ủy) is not the last step's organisation.
	{ name: 'Tỉnh ủy → LĐLĐ', owner: 'ldld', steps: ['tinh-uy', 'ldld'] },
	// The owner is the only organisation of the chain: with no other, it receives its own report.
	{ name: 'Ban Đối ngoại TLĐ (một bước)', owner: 'ban-doi-ngoai', steps: ['ban-doi-ngoai'] },
]
const OUTSIDER_ORG = 'doi-tac-lao'
const EVENT_TYPES: PlanEventType[] = [
	'SUBMIT',
	'APPROVE',
	'RETURN',
	'REJECT',
	'WITHDRAW',
	'RESUBMIT',
	'DEPART',
	'COMPLETE_TRIP',
	'CANCEL',
	'POSTPONE',
	'AMEND',
	'SUBMIT_REPORT',
	'ACKNOWLEDGE_REPORT',
	'RETURN_REPORT',
]
const FINAL = ['closed', 'cancelled', 'rejected', 'withdrawn']

const machineOf = (chain: Chain) =>
	createPlanMachine(
		chain.steps.map(organisationId => ({ organisationId })),
		chain.owner,
	)
const inputOf = (chain: Chain) => ({ ownerOrganisationId: chain.owner })
const actor = (organisationId: string, ...roles: Role[]): WorkflowActor => ({
	userId: `${roles.join('+') || 'none'}@${organisationId}`,
	organisationId,
	roles,
})
const label = (event: PlanEvent) =>
	`${event.type} by ${event.actor.userId}${'comment' in event ? ` comment=${JSON.stringify(event.comment)}` : ''}`

function allStates(chain: Chain) {
	return [
		'drafting',
		...chain.steps.map((_, i) => `step_${i + 1}`),
		'returned',
		'approved',
		'departed',
		'trip_done',
		'report_submitted',
		'report_returned',
		...FINAL,
	]
}

// ---- The rules, written out by hand ----

/**
 * The organisations the post-trip report goes to: the chain's organisations other than the owner's, each once
 * in the order the chain first reaches it; when the owner's is the only one, the owner's. The last of them
 * acknowledges the report.
 */
function receiversOf(chain: Chain) {
	const organisations = [...new Set(chain.steps)]
	const others = organisations.filter(org => org !== chain.owner)
	return others.length ? others : organisations
}

/** The state the rules lead to, or null when the event must be refused. */
function referenceNext(chain: Chain, state: string, event: PlanEvent): string | null {
	const { organisationId, roles } = event.actor
	const approver = roles.includes('approver')
	const ownerDrafter = organisationId === chain.owner && roles.includes('drafter')
	const step = /^step_\d+$/.test(state) ? Number(state.slice('step_'.length)) : 0
	const stepApprover = step > 0 && organisationId === chain.steps[step - 1] && approver
	const receivers = receiversOf(chain)
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
		// After approval everything is the owner's drafter's, except the report's fate.
		case 'DEPART':
			return state === 'approved' && ownerDrafter ? 'departed' : null
		case 'CANCEL':
			return state === 'approved' && ownerDrafter && hasComment ? 'cancelled' : null
		case 'POSTPONE':
			return state === 'approved' && ownerDrafter && hasComment ? 'approved' : null
		case 'AMEND':
			return state === 'approved' && ownerDrafter && hasComment ? 'step_1' : null
		case 'COMPLETE_TRIP':
			return state === 'departed' && ownerDrafter ? 'trip_done' : null
		case 'SUBMIT_REPORT':
			return (state === 'trip_done' || state === 'report_returned') && ownerDrafter ? 'report_submitted' : null
		case 'ACKNOWLEDGE_REPORT':
			return state === 'report_submitted' && approver && organisationId === receivers.at(-1) ? 'closed' : null
		case 'RETURN_REPORT':
			return state === 'report_submitted' && approver && receivers.includes(organisationId) && hasComment
				? 'report_returned'
				: null
	}
}

/** Replays a sequence on the reference; refused events leave the state as it was. */
function referenceRun(chain: Chain, events: readonly PlanEvent[]) {
	return events.reduce((state, event) => referenceNext(chain, state, event) ?? state, 'drafting')
}

/**
 * The one legitimate event of each type in a state: the owner's drafter; the current step's approver, or, once
 * the report is in, the last receiver's approver; the report is returned by the first receiver's approver (on
 * chains with several receivers, one that may return the report but not acknowledge it).
 */
function correctEvents(chain: Chain, state: string): PlanEvent[] {
	const drafter = actor(chain.owner, 'drafter')
	const step = /^step_\d+$/.test(state) ? Number(state.slice('step_'.length)) : 0
	const receivers = receiversOf(chain)
	const approver = actor(step > 0 ? chain.steps[step - 1] : receivers.at(-1)!, 'approver')
	const reportReturner = actor(receivers[0], 'approver')
	return [
		{ type: 'SUBMIT', actor: drafter },
		{ type: 'APPROVE', actor: approver },
		{ type: 'RETURN', actor: approver, comment: 'Đề nghị bổ sung danh sách đoàn' },
		{ type: 'REJECT', actor: approver, comment: 'Không phù hợp với kế hoạch năm' },
		{ type: 'WITHDRAW', actor: drafter },
		{ type: 'RESUBMIT', actor: drafter },
		{ type: 'DEPART', actor: drafter },
		{ type: 'COMPLETE_TRIP', actor: drafter },
		{ type: 'CANCEL', actor: drafter, comment: 'Đối tác đề nghị hủy chuyến đi' },
		{ type: 'POSTPONE', actor: drafter, comment: 'Lùi sang quý IV theo đề nghị của đối tác' },
		{ type: 'AMEND', actor: drafter, comment: 'Bổ sung hai thành viên đoàn' },
		{ type: 'SUBMIT_REPORT', actor: drafter },
		{ type: 'ACKNOWLEDGE_REPORT', actor: approver },
		{ type: 'RETURN_REPORT', actor: reportReturner, comment: 'Đề nghị bổ sung kết quả hội đàm' },
	]
}

/** Every user the table tries: each role (and none, and two together) in every organisation involved. */
function actorsOf(chain: Chain) {
	const orgs = [...new Set([chain.owner, ...chain.steps, OUTSIDER_ORG])]
	const roleSets: Role[][] = [['drafter'], ['approver'], ['admin'], ['drafter', 'approver'], ['admin', 'drafter'], []]
	return orgs.flatMap(org => roleSets.map(roles => actor(org, ...roles)))
}

const GOOD_COMMENT = 'Đề nghị làm rõ nguồn kinh phí'
const BLANK_COMMENTS = ['', ' ', '   ', '\t\n', '\u00a0\u3000']
/** The blank comments crossed with every actor; all of BLANK_COMMENTS is tried on the legitimate senders. */
const TABLE_BLANKS = ['', '\u00a0\u3000']
const COMMENT_REQUIRED = ['RETURN', 'REJECT', 'CANCEL', 'POSTPONE', 'AMEND', 'RETURN_REPORT'] as const

/** Every event type with every kind of comment (good, blank, missing), for one actor. */
function eventsFor(a: WorkflowActor): PlanEvent[] {
	const commented = (type: (typeof COMMENT_REQUIRED)[number]): PlanEvent[] => [
		{ type, actor: a, comment: GOOD_COMMENT },
		...TABLE_BLANKS.map(comment => ({ type, actor: a, comment })),
		{ type, actor: a } as unknown as PlanEvent, // comment missing altogether (a malformed request)
	]
	return [
		{ type: 'SUBMIT', actor: a },
		{ type: 'APPROVE', actor: a },
		{ type: 'APPROVE', actor: a, comment: 'Đồng ý' },
		{ type: 'APPROVE', actor: a, comment: '' },
		...commented('RETURN'),
		...commented('REJECT'),
		{ type: 'WITHDRAW', actor: a },
		{ type: 'RESUBMIT', actor: a },
		{ type: 'DEPART', actor: a },
		{ type: 'COMPLETE_TRIP', actor: a },
		...commented('CANCEL'),
		...commented('POSTPONE'),
		...commented('AMEND'),
		{ type: 'SUBMIT_REPORT', actor: a },
		{ type: 'ACKNOWLEDGE_REPORT', actor: a },
		{ type: 'ACKNOWLEDGE_REPORT', actor: a, comment: 'Đã nhận báo cáo' },
		{ type: 'ACKNOWLEDGE_REPORT', actor: a, comment: ' ' },
		...commented('RETURN_REPORT'),
	]
}

const eventTable = (chain: Chain) => actorsOf(chain).flatMap(eventsFor)

// ---- Model-based paths ----

/**
 * How the path enumeration is bounded.
 *
 * The test model's vertices are (state, the transition that entered it), not a path's history, so its graph is
 * finite (17–26 vertices here) although the machine has cycles: RETURN → RESUBMIT and AMEND go back to step_1,
 * RETURN_REPORT → SUBMIT_REPORT back to report_submitted, and POSTPONE re-enters approved. A simple path visits
 * a vertex at most once, so each cycle is closed at most once per path and the enumeration terminates with no
 * further bound (31–52 simple paths per chain; asserted below). The price is that a simple path never climbs
 * step_2 … step_n twice (each "step_k via APPROVE from step_(k-1)" vertex is already spent): a plan returned
 * above step 1, or amended, is never seen approved again, let alone travelling.
 *
 * That second climb is added explicitly, and bounded to one lap: the simple paths that have just gone back to
 * step_1 for the first time (RESUBMIT after a return at each step, AMEND, POSTPONE then AMEND; not those that
 * already went round once) are each continued by the shortest paths from there to every vertex
 * (`getShortestPathsFrom`), and continuations that are a prefix of another are dropped. Nothing goes round a
 * third time: (n + 2) × (vertices) paths before the prefixes are dropped, 27–90 per chain after.
 *
 * `limit` is a traversal option, but of the adjacency map, not of path length (xstate/graph has no path-length
 * option): it makes the traversal throw instead of hanging if a change to the machine (a counter in the
 * context, say) made the graph infinite.
 */
const TRAVERSAL_LIMIT = 2_000
const BACK_TO_STEP_1: readonly string[] = ['RESUBMIT', 'AMEND']

function testModelOf(chain: Chain) {
	return createTestModel(machineOf(chain), {
		input: inputOf(chain),
		events: snapshot => correctEvents(chain, String(snapshot.value)),
		limit: TRAVERSAL_LIMIT,
	})
}

type Path = StatePath<PlanSnapshot, PlanEvent>

// steps[0] is the initial state, reached by xstate.init.
const eventsOfPath = (path: Path) => path.steps.slice(1).map(step => step.event)

const pathName = (path: Path) =>
	`${
		eventsOfPath(path)
			.map(event => event.type)
			.join(' → ') || '(initial)'
	} ⇒ ${String(path.state.value)}`

/** Drops the paths whose events are a prefix of another path's (as the test model does for its own paths). */
function withoutPrefixes<P extends Path>(paths: P[]) {
	const key = (path: Path) => JSON.stringify(eventsOfPath(path)).slice(0, -1)
	const keys = paths.map(key)
	return paths.filter((_, i) => !keys.some((other, j) => j !== i && other.startsWith(keys[i]) && (other !== keys[i] || j < i)))
}

/**
 * The simple paths that have just gone back to step_1 for the first time (after a return at each step, or after
 * an amendment, possibly postponed first), each continued once, by the shortest way, to every vertex.
 */
function secondLapPaths(model: ReturnType<typeof testModelOf>) {
	return withoutPrefixes(model.getShortestPathsFrom(firstReturnsToStep1(model)))
}

function firstReturnsToStep1(model: ReturnType<typeof testModelOf>) {
	return model
		.getSimplePaths({ allowDuplicatePaths: true })
		.filter(path => BACK_TO_STEP_1.includes(path.steps.at(-1)!.event.type))
		.filter(path => eventsOfPath(path).filter(event => BACK_TO_STEP_1.includes(event.type)).length === 1)
}

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
	const laps = secondLapPaths(model)

	// Each generated path is run as a test: the "system" is the machine driven by transition(), checked at
	// every step against both the model's state and the reference.
	for (const [kind, paths] of [
		['shortest', shortest],
		['simple', simple],
		['second-lap', laps],
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
					events: Object.fromEntries(EVENT_TYPES.map(type => [type, send])),
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

	test('every state of the chain is reached, by shortest, simple and second-lap paths', () => {
		// The test model drops a path that is a prefix of a longer one, so count every state on the way.
		const visited = (paths: readonly Path[]) =>
			[...new Set(paths.flatMap(path => path.steps.map(step => String(step.state.value))))].sort()
		const expected = [...allStates(chain)].sort()
		expect(visited(shortest)).toEqual(expected)
		expect(visited(simple)).toEqual(expected)
		expect(visited(laps)).toEqual(expected)
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
		const edgesOf = (paths: readonly Path[]) =>
			new Set(
				paths.flatMap(path =>
					path.steps.slice(1).map((step, i) => `${path.steps[i].state.value} -${step.event.type}-> ${step.state.value}`),
				),
			)
		expect([...edgesOf(simple)].sort()).toEqual([...expectedEdges].sort())
		// Including the cycles: POSTPONE on approved, RESUBMIT and AMEND to step_1, SUBMIT_REPORT after RETURN_REPORT.
		for (const edge of [
			'approved -POSTPONE-> approved',
			'returned -RESUBMIT-> step_1',
			'approved -AMEND-> step_1',
			'report_returned -SUBMIT_REPORT-> report_submitted',
		])
			expect(expectedEdges).toContain(edge)
		for (const edge of edgesOf(laps)) expect(expectedEdges).toContain(edge)
	})

	test('simple paths are finite despite the cycles; the second lap is bounded to one', () => {
		// On plain states (standalone getSimplePaths, vertices = value + context): drafting, each step, approved,
		// departed, trip_done, report_submitted, report_returned, closed and cancelled are reached one way each;
		// returned and rejected once per step; withdrawn from step_1 or from returned-after-each-step. POSTPONE's
		// self-loop, RESUBMIT/AMEND back to step_1 and SUBMIT_REPORT after a returned report revisit a vertex.
		const raw = getSimplePaths(machine, {
			input: inputOf(chain),
			events: snapshot => correctEvents(chain, String(snapshot.value)),
		})
		const n = chain.steps.length
		expect(raw).toHaveLength((1 + n + 7) + n + n + (n + 1))
		// The test model's vertices are (state, incoming transition), so it has more, but still few.
		const vertices = Object.keys(model.getAdjacencyMap()).length
		expect(vertices).toBeLessThan(40)
		expect(simple.length).toBeLessThan(100)
		for (const path of simple) expect(path.steps.length).toBeLessThanOrEqual(vertices)
		// The second lap starts from n + 2 paths: back to step_1 after a return at each step, after AMEND, and
		// after POSTPONE then AMEND; each goes on by one shortest path, so it is at most two simple paths long.
		expect(firstReturnsToStep1(model).map(path => eventsOfPath(path).map(event => event.type).join(' ')).sort()).toEqual(
			[
				...chain.steps.map((_, k) => ['SUBMIT', ...Array<string>(k).fill('APPROVE'), 'RETURN', 'RESUBMIT'].join(' ')),
				['SUBMIT', ...chain.steps.map(() => 'APPROVE'), 'AMEND'].join(' '),
				['SUBMIT', ...chain.steps.map(() => 'APPROVE'), 'POSTPONE', 'AMEND'].join(' '),
			].sort(),
		)
		for (const path of laps) expect(path.steps.length).toBeLessThanOrEqual(2 * vertices)
		expect(laps.length).toBeLessThan(n * vertices + 2 * vertices)
	})

	test('the second lap climbs the whole chain again: returned at any step, or amended, then closed', () => {
		const sequences = laps.map(path => eventsOfPath(path).map(event => event.type).join(' '))
		const approvals = (k: number) => Array<string>(k).fill('APPROVE')
		const trip = ['DEPART', 'COMPLETE_TRIP', 'SUBMIT_REPORT', 'ACKNOWLEDGE_REPORT']
		const n = chain.steps.length
		for (let k = 0; k < n; k++)
			expect(sequences, `returned at step ${k + 1}`).toContain(
				['SUBMIT', ...approvals(k), 'RETURN', 'RESUBMIT', ...approvals(n), ...trip].join(' '),
			)
		expect(sequences).toContain(['SUBMIT', ...approvals(n), 'AMEND', ...approvals(n), ...trip].join(' '))
		expect(sequences).toContain(['SUBMIT', ...approvals(n), 'POSTPONE', 'AMEND', ...approvals(n), 'CANCEL'].join(' '))
	})
})

// ---- Forbidden events ----

describe.each(CHAINS)('every event × actor × comment in every reachable state: $name', chain => {
	const machine = machineOf(chain)
	const snapshots = reachableSnapshots(chain)
	const table = eventTable(chain)
	const receivers = receiversOf(chain)

	test('the reachable states are exactly the chain states', () => {
		expect(snapshots.map(s => String(s.value)).sort()).toEqual([...allStates(chain)].sort())
	})

	test('the table covers each kind of sender the rules tell apart', () => {
		const has = (p: (a: WorkflowActor) => boolean) => table.some(e => p(e.actor))
		const approverOf = (org: string) => (a: WorkflowActor) => a.organisationId === org && a.roles.includes('approver')
		expect(has(a => a.organisationId === chain.owner && a.roles.includes('drafter'))).toBe(true)
		expect(has(a => a.organisationId === chain.owner && a.roles.includes('approver'))).toBe(true)
		expect(has(a => a.organisationId !== chain.owner && a.roles.includes('drafter'))).toBe(true)
		expect(has(a => a.roles.includes('admin') && !a.roles.includes('approver'))).toBe(true)
		chain.steps.forEach((org, i) => {
			expect(has(approverOf(org)), `step ${i + 1}`).toBe(true)
			expect(
				has(a => a.organisationId !== org && chain.steps.includes(a.organisationId) && a.roles.includes('approver')) ||
					chain.steps.every(other => other === org),
			).toBe(true)
		})
		// Receivers of the report: the last one, the others, and approvers who are not receivers at all.
		for (const org of receivers) expect(has(approverOf(org)), `receiver ${org}`).toBe(true)
		expect(has(a => !receivers.includes(a.organisationId) && a.roles.includes('approver'))).toBe(true)
		expect(has(a => a.organisationId === receivers.at(-1) && a.roles.includes('drafter') && !a.roles.includes('approver'))).toBe(true)
		for (const type of COMMENT_REQUIRED)
			for (const blank of TABLE_BLANKS)
				expect(table.some(e => e.type === type && 'comment' in e && e.comment === blank)).toBe(true)
		expect(new Set(table.map(e => e.type))).toEqual(new Set(EVENT_TYPES))
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
		expect(allowed > 0).toBe(!FINAL.includes(state))
	})

	test('every kind of blank comment is refused from every sender the rules would allow with a comment', () => {
		const mismatches: string[] = []
		let tried = 0
		for (const snapshot of snapshots) {
			const state = String(snapshot.value)
			for (const event of table) {
				if (!('comment' in event) || event.comment !== GOOD_COMMENT || referenceNext(chain, state, event) === null) continue
				for (const comment of BLANK_COMMENTS) {
					const blank = { ...event, comment } as PlanEvent
					tried++
					if (referenceNext(chain, state, blank) !== null) mismatches.push(`rules allow ${label(blank)}`)
					if (snapshot.can(blank)) mismatches.push(`${state}: can(${label(blank)})`)
					if (transition(machine, snapshot, blank)[0] !== snapshot) mismatches.push(`${state}: ${label(blank)} changed the snapshot`)
				}
			}
		}
		expect(mismatches).toEqual([])
		// RETURN and REJECT at each step; CANCEL, POSTPONE and AMEND; RETURN_REPORT by each receiver.
		expect(tried).toBeGreaterThanOrEqual(BLANK_COMMENTS.length * (2 * chain.steps.length + 3 + receivers.length))
	})
})

describe('the receivers of the report, on every chain', () => {
	// Together the chains tell apart the cases of the receiver rule.
	const cases = CHAINS.map(chain => ({ chain, receivers: receiversOf(chain) }))

	test('the chains cover: owner in the chain and not a receiver, owner outside it, owner the only receiver, last receiver not the last step', () => {
		expect(cases.some(({ chain, receivers }) => chain.steps.includes(chain.owner) && !receivers.includes(chain.owner))).toBe(true)
		expect(cases.some(({ chain }) => !chain.steps.includes(chain.owner))).toBe(true)
		expect(cases.some(({ chain, receivers }) => receivers.length === 1 && receivers[0] === chain.owner)).toBe(true)
		expect(cases.some(({ chain, receivers }) => receivers.at(-1) !== chain.steps.at(-1))).toBe(true)
		expect(cases.some(({ receivers }) => receivers.length > 1)).toBe(true)
	})

	test.each(cases.map(c => [c.chain.name, c] as const))('%s', (_, { chain, receivers }) => {
		const machine = machineOf(chain)
		const submitted = restoreSnapshot(machine, { value: 'report_submitted', context: inputOf(chain) })
		for (const org of [...new Set([chain.owner, ...chain.steps, OUTSIDER_ORG])]) {
			const approver = actor(org, 'approver')
			const receiver = receivers.includes(org)
			expect(submitted.can({ type: 'RETURN_REPORT', actor: approver, comment: GOOD_COMMENT }), `${org} returns`).toBe(receiver)
			expect(submitted.can({ type: 'ACKNOWLEDGE_REPORT', actor: approver }), `${org} acknowledges`).toBe(org === receivers.at(-1))
		}
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

		// Rebuilt from a copy of the pinned steps and the plan's owner, as the server does when it loads a plan.
		const stored = JSON.parse(json)
		const rebuilt = createPlanMachine(
			JSON.parse(JSON.stringify(chain.steps.map(organisationId => ({ organisationId })))),
			stored.context.ownerOrganisationId,
		)
		const restored = restoreSnapshot(rebuilt, stored)
		expect(restored.value).toBe(snapshot.value)
		expect(restored.context).toEqual(snapshot.context)
		expect(restored.status).toBe(snapshot.status)
		// The whole table through can() (the forbidden-events test above already ran every transition() on the
		// original snapshot), and every allowed event through transition() on both.
		const mismatches: string[] = []
		for (const event of table) {
			const expected = referenceNext(chain, state, event)
			if (restored.can(event) !== (expected !== null)) mismatches.push(`can(${label(event)})`)
			if (expected === null) continue
			const [after] = transition(rebuilt, restored, event)
			const [original] = transition(machine, snapshot, event)
			if (after.value !== original.value || after.value !== expected) mismatches.push(`→ ${label(event)}`)
			if (JSON.stringify(storeSnapshot(after)) !== JSON.stringify(storeSnapshot(original))) mismatches.push(`stored after ${label(event)}`)
		}
		expect(mismatches).toEqual([])
	})

	test('a plan stored and reloaded after every event ends where an uninterrupted one does', () => {
		const model = testModelOf(chain)
		const paths = [...model.getSimplePaths(), ...secondLapPaths(model)]
		for (const path of paths) {
			// A machine rebuilt for each path (building one takes about half a millisecond, too long to do per event).
			const rebuilt = machineOf(chain)
			let stored = JSON.stringify(storeSnapshot(initialTransition(machine, inputOf(chain))[0]))
			for (const event of eventsOfPath(path)) {
				const loaded = restoreSnapshot(rebuilt, JSON.parse(stored))
				expect(loaded.can(event)).toBe(true)
				stored = JSON.stringify(storeSnapshot(transition(rebuilt, loaded, event)[0]))
			}
			expect(JSON.parse(stored).value).toBe(referenceRun(chain, eventsOfPath(path)))
		}
	})

	test('a stored step that the rebuilt chain does not have is refused, not silently remapped', () => {
		const n = chain.steps.length
		const beyond = stepStatus(n)
		expect(() => restoreSnapshot(machine, { value: beyond, context: inputOf(chain) })).toThrow(new RegExp(beyond))
		if (n > 1) {
			const shorter = createPlanMachine(
				chain.steps.slice(0, -1).map(organisationId => ({ organisationId })),
				chain.owner,
			)
			const last = stepStatus(n - 1)
			expect(() => restoreSnapshot(shorter, { value: last, context: inputOf(chain) })).toThrow(new RegExp(last))
		}
		expect(() => restoreSnapshot(machine, { value: 'travelling', context: inputOf(chain) })).toThrow(/travelling/)
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
		'departed',
		'trip_done',
		'report_submitted',
		'report_returned',
		'closed',
		'cancelled',
		'rejected',
		'withdrawn',
		'step_',
		'step_x',
		'step_0',
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
		expect(accepted('approved')).toEqual(['DEPART', 'CANCEL', 'POSTPONE', 'AMEND'])
		expect(accepted('departed')).toEqual(['COMPLETE_TRIP'])
		expect(accepted('trip_done')).toEqual(['SUBMIT_REPORT'])
		expect(accepted('report_submitted')).toEqual(['ACKNOWLEDGE_REPORT', 'RETURN_REPORT'])
		expect(accepted('report_returned')).toEqual(['SUBMIT_REPORT'])
		for (const final of FINAL) expect(accepted(final)).toEqual([])
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
		expect([...FINAL_STATUSES].sort()).toEqual([...FINAL].sort())
		for (const final of FINAL_STATUSES) expect(at(final).status).toBe('done')
		for (const state of allStates(chain).filter(s => !FINAL.includes(s))) expect(at(state).status).toBe('active')
		// A report is due where the owner's drafter may submit one.
		const drafter = actor(chain.owner, 'drafter')
		expect([...REPORT_DUE_STATUSES].sort()).toEqual(
			allStates(chain)
				.filter(s => referenceNext(chain, s, { type: 'SUBMIT_REPORT', actor: drafter }) !== null)
				.sort(),
		)
		expect(() => createPlanMachine([], chain.owner)).toThrow()
	})
})
