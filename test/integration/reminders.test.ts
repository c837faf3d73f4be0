import { type JobWorker } from '#workflows/worker/worker.server.ts'
import { sql } from 'kysely'
import { afterEach, describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { queryCounter } from '#db/connect.ts'
import {
	type PlanEvent,
	type PlanEventType,
} from '#workflows/plans/plan.machine.ts'
import {
	applyPlanEvent,
	type PlanFieldChanges,
} from '#workflows/plans/plan.server.ts'
import { renderStoredEmail } from '#workflows/notify/render.server.ts'
import { addDays } from '#workflows/reminders/reminder-points.ts'
import { runDailyReminders } from '#workflows/reminders/reminders.server.ts'
import { CRON_ITEMS } from '#workflows/worker/worker.server.ts'
import { sendEmailsTask } from '#workflows/worker/tasks.server.ts'
import {
	insertPlan,
	insertPlanWorld,
	insertUser,
	sendPlanEvent,
} from '../factories.ts'
import {
	eventually,
	queueDrained,
	queuedJobs,
	type SmtpServer,
	startSmtpServer,
	startTestWorker,
} from '../mail.ts'

// The daily reminders with an injectable clock: runDailyReminders(db, today) is called for each
// day in turn, as the 08:00 job would be, and what it queued is read back from the database
// (email_message rows and in-app notifications). One test runs the real worker and SMTP server.

type World = Awaited<ReturnType<typeof insertPlanWorld>>
type User = Awaited<ReturnType<typeof insertUser>>

const PLAN_NAME = 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)'
const ORGANISATION = 'Liên đoàn Lao động tỉnh Quảng Trị'

/** Sends an event as `user`, with the columns it sets; throws unless accepted. */
async function act(
	planId: string,
	type: PlanEventType,
	user: User,
	{ comment, changes }: { comment?: string; changes?: PlanFieldChanges } = {},
) {
	const { version } = await db
		.selectFrom('plan')
		.select('version')
		.where('id', '=', planId)
		.executeTakeFirstOrThrow()
	const actor = {
		userId: user.id,
		organisationId: user.organisation_id,
		roles: user.roles,
	}
	const result = await db.transaction().execute(trx =>
		applyPlanEvent(trx, {
			planId,
			expectedVersion: version,
			event: { type, actor, comment } as PlanEvent,
			changes,
		}),
	)
	if (result.status !== 'ok')
		throw new Error(`${type} was refused: ${result.status}`)
}

/** A plan of LĐLĐ tỉnh Quảng Trị approved through its chain, gone and returned on `returnedOn` with its report due on `dueOn`. */
async function tripReturned(
	world: World,
	{ returnedOn = '2027-03-10', dueOn = '2027-03-25' } = {},
) {
	const { users, partner } = world
	const plan = await insertPlan(db, users.ldld.drafter, {
		partnerId: partner.id,
	})
	await sendPlanEvent(db, plan.id, 'SUBMIT', users.ldld.drafter)
	for (const approver of [
		users.ldld.approver,
		users.tinhUy.approver,
		users.board.approver,
	])
		await sendPlanEvent(db, plan.id, 'APPROVE', approver)
	await act(plan.id, 'DEPART', users.ldld.drafter, {
		changes: { departed_on: '2027-03-05' },
	})
	await act(plan.id, 'COMPLETE_TRIP', users.ldld.drafter, {
		changes: { returned_on: returnedOn, report_due_on: dueOn },
	})
	return plan.id
}

/** The plan reached its current step at this instant (the workflow stamps the real time). */
async function arrivedAt(planId: string, instant: string) {
	await db
		.updateTable('plan')
		.set({ status_changed_at: new Date(instant) })
		.where('id', '=', planId)
		.execute()
}

const seen = { emails: new Set<string>(), notifications: new Set<string>() }

/** The email messages and in-app notifications created since the last call. */
async function fresh() {
	const emails = await db
		.selectFrom('email_message')
		.select([
			'id',
			'template',
			'recipient_id',
			'to_address',
			'props',
			'plan_id',
			'organisation_id',
			'dedupe_key',
		])
		.orderBy('created_at')
		.execute()
	const notifications = await db
		.selectFrom('notification')
		.select(['id', 'kind', 'user_id', 'params', 'plan_id', 'dedupe_key'])
		.execute()
	const result = {
		emails: emails.filter(e => !seen.emails.has(e.id)),
		notifications: notifications.filter(n => !seen.notifications.has(n.id)),
	}
	for (const e of result.emails) seen.emails.add(e.id)
	for (const n of result.notifications) seen.notifications.add(n.id)
	return result
}

afterEach(() => {
	seen.emails.clear()
	seen.notifications.clear()
})

/** Every day from `from` to `to` inclusive. */
function days(from: string, to: string) {
	const list: string[] = []
	for (let day = from; day <= to; day = addDays(day, 1)) list.push(day)
	return list
}

