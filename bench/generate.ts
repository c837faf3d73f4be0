import { fakerVI as faker } from '@faker-js/faker'
import { type Insertable, type Kysely, sql } from 'kysely'
import { initialTransition, transition } from 'xstate'
import { type DB, type PlanEventTable } from '#db/schema.ts'
import {
	createPlanMachine,
	type PlanEvent,
	type PlanEventType,
	stepIndexOf,
	storeSnapshot,
	type StoredWorkflow,
} from '#workflows/plans/plan.machine.ts'
import { WORKFLOW_VERSION } from '#workflows/plans/plan.server.ts'
import { runDailyReminders } from '#workflows/reminders/reminders.server.ts'
import { addDays, dateInVietnam } from '#workflows/reminders/reminder-points.ts'
import {
	ACTIVITIES,
	CITIES,
	COUNTRIES,
	PARTNER_KINDS,
	PROVINCES,
	REPORT_COMMENTS,
	RETURN_COMMENTS,
	SECTORS,
	TITLES,
} from './world.ts'

/**
 * Sizes. Organisations other than the demo ones: provincial federations (+ demo Quảng Trị),
 * sector unions (+ demo CĐCTVN), one party committee each, foreign partners (+ 2 demo). `pool`:
 * plans of the demo federation waiting at its first step (the approve action's targets);
 * `reportPlans`: its plans of the two years before this one (the annual report's);
 * `timeline`: events of the one long-timeline plan. `plans` counts every generated plan.
 */
export const SCALES = {
	tiny: {
		provinces: 8,
		sectors: 3,
		partners: 20,
		staff: 6,
		plans: 400,
		pool: 150,
		reportPlans: 60,
		timeline: 50,
		reminderDays: 3,
	},
	small: {
		provinces: 62,
		sectors: 19,
		partners: 148,
		staff: 20,
		plans: 3_000,
		pool: 800,
		reportPlans: 500,
		timeline: 200,
		reminderDays: 14,
	},
	large: {
		provinces: 62,
		sectors: 19,
		partners: 148,
		staff: 20,
		plans: 20_000,
		pool: 3_000,
		reportPlans: 500,
		timeline: 2_000,
		reminderDays: 14,
	},
} as const
export type Scale = keyof typeof SCALES

const BATCH = 1_000
const DAY = 86_400_000
const DEMO = {
	ldld: 'soanthao@ldld-quangtri.vn',
	cdct: 'soanthao@cdct.vn',
	board: 'pheduyet@bandoingoai-tld.vn',
}

/** Final statuses a generated plan reaches, with weights for past years and for the current one. */
const STATUS_WEIGHTS: Record<string, [past: number, current: number]> = {
	drafting: [0, 8],
	step_1: [0, 10],
	step_2: [0, 8],
	step_3: [0, 8],
	returned: [0, 6],
	rejected: [3, 2],
	withdrawn: [2, 2],
	approved: [1, 12],
	cancelled: [5, 3],
	departed: [0, 4],
	trip_done: [1, 10],
	report_submitted: [2, 7],
	report_returned: [1, 5],
	closed: [83, 15],
}
const ALL_STATUSES = Object.keys(STATUS_WEIGHTS)
const TRIP_STATUSES = new Set([
	'departed',
	'trip_done',
	'report_submitted',
	'report_returned',
	'closed',
])

/** mulberry32: a small seeded generator, so every choice is the same for the same seed. */
function prng(seed: number) {
	let a = seed >>> 0
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0
		let t = a
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
	const int = (min: number, max: number) =>
		min + Math.floor(next() * (max - min + 1))
	const pick = <T>(items: readonly T[]) => items[int(0, items.length - 1)]!
	const weighted = (weights: Record<string, number>) => {
		const entries = Object.entries(weights).filter(([, w]) => w > 0)
		let r = next() * entries.reduce((s, [, w]) => s + w, 0)
		for (const [key, w] of entries) if ((r -= w) < 0) return key
		return entries.at(-1)![0]
	}
	return { next, int, pick, weighted }
}

