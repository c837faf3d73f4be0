/**
 * Deadlines in days or working days: the real daily job run day by day across Tết 2027 (approval
 * reminders and a report due in working days, with a day the board declares off after the trip
 * returned), the return recorded through the plan page with each organisation's rule, and the
 * inbox's working days waited.
 */
import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import * as reportsRoute from '#app/routes/reports.tsx'
import * as inboxRoute from '#app/routes/inbox.tsx'
import { formatIsoDate } from '#lib/format.ts'
import { translate } from '#lib/i18n/index.ts'
import { addDays, todayIso } from '#lib/trip-dates.ts'
import {
	type DeclaredDays,
	isWorkingDay,
	workingDaysBetween,
} from '#lib/working-days.ts'
import {
	declareDay,
	declaredDaysBetween,
} from '#workflows/calendar/calendar.server.ts'
import { notificationMessage } from '#workflows/notify/notification-text.ts'
import { renderStoredEmail } from '#workflows/notify/render.server.ts'
import {
	type PlanEvent,
	type PlanEventType,
} from '#workflows/plans/plan.machine.ts'
import {
	applyPlanEvent,
	type PlanFieldChanges,
} from '#workflows/plans/plan.server.ts'
import {
	approvalWaiting,
	reportDueDate,
} from '#workflows/reminders/reminder-points.ts'
import { runDailyReminders } from '#workflows/reminders/reminders.server.ts'
import {
	args,
	insertPlan,
	insertPlanWorld,
	planState,
	request,
	sendPlanEvent,
	settle,
} from '../factories.ts'

type World = Awaited<ReturnType<typeof insertPlanWorld>>
type User = World['users']['ldld']['drafter']

