/**
 * Statistics against a fixture with known totals: members counted once per delegation (plan_member
 * rows, else member_count), cancelled trips out of the people totals, reports on time vs late,
 * step medians; who may see which organisation; the CSV and XLSX exports; a fixed query count.
 */
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { getStatistics } from '#db/repos/statistics.server.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { queryCounter } from '#db/connect.ts'
import { type Db } from '#db/connect.ts'
import * as csvRoute from '#app/routes/statistics[.]csv.tsx'
import * as pageRoute from '#app/routes/statistics/route.tsx'
import * as xlsxRoute from '#app/routes/statistics[.]xlsx.tsx'
import {
	args,
	insertChain,
	insertOrganisation,
	insertPlanWorld,
	insertUser,
	request,
	sessionCookie,
	settle,
} from '../factories.ts'

type World = Awaited<ReturnType<typeof insertPlanWorld>>

interface Fixture {
	org: 'ldld' | 'otherFed'
	year: number
	direction: 'out' | 'in'
	status: string
	country?: string
	members?: string[]
	memberCount?: number
	cancelReason?: string
	reportDue?: string
	submittedAt?: string
	/** hours spent at step_1, step_2 … (events at those offsets) */
	stepHours?: number[]
	chainId?: string
	optionalStepIds?: string[]
}