interface Union {
	id: string
	name: string
	shortName: string
	committeeId: string
	chainId: string
	/** Non-optional steps: the union, its party committee, the VGCL board. */
	stepOrgs: [string, string, string]
	drafters: string[]
	approvers: string[]
	committeeApprovers: string[]
}

/** Per union: the stored snapshot and the checked path for each sequence of events (see `walk`). */
type Step = { type: PlanEventType; by: 'drafter' | 0 | 1 | 2; comment?: true }

/** The events that take a plan to `status`, with `cycles` returns before approval and `reportCycles` report returns. */
function pathTo(status: string, cycles: number, reportCycles: number) {
	const steps: Step[] = []
	if (status === 'drafting') return steps
	steps.push({ type: 'SUBMIT', by: 'drafter' })
	if (status === 'withdrawn')
		return [...steps, { type: 'WITHDRAW', by: 'drafter' } as Step]
	for (let c = 0; c < cycles; c++)
		steps.push(
			{ type: 'APPROVE', by: 0 },
			{ type: 'RETURN', by: 1, comment: true },
			{ type: 'RESUBMIT', by: 'drafter' },
		)
	const at = stepIndexOf(status)
	if (at !== null) {
		for (let i = 0; i < at; i++) steps.push({ type: 'APPROVE', by: i as 0 | 1 })
		return steps
	}
	if (status === 'returned' || status === 'rejected')
		return [
			...steps,
			{ type: 'APPROVE', by: 0 } as Step,
			{
				type: status === 'returned' ? 'RETURN' : 'REJECT',
				by: 1,
				comment: true,
			} as Step,
		]
	steps.push(
		{ type: 'APPROVE', by: 0 },
		{ type: 'APPROVE', by: 1 },
		{ type: 'APPROVE', by: 2 },
	)
	if (status === 'approved') return steps
	if (status === 'cancelled')
		return [...steps, { type: 'CANCEL', by: 'drafter', comment: true } as Step]
	steps.push({ type: 'DEPART', by: 'drafter' })
	if (status === 'departed') return steps
	steps.push({ type: 'COMPLETE_TRIP', by: 'drafter' })
	if (status === 'trip_done') return steps
	steps.push({ type: 'SUBMIT_REPORT', by: 'drafter' })
	for (let c = 0; c < reportCycles; c++)
		steps.push(
			{ type: 'RETURN_REPORT', by: 1, comment: true },
			{ type: 'SUBMIT_REPORT', by: 'drafter' },
		)
	if (status === 'report_submitted') return steps
	if (status === 'report_returned')
		return [...steps, { type: 'RETURN_REPORT', by: 1, comment: true } as Step]
	if (status === 'closed')
		return [...steps, { type: 'ACKNOWLEDGE_REPORT', by: 2 } as Step]
	throw new Error(`no path to ${status}`)
}

/**
 * Runs a path through the union's real plan machine once per distinct path (memoised): each
 * event must be accepted, and the result is the snapshot the workflow itself would store.
 */
function walker(union: Union) {
	const machine = createPlanMachine(
		union.stepOrgs.map(organisationId => ({ organisationId })),
		union.id,
	)
	const memo = new Map<string, { snapshot: StoredWorkflow; to: string[] }>()
	const actor = (by: Step['by']) => ({
		userId: 'x',
		organisationId: by === 'drafter' ? union.id : union.stepOrgs[by],
		roles: [by === 'drafter' ? 'drafter' : 'approver'] as const,
	})
	return (path: Step[]) => {
		const key = path.map(s => `${s.type}:${s.by}`).join(',')
		let hit = memo.get(key)
		if (!hit) {
			let [snapshot] = initialTransition(machine, {
				ownerOrganisationId: union.id,
			})
			const to: string[] = []
			for (const step of path) {
				const event = {
					type: step.type,
					actor: actor(step.by),
					comment: 'x',
				} as PlanEvent
				if (!snapshot.can(event))
					throw new Error(`generator: ${key} refused at ${step.type}`)
				;[snapshot] = transition(machine, snapshot, event)
				to.push(String(snapshot.value))
			}
			hit = { snapshot: storeSnapshot(snapshot), to }
			memo.set(key, hit)
		}
		return hit
	}
}