const dm = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`

async function act(
	planId: string,
	type: PlanEventType,
	user: User,
	changes?: PlanFieldChanges,
) {
	const { version } = (await planState(db, planId))!
	const actor = {
		userId: user.id,
		organisationId: user.organisation_id,
		roles: user.roles,
	}
	const result = await db.transaction().execute(trx =>
		applyPlanEvent(trx, {
			planId,
			expectedVersion: version,
			event: { type, actor } as PlanEvent,
			changes,
		}),
	)
	expect(result.status, type).toBe('ok')
}

/** A plan of `owner` approved through its chain. */
async function approvedPlan(
	world: World,
	owner: 'ldld' | 'otherFed' = 'ldld',
	fields = {},
) {
	const { users, partner } = world
	const party = owner === 'ldld' ? 'tinhUy' : 'otherTinhUy'
	const { id } = await insertPlan(db, users[owner].drafter, {
		partnerId: partner.id,
		fields,
	})
	await sendPlanEvent(db, id, 'SUBMIT', users[owner].drafter)
	await sendPlanEvent(db, id, 'APPROVE', users[owner].approver)
	await sendPlanEvent(db, id, 'APPROVE', users[party].approver)
	await sendPlanEvent(db, id, 'APPROVE', users.board.approver)
	return id
}

async function json<T = any>(response: Response): Promise<T> {
	expect(response.status).toBe(200)
	return response.json() as Promise<T>
}

describe('the daily job across Tết 2027', () => {
	test('approvers are reminded on working days only, once per point; a report due in working days is reminded 3 working days before, and a day declared off moves it', async () => {
		const world = await insertPlanWorld(db)
		const { users, orgs } = world
		await db
			.updateTable('organisation')
			.set({ report_due_days: 10, report_due_unit: 'working_days' })
			.where('id', '=', orgs.ldld.id)
			.execute()

		// Back on Wednesday 27/01/2027: 10 working days, Tết (05–09/02) not counted, is Monday 15/02.
		const report = await approvedPlan(world)
		await act(report, 'DEPART', users.ldld.drafter, {
			departed_on: '2027-01-20',
		})
		const dueOn = reportDueDate('2027-01-27', 10, 'working_days')
		expect(dueOn).toBe('2027-02-15')
		await act(report, 'COMPLETE_TRIP', users.ldld.drafter, {
			returned_on: '2027-01-27',
			report_due_on: dueOn,
			report_due_count: 10,
			report_due_unit: 'working_days',
		})
		// The board then declares Wednesday 10/02 off: the due date is counted again, Tuesday 16/02.
		const declared = await declareDay(
			db,
			{
				id: users.board.admin.id,
				organisationId: orgs.board.id,
				roles: ['admin'],
				organisationKind: 'vgcl_board',
			},
			{ day: '2027-02-10', kind: 'off', note: 'Nghỉ Tết theo thông báo' },
		)
		expect(declared).toEqual({ ok: true })
		expect(
			await db
				.selectFrom('plan')
				.select(['report_due_on', 'report_due_count', 'report_due_unit'])
				.where('id', '=', report)
				.executeTakeFirstOrThrow(),
		).toEqual({
			report_due_on: '2027-02-16',
			report_due_count: 10,
			report_due_unit: 'working_days',
		})

		// A plan waiting at the federation since Thursday 28/01/2027 at 10:00 (every 5 working days).
		const { id: waiting } = await insertPlan(db, users.ldld.drafter, {
			partnerId: world.partner.id,
		})
		await sendPlanEvent(db, waiting, 'SUBMIT', users.ldld.drafter)
		await db
			.updateTable('plan')
			.set({ status_changed_at: new Date('2027-01-28T10:00:00+07:00') })
			.where('id', '=', waiting)
			.execute()
		const seen = new Set(
			(await db.selectFrom('email_message').select('id').execute()).map(
				e => e.id,
			),
		)

		const who = new Map([
			[users.ldld.drafter.id, 'drafter'],
			[users.ldld.approver.id, 'approver'],
		])
		const log: string[] = []
		for (let day = '2027-01-27'; day <= '2027-03-03'; day = addDays(day, 1)) {
			await runDailyReminders(db, day)
			// A second run the same day sends nothing more.
			expect((await runDailyReminders(db, day)).emailsQueued).toBe(0)
			const emails = await db
				.selectFrom('email_message')
				.select(['id', 'template', 'recipient_id', 'props'])
				.execute()
			log.push(
				...emails
					.filter(e => !seen.has(e.id))
					.map(
						e =>
							`${dm(day)} ${e.template} → ${who.get(e.recipient_id!)} (${(e.props as { days: number }).days})`,
					)
					.sort(),
			)
			for (const e of emails) seen.add(e.id)
		}
		expect(log).toEqual([
			// Working days after 28/01: 29/01, 01–04/02 (5); Tết and the declared 10/02 pass silently.
			'04/02 approval-waiting → approver (5)',
			// 3 working days before Tuesday 16/02: 11, 12, 15/02.
			'11/02 report-due → drafter (3)',
			'16/02 report-due → drafter (0)',
			'17/02 approval-waiting → approver (10)',
			'23/02 report-overdue → drafter (7)',
			'24/02 approval-waiting → approver (15)',
			'02/03 report-overdue → approver (14)',
			'02/03 report-overdue → drafter (14)',
			'03/03 approval-waiting → approver (20)',
		])

		// What the drafter reads: the rule next to the date, days left in working days.
		const before = await db
			.selectFrom('email_message')
			.select(['template', 'props', 'dedupe_key'])
			.where('template', '=', 'report-due')
			.orderBy('created_at')
			.executeTakeFirstOrThrow()
		expect(before.dedupe_key).toBe(
			`reminder:${report}:before:${users.ldld.drafter.id}`,
		)
		const email = (locale: 'vi' | 'en') =>
			renderStoredEmail({
				...before,
				recipient_name: users.ldld.drafter.full_name,
				recipient_locale: locale,
			}).then(m => `${m.subject} ${m.text.replace(/\s+/g, ' ')}`)
		const vi = await email('vi')
		expect(vi).toContain('Còn 3 ngày làm việc đến hạn')
		expect(vi).toContain('trước 16/02/2027, 10 ngày làm việc sau ngày về')
		const en = await email('en')
		expect(en).toContain('due in 3 working days')
		expect(en).toContain('by 16/02/2027, 10 working days after the return')
		const note = notificationMessage(
			'report-due',
			before.props as Record<string, unknown>,
			'vi',
		)
		expect(translate('vi', note.key, note.params)).toBe(
			`Còn 3 ngày làm việc đến hạn nộp báo cáo kết quả chuyến đi của đoàn “${(before.props as { planName: string }).planName}” (hạn 16/02/2027).`,
		)
		const approval = await db
			.selectFrom('email_message')
			.select(['template', 'props'])
			.where('template', '=', 'approval-waiting')
			.orderBy('created_at')
			.executeTakeFirstOrThrow()
		const approvalText = await renderStoredEmail({
			...approval,
			recipient_name: users.ldld.approver.full_name,
			recipient_locale: 'vi',
		})
		expect(approvalText.subject).toContain('5 ngày làm việc')
	})
})

describe('recording the return on the plan page', () => {
	test('the due date follows the owning organisation’s rule, kept on the plan, and the pages say which', async () => {
		const world = await insertPlanWorld(db)
		const { users, orgs } = world
		await db
			.updateTable('organisation')
			.set({ report_due_days: 10, report_due_unit: 'working_days' })
			.where('id', '=', orgs.ldld.id)
			.execute()
		const today = todayIso()
		const departed = addDays(today, -6)
		const returned = addDays(today, -2)
		const declared = await declaredDaysBetween(
			db,
			returned,
			addDays(returned, 90),
		)
		for (const [owner, count, unit, rule] of [
			['ldld', 10, 'working_days', '10 ngày làm việc sau ngày về'],
			['otherFed', 15, 'days', '15 ngày sau ngày về'],
		] as const) {
			const drafter = users[owner].drafter
			const planId = await approvedPlan(world, owner, {
				plan_year: Number(departed.slice(0, 4)),
				timing_kind: 'dates',
				start_date: departed,
				end_date: returned,
			})
			for (const [intent, field, date] of [
				['DEPART', 'departed_on', departed],
				['COMPLETE_TRIP', 'returned_on', returned],
			] as const) {
				const response = await settle(async () =>
					planRoute.action(
						args(
							await request(`/plans/${planId}`, {
								user: drafter,
								form: {
									intent,
									[field]: formatIsoDate(date),
									version: String((await planState(db, planId))!.version),
								},
							}),
							{ planId },
						) as never,
					),
				)
				expect(response.status, intent).toBe(302)
			}
			const dueOn = reportDueDate(returned, count, unit, declared)
			const page = await json(
				await settle(async () =>
					planRoute.loader(
						args(await request(`/plans/${planId}`, { user: drafter }), {
							planId,
						}) as never,
					),
				),
			)
			expect(page.plan, owner).toMatchObject({
				report_due_on: dueOn,
				report_due_count: count,
				report_due_unit: unit,
			})
			const list = await json(
				await settle(async () =>
					reportsRoute.loader(
						args(await request('/reports', { user: drafter })) as never,
					),
				),
			)
			expect(
				list.rows.find((r: { id: string }) => r.id === planId),
			).toMatchObject({
				report_due_on: dueOn,
				report_due_count: count,
				report_due_unit: unit,
			})
			expect(
				translate('vi', 'deadline.dueWithRule', {
					date: formatIsoDate(dueOn),
					rule: translate('vi', `deadline.rule.${unit}`, { days: count }),
				}),
			).toBe(`trước ${formatIsoDate(dueOn)}, ${rule}`)
		}
	})
})

describe('the inbox', () => {
	test('counts the working days a plan has waited and says when its approvers are reminded next, as the daily job does', async () => {
		const world = await insertPlanWorld(db)
		const { users, partner } = world
		const today = todayIso()
		const arrivals = [20, 6, 0].map(
			ago => new Date(Date.now() - ago * 24 * 60 * 60 * 1000 - 60_000),
		)
		const ids: string[] = []
		for (const arrivedAt of arrivals) {
			const { id } = await insertPlan(db, users.ldld.drafter, {
				partnerId: partner.id,
			})
			await sendPlanEvent(db, id, 'SUBMIT', users.ldld.drafter)
			await db
				.updateTable('plan')
				.set({ status_changed_at: arrivedAt })
				.where('id', '=', id)
				.execute()
			ids.push(id)
		}
		const declared = await declaredDaysBetween(
			db,
			addDays(today, -30),
			addDays(today, 60),
		)
		const inbox = await json(
			await settle(async () =>
				inboxRoute.loader(
					args(await request('/inbox', { user: users.ldld.approver })) as never,
				),
			),
		)
		expect(inbox.rows.map((r: { id: string }) => r.id)).toEqual(ids)
		inbox.rows.forEach(
			(
				row: {
					working_days_waited: number
					next_reminder_on: string
				},
				i: number,
			) => {
				const expected = approvalWaiting(arrivals[i]!, today, 5, declared)
				expect(row.working_days_waited).toBe(expected.workingDays)
				expect(row.next_reminder_on).toBe(expected.nextReminderOn)
				expect(isWorkingDay(row.next_reminder_on, declared)).toBe(true)
			},
		)
		// Arrived today: nothing waited yet.
		expect(inbox.rows[2].working_days_waited).toBe(0)
	})
})

test('SQL’s working_days_between (the inbox) agrees with workingDaysBetween (the daily job), with declared days', async () => {
	const world = await insertPlanWorld(db)
	const declared: DeclaredDays = new Map([
		['2027-01-01', 'working'], // a holiday declared working
		['2027-02-08', 'off'], // a holiday declared off as well
		['2027-02-10', 'off'],
		['2027-04-24', 'working'], // a make-up Saturday
		['2027-05-03', 'off'],
		['2027-09-04', 'working'],
	])
	await db
		.insertInto('declared_day')
		.values(
			[...declared].map(([day, kind]) => ({
				day,
				kind,
				note: 'Kiểm tra',
				declared_by: world.users.board.admin.id,
			})),
		)
		.execute()
	const from: string[] = []
	const to: string[] = []
	for (let day = '2026-12-20'; day <= '2028-01-10'; day = addDays(day, 1))
		for (const span of [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 13, 30, 400]) {
			from.push(day)
			to.push(addDays(day, span))
		}
	const { rows } = await sql<{ n: number }>`
		SELECT working_days_between(a, b) AS n
		FROM unnest(${from}::date[], ${to}::date[]) WITH ORDINALITY AS x(a, b, i)
		ORDER BY i`.execute(db)
	const differ = rows.flatMap((row, i) =>
		row.n === workingDaysBetween(from[i]!, to[i]!, declared)
			? []
			: [`${from[i]}→${to[i]}: SQL ${row.n}`],
	)
	expect(differ).toEqual([])
	expect(rows).toHaveLength(from.length)
})
