/**
 * Every role sees its next step: one inbox with the plans to decide and the reports to
 * acknowledge, the approver led on to the next item after a decision, the drafter's home with
 * what was returned (and why), and the nav counts read with the session.
 */
import { expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { queryCounter } from '#db/connect.ts'
import { addDays, todayIso } from '#lib/trip-dates.ts'
import * as homeRoute from '#app/routes/_index.tsx'
import * as inboxRoute from '#app/routes/inbox.tsx'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import { loader as rootLoader } from '#app/root.tsx'
import {
	args,
	insertPlan,
	insertPlanWorld,
	insertUser,
	request,
	sendPlanEvent,
	sessionCookie,
	settle,
} from '../factories.ts'

async function load<T>(
	loader: (a: never) => Promise<unknown>,
	path: string,
	userId: string,
) {
	const response = await settle(async () =>
		loader(
			args(
				await request(path, { cookie: await sessionCookie(userId) }),
			) as never,
		),
	)
	expect(response.status).toBe(200)
	return (await response.json()) as T
}

test('the board’s inbox holds the plans at its step and the reports to acknowledge, longest waiting first, and the nav counts them', async () => {
	const { users, partner } = await insertPlanWorld(db)
	const { drafter } = users.ldld
	const plan = async (name: string) => {
		const { id } = await insertPlan(db, drafter, {
			partnerId: partner.id,
			fields: { name },
		})
		await sendPlanEvent(db, id, 'SUBMIT', drafter)
		await sendPlanEvent(db, id, 'APPROVE', users.ldld.approver)
		await sendPlanEvent(db, id, 'APPROVE', users.tinhUy.approver)
		return id
	}
	const reported = await plan('Đoàn đã về, báo cáo đã nộp')
	await sendPlanEvent(db, reported, 'APPROVE', users.board.approver)
	// The trip and its report are the trips tests' business; here only the state counts.
	await db
		.updateTable('plan')
		.set({
			status: 'report_submitted',
			status_changed_at: new Date('2026-01-01T00:00:00Z'),
		})
		.where('id', '=', reported)
		.execute()
	const waiting = await plan('Đoàn chờ Ban Đối ngoại duyệt')

	const inbox = await load<{
		rows: { kind: string; id: string; name: string }[]
		total: number
	}>(inboxRoute.loader, '/inbox', users.board.approver.id)
	expect(inbox.rows.map(r => [r.kind, r.id])).toEqual([
		['report', reported],
		['plan', waiting],
	])
	expect(inbox.total).toBe(2)
	const root = await load<{ user: { inboxCount: number } }>(
		rootLoader,
		'/',
		users.board.approver.id,
	)
	expect(root.user.inboxCount).toBe(2)
	// The LĐLĐ approver has nothing waiting.
	const ldld = await load<{ rows: unknown[]; total: number }>(
		inboxRoute.loader,
		'/inbox',
		users.ldld.approver.id,
	)
	expect(ldld).toMatchObject({ rows: [], total: 0 })
})

test('after a decision the approver goes on to the next item with a toast, and to the emptied inbox after the last', async () => {
	const { users, partner } = await insertPlanWorld(db)
	const { drafter, approver } = users.ldld
	const ids: string[] = []
	for (const name of ['Đoàn thứ nhất', 'Đoàn thứ hai']) {
		const { id } = await insertPlan(db, drafter, {
			partnerId: partner.id,
			fields: { name },
		})
		await sendPlanEvent(db, id, 'SUBMIT', drafter)
		ids.push(id)
	}
	const decide = async (planId: string) => {
		const { version } = await db
			.selectFrom('plan')
			.select('version')
			.where('id', '=', planId)
			.executeTakeFirstOrThrow()
		return settle(async () =>
			planRoute.action(
				args(
					await request(`/plans/${planId}`, {
						cookie: await sessionCookie(approver.id),
						form: { intent: 'APPROVE', version: String(version) },
					}),
					{ planId },
				) as never,
			),
		)
	}
	const first = await decide(ids[0]!)
	expect(first.status).toBe(302)
	expect(first.headers.get('Location')).toBe(`/plans/${ids[1]}`)
	const last = await decide(ids[1]!)
	expect(last.headers.get('Location')).toBe('/inbox')
	// The toast names what was done and what comes next.
	const cookie = last.headers.get('Set-Cookie') ?? ''
	expect(cookie).toContain('toast')
})

test('the drafter’s home lists the returned plan with the comment and the draft not sent, in a fixed number of queries', async () => {
	const { users, partner } = await insertPlanWorld(db)
	const { drafter } = users.ldld
	const { id: returned } = await insertPlan(db, drafter, {
		partnerId: partner.id,
		fields: { name: 'Đoàn bị trả lại' },
	})
	await sendPlanEvent(db, returned, 'SUBMIT', drafter)
	await sendPlanEvent(
		db,
		returned,
		'RETURN',
		users.ldld.approver,
		'Đề nghị bổ sung danh sách thành viên.',
	)
	await insertPlan(db, drafter, { fields: { name: 'Bản nháp chưa gửi' } })
	// A delegation still recorded as away two days after its last day: the drafter records its end.
	const { id: away } = await insertPlan(db, drafter, {
		partnerId: partner.id,
		members: 1,
		fields: {
			name: 'Đoàn chưa ghi nhận về',
			timing_kind: 'dates',
			plan_year: Number(addDays(todayIso(), -6).slice(0, 4)),
			start_date: addDays(todayIso(), -6),
			end_date: addDays(todayIso(), -2),
		},
	})
	await sendPlanEvent(db, away, 'SUBMIT', drafter)
	for (const approver of [users.ldld.approver, users.tinhUy.approver, users.board.approver])
		await sendPlanEvent(db, away, 'APPROVE', approver)
	await sendPlanEvent(db, away, 'DEPART', drafter)
	// Timed by year, as seed 001's plans are, "3-4 ngày": left 5 days ago, so its last day (the 4th) has passed.
	const { id: byYear } = await insertPlan(db, drafter, {
		partnerId: partner.id,
		members: 1,
		fields: { name: 'Đoàn theo kế hoạch năm', days_min: 3, days_max: 4 },
	})
	await sendPlanEvent(db, byYear, 'SUBMIT', drafter)
	for (const approver of [users.ldld.approver, users.tinhUy.approver, users.board.approver])
		await sendPlanEvent(db, byYear, 'APPROVE', approver)
	await sendPlanEvent(db, byYear, 'DEPART', drafter)
	await db.updateTable('plan').set({ departed_on: addDays(todayIso(), -5) }).where('id', '=', byYear).execute()
	// Approved for last year and never gone (seed 001's 2020 plans): planned to start by 31/12 of that year.
	const lastYear = Number(todayIso().slice(0, 4)) - 1
	const { id: stale } = await insertPlan(db, drafter, {
		partnerId: partner.id,
		members: 1,
		fields: { name: 'Đoàn năm trước chưa đi', plan_year: lastYear, timing_kind: 'month', timing_month: 6 },
	})
	await sendPlanEvent(db, stale, 'SUBMIT', drafter)
	for (const approver of [users.ldld.approver, users.tinhUy.approver, users.board.approver])
		await sendPlanEvent(db, stale, 'APPROVE', approver)

	const before = queryCounter.count
	const home = await load<{
		work: { name: string; status: string; comment: string | null; end_date: string | null; last_day: string | null; start_by: string | null }[]
	}>(homeRoute.loader, '/', drafter.id)
	const queries = queryCounter.count - before
	expect(home.work).toEqual(
		expect.arrayContaining([
			expect.objectContaining({
				name: 'Đoàn bị trả lại',
				status: 'returned',
				comment: 'Đề nghị bổ sung danh sách thành viên.',
			}),
			expect.objectContaining({
				name: 'Bản nháp chưa gửi',
				status: 'drafting',
				comment: null,
			}),
			expect.objectContaining({
				name: 'Đoàn chưa ghi nhận về',
				status: 'departed',
				last_day: addDays(todayIso(), -2),
			}),
			expect.objectContaining({
				name: 'Đoàn năm trước chưa đi',
				status: 'approved',
				start_by: `${lastYear}-06-30`,
			}),
			expect.objectContaining({
				name: 'Đoàn theo kế hoạch năm',
				status: 'departed',
				end_date: null,
				last_day: addDays(todayIso(), -2),
			}),
		]),
	)
	const root = await load<{ user: { returnedCount: number } }>(
		rootLoader,
		'/',
		drafter.id,
	)
	expect(root.user.returnedCount).toBe(1)

	for (let i = 0; i < 10; i++)
		await insertPlan(db, drafter, { fields: { name: `Nháp ${i}` } })
	const again = queryCounter.count
	const more = await load<{ work: unknown[] }>(
		homeRoute.loader,
		'/',
		drafter.id,
	)
	expect(queryCounter.count - again).toBe(queries)
	// A few of each kind, not every draft.
	expect(more.work.length).toBeLessThanOrEqual(10)
})

test('an approver who submitted a plan sees it in the inbox marked as theirs, for a colleague to decide', async () => {
	const { users, partner, orgs } = await insertPlanWorld(db)
	const both = await insertUser(db, {
		organisation_id: orgs.ldld.id,
		roles: ['drafter', 'approver'],
	})
	const { id } = await insertPlan(db, both, { partnerId: partner.id })
	await sendPlanEvent(db, id, 'SUBMIT', both)
	type Inbox = { rows: { id: string; own: boolean }[] }
	const mine = await load<Inbox>(inboxRoute.loader, '/inbox', both.id)
	expect(mine.rows).toMatchObject([{ id, own: true }])
	const colleague = await load<Inbox>(
		inboxRoute.loader,
		'/inbox',
		users.ldld.approver.id,
	)
	expect(colleague.rows).toMatchObject([{ id, own: false }])
})