async function insertFixturePlan(db: Db, world: World, f: Fixture) {
	const orgId = world.orgs[f.org].id
	const plan = await db
		.insertInto('plan')
		.values({
			organisation_id: orgId,
			plan_year: f.year,
			direction: f.direction,
			status: f.status,
			country: f.country ?? 'LA',
			partner_id: world.partner.id,
			partner_name: 'LHCĐ tỉnh Savannakhet',
			member_count: f.memberCount ?? null,
			chain_id: f.chainId ?? world.chains[f.org].id,
			optional_step_ids: f.optionalStepIds ?? [],
			created_by: world.users[f.org].drafter.id,
			cancel_reason: f.cancelReason ?? null,
			report_due_on: f.reportDue ?? null,
			status_changed_at: new Date(),
			created_at: new Date(),
			updated_at: new Date(),
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	if (f.members?.length)
		await db
			.insertInto('plan_member')
			.values(
				f.members.map((full_name, i) => ({
					plan_id: plan.id,
					position: i + 1,
					full_name,
				})),
			)
			.execute()
	if (f.submittedAt)
		await db
			.insertInto('trip_report')
			.values({
				plan_id: plan.id,
				participants: [],
				submitted_at: new Date(f.submittedAt),
			})
			.execute()
	let at = Date.parse(`${f.year}-01-05T02:00:00Z`)
	let from = 'drafting'
	const statuses = [
		...(f.stepHours ?? []).map((_, i) => `step_${i + 1}`),
		'approved',
	]
	for (const [i, to] of statuses.entries()) {
		await db
			.insertInto('plan_event')
			.values({
				plan_id: plan.id,
				event: i === 0 ? 'SUBMIT' : 'APPROVE',
				actor_id: world.users[f.org].drafter.id,
				actor_organisation_id: orgId,
				from_status: from,
				to_status: to,
				plan_version: i + 1,
				plan_snapshot: {},
				created_at: new Date(at),
			})
			.execute()
		at += (f.stepHours?.[i] ?? 0) * 3600_000
		from = to
	}
	return plan.id
}

async function fixture() {
	const world = await insertPlanWorld(db)
	const p = (f: Fixture) => insertFixturePlan(db, world, f)
	// LĐLĐ tỉnh Quảng Trị, 2024: 3 outbound (people 3 + 5 + cancelled 4), 1 inbound of 12 guests.
	await p({
		org: 'ldld',
		year: 2024,
		direction: 'out',
		status: 'closed',
		members: ['A', 'B', 'C'],
		memberCount: 10,
		reportDue: '2024-03-10',
		submittedAt: '2024-03-09T10:00:00Z',
		stepHours: [2, 10, 30],
	})
	await p({
		org: 'ldld',
		year: 2024,
		direction: 'out',
		status: 'trip_done',
		memberCount: 5,
		country: 'CN',
		reportDue: '2024-05-01',
		submittedAt: '2024-05-03T10:00:00Z',
		stepHours: [4, 20, 50],
	})
	const cancelled = await p({
		org: 'ldld',
		year: 2024,
		direction: 'out',
		status: 'cancelled',
		members: ['D', 'E', 'F', 'G'],
		cancelReason: 'Đối tác hoãn',
		stepHours: [6, 30, 70],
	})
	// One of two approvals an hour into step 1: the plan stays at the step, whose time is still 6 hours.
	await db
		.insertInto('plan_event')
		.values({
			plan_id: cancelled,
			event: 'APPROVE_PARTIAL',
			actor_id: world.users.ldld.approver.id,
			actor_organisation_id: world.orgs.ldld.id,
			from_status: 'step_1',
			to_status: 'step_1',
			plan_version: 1,
			plan_snapshot: {},
			created_at: new Date('2024-01-05T03:00:00Z'),
		})
		.execute()
	await p({
		org: 'ldld',
		year: 2024,
		direction: 'in',
		status: 'approved',
		memberCount: 12,
	})
	// Not delegations: a draft and a plan still at step 2.
	await p({
		org: 'ldld',
		year: 2024,
		direction: 'out',
		status: 'drafting',
		memberCount: 99,
	})
	await p({
		org: 'ldld',
		year: 2024,
		direction: 'out',
		status: 'step_2',
		memberCount: 99,
	})
	// Outside the period and another organisation.
	await p({
		org: 'ldld',
		year: 2019,
		direction: 'out',
		status: 'closed',
		memberCount: 7,
	})
	await p({
		org: 'otherFed',
		year: 2024,
		direction: 'in',
		status: 'closed',
		memberCount: 8,
		country: 'KH',
	})
	return world
}

async function load(
	loader: (a: never) => Promise<unknown>,
	path: string,
	userId: string,
) {
	const req = await request(path, { cookie: await sessionCookie(userId) })
	const before = queryCounter.count
	const response = await settle(() => loader(args(req) as never))
	return { response, queries: queryCounter.count - before }
}

type PageData =
	Awaited<ReturnType<typeof pageRoute.loader>> extends {
		json(): Promise<infer T>
	}
		? T
		: never

test('the totals count members once per delegation, leave cancelled trips out of the people and split reports on time and late', async () => {
	const world = await fixture()
	const { response } = await load(
		pageRoute.loader,
		'/statistics?from=2020&to=2025',
		world.users.ldld.drafter.id,
	)
	expect(response.status).toBe(200)
	const { stats } = (await response.json()) as PageData
	expect(stats.byYear).toEqual([
		{
			key: '2024',
			direction: 'in',
			delegations: 1,
			people: 12,
			cancelled: 0,
		},
		{
			key: '2024',
			direction: 'out',
			delegations: 3,
			people: 8,
			cancelled: 1,
		},
	])
	const out = stats.byCountry.filter(r => r.direction === 'out')
	expect(out).toEqual([
		{ key: 'LA', direction: 'out', delegations: 2, people: 3, cancelled: 1 },
		{ key: 'CN', direction: 'out', delegations: 1, people: 5, cancelled: 0 },
	])
	expect(stats.cancelled).toEqual([{ reason: 'Đối tác hoãn', count: 1 }])
	expect(stats.reports).toEqual({ on_time: 1, late: 1, overdue: 0, pending: 0 })
	// Step 1 took 2, 4 and 6 hours; step 2 10, 20, 30; step 3 30, 50, 70.
	expect(
		stats.stepTimes.map(s => [
			s.step,
			s.label,
			s.passes,
			s.median_hours,
			s.max_hours,
		]),
	).toEqual([
		['step_1', 'Bước 1', 3, 4, 6],
		['step_2', 'Bước 2', 3, 20, 30],
		['step_3', 'Bước 3', 3, 50, 70],
	])
})

test('a non-board user cannot see another organisation; the board sees all or chooses one', async () => {
	const world = await fixture()
	const other = world.orgs.otherFed.id
	for (const loader of [pageRoute.loader, csvRoute.loader, xlsxRoute.loader]) {
		const { response } = await load(
			loader,
			`/statistics?org=${other}&from=2024&to=2024`,
			world.users.ldld.approver.id,
		)
		expect(response.status).toBe(404)
	}
	const own = await load(
		pageRoute.loader,
		`/statistics?org=${world.orgs.ldld.id}&from=2024&to=2024`,
		world.users.ldld.approver.id,
	)
	expect(own.response.status).toBe(200)

	const all = await load(
		pageRoute.loader,
		'/statistics?from=2024&to=2024',
		world.users.board.approver.id,
	)
	const allData = (await all.response.json()) as PageData
	const allStats = allData.stats
	// The choices are the organisations that own plans (not the party committees, nor the board
	// here), by their Vietnamese names in Vietnamese order.
	expect(allData.organisations.map(o => o.name)).toEqual([
		'Liên đoàn Lao động tỉnh Quảng Bình',
		'Liên đoàn Lao động tỉnh Quảng Trị',
	])
	// Read in English, the same choices by their English names.
	await db.updateTable('app_user').set({ locale: 'en' }).where('id', '=', world.users.board.approver.id).execute()
	const english = await load(pageRoute.loader, '/statistics?from=2024&to=2024', world.users.board.approver.id)
	expect(((await english.response.json()) as PageData).organisations.map(o => o.name)).toEqual(['LĐLĐ tỉnh Quảng Bình', 'LĐLĐ tỉnh Quảng Trị'])
	expect(allStats.byYear.find(r => r.direction === 'in')).toMatchObject({
		delegations: 2,
		people: 20,
	})
	const chosen = await load(
		pageRoute.loader,
		`/statistics?org=${other}&from=2024&to=2024`,
		world.users.board.approver.id,
	)
	const chosenStats = ((await chosen.response.json()) as PageData).stats
	expect(chosenStats.byYear).toEqual([
		{ key: '2024', direction: 'in', delegations: 1, people: 8, cancelled: 0 },
	])
})

test('the CSV (UTF-8 with BOM) and the XLSX carry the same figures', async () => {
	const world = await fixture()
	const csv = await load(
		csvRoute.loader,
		'/statistics.csv?from=2024&to=2024',
		world.users.ldld.drafter.id,
	)
	expect(csv.response.headers.get('Content-Type')).toContain('text/csv')
	const bytes = new Uint8Array(await csv.response.arrayBuffer())
	expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
	const text = new TextDecoder().decode(bytes.slice(3))
	expect(text).toContain('2024,Đoàn ra,3,8,1')
	expect(text).toContain('2024,Đoàn vào,1,12,0')
	expect(text).toContain('Lào,Đoàn ra,2,3,1')
	expect(text).toContain('Đối tác hoãn,1')

	// A typed cancel reason a spreadsheet would run as a formula is exported as text.
	await db
		.updateTable('plan')
		.set({ cancel_reason: '=HYPERLINK("http://evil.example/","Xem")' })
		.where('cancel_reason', '=', 'Đối tác hoãn')
		.execute()
	const formula = await load(
		csvRoute.loader,
		'/statistics.csv?from=2024&to=2024',
		world.users.ldld.drafter.id,
	)
	const formulaText = await formula.response.text()
	expect(formulaText).toContain(
		`"'=HYPERLINK(""http://evil.example/"",""Xem"")",1`,
	)
	expect(formulaText).not.toMatch(/(^|[,\n])"?=/)

	const xlsx = await load(
		xlsxRoute.loader,
		'/statistics.xlsx?from=2024&to=2024',
		world.users.ldld.drafter.id,
	)
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.load(await xlsx.response.arrayBuffer())
	const sheet = workbook.getWorksheet('Thống kê')!
	const rows: unknown[][] = []
	sheet.eachRow(row => rows.push((row.values as unknown[]).slice(1)))
	expect(rows).toContainEqual(['2024', 'Đoàn ra', 3, 8, 1])
	expect(rows).toContainEqual(['Trung Quốc', 'Đoàn ra', 1, 5, 0])
	expect(rows).toContainEqual(['', 1, 1, 0, 0])
})

test('the page runs the same number of queries for a few plans and for many', async () => {
	const world = await fixture()
	const small = await load(
		pageRoute.loader,
		'/statistics?from=2020&to=2025',
		world.users.board.approver.id,
	)
	for (let i = 0; i < 40; i++)
		await insertFixturePlan(db, world, {
			org: i % 2 ? 'ldld' : 'otherFed',
			year: 2020 + (i % 5),
			direction: i % 3 ? 'out' : 'in',
			status: 'closed',
			members: ['X', 'Y'],
			country: i % 4 ? 'LA' : 'TH',
			stepHours: [1, i],
		})
	const large = await load(
		pageRoute.loader,
		'/statistics?from=2020&to=2025',
		world.users.board.approver.id,
	)
	expect(large.response.status).toBe(200)
	expect(large.queries).toBe(small.queries)
	expect(large.queries).toBeLessThanOrEqual(10)
})

test('with no years chosen, the page opens on the five years up to the latest with a delegation', async () => {
	const world = await fixture()
	const { response } = await load(
		pageRoute.loader,
		'/statistics',
		world.users.ldld.drafter.id,
	)
	const data = (await response.json()) as PageData
	expect([data.fromYear, data.toYear]).toEqual([2020, 2024])
	expect(
		data.stats.byYear.find(r => r.key === '2024' && r.direction === 'out'),
	).toMatchObject({ delegations: 3 })

	// An organisation with no delegations yet sees the last five years.
	const thisYear = Number(todayIso().slice(0, 4))
	const empty = await insertOrganisation(db)
	const user = await insertUser(db, {
		organisation_id: empty.id,
		roles: ['drafter'],
	})
	const none = (await (
		await load(pageRoute.loader, '/statistics', user.id)
	).response.json()) as PageData
	expect([none.fromYear, none.toYear]).toEqual([thisYear - 4, thisYear])
})

test('time per step names the step each plan really was at when an optional step was skipped', async () => {
	const world = await insertPlanWorld(db)
	const org = world.orgs.otherFed
	const chain = await insertChain(db, org.id, [
		{ organisation_id: org.id, label_vi: 'Ban Thường vụ' },
		{
			organisation_id: world.orgs.board.id,
			label_vi: 'Ban Bí thư',
			optional: true,
		},
		{ organisation_id: world.orgs.board.id, label_vi: 'Ban Đối ngoại TLĐ' },
	])
	const plan = (optionalStepIds: string[], stepHours: number[]) =>
		insertFixturePlan(db, world, {
			org: 'otherFed',
			year: 2024,
			direction: 'out',
			status: 'approved',
			chainId: chain.id,
			optionalStepIds,
			stepHours,
		})
	await plan([chain.steps[1]!.id], [1, 2, 3])
	await plan([], [5, 7])
	const stats = await getStatistics(db, {
		organisationId: org.id,
		fromYear: 2024,
		toYear: 2024,
	})
	expect(
		stats.stepTimes.map(s => [s.label, s.passes, s.median_hours, s.max_hours]),
	).toEqual([
		['Ban Thường vụ', 2, 3, 5],
		['Ban Bí thư', 1, 2, 2],
		['Ban Đối ngoại TLĐ', 2, 5, 7],
	])
})

/** The time per step as the page computed it before `left_at` was stored: a window over every event. */
async function stepTimesByWindow(
	organisationId: string | null,
	fromYear: number,
	toYear: number,
) {
	const { rows } = await sql<{
		organisation_name: string
		step: string
		passes: number
		median_hours: number
		max_hours: number
	}>`
		WITH e AS (
			SELECT ev.plan_id, ev.to_status AS step, ev.created_at AS entered,
				lead(ev.created_at) OVER (PARTITION BY ev.plan_id ORDER BY ev.created_at, ev.id) AS left_at,
				p.chain_id, p.organisation_id, p.optional_step_ids
			FROM plan_event ev JOIN plan p ON p.id = ev.plan_id
			WHERE ev.from_status IS DISTINCT FROM ev.to_status
				AND p.plan_year BETWEEN ${fromYear} AND ${toYear}
				${organisationId ? sql`AND p.organisation_id = ${organisationId}` : sql``}
		), d AS (
			SELECT e.*, extract(epoch FROM left_at - entered) / 3600 AS hours, substring(step FROM 6)::int AS n
			FROM e WHERE step LIKE 'step\\_%' AND left_at IS NOT NULL
		)
		SELECT o.name_vi AS organisation_name, 'step_' || cs.position AS step, count(*)::int AS passes,
			round(percentile_cont(0.5) WITHIN GROUP (ORDER BY d.hours)::numeric, 1)::float8 AS median_hours,
			round(max(d.hours)::numeric, 1)::float8 AS max_hours
		FROM d JOIN organisation o ON o.id = d.organisation_id
		JOIN LATERAL (
			SELECT c.position, c.label_vi FROM chain_step c
			WHERE c.chain_id = d.chain_id AND (NOT c.optional OR c.id = ANY(d.optional_step_ids))
			ORDER BY c.position OFFSET d.n - 1 LIMIT 1
		) cs ON true
		GROUP BY o.name_vi, cs.position, cs.label_vi
		ORDER BY o.name_vi COLLATE "vi", cs.position, cs.label_vi COLLATE "vi"`.execute(
		db,
	)
	return rows
}

test('time per step from the stored leaving times equals the window over every event, events written in any order', async () => {
	const world = await fixture()
	// Plans with returns (a step entered twice), partial approvals and events written out of order.
	for (let i = 0; i < 12; i++) {
		const id = await insertFixturePlan(db, world, {
			org: i % 2 ? 'ldld' : 'otherFed',
			year: 2022 + (i % 3),
			direction: 'out',
			status: 'approved',
			stepHours: [1 + i, 2 * i + 3, (i * 7) % 11],
		})
		const event = (from: string, to: string, at: string) => ({
			plan_id: id,
			event: from === to ? 'APPROVE_PARTIAL' : 'RETURN',
			actor_id: world.users.ldld.approver.id,
			actor_organisation_id: world.orgs.ldld.id,
			from_status: from,
			to_status: to,
			plan_version: 9,
			plan_snapshot: {},
			created_at: new Date(at),
		})
		const year = 2022 + (i % 3)
		// After the approval, a later return and resubmission; and, written last but dated first, an
		// earlier pass through step 1 (as a back-filled event would be).
		await db
			.insertInto('plan_event')
			.values([
				event('step_1', 'step_1', `${year}-01-05T02:30:00Z`),
				event('approved', 'returned', `${year}-03-01T00:00:00Z`),
				event('returned', 'step_1', `${year}-03-02T00:00:00Z`),
				event('step_1', 'step_2', `${year}-03-02T0${i % 10}:00:00Z`),
			])
			.execute()
		await db
			.insertInto('plan_event')
			.values(event('drafting', 'step_1', `${year}-01-01T00:00:00Z`))
			.execute()
	}
	for (const [org, from, to] of [
		[null, 2020, 2025],
		[world.orgs.ldld.id, 2022, 2024],
		[world.orgs.otherFed.id, 2023, 2023],
	] as const) {
		const stats = await getStatistics(db, {
			organisationId: org,
			fromYear: from,
			toYear: to,
		})
		const expected = await stepTimesByWindow(org, from, to)
		expect(expected.length).toBeGreaterThan(0)
		expect(
			stats.stepTimes.map(
				({ organisation_name, step, passes, median_hours, max_hours }) => ({
					organisation_name,
					step,
					passes,
					median_hours,
					max_hours,
				}),
			),
		).toEqual(expected)
	}
})