async function insertBatched<T extends keyof DB & string>(
	db: Kysely<DB>,
	table: T,
	rows: Insertable<DB[T]>[],
	batch = BATCH,
) {
	for (let i = 0; i < rows.length; i += batch)
		await db
			.insertInto(table)
			.values(rows.slice(i, i + batch) as never)
			.execute()
}

export interface Generated {
	counts: Record<string, number>
	/** The year whose annual report covers `reportPlans` plans of the demo federation (with the next year). */
	reportYear: number
	/** Plans of the demo federation waiting at its first step, with the version to approve. */
	pool: { id: string; version: number }[]
	longPlanId: string
	/** A plan of the demo federation with the events of a usual life (the one nearest 16). */
	typicalPlanId: string
	loadMs: number
}

/**
 * Loads `scale` into a database that already holds the demo data (its users sign in to the
 * benchmark): organisations, users, chains, plans over ten years with members, budget lines,
 * events, trips and post-trip reports in every state, and the reminders of the last days (run by
 * the real daily job, which queues their email jobs). Deterministic for (seed, today, factor):
 * ids and names come from seeded generators. Multi-row inserts of BATCH rows, never one by one.
 * `factor` multiplies users per organisation and every plan count (for comparing query counts).
 */
export async function generate(
	db: Kysely<DB>,
	scale: Scale,
	{
		seed = 2026,
		today = dateInVietnam(new Date()),
		factor = 1,
	}: { seed?: number; today?: string; factor?: number } = {},
): Promise<Generated> {
	const started = performance.now()
	faker.seed(seed)
	const rand = prng(seed)
	const size = SCALES[scale]
	const uuid = () => faker.string.uuid()
	const todayMs = Date.parse(`${today}T00:00:00+07:00`)
	const thisYear = Number(today.slice(0, 4))

	// The demo world this adds to.
	const demoUsers = await db
		.selectFrom('app_user')
		.select(['id', 'email', 'organisation_id', 'roles', 'password_hash'])
		.execute()
	const demoOrgs = await db
		.selectFrom('organisation')
		.select(['id', 'kind', 'name_vi', 'short_name'])
		.execute()
	const demoChains = await db
		.selectFrom('chain')
		.innerJoin('chain_step', 'chain_step.chain_id', 'chain.id')
		.select([
			'chain.id',
			'chain.organisation_id',
			'chain_step.organisation_id as step_org',
			'chain_step.optional',
		])
		.orderBy('chain_step.position')
		.execute()
	const byEmail = (email: string) => {
		const u = demoUsers.find(u => u.email === email)
		if (!u) throw new Error(`generator: demo user ${email} missing`)
		return u
	}
	const passwordHash = byEmail(DEMO.ldld).password_hash
	const board = byEmail(DEMO.board).organisation_id
	const boardApprovers = demoUsers
		.filter(u => u.organisation_id === board && u.roles.includes('approver'))
		.map(u => u.id)
	const demoUnion = (email: string): Union => {
		const drafter = byEmail(email)
		const org = demoOrgs.find(o => o.id === drafter.organisation_id)!
		const steps = demoChains.filter(
			c => c.organisation_id === org.id && !c.optional,
		)
		const stepOrgs = steps.map(s => s.step_org) as Union['stepOrgs']
		const approversOf = (orgId: string) =>
			demoUsers
				.filter(
					u => u.organisation_id === orgId && u.roles.includes('approver'),
				)
				.map(u => u.id)
		return {
			id: org.id,
			name: org.name_vi,
			shortName: org.short_name,
			committeeId: stepOrgs[1],
			chainId: steps[0]!.id,
			stepOrgs,
			drafters: [drafter.id],
			approvers: approversOf(org.id),
			committeeApprovers: approversOf(stepOrgs[1]),
		}
	}
	const ldld = demoUnion(DEMO.ldld)
	const unions: Union[] = [ldld, demoUnion(DEMO.cdct)]

	// Organisations: federations and sector unions under the board, a party committee for each, partners.
	const organisations: Insertable<DB['organisation']>[] = []
	const users: Insertable<DB['app_user']>[] = []
	const chains: Insertable<DB['chain']>[] = []
	const chainSteps: Insertable<DB['chain_step']>[] = []
	let userNo = 0
	const addUsers = (
		orgId: string,
		domain: string,
		roles: ('drafter' | 'approver' | 'admin')[][],
	) =>
		roles.map(r => {
			const id = uuid()
			users.push({
				id,
				email: `u${++userNo}@${domain}.vn`,
				password_hash: passwordHash,
				full_name: faker.person.fullName(),
				title: rand.pick(TITLES),
				organisation_id: orgId,
				roles: r,
			})
			return { id, roles: r }
		})
	const staff = Math.round(size.staff * factor)
	const unionDefs = [
		...PROVINCES.slice(0, size.provinces).map(province => {
			const city = CITIES.has(province)
			const place = city
				? province.replace('Thành phố ', '')
				: `tỉnh ${province}`
			return {
				kind: 'provincial_federation' as const,
				name: `Liên đoàn Lao động ${city ? 'thành phố ' : ''}${place}`,
				short: `LĐLĐ ${place}`,
				province,
				committee: `${city ? 'Thành ủy' : 'Tỉnh ủy'} ${province.replace('Thành phố ', '')}`,
			}
		}),
		...SECTORS.slice(0, size.sectors).map(([name, short, committee]) => ({
			kind: 'sector_union' as const,
			name,
			short,
			province: 'Hà Nội',
			committee,
		})),
	]
	unionDefs.forEach((def, n) => {
		const id = uuid()
		const committeeId = uuid()
		const chainId = uuid()
		organisations.push(
			{
				id,
				kind: def.kind,
				name_vi: def.name,
				short_name: def.short,
				province: def.province,
				parent_id: board,
			},
			{
				id: committeeId,
				kind: 'party_committee',
				name_vi: def.committee,
				short_name: def.committee,
				province: def.province,
			},
		)
		const domain = `cd${n + 1}`
		const people = addUsers(id, domain, [
			['admin'],
			...Array.from({ length: Math.max(3, staff - 4) }, () => [
				'drafter' as const,
			]),
			['approver'],
			['approver'],
			['approver'],
		])
		const committee = addUsers(committeeId, `du${n + 1}`, [
			['approver'],
			['approver'],
			...(staff > 10 ? [['approver' as const], ['approver' as const]] : []),
		])
		chains.push({ id: chainId, organisation_id: id, version: 1 })
		const stepOrgs: Union['stepOrgs'] = [id, committeeId, board]
		const labels = [
			[`Ban Thường vụ ${def.short}`, 'Standing committee'],
			[def.committee, 'Party committee'],
			['Ban Đối ngoại TLĐ', 'VGCL Foreign Affairs Department'],
		]
		stepOrgs.forEach((org, i) =>
			chainSteps.push({
				chain_id: chainId,
				position: i + 1,
				organisation_id: org,
				label_vi: labels[i]![0]!,
				label_en: labels[i]![1]!,
			}),
		)
		unions.push({
			id,
			name: def.name,
			shortName: def.short,
			committeeId,
			chainId,
			stepOrgs,
			drafters: people.filter(p => p.roles[0] === 'drafter').map(p => p.id),
			approvers: people.filter(p => p.roles[0] === 'approver').map(p => p.id),
			committeeApprovers: committee.map(p => p.id),
		})
	})
	// The board's own staff: more approvers for the last step, and specialists.
	boardApprovers.push(
		...addUsers(board, 'tld', [
			...Array.from({ length: Math.round(4 * factor) }, () => [
				'approver' as const,
			]),
			...Array.from({ length: Math.round(20 * factor) }, () => [
				'drafter' as const,
			]),
		])
			.filter(p => p.roles[0] === 'approver')
			.map(p => p.id),
	)
	const partners: { id: string; name: string; country: string }[] = demoOrgs
		.filter(o => o.kind === 'foreign_partner')
		.map(o => ({ id: o.id, name: o.name_vi, country: 'LA' }))
	for (let i = 0; i < size.partners; i++) {
		const [code, countryName] = COUNTRIES[i % COUNTRIES.length]!
		const [prefix, partnerType] =
			PARTNER_KINDS[Math.floor(i / COUNTRIES.length) % PARTNER_KINDS.length]!
		const name =
			prefix === 'Liên hiệp Công đoàn vùng'
				? `${prefix} ${faker.location.city()} (${countryName})`
				: `${prefix} ${countryName}`
		const id = uuid()
		organisations.push({
			id,
			kind: 'foreign_partner',
			name_vi: name,
			short_name: name,
			country: code,
			partner_type: partnerType,
		})
		partners.push({ id, name, country: code })
	}
	await insertBatched(db, 'organisation', organisations)
	await insertBatched(db, 'app_user', users)
	await insertBatched(db, 'chain', chains)
	await insertBatched(db, 'chain_step', chainSteps)

	// Plans over the last ten years, each taken through a real path of the workflow.
	const walks = new Map(unions.map(u => [u.id, walker(u)]))
	const plans: Insertable<DB['plan']>[] = []
	const members: Insertable<DB['plan_member']>[] = []
	const budget: Insertable<DB['plan_budget_line']>[] = []
	const reports: Insertable<DB['trip_report']>[] = []
	const events: Insertable<PlanEventTable>[] = []
	const pool: Generated['pool'] = []
	let longPlanId = ''
	let typical = { id: '', distance: Infinity }
	const plansTotal = Math.round(size.plans * factor)
	const poolSize = Math.round(size.pool * factor)
	const reportPlans = Math.round(size.reportPlans * factor)
	const timeline = Math.round(size.timeline * factor)
	const pastWeights = Object.fromEntries(
		Object.entries(STATUS_WEIGHTS).map(([s, [w]]) => [s, w]),
	)
	const currentWeights = Object.fromEntries(
		Object.entries(STATUS_WEIGHTS).map(([s, [, w]]) => [s, w]),
	)

	for (let n = 0; n < plansTotal; n++) {
		const isLong = n === 0
		const inPool = n > 0 && n <= poolSize
		const inReport = n > poolSize && n <= poolSize + reportPlans
		// The demo federation gets the pool, the long plan, the report's plans and its share of the rest.
		const union =
			isLong || inPool || inReport ? ldld : unions[n % unions.length]!
		// The first of the other plans go through every status once, so each exists at any scale.
		const sample = ALL_STATUSES[n - 1 - poolSize - reportPlans]
		const year =
			isLong || inPool || sample
				? thisYear
				: inReport
					? thisYear - 1 - (n % 2)
					: thisYear - rand.int(0, 9)
		const current = year === thisYear
		const status = isLong
			? 'step_2'
			: inPool
				? 'step_1'
				: (sample ?? rand.weighted(current ? currentWeights : pastWeights))
		const cycles = isLong
			? Math.max(0, Math.floor((timeline - 2) / 3))
			: rand.weighted({ 0: 3, 1: 4, 2: 3 }) === '0'
				? 0
				: rand.int(1, 2)
		const reportCycles = rand.next() < 0.25 ? 1 : 0
		const path = pathTo(
			status,
			status === 'drafting' || status === 'withdrawn' || inPool ? 0 : cycles,
			reportCycles,
		)
		const { snapshot, to } = walks.get(union.id)!(path)

		const id = uuid()
		const partner = rand.pick(partners)
		const country = COUNTRIES.find(c => c[0] === partner.country)!
		const direction = rand.next() < 0.7 ? ('out' as const) : ('in' as const)
		const activity = rand.pick(ACTIVITIES)
		const size_ = rand.int(2, 8)
		const daysMin = rand.int(3, 6)
		const month = rand.int(1, 12)
		const drafter = rand.pick(union.drafters)
		const head = faker.person.fullName()
		const memberRows = Array.from({ length: size_ }, (_, i) => ({
			full_name: i === 0 ? head : faker.person.fullName(),
			title: rand.pick(TITLES),
			organisation_name: union.name,
			passport_type: rand.pick(['official', 'ordinary'] as const),
		}))
		const budgetRows = [
			{
				payer: union.name,
				item: 'vé máy bay, phương tiện đi lại',
				source: 'union_budget' as const,
				amount: String(rand.int(50, 400) * 1_000_000),
				currency: 'VND' as const,
			},
			...(rand.next() < 0.6
				? [
						{
							payer: partner.name,
							item: 'chi phí ăn, nghỉ',
							source: 'partner' as const,
							amount: null,
							currency: null,
						},
					]
				: []),
		]
		const fields = {
			organisation_id: union.id,
			plan_year: year,
			direction,
			name:
				direction === 'out'
					? `Đoàn ${union.shortName} ${activity} tại ${country[1]}`
					: `Đoàn ${partner.name} ${activity} tại ${union.shortName}`,
			in_name_of: union.name,
			head_title: `${rand.pick(TITLES)} ${union.shortName}`,
			head_name: head,
			member_count: size_,
			country: partner.country,
			partner_id: partner.id,
			partner_name: '',
			activities: [`${activity[0]!.toUpperCase()}${activity.slice(1)}`],
			days_min: daysMin,
			days_max: daysMin + rand.int(0, 2),
			timing_kind: 'month' as const,
			timing_month: month,
			start_date: null,
			end_date: null,
			optional_step_ids: [] as string[],
		}
		// Events a few days apart, ending before today; current-year open plans end in the last weeks.
		const evCount = path.length
		// The approve pool arrived in the last days (a fresh queue, not a backlog of reminders).
		const lastAt = current
			? todayMs -
				rand.int(1, inPool ? 4 : 40) * DAY -
				rand.int(0, 8) * 3_600_000
			: Math.min(
					todayMs - DAY,
					Date.UTC(year, month - 1, 1) + rand.int(20, 200) * DAY,
				)
		const gap = Math.max(
			3_600_000,
			Math.min(
				4 * DAY,
				Math.floor((lastAt - Date.UTC(year - 1, 9, 1)) / (evCount + 1)),
			),
		)
		// The last event happens at lastAt.
		const createdAt = lastAt - evCount * gap
		const trip = TRIP_STATUSES.has(status)
		const departIndex = path.findIndex(s => s.type === 'DEPART')
		const departed = trip ? new Date(createdAt + (departIndex + 1) * gap) : null
		const departedOn = departed ? dateInVietnam(departed) : null
		const returnedOn =
			departedOn && status !== 'departed'
				? addDays(departedOn, fields.days_max - 1)
				: null
		// Owed reports of this year fall due around today, so the reminder scan has work.
		const reportDueOn = returnedOn ? addDays(returnedOn, 15) : null
		const record = {
			id,
			...fields,
			status,
			version: 1,
			chain_id: union.chainId,
			members: memberRows,
			budget: budgetRows,
			attachments: [],
			partner_org_name: partner.name,
		}
		const report = {
			summary: `Đoàn đã ${activity} theo kế hoạch.`,
			results: 'Hai bên thống nhất tăng cường trao đổi đoàn và kinh nghiệm.',
			activities_done: fields.activities.join('; '),
			proposals: 'Đề nghị tiếp tục duy trì quan hệ hợp tác.',
			participants: memberRows.map(m => ({
				full_name: m.full_name,
				title: m.title,
				organisation_name: m.organisation_name,
			})),
		}
		let at = createdAt
		path.forEach((step, i) => {
			at += gap
			const actorId =
				step.by === 'drafter'
					? drafter
					: step.by === 0
						? rand.pick(union.approvers)
						: step.by === 1
							? rand.pick(union.committeeApprovers)
							: rand.pick(boardApprovers)
			const from = i === 0 ? 'drafting' : to[i - 1]!
			events.push({
				plan_id: id,
				event: step.type,
				actor_id: actorId,
				actor_organisation_id:
					step.by === 'drafter' ? union.id : union.stepOrgs[step.by],
				from_status: from,
				to_status: to[i]!,
				comment: step.comment
					? step.type === 'RETURN_REPORT'
						? rand.pick(REPORT_COMMENTS)
						: step.type === 'CANCEL'
							? 'Phía bạn đề nghị lùi thời gian đón đoàn.'
							: rand.pick(RETURN_COMMENTS)
					: null,
				plan_version: i + 2,
				plan_snapshot: {
					...record,
					status: to[i],
					version: i + 2,
					...(step.type === 'SUBMIT_REPORT' ? { report } : {}),
					...(step.type === 'DEPART' ? { departed_on: departedOn } : {}),
				},
				created_at: new Date(at),
			})
		})
		const stepAt = stepIndexOf(status)
		plans.push({
			id,
			...fields,
			status,
			chain_id: status === 'drafting' ? null : union.chainId,
			current_step_organisation_id:
				stepAt === null ? null : union.stepOrgs[stepAt],
			workflow_snapshot: status === 'drafting' ? null : snapshot,
			workflow_version: WORKFLOW_VERSION,
			version: evCount + 1,
			created_by: drafter,
			created_at: new Date(createdAt),
			updated_at: new Date(at),
			status_changed_at: new Date(at),
			departed_on: departedOn,
			returned_on: returnedOn,
			report_due_on: reportDueOn,
			cancel_reason:
				status === 'cancelled'
					? 'Phía bạn đề nghị lùi thời gian đón đoàn.'
					: null,
		})
		memberRows.forEach((m, position) =>
			members.push({ plan_id: id, position, ...m }),
		)
		budgetRows.forEach((b, position) =>
			budget.push({ plan_id: id, position, ...b }),
		)
		const reported =
			status === 'report_submitted' ||
			status === 'report_returned' ||
			status === 'closed'
		if (reported || (status === 'trip_done' && rand.next() < 0.5))
			reports.push({
				plan_id: id,
				...report,
				version: 1 + reportCycles,
				submitted_at: reported ? new Date(at) : null,
			})
		if (inPool) pool.push({ id, version: evCount + 1 })
		if (isLong) longPlanId = id
		else if (union === ldld && Math.abs(evCount - 16) < typical.distance)
			typical = { id, distance: Math.abs(evCount - 16) }
	}

	// Parents before children; events in each plan's order (the timeline sorts by id).
	await insertBatched(db, 'plan', plans)
	await insertBatched(db, 'plan_member', members, 2 * BATCH)
	await insertBatched(db, 'plan_budget_line', budget, 2 * BATCH)
	await insertBatched(db, 'trip_report', reports)
	await insertBatched(db, 'plan_event', events)

	// The reminders of the last days, sent by the real daily job (notifications, emails, their jobs).
	let reminders = 0
	for (let d = size.reminderDays; d >= 1; d--)
		reminders += (await runDailyReminders(db, addDays(today, -d))).reminders
			.length
	// As autovacuum would have done on a live database: statistics and the visibility map.
	await sql`VACUUM ANALYZE`.execute(db)

	return {
		counts: {
			organisations: organisations.length,
			users: users.length,
			plans: plans.length,
			members: members.length,
			budgetLines: budget.length,
			events: events.length,
			trips: plans.filter(p => TRIP_STATUSES.has(p.status as string)).length,
			reports: reports.length,
			reminders,
		},
		pool,
		longPlanId,
		typicalPlanId: typical.id,
		reportYear: thisYear - 2,
		loadMs: Math.round(performance.now() - started),
	}
}
