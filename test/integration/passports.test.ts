/**
 * The people directory and the passports through their routes: the directory is each
 * organisation's own (another's person or passport is 404), found without accents and sorted
 * the Vietnamese way; plan members chosen from it are linked; a passport goes out only against
 * a plan approved at every step, never twice, comes back, is due N working days after the
 * return (across Tết 2027) and appears in the year's register; a passport expiring less than
 * 6 months after the return is flagged to the approver once the plan is submitted.
 */
import { beforeEach, describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { translate } from '#lib/i18n/index.ts'
import * as peopleRoute from '#app/routes/people._index.tsx'
import * as newPersonRoute from '#app/routes/people.new.tsx'
import * as personRoute from '#app/routes/people.$personId._index/route.tsx'
import * as editPersonRoute from '#app/routes/people.$personId.edit.tsx'
import * as pickRoute from '#app/routes/people.pick.tsx'
import * as passportRoute from '#app/routes/passports.$passportId/route.tsx'
import * as passportsRoute from '#app/routes/passports._index.tsx'
import * as registerRoute from '#app/routes/passports.register.tsx'
import * as registerDocxRoute from '#app/routes/passports.register[.]docx.tsx'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import * as orgRoute from '#app/routes/admin.organisations.$orgId._index.tsx'
import * as editPlanRoute from '#app/routes/plans.$planId.edit.tsx'
import { type PlanEvent, type PlanEventType } from '#workflows/plans/plan.machine.ts'
import { applyPlanEvent, type PlanFieldChanges } from '#workflows/plans/plan.server.ts'
import { renderStoredEmail } from '#workflows/notify/render.server.ts'
import { addDays } from '#lib/trip-dates.ts'
import { runDailyReminders } from '#workflows/reminders/reminders.server.ts'
import { runWeeklyPassportExpiry } from '#workflows/reminders/passport-expiry.server.ts'
import { getEmailForSending } from '#db/repos/notification.server.ts'
import { notificationMessage } from '#workflows/notify/notification-text.ts'
import { queryCounter } from '#db/connect.ts'
import * as outboxRoute from '#app/routes/admin.outbox._index.tsx'
import { readDocx, textOf } from '../docx.ts'
import { queueDrained, startSmtpServer, startTestWorker } from '../mail.ts'
import {
	args,
	completePlanFields,
	insertPlan,
	insertPlanWorld,
	multipartRequest,
	planFormData,
	request,
	sendPlanEvent,
	sessionCookie,
	settle,
} from '../factories.ts'

type World = Awaited<ReturnType<typeof insertPlanWorld>>
type User = World['users']['ldld']['drafter']
let world: World
const cookies = new Map<string, string>()

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

type Route = { loader?: (a: never) => unknown; action?: (a: never) => unknown }
const load = async (route: Route, user: User, path: string, params: Record<string, string> = {}) =>
	settle(async () => route.loader!(args(await request(path, { cookie: await cookieOf(user) }), params) as never))
const post = async (route: Route, user: User, path: string, form: Record<string, string>, params: Record<string, string> = {}) =>
	settle(async () => route.action!(args(await request(path, { cookie: await cookieOf(user), form }), params) as never))

async function addPerson(user: User, fields: Record<string, string>) {
	const response = await post(newPersonRoute, user, '/people/new', fields)
	expect(response.status, await response.clone().text()).toBe(302)
	return response.headers.get('Location')!.split('/').pop()!
}

async function addPassport(user: User, personId: string, fields: Record<string, string>) {
	const response = await post(personRoute, user, `/people/${personId}`, { intent: 'add_passport', ...fields }, { personId })
	expect(response.status, await response.clone().text()).toBe(302)
	return response.headers.get('Location')!.split('/').pop()!
}

async function passportPage(user: User, passportId: string) {
	return json(await load(passportRoute, user, `/passports/${passportId}`, { passportId }))
}

async function act(planId: string, type: PlanEventType, user: User, changes: PlanFieldChanges) {
	const { version } = await db.selectFrom('plan').select('version').where('id', '=', planId).executeTakeFirstOrThrow()
	const actor = { userId: user.id, organisationId: user.organisation_id, roles: user.roles }
	const result = await db
		.transaction()
		.execute(trx => applyPlanEvent(trx, { planId, expectedVersion: version, event: { type, actor } as PlanEvent, changes }))
	if (result.status !== 'ok') throw new Error(`${type} was refused: ${result.status}`)
}

/** A plan of LĐLĐ Quảng Trị whose members are chosen from the directory, saved through the edit page. */
async function planWithMembers(people: { id: string; full_name: string }[], fields: Record<string, string> = {}) {
	const { users, partner } = world
	const plan = await insertPlan(db, users.ldld.drafter, { partnerId: partner.id })
	const form: Record<string, string> = { ...completePlanFields(partner.id), version: String(plan.version), ...fields }
	people.forEach((p, i) => {
		form[`members[${i}].full_name`] = p.full_name
		form[`members[${i}].passport_type`] = 'official'
		form[`members[${i}].person_id`] = p.id
	})
	const response = await settle(async () =>
		editPlanRoute.action(
			args(await multipartRequest(`/plans/${plan.id}/edit`, planFormData(form, { intent: 'save' }), { cookie: await cookieOf(users.ldld.drafter) }), {
				planId: plan.id,
			}) as never,
		),
	)
	expect(response.status, await response.clone().text()).toBe(302)
	return plan.id
}

async function approve(planId: string) {
	const { users } = world
	await sendPlanEvent(db, planId, 'SUBMIT', users.ldld.drafter)
	for (const approver of [users.ldld.approver, users.tinhUy.approver, users.board.approver]) await sendPlanEvent(db, planId, 'APPROVE', approver)
}

const handOut = (passportId: string, version: number, planId: string, date = '01/02/2027') => ({
	intent: 'hand_out',
	version: String(version),
	plan_id: planId,
	happened_on: date,
	handed_by: 'Lê Thị Văn Thư',
	received_by: 'Nguyễn Văn An',
})

describe('the people directory', () => {
	test('lists the organisation’s people in Vietnamese order and finds them without accents', async () => {
		const drafter = world.users.ldld.drafter
		for (const full_name of ['Đỗ Minh Đức', 'Dương Văn Dũng', 'Nguyễn Thị Ánh', 'Ân Văn Bình'])
			await addPerson(drafter, { full_name, position: 'Phó Chủ tịch', unit: 'LĐLĐ tỉnh Quảng Trị' })
		await addPerson(world.users.otherFed.drafter, { full_name: 'Đặng Văn Khác' })

		const all = await json(await load(peopleRoute, drafter, '/people'))
		// D before Đ, A before Â: the vi collation, and only this organisation's people.
		expect(all.rows.map((p: { full_name: string }) => p.full_name)).toEqual(['Ân Văn Bình', 'Dương Văn Dũng', 'Đỗ Minh Đức', 'Nguyễn Thị Ánh'])
		const found = await json(await load(peopleRoute, drafter, '/people?q=do%20minh%20duc'))
		expect(found.rows.map((p: { full_name: string }) => p.full_name)).toEqual(['Đỗ Minh Đức'])
	})

	test('bad input keeps what was typed and saves nothing; an edit at a stale version is refused', async () => {
		const drafter = world.users.ldld.drafter
		const refused = await post(newPersonRoute, drafter, '/people/new', { full_name: '', born_on: '31/02/1980', email: 'an.nv@@ldld' })
		const body = await json(refused, 400)
		expect(body.result.error).toEqual({ full_name: ['error.required'], born_on: ['plan.dateInvalid'], email: ['error.email'] })
		expect(body.result.initialValue).toMatchObject({ born_on: '31/02/1980', email: 'an.nv@@ldld' })
		expect(await db.selectFrom('person').select('id').execute()).toEqual([])

		const id = await addPerson(drafter, { full_name: 'Trần Văn Bình', born_on: '05/03/1975' })
		const page = await json(await load(personRoute, drafter, `/people/${id}`, { personId: id }))
		expect(page.person).toMatchObject({ full_name: 'Trần Văn Bình', born_on: '1975-03-05', version: 1 })
		const edit = (version: string, email = ' Binh.TV@LDLD-QuangTri.vn ') =>
			post(editPersonRoute, drafter, `/people/${id}/edit`, { full_name: 'Trần Văn Bình', position: 'Chủ tịch', email, version }, { personId: id })
		// A bad email on the edit form: next to the field, typed text kept, nothing saved.
		const badEdit = await json(await edit('1', 'binh tv@ldld'), 400)
		expect(badEdit.result.error).toEqual({ email: ['error.email'] })
		expect(badEdit.result.initialValue.email).toBe('binh tv@ldld')
		expect((await edit('1')).status).toBe(302)
		expect((await json(await load(personRoute, drafter, `/people/${id}`, { personId: id }))).person).toMatchObject({ email: 'binh.tv@ldld-quangtri.vn', version: 2 })
		const stale = await edit('1')
		expect(stale.status).toBe(409)
		expect((await stale.json()).result.error['']).toEqual(['error.conflict'])
	})

	test('another organisation’s person and passport are 404 everywhere', async () => {
		const { users } = world
		const personId = await addPerson(users.otherFed.drafter, { full_name: 'Hoàng Văn Quảng Bình' })
		const passportId = await addPassport(users.otherFed.drafter, personId, { number: 'C7654321', kind: 'official', issued_on: '01/01/2020', expires_on: '01/01/2030' })
		const me = users.ldld.drafter
		expect((await load(personRoute, me, `/people/${personId}`, { personId })).status).toBe(404)
		expect((await load(editPersonRoute, me, `/people/${personId}/edit`, { personId })).status).toBe(404)
		expect((await post(editPersonRoute, me, `/people/${personId}/edit`, { full_name: 'X', version: '1' }, { personId })).status).toBe(404)
		expect((await post(personRoute, me, `/people/${personId}`, { intent: 'add_passport', number: 'C1111111', kind: 'official', issued_on: '01/01/2020', expires_on: '01/01/2030' }, { personId })).status).toBe(404)
		expect((await load(passportRoute, me, `/passports/${passportId}`, { passportId })).status).toBe(404)
		expect((await post(passportRoute, me, `/passports/${passportId}`, { intent: 'lost', version: '1', happened_on: '01/01/2027', note: 'x' }, { passportId })).status).toBe(404)
		expect((await json(await load(pickRoute, me, '/people/pick?q=hoang'))).people).toEqual([])
		expect((await json(await load(passportsRoute, me, '/passports'))).rows).toEqual([])
		// Nothing moved.
		expect(await db.selectFrom('passport').select(['state', 'version']).execute()).toEqual([{ state: 'in_safe', version: 1 }])
		// An approver may read the directory but not change it.
		expect((await post(newPersonRoute, users.ldld.approver, '/people/new', { full_name: 'Y' })).status).toBe(403)
	})

	test('plan members chosen from the directory are linked; one typed by hand can be added to it; another organisation’s person cannot', async () => {
		const { users, partner } = world
		const an = await addPerson(users.ldld.drafter, { full_name: 'Nguyễn Văn An', position: 'Chủ tịch', unit: 'LĐLĐ tỉnh Quảng Trị' })
		await addPassport(users.ldld.drafter, an, { number: 'C1234567', kind: 'official', issued_on: '01/01/2020', expires_on: '01/01/2030' })
		const picked = await json(await load(pickRoute, users.ldld.drafter, '/people/pick?q=nguyen%20van%20an'))
		expect(picked.people).toEqual([{ id: an, full_name: 'Nguyễn Văn An', position: 'Chủ tịch', unit: 'LĐLĐ tỉnh Quảng Trị', passport_kind: 'official' }])

		const plan = await insertPlan(db, users.ldld.drafter, { partnerId: partner.id })
		const save = async (members: Record<string, string>, version: number) =>
			settle(async () =>
				editPlanRoute.action(
					args(
						await multipartRequest(`/plans/${plan.id}/edit`, planFormData({ ...completePlanFields(partner.id), version: String(version), ...members }, { intent: 'save' }), {
							cookie: await cookieOf(users.ldld.drafter),
						}),
						{ planId: plan.id },
					) as never,
				),
			)
		const stranger = await addPerson(users.otherFed.drafter, { full_name: 'Người Quảng Bình' })
		const refused = await save({ 'members[0].full_name': 'Người Quảng Bình', 'members[0].person_id': stranger }, plan.version)
		expect((await json(refused, 400)).result.error).toEqual({ 'members[0].full_name': ['person.notInDirectory'] })

		const saved = await save(
			{
				'members[0].full_name': 'Nguyễn Văn An',
				'members[0].passport_type': 'official',
				'members[0].person_id': an,
				'members[1].full_name': 'Phạm Thị Mới',
				'members[1].title': 'Trưởng ban Tổ chức',
				'members[1].passport_type': 'official',
				'members[1].add_to_directory': 'on',
			},
			plan.version,
		)
		expect(saved.status).toBe(302)
		const members = await db
			.selectFrom('plan_member')
			.leftJoin('person', 'person.id', 'plan_member.person_id')
			.select(['plan_member.full_name', 'person.id', 'person.position', 'person.organisation_id'])
			.where('plan_id', '=', plan.id)
			.orderBy('plan_member.position')
			.execute()
		expect(members[0]).toMatchObject({ full_name: 'Nguyễn Văn An', id: an })
		expect(members[1]).toMatchObject({ full_name: 'Phạm Thị Mới', position: 'Trưởng ban Tổ chức', organisation_id: world.orgs.ldld.id })
		// The person's page lists the plan.
		const page = await json(await load(personRoute, users.ldld.drafter, `/people/${an}`, { personId: an }))
		expect(page.plans.map((p: { id: string }) => p.id)).toEqual([plan.id])
	})
})

describe('passports', () => {
	async function holderWithPassport(expires_on = '01/01/2032', person: Record<string, string> = {}) {
		const drafter = world.users.ldld.drafter
		const personId = await addPerson(drafter, { full_name: 'Nguyễn Văn An', position: 'Chủ tịch', ...person })
		const passportId = await addPassport(drafter, personId, { number: 'c 123 4567', kind: 'official', issued_on: '01/01/2022', expires_on })
		return { personId, passportId }
	}

	test('a duplicate number and a bad expiry date are refused next to the field', async () => {
		const { personId } = await holderWithPassport()
		const again = await post(personRoute, world.users.ldld.drafter, `/people/${personId}`, { intent: 'add_passport', number: 'C1234567', kind: 'official', issued_on: '01/01/2022', expires_on: '01/01/2021' }, { personId })
		expect((await json(again, 400)).result.error).toEqual({ expires_on: ['passport.expiresBeforeIssued'] })
		const duplicate = await post(personRoute, world.users.ldld.drafter, `/people/${personId}`, { intent: 'add_passport', number: 'C1234567', kind: 'official', issued_on: '01/01/2022', expires_on: '01/01/2032' }, { personId })
		expect((await json(duplicate, 400)).result.error).toEqual({ number: ['passport.numberTaken'] })
	})

	test('goes out only against an approved plan, never twice; comes back; due 5 working days after a return just before Tết 2027; in the register', async () => {
		const { users } = world
		const drafter = users.ldld.drafter
		const { personId, passportId } = await holderWithPassport()
		const planId = await planWithMembers([{ id: personId, full_name: 'Nguyễn Văn An' }])
		// Found by holder or by number.
		for (const q of ['nguyen%20an', 'c1234'])
			expect((await json(await load(passportsRoute, drafter, `/passports?q=${q}`))).rows.map((r: { id: string }) => r.id)).toEqual([passportId])

		// Not yet approved: refused, nothing moves.
		const early = await post(passportRoute, drafter, `/passports/${passportId}`, handOut(passportId, 1, planId), { passportId })
		expect((await json(early, 400)).result.error).toEqual({ plan_id: ['passport.planNotApproved'] })
		expect((await passportPage(drafter, passportId)).plans).toEqual([])

		await approve(planId)
		const page = await passportPage(drafter, passportId)
		expect(page.plans).toEqual([{ id: planId, name: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)', validUntil: null }])
		const out = await post(passportRoute, drafter, `/passports/${passportId}`, handOut(passportId, page.passport.version, planId), { passportId })
		expect(out.status).toBe(302)

		// The second hand-out (someone else's page, still showing "in the safe") is refused and says why.
		const twice = await post(passportRoute, users.ldld.admin, `/passports/${passportId}`, handOut(passportId, page.passport.version, planId), { passportId })
		const error = (await json(twice, 400)).result.error['']
		expect(error).toHaveLength(1)
		const [key, params] = error[0].split('::')
		expect(translate('vi', key, JSON.parse(params))).toBe(
			'Hộ chiếu này đã được giao cho chuyến đi "Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)" ngày 01/02/2027 và chưa được nhận lại: không thể giao lần nữa.',
		)
		const history = async () => (await passportPage(drafter, passportId)).passport.history.map((e: { event: string }) => e.event)
		expect(await history()).toEqual(['handed_out', 'registered'])

		// The trip returns on Thursday 04/02/2027; Tết (05–09/02) and the weekend do not count.
		await act(planId, 'DEPART', drafter, { departed_on: '2027-02-01' })
		await act(planId, 'COMPLETE_TRIP', drafter, { returned_on: '2027-02-04', report_due_on: '2027-02-19' })
		const outPage = await passportPage(drafter, passportId)
		expect(outPage.passport).toMatchObject({ state: 'out', plan_id: planId, due_on: '2027-02-16', returned_on: '2027-02-04', passport_return_working_days: 5 })
		expect(translate('vi', 'passport.due', { date: '16/02/2027', days: 5 })).toBe('Hạn nộp lại: trước 16/02/2027, 5 ngày làm việc sau ngày về')
		const planPage = await json(await load(planRoute, drafter, `/plans/${planId}`, { planId }))
		expect(planPage.passports).toMatchObject({ dueOn: '2027-02-16', out: [{ id: passportId, number: 'C1234567' }] })
		// The organisation's admin sets 7 working days: due two days later.
		const org = world.orgs.ldld
		const saved = await post(orgRoute, users.ldld.admin, `/admin/organisations/${org.id}`, {
			version: '1',
			kind: org.kind,
			name_vi: org.name_vi,
			short_name: org.short_name,
			country: 'VN',
			report_due_days: '15',
			approval_reminder_days: '5',
			passport_return_working_days: '7',
		}, { orgId: org.id })
		expect(saved.status, await saved.clone().text()).toBe(302)
		expect((await passportPage(drafter, passportId)).passport).toMatchObject({ due_on: '2027-02-18', passport_return_working_days: 7 })
		await db.updateTable('organisation').set({ passport_return_working_days: 5 }).where('id', '=', org.id).execute()

		// Back before it went out: refused; then back.
		const backEarly = await post(passportRoute, drafter, `/passports/${passportId}`, { intent: 'hand_back', version: String(outPage.passport.version), happened_on: '31/01/2027', handed_by: 'Nguyễn Văn An', received_by: 'Lê Thị Văn Thư' }, { passportId })
		expect((await json(backEarly, 400)).result.error.happened_on).toEqual(['passport.backBeforeOut::{"date":"01/02/2027"}'])
		const back = await post(passportRoute, drafter, `/passports/${passportId}`, { intent: 'hand_back', version: String(outPage.passport.version), happened_on: '10/02/2027', handed_by: 'Nguyễn Văn An', received_by: 'Lê Thị Văn Thư', note: 'Đủ trang' }, { passportId })
		expect(back.status).toBe(302)
		expect((await passportPage(drafter, passportId)).passport).toMatchObject({ state: 'in_safe', plan_id: null })
		expect(await history()).toEqual(['handed_back', 'handed_out', 'registered'])

		// The history cannot be rewritten.
		await expect(db.deleteFrom('passport_event').execute()).rejects.toThrow(/append-only/)

		const register = await json(await load(registerRoute, drafter, '/passports/register?year=2027'))
		expect(register.document.sections[0].table.rows).toEqual([
			[['1'], ['Nguyễn Văn An'], ['C1234567'], ['Công vụ'], ['01/02/2027'], ['Lê Thị Văn Thư'], ['10/02/2027'], ['Lê Thị Văn Thư'], ['Đi theo: Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)', 'Đủ trang']],
		])
		expect((await json(await load(registerRoute, drafter, '/passports/register?year=2026'))).rows).toBe(0)
		const docx = await readDocx(await load(registerDocxRoute, drafter, '/passports/register.docx?year=2027'))
		// The register has no number nor place and date: its header leaves those lines out rather
		// than printing empty paragraphs (left: governing body, organisation, rule; right: the motto's two).
		const header = docx.xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)![0]
		const cells = header.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!
		const paragraphs = (cell: string) => (cell.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map(textOf)
		const [left, right] = cells.map(paragraphs)
		expect(left!.slice(-2)).toEqual(['LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ', '───────'])
		expect(left).not.toContain('')
		expect(right).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'])
		expect(docx.text).toContain('SỔ THEO DÕI GIAO, NHẬN HỘ CHIẾU')
		// Nine columns on landscape pages; nobody signs or receives the book, so no empty "Nơi nhận:".
		expect(docx.xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/)
		expect(docx.text).not.toContain('Nơi nhận')
	})

	test('a hand-out dated after the trip’s last approved day is refused next to the date, and nothing moves', async () => {
		const drafter = world.users.ldld.drafter
		const { personId, passportId } = await holderWithPassport()
		const planId = await planWithMembers([{ id: personId, full_name: 'Nguyễn Văn An' }], {
			timing_kind: 'dates',
			start_date: '12/01/2027',
			end_date: '15/01/2027',
		})
		await approve(planId)
		const page = await passportPage(drafter, passportId)
		const late = await post(passportRoute, drafter, `/passports/${passportId}`, handOut(passportId, page.passport.version, planId, '20/12/2027'), { passportId })
		const error = (await json(late, 400)).result.error.happened_on
		const [key, params] = error[0].split('::')
		expect(translate('vi', key, JSON.parse(params))).toBe('Ngày giao sau ngày cuối của chuyến đi (15/01/2027): kiểm tra lại ngày.')
		expect((await passportPage(drafter, passportId)).passport.state).toBe('in_safe')
		// On the last day itself it goes out.
		const onTime = await post(passportRoute, drafter, `/passports/${passportId}`, handOut(passportId, page.passport.version, planId, '15/01/2027'), { passportId })
		expect(onTime.status).toBe(302)
	})

	test('two people hand the same passport out at once: one is recorded, the other told for which trip and since when', async () => {
		const { users } = world
		const { personId, passportId } = await holderWithPassport()
		const planId = await planWithMembers([{ id: personId, full_name: 'Nguyễn Văn An' }])
		await approve(planId)
		const version = (await passportPage(users.ldld.drafter, passportId)).passport.version
		const responses = await Promise.all(
			[users.ldld.drafter, users.ldld.admin].map(user => post(passportRoute, user, `/passports/${passportId}`, handOut(passportId, version, planId), { passportId })),
		)
		expect(responses.map(r => r.status).sort()).toEqual([302, 400])
		const refused = await responses.find(r => r.status === 400)!.json()
		expect(refused.result.error['']).toEqual(['passport.alreadyOut::{"plan":"Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)","date":"01/02/2027"}'])
		const events = await db.selectFrom('passport_event').select('event').where('passport_id', '=', passportId).execute()
		expect(events.map(e => e.event).sort()).toEqual(['handed_out', 'registered'])
	})

	test('a passport expiring 5 months after the return is flagged to the approver at submission', async () => {
		const { users } = world
		// Returns 30/06/2027: a passport valid until 30/11/2027 has 5 months left, under the 6 needed (30/12/2027).
		const { personId, passportId } = await holderWithPassport('30/11/2027')
		const bare = await addPerson(users.ldld.drafter, { full_name: 'Trần Thị Chưa Có' })
		const planId = await planWithMembers(
			[
				{ id: personId, full_name: 'Nguyễn Văn An' },
				{ id: bare, full_name: 'Trần Thị Chưa Có' },
			],
			{ timing_kind: 'dates', start_date: '25/06/2027', end_date: '30/06/2027', days: '6' },
		)
		await sendPlanEvent(db, planId, 'SUBMIT', users.ldld.drafter)
		const page = await json(await load(planRoute, users.ldld.approver, `/plans/${planId}`, { planId }))
		expect(page.plan.status).toBe('step_1')
		expect(page.passports.warnings).toEqual([
			{ kind: 'expiring', member: 'Nguyễn Văn An', number: 'C1234567', expiresOn: '2027-11-30', validUntil: '2027-12-30' },
			{ kind: 'none', member: 'Trần Thị Chưa Có', needed: 'official' },
		])
		// Approved, the hand-out form flags it again.
		for (const approver of [users.ldld.approver, users.tinhUy.approver, users.board.approver]) await sendPlanEvent(db, planId, 'APPROVE', approver)
		expect((await passportPage(users.ldld.drafter, passportId)).plans).toEqual([{ id: planId, name: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)', validUntil: '2027-12-30' }])
	})

	test('hand-back reminders: 3 days before, on the due date, then weekly to the drafter and to the holder by email; from the second overdue one the admins too; once per point', async () => {
		const { users } = world
		const drafter = users.ldld.drafter
		const holderEmail = 'an.nv@ldld-quangtri.vn'
		// Expires 01/06/2027: under 6 months after the return, flagged but not refused.
		const { personId, passportId } = await holderWithPassport('01/06/2027', { email: holderEmail })
		const planId = await planWithMembers([{ id: personId, full_name: 'Nguyễn Văn An' }])
		await approve(planId)
		const version = (await passportPage(drafter, passportId)).passport.version
		expect((await post(passportRoute, drafter, `/passports/${passportId}`, handOut(passportId, version, planId), { passportId })).status).toBe(302)
		await act(planId, 'DEPART', drafter, { departed_on: '2027-02-01' })
		await act(planId, 'COMPLETE_TRIP', drafter, { returned_on: '2027-02-04', report_due_on: '2027-02-19' })

		const log: string[] = []
		for (let day = '2027-02-04'; day <= '2027-03-03'; day = addDays(day, 1)) {
			// The job may run twice in a day (a restart): nothing is sent twice.
			await runDailyReminders(db, day)
			await runDailyReminders(db, day)
		}
		const emails = await db
			.selectFrom('email_message')
			.select(['id', 'template', 'recipient_id', 'person_id', 'to_address', 'props', 'dedupe_key', 'created_at'])
			.where('template', 'like', 'passport-%')
			.orderBy('created_at')
			.orderBy('recipient_id')
			.execute()
		const who = (e: (typeof emails)[number]) =>
			e.recipient_id === drafter.id ? 'drafter' : e.recipient_id === users.ldld.admin.id ? 'admin' : e.person_id === personId && e.to_address === holderEmail ? 'holder' : e.recipient_id
		for (const e of emails) {
			const props = e.props as { dueOn: string; days: number; point: string }
			log.push(`${props.point.replace(`passport-${passportId}-`, '')} ${e.template} ${props.days} → ${who(e)}`)
			expect(props.dueOn).toBe('2027-02-16')
		}
		// (Sorted: the reminders of one run are queued in the same instant.)
		expect(log.sort()).toEqual([
			'before passport-due 3 → drafter',
			'before passport-due 3 → holder',
			'due passport-due 0 → drafter',
			'due passport-due 0 → holder',
			'overdue-1 passport-overdue 7 → drafter',
			'overdue-1 passport-overdue 7 → holder',
			'overdue-2 passport-overdue 14 → admin',
			'overdue-2 passport-overdue 14 → drafter',
			'overdue-2 passport-overdue 14 → holder',
		])
		expect(new Set(emails.map(e => e.dedupe_key)).size).toBe(emails.length)
		// The holder is not a user: emails only; every user's email has its in-app notification.
		const notifications = await db.selectFrom('notification').select('kind').where('kind', 'like', 'passport-%').execute()
		expect(notifications).toHaveLength(emails.filter(e => e.recipient_id).length)
		// The holder's email, in Vietnamese, to them by name, about their own passport, with no link into the app.
		const toHolder = await getEmailForSending(db, emails.find(e => who(e) === 'holder' && (e.props as { days: number }).days === 14)!.id)
		const holderMail = await renderStoredEmail(toHolder!)
		expect(holderMail.subject).toBe('[Đối ngoại] Hộ chiếu của Nguyễn Văn An đã quá hạn nộp lại 14 ngày')
		expect(holderMail.text).toContain('Kính gửi Nguyễn Văn An')
		expect(holderMail.text).toContain('Hộ chiếu C1234567 của đồng chí (chuyến đi “Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)”) phải được nộp lại trước 16/02/2027')
		expect(holderMail.text).not.toContain('/passports/')

		// Still out on 01/03 (a Monday): the week's list says so, to the admin and to the holder.
		await runWeeklyPassportExpiry(db, '2027-03-01')
		const weekly = await db.selectFrom('email_message').select(['id', 'recipient_id', 'person_id']).where('template', '=', 'passports-expiring').execute()
		expect(weekly.map(w => (w.recipient_id === users.ldld.admin.id ? 'admin' : w.person_id === personId ? 'holder' : w.recipient_id)).sort()).toEqual(['admin', 'holder'])
		const list = await renderStoredEmail((await getEmailForSending(db, weekly.find(w => w.recipient_id)!.id))!)
		expect(list.text).toContain('Ngày hết hạn: 01/06/2027 · còn 3 tháng')
		expect(list.text).toContain('Hiện ở đâu: Đang giao cho chuyến đi “Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)”')

		// The worker sends them all by SMTP (the same send_email jobs, so retried as any other): the holder gets each reminder once.
		const smtp = await startSmtpServer()
		process.env.SMTP_URL = smtp.url
		const worker = await startTestWorker()
		try {
			await queueDrained(db)
			const subjects = smtp.to(holderEmail).map(m => m.subject)
			expect(subjects).toHaveLength(5)
			expect(subjects.filter(s => s.startsWith('[Đối ngoại] Còn 3 ngày') && s.endsWith('đến hạn nộp lại hộ chiếu của Nguyễn Văn An'))).toHaveLength(1)
			expect(subjects).toEqual(
				expect.arrayContaining([
					'[Đối ngoại] Hôm nay là hạn nộp lại hộ chiếu của Nguyễn Văn An',
					'[Đối ngoại] Hộ chiếu của Nguyễn Văn An đã quá hạn nộp lại 7 ngày',
					'[Đối ngoại] Hộ chiếu của Nguyễn Văn An đã quá hạn nộp lại 14 ngày',
					'[Đối ngoại] Hộ chiếu của đồng chí sắp hết hạn',
				]),
			)
		} finally {
			await worker.stop()
			await smtp.close()
			delete process.env.SMTP_URL
		}
		// The organisation's Outbox shows the holder's emails as sent; another organisation's does not.
		const outbox = await json(await load(outboxRoute, users.ldld.admin, '/admin/outbox'))
		const toHolderRows = outbox.rows.filter((r: { to_address: string }) => r.to_address === holderEmail)
		expect(toHolderRows).toHaveLength(5)
		expect(toHolderRows.every((r: { status: string }) => r.status === 'sent')).toBe(true)
		const elsewhere = await json(await load(outboxRoute, users.otherFed.admin, '/admin/outbox'))
		expect(elsewhere.rows.filter((r: { to_address: string }) => r.to_address === holderEmail)).toEqual([])
		// The admin's email names the holder, the passport and the drafter.
		const admin = emails.find(e => e.recipient_id === users.ldld.admin.id)!
		const { subject, text } = await renderStoredEmail({ template: admin.template, props: admin.props, recipient_name: 'Quản trị', recipient_locale: 'vi' })
		expect(subject).toBe('[Đối ngoại] Hộ chiếu của Nguyễn Văn An đã quá hạn nộp lại 14 ngày')
		expect(text).toContain('C1234567')
		expect(text).toContain(`/passports/${passportId}`)

		// Handed back: no more reminders.
		const outVersion = (await passportPage(drafter, passportId)).passport.version
		await post(passportRoute, drafter, `/passports/${passportId}`, { intent: 'hand_back', version: String(outVersion), happened_on: '03/03/2027', handed_by: 'Nguyễn Văn An', received_by: 'Lê Thị Văn Thư' }, { passportId })
		const run = await runDailyReminders(db, '2027-03-09')
		expect(run.reminders.filter(r => r.point.startsWith('passport-'))).toEqual([])
	})
})

describe('the weekly list of passports expiring within 6 months', () => {
	test('once per ISO week per organisation, to its admins and to holders with an email; only its passports within 6 months, not lost ones; nothing when none', async () => {
		const { users } = world
		const drafter = users.ldld.drafter
		const an = await addPerson(drafter, { full_name: 'Nguyễn Văn An', email: 'An.NV@LDLD-QuangTri.vn' })
		const binh = await addPerson(drafter, { full_name: 'Lê Văn Bình' })
		await addPassport(drafter, an, { number: 'C1234567', kind: 'official', issued_on: '01/01/2018', expires_on: '15/07/2027' })
		await addPassport(drafter, binh, { number: 'B7654321', kind: 'diplomatic', issued_on: '01/01/2018', expires_on: '10/02/2027' })
		// Beyond 6 months, and lost: not listed.
		await addPassport(drafter, binh, { number: 'C2222222', kind: 'ordinary', issued_on: '01/01/2020', expires_on: '31/12/2027' })
		const lost = await addPassport(drafter, an, { number: 'C3333333', kind: 'ordinary', issued_on: '01/01/2020', expires_on: '01/05/2027' })
		expect((await post(passportRoute, drafter, `/passports/${lost}`, { intent: 'lost', version: '1', happened_on: '01/02/2027', note: 'Mất khi đi công tác' }, { passportId: lost })).status).toBe(302)
		const other = await addPerson(users.otherFed.drafter, { full_name: 'Hoàng Văn Quảng Bình' })
		await addPassport(users.otherFed.drafter, other, { number: 'C7654321', kind: 'official', issued_on: '01/01/2018', expires_on: '01/06/2027' })

		// Nothing expires within 6 months of 05/01/2026: nothing is sent, one query.
		const before = queryCounter.count
		expect(await runWeeklyPassportExpiry(db, '2026-01-05')).toEqual({ weekOf: '2026-01-05', organisations: [], emailsQueued: 0 })
		expect(queryCounter.count - before).toBe(3) // BEGIN, the passports, COMMIT

		// The job did not run on Monday 01/03: the first run of the week (Wednesday) sends it, the next Monday the next week's.
		const queries: number[] = []
		for (let day = '2027-03-03'; day <= '2027-03-09'; day = addDays(day, 1)) {
			const start = queryCounter.count
			await runWeeklyPassportExpiry(db, day)
			queries.push(queryCounter.count - start)
		}
		// BEGIN, the passports of every organisation, their admins, one insert of notifications and emails, COMMIT.
		expect(new Set(queries)).toEqual(new Set([5]))
		const emails = await db.selectFrom('email_message').select(['id', 'recipient_id', 'person_id', 'to_address', 'props']).where('template', '=', 'passports-expiring').execute()
		const who = (e: { recipient_id: string | null; person_id: string | null }) =>
			e.recipient_id === users.ldld.admin.id ? 'ldld admin' : e.recipient_id === users.otherFed.admin.id ? 'otherFed admin' : e.person_id === an ? 'An' : `someone else ${e.recipient_id}`
		const sent = emails.map(e => {
			const props = e.props as { weekOf: string; passports: { number: string }[] }
			return `${props.weekOf} ${who(e)}: ${props.passports.map(p => p.number).join(', ')}`
		})
		expect(sent.sort()).toEqual([
			'2027-03-01 An: C1234567',
			'2027-03-01 ldld admin: B7654321, C1234567',
			'2027-03-01 otherFed admin: C7654321',
			'2027-03-08 An: C1234567',
			'2027-03-08 ldld admin: B7654321, C1234567',
			'2027-03-08 otherFed admin: C7654321',
		])
		expect(emails.find(e => who(e) === 'An')!.to_address).toBe('an.nv@ldld-quangtri.vn')
		const notifications = await db.selectFrom('notification').select(['user_id', 'params']).where('kind', '=', 'passports-expiring').execute()
		expect(notifications.map(n => n.user_id).sort()).toEqual([users.ldld.admin.id, users.ldld.admin.id, users.otherFed.admin.id, users.otherFed.admin.id].sort())
		const first = notifications.find(n => n.user_id === users.ldld.admin.id && (n.params as { weekOf: string }).weekOf === '2027-03-01')!
		const message = notificationMessage('passports-expiring', first.params as Record<string, unknown>, 'vi')
		expect(translate('vi', message.key, message.params)).toBe(
			'Danh sách tuần 01/03/2027: 2 hộ chiếu do Liên đoàn Lao động tỉnh Quảng Trị quản lý hết hạn trước 03/09/2027 (trong vòng 6 tháng), trong đó 1 hộ chiếu đã hết hạn.',
		)

		// The admin's email: holder, number, kind, expiry, time left, where it is; in English for an English-speaking admin.
		const adminMail = emails.find(e => who(e) === 'ldld admin' && (e.props as { weekOf: string }).weekOf === '2027-03-01')!
		const vi = await renderStoredEmail((await getEmailForSending(db, adminMail.id))!)
		expect(vi.subject).toBe('[Đối ngoại] 2 hộ chiếu của Liên đoàn Lao động tỉnh Quảng Trị hết hạn trong 6 tháng tới')
		for (const line of [
			'Lê Văn Bình · Số hộ chiếu: B7654321 · Loại: Ngoại giao Ngày hết hạn: 10/02/2027 · Đã hết hạn Hiện ở đâu: Trong tủ',
			'Nguyễn Văn An · Số hộ chiếu: C1234567 · Loại: Công vụ Ngày hết hạn: 15/07/2027 · còn 4 tháng 12 ngày Hiện ở đâu: Trong tủ',
		])
			expect(vi.text.replace(/\s+/g, ' ')).toContain(line)
		expect(vi.text).not.toMatch(/C2222222|C3333333|C7654321/)
		await db.updateTable('app_user').set({ locale: 'en' }).where('id', '=', users.ldld.admin.id).execute()
		const en = await renderStoredEmail((await getEmailForSending(db, adminMail.id))!)
		expect(en.subject).toBe('[Foreign affairs] 2 passports of Liên đoàn Lao động tỉnh Quảng Trị expire within 6 months')
		expect(en.text.replace(/\s+/g, ' ')).toContain('Kind: Official Expires: 15/07/2027 · 4 months 12 days left Where it is: In the safe')
	})
})
