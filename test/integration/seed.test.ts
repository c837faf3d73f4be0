import { sql } from 'kysely'
import { expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { getCurrentChain } from '#db/repos/chain.server.ts'
import {
	DEMO_PASSWORD,
	demoUsers,
	isDatabaseEmpty,
	seedDemo,
} from '#seed/seed.ts'
import { action as loginAction } from '#app/routes/login.tsx'
import { loader as homeLoader } from '#app/routes/_index.tsx'
import { addDays, todayIso } from '#lib/trip-dates.ts'
import { args, request, sessionCookie, settle } from '../factories.ts'

test('the demo data loads, and every demo user can sign in with the demo password', async () => {
	expect(await isDatabaseEmpty(db)).toBe(true)
	await seedDemo(db)
	expect(await isDatabaseEmpty(db)).toBe(false)

	const organisations = await db
		.selectFrom('organisation')
		.select(['id', 'short_name', 'kind', 'parent_id'])
		.execute()
	expect(organisations.map(o => o.short_name)).toEqual(
		expect.arrayContaining([
			'LĐLĐ tỉnh Quảng Trị',
			'Tỉnh ủy Quảng Trị',
			'Ban Đối ngoại TLĐ',
			'CĐCTVN',
			'LHCĐ tỉnh Savannakhet',
		]),
	)
	const board = organisations.find(o => o.kind === 'vgcl_board')!
	const ldld = organisations.find(o => o.short_name === 'LĐLĐ tỉnh Quảng Trị')!
	expect(ldld.parent_id).toBe(board.id)

	const users = await db
		.selectFrom('app_user')
		.select(['email', 'active', 'must_change_password'])
		.execute()
	expect(users.map(u => u.email).sort()).toEqual(
		demoUsers.map(u => u.email).sort(),
	)
	expect(users.every(u => u.active && !u.must_change_password)).toBe(true)

	// The Quảng Trị chain climbs from the federation to the VGCL board, with the Secretariat optional.
	const chain = await getCurrentChain(db, ldld.id)
	expect(chain?.steps.map(s => [s.label_vi, s.optional])).toEqual([
		['Ban Thường vụ LĐLĐ tỉnh', false],
		['Tỉnh ủy', false],
		['Ban Bí thư Trung ương Đảng', true],
		['Ban Đối ngoại TLĐ', false],
	])

	for (const { email } of demoUsers) {
		const response = await settle(async () =>
			loginAction(
				args(
					await request('/login', { form: { email, password: DEMO_PASSWORD } }),
				),
			),
		)
		expect(response.status, email).toBe(302)
		expect(response.headers.get('Location'), email).toBe('/')
	}
	expect(
		Number(
			(
				await db
					.selectFrom('session')
					.select(eb => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n,
		),
	).toBe(demoUsers.length)
})

test('seeding is all or nothing: a second run fails and leaves the first data as it was', async () => {
	await seedDemo(db)
	const before = await db
		.selectFrom('app_user')
		.select(eb => eb.fn.countAll<string>().as('n'))
		.executeTakeFirstOrThrow()
	await expect(seedDemo(db)).rejects.toThrow()
	const after = await db
		.selectFrom('app_user')
		.select(eb => eb.fn.countAll<string>().as('n'))
		.executeTakeFirstOrThrow()
	expect(after.n).toBe(before.n)
	const organisations = await db
		.selectFrom('organisation')
		.select(eb => eb.fn.countAll<string>().as('n'))
		.executeTakeFirstOrThrow()
	expect(Number(organisations.n)).toBe(8)
})

test("the demo plans carry seed 001's history: 2019 trips reported on time and acknowledged, one cancelled, the 2020 plans approved", async () => {
	await seedDemo(db)
	const plans = await db
		.selectFrom('plan')
		.leftJoin('trip_report', 'trip_report.plan_id', 'plan.id')
		.select([
			'plan.id',
			'plan.plan_year',
			'plan.direction',
			'plan.status',
			'plan.report_due_on',
			'trip_report.submitted_at',
		])
		.where('plan.plan_year', '<=', 2020)
		.orderBy('plan.plan_year')
		.orderBy('plan.status')
		.orderBy('plan.direction')
		.execute()
	expect(plans.map(p => [p.plan_year, p.direction, p.status])).toEqual([
		[2019, 'out', 'cancelled'],
		[2019, 'in', 'closed'],
		[2019, 'out', 'closed'],
		[2020, 'out', 'approved'],
		[2020, 'out', 'approved'],
	])
	for (const p of plans.filter(p => p.status === 'closed'))
		expect(p.submitted_at!.getTime()).toBeLessThan(
			new Date(`${p.report_due_on}T23:59:59+07:00`).getTime(),
		)

	// Every step happened on its own day in 2019, in order, not at the moment of seeding.
	const events = await db
		.selectFrom('plan_event')
		.select(['plan_id', 'event', 'created_at'])
		.orderBy('id')
		.execute()
	for (const p of plans) {
		const times = events
			.filter(e => e.plan_id === p.id)
			.map(e => e.created_at.getTime())
		expect(times.length).toBeGreaterThanOrEqual(4)
		expect([...times].sort((a, b) => a - b)).toEqual(times)
		expect(new Set(times).size).toBe(times.length)
		expect(new Date(times.at(-1)!).getUTCFullYear()).toBe(2019)
	}
	expect(events.filter(e => e.event === 'ACKNOWLEDGE_REPORT')).toHaveLength(2)
	// Each step of 2019 took its days (2, 7, 14), not the years until the demo was loaded.
	const { rows } = await sql<{ longest: number }>`
		SELECT max(h) AS longest FROM statistics_step_time s, unnest(s.hours) h
		WHERE s.plan_year IN (2019, 2020)`.execute(db)
	expect(rows[0]!.longest).toBe(14 * 24)
})

test('the demo has delegations of today: one on its trip, one approved for two weeks ahead, one waiting for the chairman', async () => {
	await seedDemo(db)
	const today = todayIso()
	const current = await db
		.selectFrom('plan')
		.select(['id', 'name', 'direction', 'status', 'start_date', 'end_date', 'departed_on', 'current_step_organisation_id'])
		.where('plan_year', '>', 2020)
		.orderBy('start_date')
		.execute()
	expect(current.map(p => [p.direction, p.status])).toEqual([
		['out', 'departed'],
		['in', 'approved'],
		['out', 'step_1'],
	])
	const [abroad, coming, waiting] = current
	expect(abroad!.departed_on).toBe(abroad!.start_date)
	expect(abroad!.start_date! < today && today < abroad!.end_date!).toBe(true)
	expect(coming!.start_date).toBe(addDays(today, 14))
	expect(waiting!.start_date! > today).toBe(true)
	// The delegation abroad took two people of the directory, with their official passports out of the safe.
	const out = await db
		.selectFrom('passport as p')
		.innerJoin('person', 'person.id', 'p.person_id')
		.innerJoin('plan_member as m', join => join.onRef('m.person_id', '=', 'person.id').on('m.plan_id', '=', abroad!.id))
		.select(['person.full_name', 'p.number', 'p.kind', 'p.state', 'p.plan_id'])
		.where('p.state', '=', 'out')
		.orderBy('p.number')
		.execute()
	expect(out).toEqual([
		{ full_name: 'Đặng Thị Minh Hà', number: 'C1987034', kind: 'official', state: 'out', plan_id: abroad!.id },
		{ full_name: 'Trần Quốc Dũng', number: 'C4410782', kind: 'official', state: 'out', plan_id: abroad!.id },
	])

	// The federation's chairman finds them on the home page: on the trip, coming, and waiting for him.
	const chairman = await db.selectFrom('app_user').select('id').where('email', '=', 'chutich@ldld-quangtri.vn').executeTakeFirstOrThrow()
	const response = await settle(async () => homeLoader(args(await request('/', { cookie: await sessionCookie(chairman.id) })) as never))
	const home = (await response.json()) as { inboxCount: number; overview: { abroad: { name: string }[]; upcoming: { name: string }[]; decided: { name: string }[] } }
	expect(home.inboxCount).toBe(1)
	expect(home.overview.abroad.map(p => p.name)).toEqual([abroad!.name])
	expect(home.overview.upcoming.map(p => p.name)).toEqual([coming!.name])
	expect(home.overview.decided.map(p => p.name).slice(0, 2)).toEqual([coming!.name, abroad!.name])
})

test('the demo plans can be told apart by name, and the 2019 history does not ring anyone’s bell', async () => {
	await seedDemo(db)
	const plans = await db.selectFrom('plan').select('name').execute()
	expect(plans.length).toBeGreaterThanOrEqual(5)
	expect(new Set(plans.map(p => p.name)).size).toBe(plans.length)
	const notifications = await db
		.selectFrom('notification')
		.select(eb => [
			eb.fn.countAll<string>().as('all'),
			eb.fn.countAll<string>().filterWhere('read_at', 'is', null).as('unread'),
		])
		.executeTakeFirstOrThrow()
	expect(Number(notifications.all)).toBeGreaterThan(0)
	expect(Number(notifications.unread)).toBe(0)
})
