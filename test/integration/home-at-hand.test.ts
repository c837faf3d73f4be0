/**
 * An approver's home follows the delegations: those on their trip now and those approved to start
 * within 30 days, of the plans the approver may see, with totals; a drafter's home does not.
 */
import { expect, test } from 'vitest'
import * as homeRoute from '#app/routes/_index.tsx'
import { db } from '#db/client.server.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { args, insertPlan, insertPlanWorld, request, sendPlanEvent, sessionCookie, settle } from '../factories.ts'

type AtHand = {
	abroad: { name: string }[]
	abroadTotal: number
	upcoming: { name: string }[]
	upcomingTotal: number
	decided: { name: string; event: string; status: string; step_organisation: string | null }[]
}

const inDays = (days: number) => {
	const d = new Date(`${todayIso()}T00:00:00Z`)
	d.setUTCDate(d.getUTCDate() + days)
	return d.toISOString().slice(0, 10)
}

test('an approver sees the delegations of the plans they may see on their trip and starting soon', async () => {
	const world = await insertPlanWorld(db)
	const { users, partner } = world
	const chainOf = {
		ldld: [users.ldld.approver, users.tinhUy.approver, users.board.approver],
		otherFed: [users.otherFed.approver, users.otherTinhUy.approver, users.board.approver],
	}
	const approvedPlan = async (org: 'ldld' | 'otherFed', name: string, startIn: number) => {
		const { id } = await insertPlan(db, users[org].drafter, {
			partnerId: partner.id,
			members: 1,
			fields: { name, plan_year: Number(inDays(startIn).slice(0, 4)), timing_kind: 'dates', start_date: inDays(startIn), end_date: inDays(startIn + 5) },
		})
		await sendPlanEvent(db, id, 'SUBMIT', users[org].drafter)
		for (const approver of chainOf[org]) await sendPlanEvent(db, id, 'APPROVE', approver)
		return id
	}
	await sendPlanEvent(db, await approvedPlan('ldld', 'Đoàn Quảng Trị đang ở Lào', -2), 'DEPART', users.ldld.drafter)
	await sendPlanEvent(db, await approvedPlan('otherFed', 'Đoàn Quảng Bình đang ở Lào', -1), 'DEPART', users.otherFed.drafter)
	await approvedPlan('ldld', 'Đoàn Quảng Trị đi tuần sau', 7)
	await approvedPlan('ldld', 'Đoàn Quảng Trị đi sau hai tháng', 60)
	// Two more decisions of the chairman: one plan sent on to the Tỉnh ủy, one returned.
	const onward = await insertPlan(db, users.ldld.drafter, { partnerId: partner.id, members: 1, fields: { name: 'Đoàn chờ Tỉnh ủy' } })
	await sendPlanEvent(db, onward.id, 'SUBMIT', users.ldld.drafter)
	await sendPlanEvent(db, onward.id, 'APPROVE', users.ldld.approver)
	const back = await insertPlan(db, users.ldld.drafter, { partnerId: partner.id, members: 1, fields: { name: 'Đoàn bị trả lại' } })
	await sendPlanEvent(db, back.id, 'SUBMIT', users.ldld.drafter)
	await sendPlanEvent(db, back.id, 'RETURN', users.ldld.approver)

	const home = async (userId: string) => {
		const response = await settle(async () => homeRoute.loader(args(await request('/', { cookie: await sessionCookie(userId) })) as never))
		expect(response.status).toBe(200)
		return ((await response.json()) as { overview: AtHand | null }).overview
	}
	const names = (rows: { name: string }[]) => rows.map(r => r.name)

	const chairman = await home(users.ldld.approver.id)
	expect(names(chairman!.abroad)).toEqual(['Đoàn Quảng Trị đang ở Lào'])
	expect(names(chairman!.upcoming)).toEqual(['Đoàn Quảng Trị đi tuần sau'])
	expect([chairman!.abroadTotal, chairman!.upcomingTotal]).toEqual([1, 1])
	// The chairman's latest decisions first, each with where the plan stands now.
	expect(chairman!.decided.slice(0, 3).map(d => [d.name, d.event, d.status, d.step_organisation])).toEqual([
		['Đoàn bị trả lại', 'RETURN', 'returned', null],
		['Đoàn chờ Tỉnh ủy', 'APPROVE', 'step_2', 'Tỉnh ủy Quảng Trị'],
		['Đoàn Quảng Trị đi sau hai tháng', 'APPROVE', 'approved', null],
	])
	expect(chairman!.decided).toHaveLength(5)

	// The board sees every organisation's, the soonest back first.
	const board = await home(users.board.approver.id)
	expect(names(board!.abroad)).toEqual(['Đoàn Quảng Trị đang ở Lào', 'Đoàn Quảng Bình đang ở Lào'])
	expect(board!.abroadTotal).toBe(2)

	// The other province's chairman sees only their own.
	const other = await home(users.otherFed.approver.id)
	expect(names(other!.abroad)).toEqual(['Đoàn Quảng Bình đang ở Lào'])
	expect(other!.upcomingTotal).toBe(0)
	expect(other!.decided.map(d => d.name)).toEqual(['Đoàn Quảng Bình đang ở Lào'])

	expect(await home(users.ldld.drafter.id)).toBeNull()
})