/** "22/03" for a row of the expected table. */
const dm = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`

describe('report reminders, day by day', () => {
	test('returned 10/03, N = 15: reminders on 22/03 and 25/03, overdue on 01/04 and 08/04 (then also to the approvers), none after the report is filed on 09/04; a second run on a day sends nothing', async () => {
		const world = await insertPlanWorld(db)
		const { users, orgs } = world
		// A second approver of the federation; and people who must hear nothing: an inactive
		// approver, another drafter of the federation, the Tỉnh ủy and the board (until the report is filed).
		const secondApprover = await insertUser(db, {
			organisation_id: orgs.ldld.id,
			roles: ['approver'],
		})
		await insertUser(db, {
			organisation_id: orgs.ldld.id,
			roles: ['approver'],
			active: false,
		})
		await insertUser(db, { organisation_id: orgs.ldld.id, roles: ['drafter'] })
		const planId = await tripReturned(world)
		await fresh() // what the approval and the trip sent

		const name = new Map<string, string>([
			[users.ldld.drafter.id, 'drafter'],
			[users.ldld.approver.id, 'ldld approver'],
			[secondApprover.id, 'ldld approver 2'],
			[users.tinhUy.approver.id, 'tinhUy approver'],
			[users.board.approver.id, 'board approver'],
		])
		const sent: string[] = []
		const notified: string[] = []
		const record = (
			label: string,
			batch: Awaited<ReturnType<typeof fresh>>,
		) => {
			for (const e of batch.emails)
				sent.push(
					`${label} ${e.template} → ${name.get(e.recipient_id!) ?? e.to_address}`,
				)
			for (const n of batch.notifications)
				notified.push(
					`${label} ${n.kind} → ${name.get(n.user_id) ?? n.user_id}`,
				)
		}

		for (const day of days('2027-03-10', '2027-04-30')) {
			const run = await runDailyReminders(db, day)
			const batch = await fresh()
			record(dm(day), batch)
			expect(run.emailsQueued).toBe(batch.emails.length)
			// The job runs again the same day (a second worker, a restart): nothing more.
			const again = await runDailyReminders(db, day)
			expect(again.reminders).toEqual(run.reminders)
			expect(again.emailsQueued).toBe(0)
			expect(await fresh()).toEqual({ emails: [], notifications: [] })

			if (day === '2027-04-09') {
				await act(planId, 'SUBMIT_REPORT', users.ldld.drafter)
				record('09/04 filed:', await fresh())
			}
		}

		const expected = [
			'22/03 report-due → drafter',
			'25/03 report-due → drafter',
			'01/04 report-overdue → drafter',
			'08/04 report-overdue → drafter',
			'08/04 report-overdue → ldld approver',
			'08/04 report-overdue → ldld approver 2',
			'09/04 filed: report-submitted → tinhUy approver',
			'09/04 filed: report-submitted → board approver',
		]
		expect(sent.sort()).toEqual([...expected].sort())
		expect(notified.sort()).toEqual([...expected].sort())

		// What the messages hold: the facts to render in each recipient's language.
		const rows = await db
			.selectFrom('email_message')
			.select([
				'template',
				'recipient_id',
				'props',
				'dedupe_key',
				'plan_id',
				'organisation_id',
			])
			.where('dedupe_key', 'like', 'reminder:%')
			.orderBy('created_at')
			.execute()
		const base = {
			planId,
			planName: PLAN_NAME,
			organisationName: ORGANISATION,
			toStatus: 'trip_done',
			returnedOn: '2027-03-10',
			dueOn: '2027-03-25',
			drafterName: users.ldld.drafter.full_name,
			drafterInactive: false,
			informational: false,
		}
		const drafter = users.ldld.drafter.id
		const want = [
			{
				template: 'report-due',
				user: drafter,
				props: { point: 'before', days: 3, escalation: false },
			},
			{
				template: 'report-due',
				user: drafter,
				props: { point: 'due', days: 0, escalation: false },
			},
			{
				template: 'report-overdue',
				user: drafter,
				props: { point: 'overdue-1', days: 7, escalation: false },
			},
			{
				template: 'report-overdue',
				user: drafter,
				props: { point: 'overdue-2', days: 14, escalation: false },
			},
			{
				template: 'report-overdue',
				user: users.ldld.approver.id,
				props: { point: 'overdue-2', days: 14, escalation: true },
			},
			{
				template: 'report-overdue',
				user: secondApprover.id,
				props: { point: 'overdue-2', days: 14, escalation: true },
			},
		].map(r => ({
			template: r.template,
			recipient_id: r.user,
			props: { ...base, ...r.props },
			dedupe_key: `reminder:${planId}:${r.props.point}:${r.user}`,
			plan_id: planId,
			organisation_id: orgs.ldld.id,
		}))
		const byKey = (a: { dedupe_key: string }, b: { dedupe_key: string }) =>
			a.dedupe_key.localeCompare(b.dedupe_key)
		expect([...rows].sort(byKey)).toEqual(want.sort(byKey))
		// The in-app notification of each reminder shares its email's key and facts.
		const inApp = await db
			.selectFrom('notification')
			.select(['kind', 'user_id', 'params', 'dedupe_key'])
			.where('dedupe_key', 'like', 'reminder:%')
			.execute()
		expect(inApp.map(n => [n.dedupe_key, n.kind, n.params]).sort()).toEqual(
			rows.map(r => [r.dedupe_key, r.template, r.props]).sort(),
		)
		// Each run that queued reminders added one send_emails job naming them (the plan's events
		// one send_email job per message), however many runs (no worker ran in this test): every
		// message in exactly one job.
		const ids = (
			await db.selectFrom('email_message').select('id').execute()
		).map(r => r.id)
		const { rows: jobRows } = await sql<{
			task: string
			payload: { messageId?: string; messageIds?: string[] }
		}>`SELECT t.identifier AS task, j.payload FROM graphile_worker._private_jobs j
			JOIN graphile_worker._private_tasks t ON t.id = j.task_id ORDER BY j.id`.execute(
			db,
		)
		const batches = jobRows.filter(j => j.task === 'send_emails')
		expect(batches.length).toBeGreaterThan(0)
		expect(
			jobRows
				.flatMap(j => j.payload.messageIds ?? [j.payload.messageId])
				.sort(),
		).toEqual([...ids].sort())
		// send_emails (run twice, as after a crash) gives each message one send_email job.
		for (let i = 0; i < 2; i++)
			for (const j of batches) await sendEmailsTask(j.payload, {} as never)
		const jobs = (await queuedJobs(db)).filter(
			j => j.task_identifier === 'send_email',
		)
		expect(jobs.map(j => j.key).sort()).toEqual(
			ids.map(id => `email:${id}`).sort(),
		)
	})

	test('a report returned by the board is owed again: the next overdue point reminds the drafter and the approvers; acknowledged, nothing more', async () => {
		const world = await insertPlanWorld(db)
		const { users } = world
		const planId = await tripReturned(world)
		await act(planId, 'SUBMIT_REPORT', users.ldld.drafter)
		await fresh()
		// Filed on time, so nothing through April …
		for (const day of days('2027-03-10', '2027-04-11'))
			await runDailyReminders(db, day)
		expect(await fresh()).toEqual({ emails: [], notifications: [] })

		// … until the board returns it on 12/04 asking for more: owed again, and 21 days past its due date on 15/04.
		await act(planId, 'RETURN_REPORT', users.board.approver, {
			comment: 'Đề nghị bổ sung kết quả hội đàm.',
		})
		const returned = await fresh()
		expect(returned.emails.map(e => [e.template, e.recipient_id])).toEqual([
			['report-returned', users.ldld.drafter.id],
		])
		expect(returned.emails[0].props).toMatchObject({
			comment: 'Đề nghị bổ sung kết quả hội đàm.',
			informational: false,
			toStatus: 'report_returned',
		})

		const byDay: Record<string, string[]> = {}
		for (const day of days('2027-04-12', '2027-04-20')) {
			await runDailyReminders(db, day)
			const { emails } = await fresh()
			if (emails.length)
				byDay[day] = emails
					.map(
						e =>
							`${e.template}:${(e.props as { point: string }).point}:${e.recipient_id}`,
					)
					.sort()
		}
		expect(byDay).toEqual({
			'2027-04-15': [
				`report-overdue:overdue-3:${users.ldld.approver.id}`,
				`report-overdue:overdue-3:${users.ldld.drafter.id}`,
			].sort(),
		})

		// Submitted again and acknowledged: the plan is closed and no reminder follows.
		await act(planId, 'SUBMIT_REPORT', users.ldld.drafter)
		const again = await fresh()
		expect(
			again.emails.map(e => [
				e.template,
				e.recipient_id,
				(e.props as { resubmitted: boolean }).resubmitted,
			]),
		).toEqual([
			['report-submitted', users.tinhUy.approver.id, true],
			['report-submitted', users.board.approver.id, true],
		])
		await act(planId, 'ACKNOWLEDGE_REPORT', users.board.approver)
		const acknowledged = await fresh()
		expect(
			acknowledged.emails.map(e => [
				e.template,
				e.recipient_id,
				(e.props as { informational: boolean }).informational,
			]),
		).toEqual([['report-acknowledged', users.ldld.drafter.id, true]])
		for (const day of days('2027-04-21', '2027-06-30'))
			await runDailyReminders(db, day)
		expect(await fresh()).toEqual({ emails: [], notifications: [] })
	})

	test('report events: the acknowledging board is asked to act, the Tỉnh ủy is told for information; a drafter who turned off information emails still sees the acknowledgement in the app', async () => {
		const world = await insertPlanWorld(db)
		const { users } = world
		const planId = await tripReturned(world)
		await db
			.updateTable('app_user')
			.set({ email_info: false })
			.where('id', 'in', [users.ldld.drafter.id, users.tinhUy.approver.id])
			.execute()
		await fresh()

		await act(planId, 'SUBMIT_REPORT', users.ldld.drafter)
		const submitted = await fresh()
		expect(
			submitted.notifications
				.map(n => [
					n.kind,
					n.user_id,
					(n.params as { informational: boolean }).informational,
				])
				.sort(),
		).toEqual(
			[
				['report-submitted', users.tinhUy.approver.id, true],
				['report-submitted', users.board.approver.id, false],
			].sort(),
		)
		// The Tỉnh ủy's approver turned information emails off; the board's must act, so it is mailed.
		expect(submitted.emails.map(e => e.recipient_id)).toEqual([
			users.board.approver.id,
		])
		expect(submitted.emails[0].props).toMatchObject({
			planName: PLAN_NAME,
			actorName: users.ldld.drafter.full_name,
			toStatus: 'report_submitted',
			resubmitted: false,
		})

		await act(planId, 'ACKNOWLEDGE_REPORT', users.board.approver, {
			comment: 'Đã tiếp nhận.',
		})
		const acknowledged = await fresh()
		expect(acknowledged.notifications.map(n => [n.kind, n.user_id])).toEqual([
			['report-acknowledged', users.ldld.drafter.id],
		])
		expect(acknowledged.emails).toEqual([])
		expect(
			(
				await db
					.selectFrom('plan')
					.select('status')
					.where('id', '=', planId)
					.executeTakeFirstOrThrow()
			).status,
		).toBe('closed')
	})

	test('a drafter no longer active: the report reminders go to the organisation’s active drafters instead, saying why; the escalation still reaches the approvers', async () => {
		const world = await insertPlanWorld(db)
		const { users, orgs } = world
		const planId = await tripReturned(world)
		// The plan's drafter has left; the federation has another active drafter (and an inactive
		// one), and an approver who also drafts. Other organisations' drafters hear nothing.
		await db
			.updateTable('app_user')
			.set({ active: false })
			.where('id', '=', users.ldld.drafter.id)
			.execute()
		const colleague = await insertUser(db, {
			organisation_id: orgs.ldld.id,
			roles: ['drafter'],
		})
		await insertUser(db, {
			organisation_id: orgs.ldld.id,
			roles: ['drafter'],
			active: false,
		})
		const both = await insertUser(db, {
			organisation_id: orgs.ldld.id,
			roles: ['drafter', 'approver'],
		})
		await fresh()

		const name = new Map<string, string>([
			[colleague.id, 'colleague'],
			[both.id, 'drafter-approver'],
			[users.ldld.approver.id, 'ldld approver'],
		])
		const sent: string[] = []
		for (const day of days('2027-03-10', '2027-04-08')) {
			await runDailyReminders(db, day)
			const { emails, notifications } = await fresh()
			expect(notifications.map(n => n.dedupe_key).sort()).toEqual(
				emails.map(e => e.dedupe_key).sort(),
			)
			for (const e of emails) {
				const props = e.props as { escalation: boolean }
				sent.push(
					`${dm(day)} ${e.template} → ${name.get(e.recipient_id!) ?? e.to_address}${props.escalation ? ' (escalation)' : ''}`,
				)
			}
		}
		expect(sent.sort()).toEqual(
			[
				'22/03 report-due → colleague',
				'22/03 report-due → drafter-approver',
				'25/03 report-due → colleague',
				'25/03 report-due → drafter-approver',
				'01/04 report-overdue → colleague',
				'01/04 report-overdue → drafter-approver',
				'08/04 report-overdue → colleague',
				// A drafter who is also an approver is reminded once, as a drafter.
				'08/04 report-overdue → drafter-approver',
				'08/04 report-overdue → ldld approver (escalation)',
			].sort(),
		)

		// The email names the drafter who left and says why it came to them.
		const [first] = await db
			.selectFrom('email_message')
			.select(['template', 'props'])
			.where('recipient_id', '=', colleague.id)
			.orderBy('created_at')
			.execute()
		expect(first.props).toMatchObject({
			planId,
			point: 'before',
			drafterName: users.ldld.drafter.full_name,
			drafterInactive: true,
			escalation: false,
		})
		const { text } = await renderStoredEmail({
			...first,
			recipient_name: colleague.full_name,
			recipient_locale: 'vi',
		})
		expect(text.replace(/\s+/g, ' ')).toContain(
			`Người soạn thảo kế hoạch (${users.ldld.drafter.full_name}) không còn hoạt động trong hệ thống, nên nhắc nhở này được gửi đến những người soạn thảo của đơn vị.`,
		)
		const { text: en } = await renderStoredEmail({
			...first,
			recipient_name: colleague.full_name,
			recipient_locale: 'en',
		})
		expect(en.replace(/\s+/g, ' ')).toContain(
			`The plan’s drafter (${users.ldld.drafter.full_name}) is no longer active`,
		)
	})

	test('a fixed number of queries, however many plans are due', async () => {
		const world = await insertPlanWorld(db)
		const { users, orgs, partner } = world
		/** Plans owed a report (and plans waiting at a step) set straight in the table: the job only reads these columns. */
		async function plans(n: number) {
			for (let i = 0; i < n; i++) {
				const due = await insertPlan(db, users.ldld.drafter, {
					partnerId: partner.id,
				})
				await db
					.updateTable('plan')
					.set({
						status: 'trip_done',
						returned_on: '2027-03-10',
						report_due_on: ['2027-03-25', '2027-03-18', '2027-04-01'][i % 3],
					})
					.where('id', '=', due.id)
					.execute()
				const waiting = await insertPlan(db, users.otherFed.drafter, {
					partnerId: partner.id,
				})
				await db
					.updateTable('plan')
					.set({
						status: 'step_1',
						current_step_organisation_id: orgs.otherFed.id,
						status_changed_at: new Date('2027-03-18T07:00:00+07:00'),
					})
					.where('id', '=', waiting.id)
					.execute()
			}
		}
		async function count(day: string) {
			const before = queryCounter.count
			const run = await runDailyReminders(db, day)
			return {
				queries: queryCounter.count - before,
				reminders: run.reminders.length,
			}
		}
		// The other federation reminds every 5 working days: its plans, waiting since Thursday 18/03,
		// are due a reminder on 25/03 (19, 22, 23, 24, 25/03) and 01/04.
		await db
			.updateTable('organisation')
			.set({ approval_reminder_days: 5 })
			.where('id', '=', orgs.otherFed.id)
			.execute()
		await plans(2)
		// 25/03: the report due today and the one a week late (the drafter), the 2 waiting plans (the other federation's approver).
		const two = await count('2027-03-25')
		expect(two.reminders).toBe(2 + 2)
		await plans(18)
		// 01/04: 7 reports one week late (drafter), 7 two weeks late (drafter and approver), 6 due today; 20 waiting plans.
		const many = await count('2027-04-01')
		expect(many.reminders).toBe(7 + 7 * 2 + 6 + 20)
		// Each waiting plan's reminder carries its own approve and return links: 40 more rows, in the same one insert.
		const links = await db
			.selectFrom('decision_token')
			.select(eb => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow()
		expect(Number(links.n)).toBe((2 + 20) * 2)
		expect(many.queries).toBe(two.queries)
		// BEGIN, the four selects (reports, waiting plans, passports out, trips past their last day),
		// the declared days of the calendar, the recipients with their substitutes, the
		// notifications with the emails, their jobs and the links' hashes, COMMIT.
		expect(two.queries).toBe(9)
		// Nothing due (the report due 18/03 is read: its "before" point may be today): the five selects.
		expect((await count('2027-03-12')).queries).toBe(2 + 5)
		// Nothing read at all: the four selects only.
		expect((await count('2027-03-01')).queries).toBe(2 + 4)
	})
})

/** A plan for 05–09/03/2027, approved at every step and departed on 05/03: its last day is 09/03. */
async function departedTrip(world: Awaited<ReturnType<typeof insertPlanWorld>>) {
	const { users, partner } = world
	const plan = await insertPlan(db, users.ldld.drafter, {
		partnerId: partner.id,
		fields: { name: PLAN_NAME, timing_kind: 'dates', plan_year: 2027, start_date: '2027-03-05', end_date: '2027-03-09' },
	})
	await sendPlanEvent(db, plan.id, 'SUBMIT', users.ldld.drafter)
	for (const approver of [users.ldld.approver, users.tinhUy.approver, users.board.approver])
		await sendPlanEvent(db, plan.id, 'APPROVE', approver)
	await act(plan.id, 'DEPART', users.ldld.drafter, { changes: { departed_on: '2027-03-05' } })
	return plan
}

describe('a trip past its last day', () => {
	test('last day 09/03, not recorded: the drafter on 10/03, drafter and approvers on 17/03, nothing after the return is recorded on 20/03; the email names the plan page’s button', async () => {
		const world = await insertPlanWorld(db)
		const { users } = world
		const plan = await departedTrip(world)
		await fresh()

		const name = new Map<string, string>([
			[users.ldld.drafter.id, 'drafter'],
			[users.ldld.approver.id, 'ldld approver'],
		])
		const sent: string[] = []
		for (const day of days('2027-03-05', '2027-03-31')) {
			const run = await runDailyReminders(db, day)
			const batch = await fresh()
			for (const e of batch.emails) sent.push(`${dm(day)} ${e.template} → ${name.get(e.recipient_id!) ?? e.to_address}`)
			expect(batch.notifications.map(n => n.kind)).toEqual(batch.emails.map(e => e.template))
			expect((await runDailyReminders(db, day)).emailsQueued).toBe(0)
			expect(run.emailsQueued).toBe(batch.emails.length)
			if (day === '2027-03-17') {
				const [drafterEmail] = batch.emails.filter(e => e.recipient_id === users.ldld.drafter.id)
				const rendered = await renderStoredEmail({ ...drafterEmail!, recipient_name: users.ldld.drafter.full_name, recipient_locale: 'vi' })
				expect(rendered.subject).toBe(`[Đối ngoại] Đoàn "${PLAN_NAME}" đã qua ngày kết thúc 09/03/2027: cần ghi nhận kết thúc chuyến đi`)
				expect(rendered.text.replace(/\s+/g, ' ')).toContain('bấm “Ghi nhận đoàn về” với ngày kết thúc thực tế')
			}
			if (day === '2027-03-20')
				await act(plan.id, 'COMPLETE_TRIP', users.ldld.drafter, {
					changes: { returned_on: '2027-03-19', report_due_on: '2027-04-03' },
				})
		}
		// After the return, the report's own reminders take over (3 days before its due date).
		expect(sent.filter(s => !s.includes('report-'))).toEqual([
			'10/03 trip-end-overdue → drafter',
			'17/03 trip-end-overdue → drafter',
			'17/03 trip-end-overdue → ldld approver',
		])
	})

	test('a plan timed by year ("3-4 ngày", as in seed 001) ends on the departure day plus its longest stay: left 05/03, reminded from 09/03', async () => {
		const world = await insertPlanWorld(db)
		const { users, partner } = world
		const plan = await insertPlan(db, users.ldld.drafter, {
			partnerId: partner.id,
			fields: { name: PLAN_NAME, days_min: 3, days_max: 4 },
		})
		await sendPlanEvent(db, plan.id, 'SUBMIT', users.ldld.drafter)
		for (const approver of [users.ldld.approver, users.tinhUy.approver, users.board.approver])
			await sendPlanEvent(db, plan.id, 'APPROVE', approver)
		await act(plan.id, 'DEPART', users.ldld.drafter, { changes: { departed_on: '2027-03-05' } })
		await fresh()
		const reminded: string[] = []
		for (const day of days('2027-03-05', '2027-03-16')) {
			await runDailyReminders(db, day)
			for (const e of (await fresh()).emails)
				reminded.push(`${dm(day)} ${e.template} ${(e.props as { endOn: string }).endOn} → ${e.recipient_id === users.ldld.drafter.id ? 'drafter' : 'approver'}`)
		}
		expect(reminded).toEqual([
			'09/03 trip-end-overdue 2027-03-08 → drafter',
			'16/03 trip-end-overdue 2027-03-08 → drafter',
			'16/03 trip-end-overdue 2027-03-08 → approver',
		])
	})
})

test('a trip past its last day whose drafter has left: the organisation’s active drafters are reminded, told why', async () => {
	const world = await insertPlanWorld(db)
	const { users, orgs } = world
	const colleague = await insertUser(db, { organisation_id: orgs.ldld.id, roles: ['drafter'] })
	await departedTrip(world)
	await db.updateTable('app_user').set({ active: false }).where('id', '=', users.ldld.drafter.id).execute()
	await fresh()
	await runDailyReminders(db, '2027-03-10')
	const { emails } = await fresh()
	expect(emails.map(e => [e.template, e.recipient_id])).toEqual([['trip-end-overdue', colleague.id]])
	const { text } = await renderStoredEmail({ ...emails[0]!, recipient_name: colleague.full_name, recipient_locale: 'vi' })
	expect(text.replace(/\s+/g, ' ')).toContain(`Người soạn thảo kế hoạch (${users.ldld.drafter.full_name}) không còn hoạt động trong hệ thống`)
})

describe('approval waiting', () => {
	test('a plan waiting at a step: its approvers every 5 days; once it moves on, the next step’s approvers by their own organisation’s setting', async () => {
		const world = await insertPlanWorld(db)
		const { users, orgs, partner } = world
		await db
			.updateTable('organisation')
			.set({ approval_reminder_days: 3 })
			.where('id', '=', orgs.tinhUy.id)
			.execute()
		const plan = await insertPlan(db, users.ldld.drafter, {
			partnerId: partner.id,
		})
		await sendPlanEvent(db, plan.id, 'SUBMIT', users.ldld.drafter)
		// Submitted on 10/03 at 14:00 in Hà Nội.
		await arrivedAt(plan.id, '2027-03-10T14:00:00+07:00')
		// Another federation's plan, submitted the same day, waits at its own federation (default 5 days).
		const other = await insertPlan(db, users.otherFed.drafter, {
			partnerId: partner.id,
		})
		await sendPlanEvent(db, other.id, 'SUBMIT', users.otherFed.drafter)
		await arrivedAt(other.id, '2027-03-12T09:00:00+07:00')
		await fresh()

		const log: string[] = []
		for (const day of days('2027-03-10', '2027-04-05')) {
			if (day === '2027-03-24') {
				// The federation approves on 24/03 at 10:00: the plan now waits at the Tỉnh ủy, reminded every 3 days.
				await sendPlanEvent(db, plan.id, 'APPROVE', users.ldld.approver)
				await arrivedAt(plan.id, '2027-03-24T10:00:00+07:00')
				await fresh()
			}
			await runDailyReminders(db, day)
			await runDailyReminders(db, day)
			const { emails, notifications } = await fresh()
			expect(notifications.map(n => n.dedupe_key).sort()).toEqual(
				emails.map(e => e.dedupe_key).sort(),
			)
			for (const e of emails) {
				const props = e.props as { days: number; planId: string }
				const who =
					e.recipient_id === users.ldld.approver.id
						? 'ldld'
						: e.recipient_id === users.tinhUy.approver.id
							? 'tinhUy'
							: e.recipient_id === users.otherFed.approver.id
								? 'otherFed'
								: e.to_address
				log.push(
					`${dm(day)} ${e.template} ${props.planId === plan.id ? 'plan' : 'other'} → ${who} (${props.days} days)`,
				)
			}
		}
		expect(log).toEqual([
			// Working days after Wednesday 10/03: 11, 12, 15, 16, 17/03 (weekends not counted).
			'17/03 approval-waiting plan → ldld (5 days)',
			// After Friday 12/03: 15–19/03, then 22–26/03, then 29/03–02/04.
			'19/03 approval-waiting other → otherFed (5 days)',
			'26/03 approval-waiting other → otherFed (10 days)',
			// At the Tỉnh ủy from Wednesday 24/03: 25, 26, 29/03, then every 3 working days.
			'29/03 approval-waiting plan → tinhUy (3 days)',
			'01/04 approval-waiting plan → tinhUy (6 days)',
			'02/04 approval-waiting other → otherFed (15 days)',
		])

		const [first] = await db
			.selectFrom('email_message')
			.select(['props', 'dedupe_key', 'organisation_id'])
			.where('recipient_id', '=', users.tinhUy.approver.id)
			.where('template', '=', 'approval-waiting')
			.orderBy('created_at')
			.execute()
		expect(first).toEqual({
			organisation_id: orgs.ldld.id,
			dedupe_key: `reminder:${plan.id}:waiting-step_2-2027-03-24-1:${users.tinhUy.approver.id}`,
			props: {
				planId: plan.id,
				planName: PLAN_NAME,
				organisationName: ORGANISATION,
				toStatus: 'step_2',
				point: 'waiting-step_2-2027-03-24-1',
				stepLabel: { vi: 'Bước 2', en: '' },
				waitingSince: '2027-03-24',
				days: 3,
				workingDays: true,
				informational: false,
				// The approver's one-time links, as in "waiting for you" (the tokens are stored hashed).
				decidePaths: {
					approve: expect.stringMatching(/^\/decide\/[\w-]{43}$/),
					return: expect.stringMatching(/^\/decide\/[\w-]{43}$/),
				},
			},
		})
		// Each reminder email made 2 links for its approver, at the plan's step then (however
		// many runs a day); the in-app notifications have none.
		const reminders = await db
			.selectFrom('email_message')
			.select(['recipient_id', 'plan_id', 'props'])
			.where('template', '=', 'approval-waiting')
			.execute()
		const tokens = await db
			.selectFrom('decision_token')
			.select(['approver_id', 'plan_id', 'step_status', 'action'])
			.execute()
		// "Waiting for you" to the federation and the other federation, then to the Tỉnh ủy.
		const submittedLinks = 3 * 2
		expect(tokens).toHaveLength(2 * reminders.length + submittedLinks)
		expect(
			tokens.filter(
				t =>
					t.approver_id === users.tinhUy.approver.id &&
					t.step_status === 'step_2',
			),
		).toHaveLength(2 * 2 + 2)
		expect(
			JSON.stringify(
				await db
					.selectFrom('notification')
					.select('params')
					.where('kind', '=', 'approval-waiting')
					.execute(),
			),
		).not.toContain('/decide/')
	})

	test('returned and submitted again, the plan starts a new series at the step', async () => {
		const world = await insertPlanWorld(db)
		const { users, partner } = world
		const plan = await insertPlan(db, users.ldld.drafter, {
			partnerId: partner.id,
		})
		await sendPlanEvent(db, plan.id, 'SUBMIT', users.ldld.drafter)
		// Monday 01/03: 5 working days on Monday 08/03; back on Tuesday 09/03: on Tuesday 16/03.
		await arrivedAt(plan.id, '2027-03-01T07:30:00+07:00')
		await runDailyReminders(db, '2027-03-08')
		await sendPlanEvent(db, plan.id, 'RETURN', users.ldld.approver)
		await sendPlanEvent(db, plan.id, 'RESUBMIT', users.ldld.drafter)
		await arrivedAt(plan.id, '2027-03-09T07:30:00+07:00')
		await runDailyReminders(db, '2027-03-16')
		const rows = await db
			.selectFrom('email_message')
			.select(['dedupe_key'])
			.where('template', '=', 'approval-waiting')
			.orderBy('created_at')
			.execute()
		expect(rows.map(r => r.dedupe_key)).toEqual([
			`reminder:${plan.id}:waiting-step_1-2027-03-01-1:${users.ldld.approver.id}`,
			`reminder:${plan.id}:waiting-step_1-2027-03-09-1:${users.ldld.approver.id}`,
		])
	})
})

describe('with the real worker and an SMTP server', () => {
	let smtp: SmtpServer | null = null
	let worker: JobWorker | null = null
	afterEach(async () => {
		await worker?.stop()
		await smtp?.close()
		worker = null
		smtp = null
		delete process.env.SMTP_URL
		delete process.env.APP_URL
	})

	test('the daily_reminders job, as the 08:00 cron schedules it, mails the reminders in Vietnamese', async () => {
		smtp = await startSmtpServer()
		process.env.SMTP_URL = smtp.url
		process.env.APP_URL = 'https://doingoai.example.vn'
		const world = await insertPlanWorld(db)
		const { users } = world
		const planId = await tripReturned(world)
		worker = await startTestWorker()
		await queueDrained(db)
		smtp.clear()

		// The cron's job for 22/03 (01:00 UTC is 08:00 in Hà Nội), as graphile-worker's cron adds it.
		await sql`SELECT graphile_worker.add_job('daily_reminders', json_build_object('_cron', json_build_object('ts', '2027-03-22T01:00:00.000Z', 'backfilled', false)))`.execute(
			db,
		)
		await queueDrained(db)
		await eventually(() => smtp!.received.length >= 1)
		expect(smtp.received.map(m => m.recipients)).toEqual([
			[users.ldld.drafter.email],
		])
		const [mail] = smtp.received
		expect(mail.subject).toBe(
			`[Đối ngoại] Còn 3 ngày đến hạn báo cáo kết quả chuyến đi "${PLAN_NAME}"`,
		)
		for (const text of [
			`Kính gửi ${users.ldld.drafter.full_name},`,
			`Đoàn “${PLAN_NAME}” của ${ORGANISATION} đã về ngày 10/03/2027. Báo cáo kết quả chuyến đi phải nộp chậm nhất ngày 25/03/2027.`,
			'Trạng thái Đã về, chờ báo cáo',
			'Ngày về 10/03/2027 Hạn nộp báo cáo 25/03/2027',
			`Lập báo cáo https://doingoai.example.vn/plans/${planId}`,
		])
			expect(mail.text).toContain(text)
		expect(mail.html).toContain('Còn 3 ngày đến hạn nộp báo cáo kết quả')
		expect(mail.text).not.toContain('email để biết')
		smtp.clear()

		// The job for 08/04 runs twice (say a worker restarted and it was added again): the drafter and the approver once each.
		for (let i = 0; i < 2; i++) {
			await sql`SELECT graphile_worker.add_job('daily_reminders', json_build_object('_cron', json_build_object('ts', '2027-04-08T01:00:00.000Z', 'backfilled', true)))`.execute(
				db,
			)
			await queueDrained(db)
		}
		await eventually(() => smtp!.received.length >= 2)
		expect(smtp.received.map(m => m.recipients[0]).sort()).toEqual(
			[users.ldld.drafter.email, users.ldld.approver.email].sort(),
		)
		const escalation = smtp.to(users.ldld.approver.email)[0]
		expect(escalation.subject).toBe(
			`[Đối ngoại] Báo cáo kết quả chuyến đi "${PLAN_NAME}" đã quá hạn 14 ngày`,
		)
		expect(escalation.text).toContain(
			`Báo cáo kết quả chuyến đi của đoàn “${PLAN_NAME}” thuộc ${ORGANISATION} đến hạn ngày 25/03/2027, đã quá hạn 14 ngày mà chưa được nộp, dù người soạn thảo (${users.ldld.drafter.full_name}) đã được nhắc.`,
		)
		expect(escalation.text).toContain(
			`Người soạn thảo ${users.ldld.drafter.full_name}`,
		)
		const drafterMail = smtp.to(users.ldld.drafter.email)[0]
		expect(drafterMail.text).toContain(
			`Báo cáo kết quả chuyến đi của đoàn “${PLAN_NAME}” đến hạn ngày 25/03/2027 nhưng đến nay vẫn chưa được nộp.`,
		)
		// The worker marks a message sent just after the SMTP server has taken it.
		const reminderStatuses = () =>
			db
				.selectFrom('email_message')
				.select('status')
				.where('dedupe_key', 'like', 'reminder:%')
				.execute()
		await eventually(async () =>
			(await reminderStatuses()).every(r => r.status === 'sent'),
		)
		expect(await reminderStatuses()).toEqual([
			{ status: 'sent' },
			{ status: 'sent' },
			{ status: 'sent' },
		])
		// The worker registered the daily cron item.
		const { rows } = await sql<{
			identifier: string
		}>`SELECT identifier FROM graphile_worker._private_known_crontabs`.execute(
			db,
		)
		expect(rows.map(r => r.identifier)).toContain('daily_reminders')
	})

	test('the cron item runs every day at 01:00 UTC, which is 08:00 in Hà Nội', () => {
		expect(CRON_ITEMS.map(i => [i.task, i.identifier])).toEqual([
			['daily_reminders', 'daily_reminders'],
		])
		const [item] = CRON_ITEMS
		const at = (iso: string) => {
			const d = new Date(iso)
			return item.match({
				min: d.getUTCMinutes(),
				hour: d.getUTCHours(),
				date: d.getUTCDate(),
				month: d.getUTCMonth() + 1,
				dow: d.getUTCDay(),
			})
		}
		expect(at('2027-03-22T01:00:00Z')).toBe(true)
		expect(at('2027-03-23T01:00:00Z')).toBe(true)
		expect(at('2027-03-22T08:00:00Z')).toBe(false)
		expect(at('2027-03-22T01:01:00Z')).toBe(false)
	})
})
