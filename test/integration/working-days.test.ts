import { sql } from 'kysely'
import { beforeEach, describe, expect, test } from 'vitest'
import * as calendarRoute from '#app/routes/admin.calendar/route.tsx'
import { db } from '#db/client.server.ts'
import { addWorkingDays, isWorkingDay } from '#lib/working-days.ts'
import { declaredDaysBetween } from '#workflows/calendar/calendar.server.ts'
import { args, insertPlanWorld, request, settle } from '../factories.ts'

let world: Awaited<ReturnType<typeof insertPlanWorld>>
beforeEach(async () => {
	world = await insertPlanWorld(db)
})

async function post(user: { id: string }, form: Record<string, string>) {
	return settle(async () =>
		calendarRoute.action(
			args(await request('/admin/calendar?year=2027', { user, form })) as never,
		),
	)
}

async function declared() {
	return db
		.selectFrom('declared_day')
		.select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'kind', 'note'])
		.orderBy('day')
		.execute()
}

describe('TypeScript and SQL working days', () => {
	test('agree on every day of 2020–2030, with declared days', async () => {
		const admin = world.users.board.admin
		const days: [string, 'off' | 'working'][] = [
			['2020-01-02', 'off'],
			['2021-09-03', 'off'],
			['2021-09-01', 'working'],
			['2025-04-26', 'working'],
			['2025-05-02', 'off'],
			['2027-02-10', 'off'],
			['2027-02-20', 'working'],
			['2030-12-31', 'off'],
		]
		await db
			.insertInto('declared_day')
			.values(
				days.map(([day, kind]) => ({
					day,
					kind,
					note: 'test',
					declared_by: admin.id,
				})),
			)
			.execute()
		const rows = await sql<{
			day: string
			working: boolean
			plus5: string
			minus3: string
		}>`
			SELECT to_char(d, 'YYYY-MM-DD') AS day, is_working_day(d::date) AS working,
				to_char(add_working_days(d::date, 5), 'YYYY-MM-DD') AS plus5,
				to_char(add_working_days(d::date, -3), 'YYYY-MM-DD') AS minus3
			FROM generate_series('2020-01-01'::date, '2030-12-31'::date, '1 day') AS d
			ORDER BY d`.execute(db)
		expect(rows.rows).toHaveLength(4018)
		const map = await declaredDaysBetween(db, '2019-01-01', '2031-12-31')
		expect(map.size).toBe(days.length)
		const mismatches = rows.rows.filter(
			row =>
				row.working !== isWorkingDay(row.day, map) ||
				row.plus5 !== addWorkingDays(row.day, 5, map) ||
				row.minus3 !== addWorkingDays(row.day, -3, map),
		)
		expect(mismatches).toEqual([])
		// Not vacuous: holidays, weekends and declared days all take part.
		const offWeekdays = rows.rows.filter(
			r => !r.working && ![0, 6].includes(new Date(r.day).getUTCDay()),
		)
		expect(offWeekdays.length).toBeGreaterThan(60)
		expect(rows.rows.find(r => r.day === '2027-02-20')?.working).toBe(true)
	})
})

describe('the calendar page', () => {
	test('every signed-in user reads it; only the board admin may edit', async () => {
		for (const user of [world.users.ldld.drafter, world.users.board.admin]) {
			const res = await settle(async () =>
				calendarRoute.loader(
					args(await request('/admin/calendar?year=2027', { user })) as never,
				),
			)
			const data = await res.json()
			expect(data.year).toBe(2027)
			expect(data.holidays.map((h: { date: string }) => h.date)).toContain(
				'2027-02-06',
			)
			expect(data.canEdit).toBe(user === world.users.board.admin)
		}
		const anonymous = await settle(async () =>
			calendarRoute.loader(args(await request('/admin/calendar')) as never),
		)
		expect(anonymous.status).toBe(302)
		for (const user of [world.users.ldld.admin, world.users.board.approver]) {
			const res = await post(user, {
				intent: 'declare',
				day: '20/02/2027',
				kind: 'working',
				note: 'Làm bù',
			})
			expect(res.status).toBe(403)
		}
		expect(await declared()).toEqual([])
		const bad = await settle(async () =>
			calendarRoute.loader(
				args(
					await request('/admin/calendar?year=abc', {
						user: world.users.ldld.drafter,
					}),
				) as never,
			),
		)
		expect(bad.status).toBe(404)
	})

	test('the board admin declares a make-up Saturday; bad input is refused with the field kept', async () => {
		const admin = world.users.board.admin
		const invalid = await post(admin, {
			intent: 'declare',
			day: '31/02/2027',
			kind: 'holiday',
			note: '',
		})
		expect(invalid.status).toBe(400)
		expect(await invalid.json()).toEqual({
			values: { day: '31/02/2027', kind: 'holiday', note: '' },
			errors: {
				day: ['calendar.errors.date'],
				kind: ['calendar.errors.kind'],
				note: ['calendar.errors.note'],
			},
		})
		// A Saturday is already off; a Monday is already a working day.
		const pointless = await post(admin, {
			intent: 'declare',
			day: '20/02/2027',
			kind: 'off',
			note: 'Nghỉ',
		})
		expect((await pointless.json()).errors).toEqual({
			day: ['calendar.errors.alreadyOff'],
		})
		expect(await declared()).toEqual([])

		const ok = await post(admin, {
			intent: 'declare',
			day: '20/02/2027',
			kind: 'working',
			note: 'Làm bù theo Thông báo 123/TB-VPCP',
		})
		expect(ok.status).toBe(302)
		expect(await declared()).toEqual([
			{
				day: '2027-02-20',
				kind: 'working',
				note: 'Làm bù theo Thông báo 123/TB-VPCP',
			},
		])
		const again = await post(admin, {
			intent: 'declare',
			day: '2027-02-20',
			kind: 'working',
			note: 'Lần hai',
		})
		expect((await again.json()).errors).toEqual({
			day: ['calendar.errors.taken'],
		})
		const res = await settle(async () =>
			calendarRoute.loader(
				args(
					await request('/admin/calendar?year=2027', {
						user: world.users.ldld.drafter,
					}),
				) as never,
			),
		)
		const [row] = (await res.json()).declared
		expect(row).toMatchObject({
			day: '2027-02-20',
			kind: 'working',
			version: 1,
		})

		// Removing at a version nobody saw changes nothing.
		const garbled = await post(admin, {
			intent: 'remove',
			day: '2027-02-20',
			version: '99999999999',
		})
		expect(garbled.status).toBe(409)
		const stale = await post(admin, {
			intent: 'remove',
			day: '2027-02-20',
			version: '7',
		})
		expect(stale.status).toBe(409)
		expect(await declared()).toHaveLength(1)
		const removed = await post(admin, {
			intent: 'remove',
			day: '2027-02-20',
			version: '1',
		})
		expect(removed.status).toBe(302)
		expect(await declared()).toEqual([])
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'subject_id', 'actor_id'])
			.orderBy('id')
			.execute()
		expect(audit).toEqual([
			{
				action: 'calendar.declared',
				subject_id: '2027-02-20',
				actor_id: admin.id,
			},
			{
				action: 'calendar.removed',
				subject_id: '2027-02-20',
				actor_id: admin.id,
			},
		])
	})
})
