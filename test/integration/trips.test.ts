/**
 * After approval, through the routes: the trip's forms on the plan page (departure, return,
 * cancellation, postponement within the year or into another year), an amendment through the
 * edit page, the post-trip report (saved, submitted, returned, acknowledged by the right
 * organisations only), the "Báo cáo sau chuyến đi" list and the home page's counts, and a
 * fixed number of queries on each page.
 */
import { beforeEach, describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { queryCounter } from '#db/connect.ts'
import { translate } from '#lib/i18n/index.ts'
import * as homeRoute from '#app/routes/_index.tsx'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import * as editRoute from '#app/routes/plans.$planId.edit.tsx'
import * as reportRoute from '#app/routes/plans.$planId.report/route.tsx'
import * as reportsRoute from '#app/routes/reports.tsx'
import * as attachmentRoute from '#app/routes/plans.$planId.attachments.$attachmentId.tsx'
import { formatIsoDate } from '#lib/format.ts'
import { recordToDraft } from '#workflows/plans/plan-mapping.ts'
import { addDays, daysBetween, todayIso } from '#lib/trip-dates.ts'
import { getToast } from '#app/utils/toast.server.ts'
import { runDailyReminders } from '#workflows/reminders/reminders.server.ts'
import { getPlanRecord } from '#db/repos/plan.server.ts'
import { applyPlanEvent } from '#workflows/plans/plan.server.ts'
import {
	args,
	insertPlan,
	insertPlanWorld,
	multipartRequest,
	planState,
	request,
	sendPlanEvent,
	sessionCookie,
	settle,
} from '../factories.ts'

type World = Awaited<ReturnType<typeof insertPlanWorld>>
type User = World['users']['ldld']['drafter']
let world: World
const cookies = new Map<string, string>()
const today = todayIso()
const dmy = (iso: string) => formatIsoDate(iso)
/** A real, if tiny, PDF: the app checks files by their first bytes. */
const pdf = (name = 'bien-ban.pdf') =>
	new File([`%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`], name, { type: 'application/pdf' })

beforeEach(async () => {
	cookies.clear()
	world = await insertPlanWorld(db)
})

async function cookieOf(user: { id: string }) {
	if (!cookies.has(user.id)) cookies.set(user.id, await sessionCookie(user.id))
	return cookies.get(user.id)!
}

async function json<T = any>(response: Response, status = 200): Promise<T> {
	if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${await response.text()}`)
	return response.json() as Promise<T>
}

async function viewPlan(user: User, planId: string) {
	return json(await settle(async () => planRoute.loader(args(await request(`/plans/${planId}`, { cookie: await cookieOf(user) }), { planId }) as never)))
}

/** Posts one of the plan page's forms with the version the user last saw. */
async function post(user: User, planId: string, form: Record<string, string>) {
	const version = form.version ?? String((await planState(db, planId))!.version)
	return settle(async () =>
		planRoute.action(args(await request(`/plans/${planId}`, { cookie: await cookieOf(user), form: { ...form, version } }), { planId }) as never),
	)
}

function expectRedirect(response: Response, to: string) {
	expect(response.status, response.statusText).toBe(302)
	expect(response.headers.get('Location')).toBe(to)
}

/** The errors of a refused conform form, by field. */
async function fieldErrors(response: Response) {
	const body = await json<{ result: { error?: Record<string, string[]> } }>(response, 400)
	return body.result.error ?? {}
}

async function planRow(planId: string) {
	return db.selectFrom('plan').selectAll().where('id', '=', planId).executeTakeFirstOrThrow()
}

async function eventRows(planId: string) {
	return db.selectFrom('plan_event').select(['event', 'from_status', 'to_status', 'comment', 'plan_snapshot']).where('plan_id', '=', planId).orderBy('id').execute()
}

/** A complete plan of `owner` ('ldld' or 'otherFed'), approved through its chain. */
async function approvedPlan(owner: 'ldld' | 'otherFed' = 'ldld', { members = 0, fields = {} }: Parameters<typeof insertPlan>[2] & object = {}) {
	const { users, partner } = world
	const party = owner === 'ldld' ? 'tinhUy' : 'otherTinhUy'
	const { id } = await insertPlan(db, users[owner].drafter, { partnerId: partner.id, members, fields })
	await sendPlanEvent(db, id, 'SUBMIT', users[owner].drafter)
	await sendPlanEvent(db, id, 'APPROVE', users[owner].approver)
	await sendPlanEvent(db, id, 'APPROVE', users[party].approver)
	await sendPlanEvent(db, id, 'APPROVE', users.board.approver)
	return id
}

/** Approved for exactly these dates, so recording them needs no confirmation. */
function approvedFor(start: string, end: string) {
	return { plan_year: Number(start.slice(0, 4)), timing_kind: 'dates' as const, start_date: start, end_date: end }
}

/** Departed and back on `returnedOn`, with the report due N days later (set up without the forms). */
async function returnedPlan(owner: 'ldld' | 'otherFed', returnedOn: string, options: Parameters<typeof approvedPlan>[1] = {}) {
	const id = await approvedPlan(owner, options)
	const drafter = world.users[owner].drafter
	const actor = { userId: drafter.id, organisationId: drafter.organisation_id, roles: drafter.roles }
	const n = (await db.selectFrom('organisation').select('report_due_days').where('id', '=', drafter.organisation_id).executeTakeFirstOrThrow()).report_due_days
	for (const [type, changes] of [
		['DEPART', { departed_on: addDays(returnedOn, -3) }],
		['COMPLETE_TRIP', { returned_on: returnedOn, report_due_on: addDays(returnedOn, n) }],
	] as const) {
		const { version } = await planRow(id)
		const result = await db.transaction().execute(trx => applyPlanEvent(trx, { planId: id, expectedVersion: version, event: { type, actor }, changes }))
		expect(result.status).toBe('ok')
	}
	return id
}

describe('the trip on the plan page', () => {
	test('the owning drafter sees the trip forms; nobody else can send them', async () => {
		const { users } = world
		const planId = await approvedPlan()
		expect((await viewPlan(users.ldld.drafter, planId)).actions).toEqual(['DEPART', 'CANCEL', 'POSTPONE', 'AMEND'])
		for (const user of [users.ldld.approver, users.tinhUy.approver, users.board.approver]) {
			const before = await planState(db, planId)
			const response = await post(user, planId, { intent: 'CANCEL', reason: 'Không đi nữa.' })
			expect(response.status, user.id).toBe(403)
			expect(await planState(db, planId)).toEqual(before)
		}
		expect((await post(users.otherFed.drafter, planId, { intent: 'DEPART', departed_on: dmy(today) })).status).toBe(404)
	})

	test('cancel: the reason is required, then the plan is cancelled with its reason stored', async () => {
		const { users } = world
		const planId = await approvedPlan()
		const before = await planState(db, planId)

		const refused = await post(users.ldld.drafter, planId, { intent: 'CANCEL', reason: '  ' })
		expect(await fieldErrors(refused)).toEqual({ reason: ['trip.reasonRequired'] })
		expect(translate('vi', 'trip.reasonRequired')).toBe('Vui lòng ghi lý do')
		expect(await planState(db, planId)).toEqual(before)

		expectRedirect(await post(users.ldld.drafter, planId, { intent: 'CANCEL', reason: 'Do ảnh hưởng của dịch Covid-19' }), `/plans/${planId}`)
		expect(await planRow(planId)).toMatchObject({ status: 'cancelled', cancel_reason: 'Do ảnh hưởng của dịch Covid-19' })
		expect((await eventRows(planId)).at(-1)).toMatchObject({ event: 'CANCEL', from_status: 'approved', to_status: 'cancelled', comment: 'Do ảnh hưởng của dịch Covid-19' })
		const page = await viewPlan(users.board.approver, planId)
		expect(page.plan).toMatchObject({ status: 'cancelled', cancel_reason: 'Do ảnh hưởng của dịch Covid-19' })
		expect(page.actions).toEqual([])
		// Final: nothing more can happen to it.
		expect((await post(users.ldld.drafter, planId, { intent: 'DEPART', departed_on: dmy(today), confirm_dates: 'on', date_reason: 'Đi sớm.' })).status).toBe(409)
	})

	test('postponed within the plan year: the approval stands, the timing changes, the event is in the timeline', async () => {
		const { users } = world
		const planId = await approvedPlan()
		const before = await planState(db, planId)
		const postpone = { intent: 'POSTPONE', reason: 'Đối tác đề nghị lùi thời gian.', plan_year: '2027', timing_kind: 'dates' }

		// Dates are checked: both needed, the end not before the start.
		let refused = await post(users.ldld.drafter, planId, { ...postpone, start_date: '20/09/2027', end_date: '18/09/2027' })
		expect(await fieldErrors(refused)).toEqual({ end_date: ['plan.endBeforeStart'] })
		refused = await post(users.ldld.drafter, planId, { ...postpone, reason: '', start_date: '31/02/2027' })
		expect(await fieldErrors(refused)).toEqual({ reason: ['trip.reasonRequired'], start_date: ['plan.dateInvalid'] })
		refused = await post(users.ldld.drafter, planId, { ...postpone, timing_kind: 'year' })
		expect(await fieldErrors(refused)).toEqual({ timing_kind: ['trip.timingUnchanged'] })
		expect(await planState(db, planId)).toEqual(before)

		expectRedirect(await post(users.ldld.drafter, planId, { ...postpone, start_date: '15/09/2027', end_date: '18/09/2027' }), `/plans/${planId}`)
		expect(await planRow(planId)).toMatchObject({ status: 'approved', plan_year: 2027, timing_kind: 'dates', start_date: '2027-09-15', end_date: '2027-09-18' })
		const last = (await eventRows(planId)).at(-1)!
		expect(last).toMatchObject({ event: 'POSTPONE', from_status: 'approved', to_status: 'approved', comment: 'Đối tác đề nghị lùi thời gian.' })
		expect(last.plan_snapshot).toMatchObject({ start_date: '2027-09-15', end_date: '2027-09-18' })
		const page = await viewPlan(users.ldld.drafter, planId)
		expect(page.events.at(-1)).toMatchObject({ event: 'POSTPONE', timing: { plan_year: 2027, timing_kind: 'dates', start_date: '2027-09-15' } })
		expect(page.actions).toContain('DEPART')
	})

	test('postponed into another year: an amendment that climbs the chain again from step 1, showing what changed since approval', async () => {
		const { users, orgs } = world
		const planId = await approvedPlan()
		expectRedirect(
			await post(users.ldld.drafter, planId, { intent: 'POSTPONE', reason: 'Lùi sang năm sau do bạn chưa sắp xếp được.', plan_year: '2028', timing_kind: 'month', timing_month: '3' }),
			`/plans/${planId}`,
		)
		expect(await planRow(planId)).toMatchObject({ status: 'step_1', plan_year: 2028, timing_kind: 'month', timing_month: 3, current_step_organisation_id: orgs.ldld.id })
		expect((await eventRows(planId)).at(-1)).toMatchObject({ event: 'AMEND', from_status: 'approved', to_status: 'step_1', comment: 'Lùi sang năm sau do bạn chưa sắp xếp được.' })

		const page = await viewPlan(users.ldld.approver, planId)
		expect(page.actions).toEqual(['APPROVE', 'RETURN', 'REJECT'])
		expect(page.returned).toBeNull()
		expect(page.approvedVersion).toMatchObject({ by: users.board.approver.full_name })
		expect(page.approvedVersion.draft).toMatchObject({ plan_year: 2027, timing_kind: 'year' })
		expect(page.draft).toMatchObject({ plan_year: 2028, timing_kind: 'month', timing_month: 3 })

		// Through the chain again, then approved for 2028.
		for (const user of [users.ldld.approver, users.tinhUy.approver, users.board.approver]) await sendPlanEvent(db, planId, 'APPROVE', user)
		expect(await planRow(planId)).toMatchObject({ status: 'approved', plan_year: 2028 })
		expect((await viewPlan(users.board.approver, planId)).approvedVersion).toBeNull()
	})

	test('departure and return dates: checked against today and each other, report due N days after the return', async () => {
		const { users } = world
		const departed = addDays(today, -12)
		const planId = await approvedPlan('ldld', { fields: approvedFor(departed, addDays(departed, 4)) })
		const tomorrow = addDays(today, 1)
		let before = await planState(db, planId)
		expect(await fieldErrors(await post(users.ldld.drafter, planId, { intent: 'DEPART', departed_on: dmy(tomorrow) }))).toEqual({ departed_on: ['trip.dateInFuture'] })
		expect(await fieldErrors(await post(users.ldld.drafter, planId, { intent: 'DEPART', departed_on: 'hôm qua' }))).toEqual({ departed_on: ['plan.dateInvalid'] })
		expect(await planState(db, planId)).toEqual(before)

		expectRedirect(await post(users.ldld.drafter, planId, { intent: 'DEPART', departed_on: dmy(departed) }), `/plans/${planId}`)
		expect(await planRow(planId)).toMatchObject({ status: 'departed', departed_on: departed, returned_on: null })

		// A return before the departure is refused with a Vietnamese message on the field, and nothing is saved.
		before = await planState(db, planId)
		const refused = await post(users.ldld.drafter, planId, { intent: 'COMPLETE_TRIP', returned_on: dmy(addDays(departed, -1)) })
		expect(await fieldErrors(refused)).toEqual({ returned_on: ['trip.returnBeforeDeparture'] })
		expect(translate('vi', 'trip.returnBeforeDeparture')).toBe('Ngày về không thể trước ngày xuất phát')
		expect(await planState(db, planId)).toEqual(before)
		expect(await planRow(planId)).toMatchObject({ returned_on: null, report_due_on: null })

		const returned = addDays(departed, 4)
		expectRedirect(await post(users.ldld.drafter, planId, { intent: 'COMPLETE_TRIP', returned_on: dmy(returned) }), `/plans/${planId}`)
		expect(await planRow(planId)).toMatchObject({ status: 'trip_done', returned_on: returned, report_due_on: addDays(returned, 15) })
		const page = await viewPlan(users.ldld.drafter, planId)
		expect(page.plan).toMatchObject({ departed_on: departed, returned_on: returned, report_due_on: addDays(returned, 15) })
		expect(page.actions).toEqual(['SUBMIT_REPORT'])
		expect(page.events.slice(-2).map((e: { event: string }) => e.event)).toEqual(['DEPART', 'COMPLETE_TRIP'])
	})

	test('the report is due after N days, N being the owning organisation’s setting', async () => {
		const { users, orgs } = world
		await db.updateTable('organisation').set({ report_due_days: 30 }).where('id', '=', orgs.otherFed.id).execute()
		for (const [owner, n] of [['ldld', 15], ['otherFed', 30]] as const) {
			const returned = addDays(today, -2)
			const planId = await approvedPlan(owner, { fields: approvedFor(addDays(today, -5), returned) })
			expectRedirect(await post(users[owner].drafter, planId, { intent: 'DEPART', departed_on: dmy(addDays(today, -5)) }), `/plans/${planId}`)
			expectRedirect(await post(users[owner].drafter, planId, { intent: 'COMPLETE_TRIP', returned_on: dmy(returned) }), `/plans/${planId}`)
			expect((await planRow(planId)).report_due_on, owner).toBe(addDays(returned, n))
		}
	})

	test('a stale version changes nothing and names who acted first', async () => {
		const { users } = world
		const planId = await approvedPlan('ldld', { fields: approvedFor(today, today) })
		const { version } = (await planState(db, planId))!
		expectRedirect(await post(users.ldld.drafter, planId, { intent: 'DEPART', departed_on: dmy(today), version: String(version) }), `/plans/${planId}`)
		const before = await planState(db, planId)
		const stale = await post(users.ldld.drafter, planId, { intent: 'CANCEL', reason: 'Hủy.', version: String(version) })
		const body = await json(stale, 409)
		expect(body.conflict).toMatchObject({ event: 'DEPART', actor_name: users.ldld.drafter.full_name })
		expect(await planState(db, planId)).toEqual(before)
	})
})

describe('amending an approved plan through the edit page', () => {
	async function saveEdit(user: User, planId: string, change: (fields: Record<string, string>) => void, reason?: string) {
		const record = (await getPlanRecord(db, planId))!
		const draft = recordToDraft(record)
		const fields: Record<string, string> = {
			version: String(record.version),
			plan_year: String(draft.plan_year),
			direction: draft.direction,
			name: draft.name ?? '',
			in_name_of: draft.in_name_of ?? '',
			head_title: draft.head_title ?? '',
			member_count: String(draft.member_count ?? ''),
			country: draft.country ?? '',
			partner_id: draft.partner_id ?? '',
			activities: draft.activities ?? '',
			days: draft.days ?? '',
			timing_kind: draft.timing_kind,
			'budget[0].payer': draft.budget![0].payer,
			'budget[0].item': draft.budget![0].item,
			'budget[0].source': draft.budget![0].source,
		}
		draft.members?.forEach((m, i) => {
			fields[`members[${i}].full_name`] = m.full_name
			fields[`members[${i}].passport_type`] = m.passport_type ?? ''
		})
		change(fields)
		const form = new FormData()
		for (const [k, v] of Object.entries(fields)) form.append(k, v)
		if (reason !== undefined) form.append('amend_reason', reason)
		form.append('attachments', new File([], ''), '')
		form.append('intent', 'amend')
		return settle(async () => editRoute.action(args(await multipartRequest(`/plans/${planId}/edit`, form, { cookie: await cookieOf(user) }), { planId }) as never))
	}

	test('another country needs a reason, then sends the plan back to step 1 with the change shown', async () => {
		const { users } = world
		const planId = await approvedPlan()
		const edit = await json(await settle(async () => editRoute.loader(args(await request(`/plans/${planId}/edit`, { cookie: await cookieOf(users.ldld.drafter) }), { planId }) as never)))
		expect(edit.amend).toBe(true)

		const before = await planState(db, planId)
		const refused = await saveEdit(users.ldld.drafter, planId, f => (f.country = 'KH'))
		const errors = await fieldErrors(refused)
		expect(errors.amend_reason).toEqual([expect.stringMatching(/^plan\.amendReasonRequired::/)])
		expect(errors.amend_reason[0]).toContain('Nước đến')
		expect(await planState(db, planId)).toEqual(before)
		expect((await planRow(planId)).country).toBe('LA')

		expectRedirect(await saveEdit(users.ldld.drafter, planId, f => (f.country = 'KH'), 'Đối tác mời sang Campuchia.'), `/plans/${planId}`)
		expect(await planRow(planId)).toMatchObject({ status: 'step_1', country: 'KH' })
		expect((await eventRows(planId)).at(-1)).toMatchObject({ event: 'AMEND', from_status: 'approved', to_status: 'step_1', comment: 'Đối tác mời sang Campuchia.' })
		const page = await viewPlan(users.ldld.approver, planId)
		expect(page.approvedVersion.draft.country).toBe('LA')
		expect(page.draft.country).toBe('KH')
	})

	test('more members than approved is an amendment; names within the count keep the approval and are recorded', async () => {
		const { users } = world
		const planId = await approvedPlan('ldld', { fields: { member_count: 3 } })

		// Two named members within the approved 3: saved, still approved, an event in the timeline.
		expectRedirect(
			await saveEdit(users.ldld.drafter, planId, f => {
				f['members[0].full_name'] = 'Lê Văn Đức'
				f['members[0].passport_type'] = 'official'
				f['members[1].full_name'] = 'Trần Thị Thu Hà'
				f['members[1].passport_type'] = 'ordinary'
			}),
			`/plans/${planId}`,
		)
		expect((await planRow(planId)).status).toBe('approved')
		const kept = (await eventRows(planId)).at(-1)!
		expect(kept).toMatchObject({ event: 'POSTPONE', from_status: 'approved', to_status: 'approved' })
		expect(kept.comment).toContain('Danh sách thành viên')
		expect((await viewPlan(users.ldld.drafter, planId)).events.at(-1)).toMatchObject({ edited: true })
		expect((await db.selectFrom('plan_member').select('full_name').where('plan_id', '=', planId).orderBy('position').execute()).map(m => m.full_name)).toEqual([
			'Lê Văn Đức',
			'Trần Thị Thu Hà',
		])

		// Five members where three were approved: back through the chain.
		expect(await fieldErrors(await saveEdit(users.ldld.drafter, planId, f => (f.member_count = '5')))).toHaveProperty('amend_reason')
		expect((await planRow(planId)).member_count).toBe(3)
		expectRedirect(await saveEdit(users.ldld.drafter, planId, f => (f.member_count = '5'), 'Bổ sung 2 cán bộ theo đề nghị của bạn.'), `/plans/${planId}`)
		expect(await planRow(planId)).toMatchObject({ status: 'step_1', member_count: 5 })
	})
})

// ---------------------------------------------------------------------------------------------
// The report

function reportForm(fields: Record<string, string>, { intent = 'save', files = [] as File[] } = {}) {
	const form = new FormData()
	for (const [k, v] of Object.entries(fields)) form.append(k, v)
	if (files.length) for (const f of files) form.append('attachments', f)
	else form.append('attachments', new File([], ''), '')
	form.append('intent', intent)
	return form
}

async function reportVersions(planId: string) {
	const plan = await planRow(planId)
	const report = await db.selectFrom('trip_report').select('version').where('plan_id', '=', planId).executeTakeFirst()
	return { plan_version: String(plan.version), report_version: String(report?.version ?? 0) }
}

const FULL_REPORT = {
	summary: 'Đoàn gồm 2 đồng chí, làm việc tại tỉnh Savannakhet từ ngày 10 đến 13/3.',
	results: 'Hai bên thống nhất chương trình hợp tác giai đoạn 2027-2030.',
	activities_done: 'Hội đàm với LHCĐ tỉnh Savannakhet\nThăm 2 CĐCS',
	proposals: 'Đề nghị Ban Đối ngoại TLĐ hỗ trợ kinh phí đón đoàn vào năm sau.',
	'participants[0].full_name': 'Lê Văn Đức',
	'participants[0].title': 'Chủ tịch',
	'participants[0].organisation_name': 'LĐLĐ tỉnh Quảng Trị',
}

async function postReport(user: User, planId: string, form: FormData) {
	return settle(async () => reportRoute.action(args(await multipartRequest(`/plans/${planId}/report`, form, { cookie: await cookieOf(user) }), { planId }) as never))
}

async function decideReport(user: User, planId: string, intent: string, comment?: string) {
	const { version } = await planRow(planId)
	const form: Record<string, string> = { intent, version: String(version) }
	if (comment !== undefined) form.comment = comment
	return settle(async () => reportRoute.action(args(await request(`/plans/${planId}/report`, { cookie: await cookieOf(user), form }), { planId }) as never))
}

async function viewReport(user: User, planId: string) {
	return settle(async () => reportRoute.loader(args(await request(`/plans/${planId}/report`, { cookie: await cookieOf(user) }), { planId }) as never))
}

async function reportState(planId: string) {
	return {
		plan: await planState(db, planId),
		report: (await db.selectFrom('trip_report').select(['version', 'summary', 'submitted_at']).where('plan_id', '=', planId).executeTakeFirst()) ?? null,
		attachments: (await db.selectFrom('plan_attachment').select('id').where('plan_id', '=', planId).execute()).length,
	}
}

describe('the post-trip report', () => {
	test('saved, submitted, returned and acknowledged by the right organisations only', async () => {
		const { users } = world
		const planId = await returnedPlan('ldld', addDays(today, -3), { members: 2 })

		// The drafter's form starts with the plan's members as participants.
		const start = await json(await viewReport(users.ldld.drafter, planId))
		expect(start.canWrite).toBe(true)
		expect(start.report).toBeNull()
		expect(start.prefill).toEqual([
			{ full_name: 'Thành viên 1', title: 'Ủy viên Ban Thường vụ', organisation_name: 'LĐLĐ tỉnh Quảng Trị' },
			{ full_name: 'Thành viên 2', title: 'Ủy viên Ban Thường vụ', organisation_name: 'LĐLĐ tỉnh Quảng Trị' },
		])
		// Receivers see that nothing has been filed; others do not see the plan at all.
		expect((await json(await viewReport(users.board.approver, planId))).report).toBeNull()
		expect((await viewReport(users.otherFed.drafter, planId)).status).toBe(404)

		// Only the owning organisation's drafters write it.
		let before = await reportState(planId)
		for (const user of [users.ldld.approver, users.tinhUy.approver, users.board.approver]) {
			const response = await postReport(user, planId, reportForm({ ...FULL_REPORT, ...(await reportVersions(planId)) }))
			expect(response.status, user.id).toBe(403)
		}
		expect((await postReport(users.otherFed.drafter, planId, reportForm({ ...FULL_REPORT, ...(await reportVersions(planId)) }))).status).toBe(404)
		expect(await reportState(planId)).toEqual(before)

		// A draft may be partial.
		expectRedirect(await postReport(users.ldld.drafter, planId, reportForm({ summary: 'Bản nháp.', ...(await reportVersions(planId)) })), `/plans/${planId}/report`)
		expect(await reportState(planId)).toMatchObject({ plan: { status: 'trip_done' }, report: { version: 1, summary: 'Bản nháp.', submitted_at: null } })

		// Submitting needs every section but the proposals, and someone who went; nothing is saved otherwise.
		before = await reportState(planId)
		const refused = await postReport(users.ldld.drafter, planId, reportForm({ summary: 'Tóm tắt.', ...(await reportVersions(planId)) }, { intent: 'submit' }))
		expect(await fieldErrors(refused)).toEqual({ results: ['error.required'], activities_done: ['error.required'], participants: ['report.participantsRequired'] })
		const badFile = await postReport(
			users.ldld.drafter,
			planId,
			reportForm({ ...FULL_REPORT, ...(await reportVersions(planId)) }, { intent: 'submit', files: [new File(['not a pdf'], 'gia-mao.pdf', { type: 'application/pdf' })] }),
		)
		expect((await fieldErrors(badFile)).attachments).toEqual(['attachment.fileType::{"name":"gia-mao.pdf"}'])
		expect(await reportState(planId)).toEqual(before)
		// A stale report version (someone saved since) is refused too.
		const stale = await postReport(users.ldld.drafter, planId, reportForm({ ...FULL_REPORT, ...(await reportVersions(planId)), report_version: '0' }, { intent: 'submit' }))
		expect(stale.status).toBe(409)
		expect(await reportState(planId)).toEqual(before)

		expectRedirect(
			await postReport(users.ldld.drafter, planId, reportForm({ ...FULL_REPORT, ...(await reportVersions(planId)) }, { intent: 'submit', files: [pdf()] })),
			`/plans/${planId}/report`,
		)
		const submitted = await reportState(planId)
		expect(submitted).toMatchObject({ plan: { status: 'report_submitted' }, report: { version: 2, summary: FULL_REPORT.summary }, attachments: 1 })
		expect(submitted.report!.submitted_at).toBeInstanceOf(Date)
		const attachment = await db.selectFrom('plan_attachment').select(['purpose', 'file_name', 'content_type']).where('plan_id', '=', planId).executeTakeFirstOrThrow()
		expect(attachment).toEqual({ purpose: 'report', file_name: 'bien-ban.pdf', content_type: 'application/pdf' })
		// The plan's own attachments do not list it.
		expect((await getPlanRecord(db, planId))!.attachments).toEqual([])
		const submitEvent = (await eventRows(planId)).at(-1)!
		expect(submitEvent).toMatchObject({ event: 'SUBMIT_REPORT', from_status: 'trip_done', to_status: 'report_submitted' })
		expect(submitEvent.plan_snapshot).toMatchObject({ id: planId, report: { results: FULL_REPORT.results, participants: [{ full_name: 'Lê Văn Đức' }] } })

		// Readable by everyone who sees the plan; the board may acknowledge or return it, the Tỉnh ủy only return it.
		const boardView = await json(await viewReport(users.board.approver, planId))
		expect(boardView.report).toMatchObject({ summary: FULL_REPORT.summary, participants: [{ full_name: 'Lê Văn Đức', title: 'Chủ tịch' }] })
		expect(boardView.decisions).toEqual(['ACKNOWLEDGE_REPORT', 'RETURN_REPORT'])
		expect(boardView.plan.attachments).toHaveLength(1)
		expect((await json(await viewReport(users.tinhUy.approver, planId))).decisions).toEqual(['RETURN_REPORT'])
		expect((await json(await viewReport(users.ldld.approver, planId))).decisions).toEqual([])
		expect((await json(await viewReport(users.ldld.drafter, planId))).canWrite).toBe(false)

		before = await reportState(planId)
		expect((await decideReport(users.tinhUy.approver, planId, 'ACKNOWLEDGE_REPORT')).status).toBe(403)
		expect((await decideReport(users.ldld.approver, planId, 'ACKNOWLEDGE_REPORT')).status).toBe(403)
		expect((await decideReport(users.ldld.drafter, planId, 'RETURN_REPORT', 'Tự trả lại.')).status).toBe(403)
		expect((await decideReport(users.otherTinhUy.approver, planId, 'RETURN_REPORT', 'Không phải của tôi.')).status).toBe(404)
		expect((await decideReport(users.otherFed.approver, planId, 'ACKNOWLEDGE_REPORT')).status).toBe(404)
		const noComment = await json(await decideReport(users.tinhUy.approver, planId, 'RETURN_REPORT', ''), 400)
		expect(noComment.errors).toEqual(['report.commentRequired'])
		expect(await reportState(planId)).toEqual(before)

		// The Tỉnh ủy returns it asking for more; the drafter completes and resubmits it.
		const comment = 'Đề nghị bổ sung kết quả làm việc với CĐCS.'
		expectRedirect(await decideReport(users.tinhUy.approver, planId, 'RETURN_REPORT', comment), '/inbox')
		expect((await planRow(planId)).status).toBe('report_returned')
		const returnedView = await json(await viewReport(users.ldld.drafter, planId))
		expect(returnedView.canWrite).toBe(true)
		expect(returnedView.plan.events.at(-1)).toMatchObject({ event: 'RETURN_REPORT', comment })
		// While the drafter revises it, the receivers read what they were sent.
		expectRedirect(await postReport(users.ldld.drafter, planId, reportForm({ ...FULL_REPORT, results: 'Đang sửa…', ...(await reportVersions(planId)) })), `/plans/${planId}/report`)
		expect((await json(await viewReport(users.board.approver, planId))).report.results).toBe(FULL_REPORT.results)
		const fuller = { ...FULL_REPORT, results: `${FULL_REPORT.results}\nThăm và tặng quà 2 CĐCS.` }
		expectRedirect(await postReport(users.ldld.drafter, planId, reportForm({ ...fuller, ...(await reportVersions(planId)) }, { intent: 'submit' })), `/plans/${planId}/report`)
		expect((await planRow(planId)).status).toBe('report_submitted')

		// The board, the last receiver, acknowledges it from the plan page: the plan is closed.
		expectRedirect(await post(users.board.approver, planId, { intent: 'ACKNOWLEDGE_REPORT', comment: 'Đã tiếp nhận.' }), '/inbox')
		expect((await planRow(planId)).status).toBe('closed')
		expect((await eventRows(planId)).map(e => e.event).slice(-6)).toEqual(['DEPART', 'COMPLETE_TRIP', 'SUBMIT_REPORT', 'RETURN_REPORT', 'SUBMIT_REPORT', 'ACKNOWLEDGE_REPORT'])
		const closed = await json(await viewReport(users.tinhUy.approver, planId))
		expect(closed.report.results).toBe(fuller.results)
		expect(closed.decisions).toEqual([])
		expect((await postReport(users.ldld.drafter, planId, reportForm({ ...fuller, ...(await reportVersions(planId)) }))).status).toBe(409)
	})

	test("a draft report's files stay with the owner until the report is submitted", async () => {
		const { users } = world
		const planId = await returnedPlan('ldld', addDays(today, -3), { members: 2 })
		expectRedirect(
			await postReport(users.ldld.drafter, planId, reportForm({ summary: 'Bản nháp.', ...(await reportVersions(planId)) }, { files: [pdf('nhap.pdf')] })),
			`/plans/${planId}/report`,
		)
		const { id: attachmentId } = await db.selectFrom('plan_attachment').select('id').where('plan_id', '=', planId).executeTakeFirstOrThrow()
		const download = async (user: User) =>
			settle(async () =>
				attachmentRoute.loader(args(await request(`/plans/${planId}/attachments/${attachmentId}`, { cookie: await cookieOf(user) }), { planId, attachmentId }) as never),
			)
		expect((await download(users.ldld.drafter)).status).toBe(200)
		expect((await download(users.ldld.approver)).status).toBe(200)
		expect((await download(users.board.approver)).status).toBe(404)
		expect((await download(users.tinhUy.approver)).status).toBe(404)

		expectRedirect(
			await postReport(users.ldld.drafter, planId, reportForm({ ...FULL_REPORT, ...(await reportVersions(planId)) }, { intent: 'submit' })),
			`/plans/${planId}/report`,
		)
		const received = await download(users.board.approver)
		expect(received.status).toBe(200)
		expect(received.headers.get('Content-Disposition')).toContain('nhap.pdf')
	})

	test('a plan without a trip has no report page', async () => {
		const planId = await approvedPlan()
		expect((await viewReport(world.users.ldld.drafter, planId)).status).toBe(404)
	})
})

// ---------------------------------------------------------------------------------------------
// The list and the home page

async function listReports(user: User, query = '') {
	return json(await settle(async () => reportsRoute.loader(args(await request(`/reports${query}`, { cookie: await cookieOf(user) })) as never)))
}

async function home(user: User) {
	return json(await settle(async () => homeRoute.loader(args(await request('/', { cookie: await cookieOf(user) })) as never)))
}

describe('Báo cáo sau chuyến đi', () => {
	test('due and overdue reports with days late; the board sees every organisation, a Tỉnh ủy its province', async () => {
		const { users } = world
		const overdue = await returnedPlan('ldld', addDays(today, -20), { fields: { name: 'Đoàn quá hạn' } }) // due 5 days ago
		const due = await returnedPlan('ldld', addDays(today, -1), { fields: { name: 'Đoàn còn hạn' } }) // due in 14 days
		const other = await returnedPlan('otherFed', addDays(today, -30), { fields: { name: 'Đoàn Quảng Bình' } }) // due 15 days ago
		const notReturned = await approvedPlan('ldld')

		const mine = await listReports(users.ldld.drafter)
		expect(mine.rows.map((r: { id: string }) => r.id)).toEqual([overdue, due])
		expect(mine.rows.map((r: { days_late: number }) => r.days_late)).toEqual([5, -14])
		expect(mine.rows).not.toContainEqual(expect.objectContaining({ id: notReturned }))

		const board = await listReports(users.board.approver, '?sort=late')
		expect(board.allOrganisations).toBe(true)
		expect(board.rows.map((r: { id: string; days_late: number; organisation_short_name: string }) => [r.id, r.days_late, r.organisation_short_name])).toEqual([
			[other, 15, 'LĐLĐ tỉnh Quảng Bình'],
			[overdue, 5, 'LĐLĐ tỉnh Quảng Trị'],
			[due, -14, 'LĐLĐ tỉnh Quảng Trị'],
		])
		expect((await listReports(users.board.approver, '?sort=late_asc')).rows[0].id).toBe(due)
		expect((await listReports(users.board.approver, '?state=overdue')).rows.map((r: { id: string }) => r.id)).toEqual([other, overdue])
		expect((await listReports(users.board.approver, '?state=due')).rows.map((r: { id: string }) => r.id)).toEqual([due])
		// Accent-insensitive search, as on /plans.
		expect((await listReports(users.board.approver, '?q=quang%20binh')).rows.map((r: { id: string }) => r.id)).toEqual([other])
		expect((await listReports(users.board.approver, '?q=doan%20con%20han')).rows.map((r: { id: string }) => r.id)).toEqual([due])

		expect((await listReports(users.tinhUy.approver)).rows.map((r: { id: string }) => r.id).sort()).toEqual([overdue, due].sort())
		expect((await listReports(users.otherFed.drafter)).rows.map((r: { id: string }) => r.id)).toEqual([other])

		// Submitted and acknowledged ones move to their own states.
		for (const [type, user] of [['SUBMIT_REPORT', users.ldld.drafter], ['ACKNOWLEDGE_REPORT', users.board.approver]] as const) {
			await sendPlanEvent(db, overdue, type, user)
			await db.insertInto('trip_report').values({ plan_id: overdue, summary: 'x', submitted_at: new Date() }).onConflict(oc => oc.doNothing()).execute()
		}
		expect((await listReports(users.board.approver, '?state=acknowledged')).rows.map((r: { id: string }) => r.id)).toEqual([overdue])
		expect((await listReports(users.board.approver, '?state=overdue')).rows.map((r: { id: string }) => r.id)).toEqual([other])
	})

	test('the home page counts reports I owe and reports waiting for my acknowledgement', async () => {
		const { users } = world
		await returnedPlan('ldld', addDays(today, -20))
		await returnedPlan('ldld', addDays(today, -1))
		const submitted = await returnedPlan('otherFed', addDays(today, -3))
		await sendPlanEvent(db, submitted, 'SUBMIT_REPORT', users.otherFed.drafter)

		expect(await home(users.ldld.drafter)).toMatchObject({ reportsOwed: 2, reportsOverdue: 1, reportsToAcknowledge: 0 })
		expect(await home(users.board.approver)).toMatchObject({ reportsOwed: 0, reportsToAcknowledge: 1 })
		// The Tỉnh ủy may return reports but does not acknowledge them; Quảng Bình's is not its to read.
		expect(await home(users.tinhUy.approver)).toMatchObject({ reportsToAcknowledge: 0 })
		expect(await home(users.otherTinhUy.approver)).toMatchObject({ reportsToAcknowledge: 0 })
		expect(await home(users.otherFed.drafter)).toMatchObject({ reportsOwed: 0 })
	})
})

// ---------------------------------------------------------------------------------------------

async function queries(loader: (a: never) => Promise<unknown>, path: string, user: User, params: Record<string, string> = {}) {
	const req = await request(path, { cookie: await cookieOf(user) })
	const before = queryCounter.count
	const response = await settle(() => loader(args(req, params) as never))
	expect(response.status).toBe(200)
	return queryCounter.count - before
}

test('the report list, the report page, the plan page of a trip and the home page run a fixed number of queries', { timeout: 120_000 }, async () => {
	const { users } = world
	async function measure(planId: string) {
		return {
			reports: await queries(reportsRoute.loader, '/reports', users.board.approver),
			reportsMine: await queries(reportsRoute.loader, '/reports?state=overdue&sort=late&q=doan', users.ldld.drafter),
			report: await queries(reportRoute.loader, `/plans/${planId}/report`, users.board.approver, { planId }),
			reportDrafter: await queries(reportRoute.loader, `/plans/${planId}/report`, users.ldld.drafter, { planId }),
			plan: await queries(planRoute.loader, `/plans/${planId}`, users.ldld.drafter, { planId }),
			home: await queries(homeRoute.loader, '/', users.board.approver),
		}
	}
	async function filed(members: number, returnedOn: string) {
		const planId = await returnedPlan('ldld', returnedOn, { members })
		expectRedirect(
			await postReport(
				users.ldld.drafter,
				planId,
				reportForm(
					{ ...FULL_REPORT, ...Object.fromEntries(Array.from({ length: members }, (_, i) => [`participants[${i}].full_name`, `Người ${i}`])), ...(await reportVersions(planId)) },
					{ intent: 'submit', files: [pdf()] },
				),
			),
			`/plans/${planId}/report`,
		)
		return planId
	}
	const one = await measure(await filed(1, addDays(today, -20)))
	for (let i = 0; i < 24; i++) await returnedPlan(i % 2 ? 'ldld' : 'otherFed', addDays(today, -i - 2))
	const large = await filed(25, addDays(today, -40))
	await decideReport(users.tinhUy.approver, large, 'RETURN_REPORT', 'Bổ sung.')
	await postReport(users.ldld.drafter, large, reportForm({ ...FULL_REPORT, ...(await reportVersions(large)) }, { intent: 'submit', files: [pdf('a.pdf'), pdf('b.pdf')] }))
	expect((await planRow(large)).status).toBe('report_submitted')
	const many = await measure(large)
	expect(many).toEqual(one)
	console.log('Queries per page load (1 report / 27 reports, 25 participants):', JSON.stringify(many))
})

describe('recording the trip against the approved dates', () => {
	test('the date fields offer the approved dates, not today', async () => {
		const { users } = world
		const inbound = await approvedPlan('ldld', { fields: { ...approvedFor('2027-09-14', '2027-09-18'), direction: 'in' } })
		expect((await viewPlan(users.ldld.drafter, inbound)).tripDefaults).toEqual({ DEPART: '2027-09-14', COMPLETE_TRIP: '2027-09-18' })
		// A month or a year: today only when it falls in it; never a day outside what was approved.
		const september = await approvedPlan('ldld', { fields: { plan_year: 2027, timing_kind: 'month', timing_month: 9 } })
		expect((await viewPlan(users.ldld.drafter, september)).tripDefaults).toEqual({ DEPART: null, COMPLETE_TRIP: null })
		const thisYear = await approvedPlan('ldld', { fields: { plan_year: Number(today.slice(0, 4)), timing_kind: 'year' } })
		expect((await viewPlan(users.ldld.drafter, thisYear)).tripDefaults).toEqual({ DEPART: today, COMPLETE_TRIP: today })
	})

	test('a date more than 7 days from the approved one is refused until confirmed with a reason, which the timeline shows', async () => {
		const { users } = world
		const planId = await approvedPlan('ldld', { fields: approvedFor(addDays(today, -40), addDays(today, -20)) })
		const departed = addDays(today, -25)
		const before = await planState(db, planId)

		// First: asked to confirm and give a reason, what was typed kept, nothing saved.
		let refused = await post(users.ldld.drafter, planId, { intent: 'DEPART', departed_on: dmy(departed) })
		const body = await json<{ result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(refused, 400)
		expect(body.result.error).toEqual({ departed_on: ['trip.offApproved.DEPART::{"days":15}'] })
		expect(body.result.initialValue.departed_on).toBe(dmy(departed))
		expect(translate('vi', 'trip.offApproved.DEPART')).toBe('Ngày đi khác ngày đã duyệt hơn 7 ngày: xin xác nhận và ghi lý do')
		expect(translate('en', 'trip.offApproved.DEPART')).toBe('The departure is more than 7 days from the approved dates: please confirm and give the reason')
		// A reason without the confirmation, or the confirmation without a reason: still refused.
		refused = await post(users.ldld.drafter, planId, { intent: 'DEPART', departed_on: dmy(departed), date_reason: 'Chờ thị thực.' })
		expect(await fieldErrors(refused)).toEqual({ departed_on: ['trip.offApproved.DEPART::{"days":15}'] })
		refused = await post(users.ldld.drafter, planId, { intent: 'DEPART', departed_on: dmy(departed), confirm_dates: 'on', date_reason: ' ' })
		expect(await fieldErrors(refused)).toEqual({ date_reason: ['trip.reasonRequired'] })
		expect(await planState(db, planId)).toEqual(before)
		expect(await planRow(planId)).toMatchObject({ status: 'approved', departed_on: null })

		expectRedirect(
			await post(users.ldld.drafter, planId, { intent: 'DEPART', departed_on: dmy(departed), confirm_dates: 'on', date_reason: 'Đối tác đề nghị lùi ngày đón do chờ thị thực.' }),
			`/plans/${planId}`,
		)
		expect(await planRow(planId)).toMatchObject({ status: 'departed', departed_on: departed })
		expect((await eventRows(planId)).at(-1)).toMatchObject({ event: 'DEPART', comment: 'Đối tác đề nghị lùi ngày đón do chờ thị thực.' })
		expect((await viewPlan(users.ldld.drafter, planId)).events.at(-1)).toMatchObject({ event: 'DEPART', comment: 'Đối tác đề nghị lùi ngày đón do chờ thị thực.' })

		// Exactly 7 days from the approved end: recorded without a question.
		expectRedirect(await post(users.ldld.drafter, planId, { intent: 'COMPLETE_TRIP', returned_on: dmy(addDays(today, -13)) }), `/plans/${planId}`)
		expect((await eventRows(planId)).at(-1)).toMatchObject({ event: 'COMPLETE_TRIP', comment: null })
	})
})

describe('a return recorded after the report was due', () => {
	async function reminderEmails(planId: string) {
		return db
			.selectFrom('email_message')
			.select(['template', 'recipient_id', 'props', 'dedupe_key'])
			.where('plan_id', '=', planId)
			.where('dedupe_key', 'like', 'reminder:%')
			.orderBy('created_at')
			.orderBy('id')
			.execute()
	}

	test('reminds the drafter at once, says the report is late, and escalates to the approvers only 14 days after that reminder', async () => {
		const { users } = world
		const returned = addDays(today, -20)
		const due = addDays(returned, 15)
		const planId = await approvedPlan('ldld', { fields: approvedFor(addDays(today, -23), returned) })
		expectRedirect(await post(users.ldld.drafter, planId, { intent: 'DEPART', departed_on: dmy(addDays(today, -23)) }), `/plans/${planId}`)
		expect(await reminderEmails(planId)).toEqual([])

		const response = await post(users.ldld.drafter, planId, { intent: 'COMPLETE_TRIP', returned_on: dmy(returned) })
		expectRedirect(response, `/plans/${planId}`)
		const { toast } = await getToast(new Request('http://localhost/', { headers: { Cookie: response.headers.get('Set-Cookie')!.split(';')[0]! } }))
		expect(toast).toMatchObject({ message: 'plan.done.COMPLETE_TRIP.late', params: { days: 5, dueDate: dmy(due), dueDays: 15 } })
		expect(translate('vi', 'plan.done.COMPLETE_TRIP.late', toast!.params)).toBe(
			`Đã ghi nhận đoàn về. Báo cáo sau chuyến đi đã quá hạn 5 ngày (hạn ${dmy(due)}, 15 ngày sau ngày về): đề nghị nộp ngay.`,
		)

		// The drafter's reminder, queued with the return (same transaction), as email and notification.
		expect(await planRow(planId)).toMatchObject({ status: 'trip_done', report_due_on: due, report_late_reminded_on: today })
		const drafter = users.ldld.drafter.id
		const key = `reminder:${planId}:late-return:${drafter}`
		expect(await reminderEmails(planId)).toEqual([
			{ template: 'report-overdue', recipient_id: drafter, dedupe_key: key, props: expect.objectContaining({ point: 'late-return', days: 5, dueOn: due, escalation: false }) },
		])
		const notifications = await db.selectFrom('notification').select(['user_id', 'kind']).where('dedupe_key', '=', key).execute()
		expect(notifications).toEqual([{ user_id: drafter, kind: 'report-overdue' }])

		// The daily job from today on: the drafter again after 7 days, the approvers from 14 days after the reminder
		// (not from 14 days after the due date, which would have been 5 days from now).
		const sent: string[] = []
		for (let day = today; day <= addDays(today, 21); day = addDays(day, 1)) {
			await runDailyReminders(db, day)
			await runDailyReminders(db, day)
			const emails = await reminderEmails(planId)
			for (const e of emails.slice(sent.length + 1)) sent.push(`+${daysBetween(today, day)} ${e.recipient_id === drafter ? 'drafter' : e.recipient_id === users.ldld.approver.id ? 'approver' : e.recipient_id}`)
		}
		expect(sent.sort()).toEqual(['+14 approver', '+14 drafter', '+21 approver', '+21 drafter', '+7 drafter'])
	})

	test('with a deadline in working days, the late toast names that rule', async () => {
		const { users, orgs } = world
		await db.updateTable('organisation').set({ report_due_days: 10, report_due_unit: 'working_days' }).where('id', '=', orgs.ldld.id).execute()
		const returned = addDays(today, -40)
		const planId = await approvedPlan('ldld', { fields: approvedFor(addDays(today, -43), returned) })
		expectRedirect(await post(users.ldld.drafter, planId, { intent: 'DEPART', departed_on: dmy(addDays(today, -43)) }), `/plans/${planId}`)
		const response = await post(users.ldld.drafter, planId, { intent: 'COMPLETE_TRIP', returned_on: dmy(returned) })
		const { toast } = await getToast(new Request('http://localhost/', { headers: { Cookie: response.headers.get('Set-Cookie')!.split(';')[0]! } }))
		const { report_due_on } = await planRow(planId)
		expect(toast).toMatchObject({ message: 'plan.done.COMPLETE_TRIP.lateWorking', params: { dueDate: dmy(report_due_on!), dueDays: 10 } })
		expect(translate('vi', 'plan.done.COMPLETE_TRIP.lateWorking', toast!.params)).toMatch(
			new RegExp(`^Đã ghi nhận đoàn về\\. Báo cáo sau chuyến đi đã quá hạn \\d+ ngày \\(hạn ${dmy(report_due_on!)}, 10 ngày làm việc sau ngày về\\): đề nghị nộp ngay\\.$`),
		)
	})

	test('a return on time sends no reminder and says the report is due', async () => {
		const { users } = world
		const returned = addDays(today, -2)
		const planId = await approvedPlan('ldld', { fields: approvedFor(addDays(today, -5), returned) })
		expectRedirect(await post(users.ldld.drafter, planId, { intent: 'DEPART', departed_on: dmy(addDays(today, -5)) }), `/plans/${planId}`)
		const response = await post(users.ldld.drafter, planId, { intent: 'COMPLETE_TRIP', returned_on: dmy(returned) })
		const { toast } = await getToast(new Request('http://localhost/', { headers: { Cookie: response.headers.get('Set-Cookie')!.split(';')[0]! } }))
		expect(toast).toMatchObject({ message: 'plan.done.COMPLETE_TRIP' })
		expect(await reminderEmails(planId)).toEqual([])
		expect((await planRow(planId)).report_late_reminded_on).toBeNull()
	})
})
