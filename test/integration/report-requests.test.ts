/**
 * Report requests: the board asks three organisations for seed 000's review (its four appendices),
 * two answer (cells checked by type, the total against its parts), one is late and is reminded
 * once per point, the consolidation sums appendix IV and counts appendix I exactly (also in the
 * XLSX), a returned answer goes back to its organisation, and nobody else can read or answer.
 */
import ExcelJS from 'exceljs'
import { beforeEach, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { addDays, todayIso } from '#lib/trip-dates.ts'
import { formatIsoDate } from '#lib/format.ts'
import * as listRoute from '#app/routes/requests._index/route.tsx'
import * as newRoute from '#app/routes/requests.new/route.tsx'
import * as trackingRoute from '#app/routes/requests.$requestId._index/route.tsx'
import * as answerRoute from '#app/routes/requests.$requestId.responses.$responseId/route.tsx'
import * as docxRoute from '#app/routes/requests.$requestId.responses.$responseId.docx/route.tsx'
import * as consolidationRoute from '#app/routes/requests.$requestId.consolidation/route.tsx'
import * as xlsxRoute from '#app/routes/requests.$requestId.consolidation[.]xlsx/route.tsx'
import * as consolidationDocxRoute from '#app/routes/requests.$requestId.consolidation[.]docx/route.tsx'
import * as letterRoute from '#app/routes/requests.$requestId.letter/route.tsx'
import * as homeRoute from '#app/routes/_index.tsx'
import { runRequestReminders } from '#workflows/requests/reminders.server.ts'
import {
	args,
	insertOrganisation,
	insertPlanWorld,
	insertUser,
	multipartRequest,
	request,
	sessionCookie,
	settle,
} from '../factories.ts'
import { readDocx } from '../docx.ts'

type World = Awaited<ReturnType<typeof insertPlanWorld>>
let world: World
let sector: { id: string }
let sectorDrafter: { id: string }
let sectorApprover: { id: string }
let cookies: Record<'board' | 'ldld' | 'otherFed' | 'sector' | 'tinhUy', string>

beforeEach(async () => {
	world = await insertPlanWorld(db)
	sector = await insertOrganisation(db, {
		kind: 'sector_union',
		name_vi: 'Công đoàn Công Thương Việt Nam',
		short_name: 'CĐ Công Thương VN',
		parent_id: world.orgs.board.id,
	})
	sectorDrafter = await insertUser(db, { organisation_id: sector.id, roles: ['drafter'] })
	sectorApprover = await insertUser(db, { organisation_id: sector.id, roles: ['approver'] })
	cookies = {
		board: await sessionCookie(world.users.board.approver.id),
		ldld: await sessionCookie(world.users.ldld.drafter.id),
		otherFed: await sessionCookie(world.users.otherFed.drafter.id),
		sector: await sessionCookie(sectorDrafter.id),
		tinhUy: await sessionCookie(world.users.tinhUy.drafter.id),
	}
})

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

async function issue(fields: Record<string, string | string[]>, letter?: { name: string; data: Buffer }) {
	const form = new FormData()
	for (const [k, v] of Object.entries(fields))
		for (const value of [v].flat()) form.append(k, value)
	if (letter) form.append('letter', new File([new Uint8Array(letter.data)], letter.name, { type: 'application/pdf' }))
	return settle(async () =>
		newRoute.action(args(await multipartRequest('/requests/new', form, { cookie: cookies.board })) as never),
	)
}

const due = () => addDays(todayIso(), 10)

async function issueToThree() {
	const response = await issue(
		{
			title: 'Báo cáo tổng kết 10 năm thực hiện Nghị quyết 03/NQ-ĐCT',
			template: 'nq03-review',
			number_from: 'register',
			audience: 'chosen',
			organisation_ids: [world.orgs.ldld.id, world.orgs.otherFed.id, sector.id],
			due_on: formatIsoDate(due()),
		},
		{ name: 'cong-van-2749.pdf', data: PDF },
	)
	expect(response.status).toBe(302)
	const requestId = response.headers.get('Location')!.split('/').pop()!
	const responses = await db
		.selectFrom('report_response')
		.select(['id', 'organisation_id', 'status'])
		.where('request_id', '=', requestId)
		.execute()
	const responseOf = (orgId: string) => responses.find(r => r.organisation_id === orgId)!.id
	return {
		requestId,
		responses,
		ldld: responseOf(world.orgs.ldld.id),
		otherFed: responseOf(world.orgs.otherFed.id),
		sector: responseOf(sector.id),
	}
}

/** Seed 000's answers, cell by cell: appendix I's yes/no per row, appendix IV's five numbers. */
function answerForm(intent: 'save' | 'submit', activities: ('yes' | 'no' | '')[], staff: string[], version = 1) {
	const form: Record<string, string> = {
		intent,
		version: String(version),
		's.results': 'Đã quán triệt Nghị quyết 03 đến cán bộ chủ chốt.',
		number_symbol: '323/BC-LĐLĐ',
		report_date: '13/10/2021',
		signature_title: 'Phó Chủ tịch thường trực',
		signer_name: 'Nguyễn Đăng Bảo',
		'rows.partners': '1',
		't.partners.0.now': 'LHCĐ Savannakhet (Lào)',
		't.partners.0.agreements': 'Ký kết các biên bản ghi nhớ',
	}
	activities.forEach((v, r) => (form[`t.activities.${r}.done`] = v))
	const ids = ['total', 'fulltime', 'parttime', 'language', 'diplomacy']
	staff.forEach((v, i) => (form[`t.staff.0.${ids[i]}`] = v))
	return form
}

async function post(cookie: string, requestId: string, responseId: string, form: Record<string, string>) {
	return settle(async () =>
		answerRoute.action(
			args(await request(`/requests/${requestId}/responses/${responseId}`, { form, cookie }), { requestId, responseId }) as never,
		),
	)
}

async function load(route: { loader: (a: never) => Promise<unknown> }, path: string, cookie: string, params: Record<string, string>) {
	return settle(async () => route.loader(args(await request(path, { cookie }), params) as never))
}

const status = async (id: string) =>
	(await db.selectFrom('report_response').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status

test('a request to three organisations: answers checked cell by cell, two submitted, the late one reminded once per point, the consolidation exact', async () => {
	// A file that is not a PDF by its content is refused, and nothing is issued.
	const fake = await issue(
		{ title: 'X', template: 'nq03-review', number_from: 'register', audience: 'all', due_on: formatIsoDate(due()) },
		{ name: 'cong-van.pdf', data: Buffer.from('not a pdf') },
	)
	expect(fake.status).toBe(400)
	expect(JSON.stringify(await fake.json())).toContain('attachment.fileType')
	expect(await db.selectFrom('report_request').select('id').execute()).toEqual([])

	const { requestId, responses, ldld, otherFed } = await issueToThree()
	expect(responses.map(r => r.status)).toEqual(['not_started', 'not_started', 'not_started'])
	// The number comes from the board's register of outgoing documents (a CV).
	const entry = await db.selectFrom('outgoing_document').select(['notation', 'kind']).where('organisation_id', '=', world.orgs.board.id).executeTakeFirstOrThrow()
	expect(entry.kind).toBe('CV')
	const row = await db.selectFrom('report_request').select(['number_symbol', 'letter_name']).executeTakeFirstOrThrow()
	expect(row).toEqual({ number_symbol: entry.notation, letter_name: 'cong-van-2749.pdf' })

	// The asked organisation sees it on its home page, then opens it: fixed rows empty.
	const home = await load(homeRoute, '/', cookies.ldld, {})
	expect((await home.json()).requests.map((r: { id: string }) => r.id)).toEqual([requestId])
	const page = await load(answerRoute, '/x', cookies.ldld, { requestId, responseId: ldld })
	const data = await page.json()
	expect(data.editable).toBe(true)
	expect(data.content.tables.staff).toEqual([{ total: null, fulltime: null, parttime: null, language: null, diplomacy: null }])
	expect(data.citation).toBe(
		`Thực hiện Công văn số ${entry.notation} ngày ${formatIsoDate(todayIso())} của Ban Đối ngoại Tổng Liên đoàn Lao động Việt Nam về việc báo cáo tổng kết 10 năm thực hiện Nghị quyết 03/NQ-ĐCT, Liên đoàn Lao động tỉnh Quảng Trị báo cáo như sau:`,
	)
	// The letter opens for an organisation asked.
	expect((await load(letterRoute, '/x', cookies.ldld, { requestId })).status).toBe(200)

	// Wrong cells: a message next to each, what was typed kept, nothing saved.
	const seedActivities = ['yes', 'yes', 'yes', 'yes', 'no', 'yes', ''] as const
	let bad = await post(cookies.ldld, requestId, ldld, answerForm('submit', [...seedActivities], ['hai', '-1', '2', '1', '']))
	expect(bad.status).toBe(400)
	let body = await bad.json()
	expect(body.problems).toEqual({
		't.staff.0.total': 'request.cell.number',
		't.staff.0.fulltime': 'request.cell.negative',
		't.staff.0.diplomacy': 'request.cell.required',
	})
	expect(body.raw['t.staff.0.total']).toBe('hai')
	bad = await post(cookies.ldld, requestId, ldld, answerForm('save', [...seedActivities], ['3', '0', '2', '1', '0']))
	expect((await bad.json()).problems).toEqual({ 't.staff.0.total': 'request.cell.sum' })
	expect(await status(ldld)).toBe('not_started')

	// A draft, then the submission (seed 000: 2 staff, 0 full-time, 2 part-time, 1 with English).
	expect((await post(cookies.ldld, requestId, ldld, answerForm('save', [...seedActivities], ['2', '0', '2', '1', '']))).status).toBe(302)
	expect(await status(ldld)).toBe('draft')
	const stale = await post(cookies.ldld, requestId, ldld, answerForm('submit', [...seedActivities], ['2', '0', '2', '1', '0'], 1))
	expect(stale.status).toBe(409)
	expect((await post(cookies.ldld, requestId, ldld, answerForm('submit', [...seedActivities], ['2', '0', '2', '1', '0'], 2))).status).toBe(302)
	expect(await status(ldld)).toBe('submitted')
	expect((await post(cookies.otherFed, requestId, otherFed, answerForm('submit', ['yes', 'yes', 'no', 'no', 'yes', 'no', ''], ['3', '1', '2', '2', '1']))).status).toBe(302)
	// A submitted answer can no longer be changed.
	expect((await post(cookies.ldld, requestId, ldld, answerForm('save', [], ['1', '0', '1', '0', '0'], 3))).status).toBe(409)
	const events = await db.selectFrom('report_response_event').select(['event', 'from_status', 'to_status']).where('response_id', '=', ldld).orderBy('id').execute()
	expect(events).toEqual([
		{ event: 'save', from_status: 'not_started', to_status: 'draft' },
		{ event: 'submit', from_status: 'draft', to_status: 'submitted' },
	])

	// The DOCX cites the request and holds appendix IV's figures.
	const docx = await readDocx(await load(docxRoute, '/x', cookies.ldld, { requestId, responseId: ldld }))
	const texts = docx.blocks.flatMap(b => ('text' in b ? [b.text] : []))
	expect(texts).toContain(data.citation)
	expect(docx.tableAfter('Phụ lục IV. THÔNG TIN CÁN BỘ LÀM CÔNG TÁC ĐỐI NGOẠI CÔNG ĐOÀN')[1]).toEqual(['1', 'Cán bộ làm công tác đối ngoại', '2', '0', '2', '1', '0'])

	// The board's tracking: every organisation with its state.
	const tracking = await (await load(trackingRoute, '/x', cookies.board, { requestId })).json()
	expect(tracking.rows.map((r: { name: string; status: string }) => [r.name, r.status])).toEqual([
		['CĐ Công Thương VN', 'not_started'],
		['LĐLĐ tỉnh Quảng Bình', 'submitted'],
		['LĐLĐ tỉnh Quảng Trị', 'submitted'],
	])

	// The late one: reminded 3 days before, on the day, 7 and 14 days after, each once (the job runs twice a day).
	for (let day = addDays(due(), -5); day <= addDays(due(), 15); day = addDays(day, 1)) {
		await runRequestReminders(db, day)
		await runRequestReminders(db, day)
	}
	const told = await db
		.selectFrom('notification')
		.select(['user_id', 'kind', 'dedupe_key'])
		.where('kind', 'in', ['request-due', 'request-overdue'])
		.orderBy('created_at')
		.orderBy('id')
		.execute()
	const points = (userId: string) => told.filter(n => n.user_id === userId).map(n => `${n.kind} ${n.dedupe_key.split(':')[3]}`)
	expect(points(sectorDrafter.id)).toEqual(['request-due before', 'request-due due', 'request-overdue overdue-1', 'request-overdue overdue-2'])
	expect(points(sectorApprover.id)).toEqual(['request-overdue overdue-2'])
	expect(told).toHaveLength(5)
	const emails = await db.selectFrom('email_message').select(['to_address', 'template']).where('template', '=', 'request-reminder').execute()
	expect(emails).toHaveLength(5)

	// The consolidation: appendix IV summed, appendix I counted, by group.
	const consolidation = (await (await load(consolidationRoute, '/x', cookies.board, { requestId })).json()).consolidation
	expect(consolidation.submitted).toEqual({ all: 2, provinces: 2, sectors: 0 })
	expect(consolidation.asked).toEqual({ all: 3, provinces: 2, sectors: 1 })
	const staff = consolidation.tables.find((t: { table: { id: string } }) => t.table.id === 'staff').rows[0].cells
	expect(staff.total.sum).toEqual({ all: 5, provinces: 5, sectors: 0 })
	expect(staff.fulltime.sum.all).toBe(1)
	expect(staff.parttime.sum.all).toBe(4)
	expect(staff.language.sum.all).toBe(3)
	expect(staff.diplomacy.sum.all).toBe(1)
	const activities = consolidation.tables.find((t: { table: { id: string } }) => t.table.id === 'activities').rows
	expect(activities.map((r: { cells: { done: { yes: { provinces: number } } } }) => r.cells.done.yes.provinces)).toEqual([2, 2, 1, 1, 1, 1, 0])
	const partners = consolidation.tables.find((t: { table: { id: string } }) => t.table.id === 'partners').entries
	expect(partners.map((e: { organisation: string }) => e.organisation)).toEqual(['LĐLĐ tỉnh Quảng Bình', 'LĐLĐ tỉnh Quảng Trị'])

	// The same figures in the XLSX.
	const xlsx = await load(xlsxRoute, '/x', cookies.board, { requestId })
	expect(xlsx.status).toBe(200)
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.load((await xlsx.arrayBuffer()) as never)
	const sheet = workbook.getWorksheet('Phụ lục IV')!
	const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1)
	expect(values(5).slice(0, 5)).toEqual([1, 'Cán bộ làm công tác đối ngoại', 5, 5, 0])
	const sheetI = workbook.getWorksheet('Phụ lục I')!
	expect((sheetI.getRow(9).values as unknown[]).slice(1, 6)).toEqual([5, 'Tổ chức tập huấn, thông tin về hoạt động đối ngoại', 1, 1, 0])

	// The board's own report on the answers, as a DOCX: who answered, what each wrote, the sums.
	const report = await readDocx(await load(consolidationDocxRoute, '/x', cookies.board, { requestId }))
	const reportTexts = report.blocks.flatMap(b => ('text' in b ? [b.text] : []))
	const intro = reportTexts.find(text => text.startsWith('Thực hiện Công văn số '))
	expect(intro).toContain(
		`về việc báo cáo tổng kết 10 năm thực hiện Nghị quyết 03/NQ-ĐCT, đến ngày ${formatIsoDate(todayIso())} đã có 2/3 đơn vị gửi báo cáo (tỉnh, thành phố: 2/2; công đoàn ngành: 0/1). Ban Đối ngoại Tổng Liên đoàn Lao động Việt Nam tổng hợp như sau:`,
	)
	const results = reportTexts.indexOf('I. Kết quả triển khai thực hiện Nghị quyết 03')
	expect(reportTexts.slice(results + 1, results + 5)).toEqual([
		'LĐLĐ tỉnh Quảng Bình:',
		'Đã quán triệt Nghị quyết 03 đến cán bộ chủ chốt.',
		'LĐLĐ tỉnh Quảng Trị:',
		'Đã quán triệt Nghị quyết 03 đến cán bộ chủ chốt.',
	])
	const staffTable = report.tableAfter('Phụ lục IV. ' + consolidation.tables.find((t: { table: { id: string } }) => t.table.id === 'staff').table.subtitle)
	expect(staffTable[1]!.slice(0, 3)).toEqual(['1', 'Cán bộ làm công tác đối ngoại', '5 Tỉnh, TP: 5 CĐ ngành: 0'])
	// Only the issuer: an organisation that answered gets 404.
	expect((await load(consolidationDocxRoute, '/x', cookies.ldld, { requestId })).status).toBe(404)
})

test('a returned answer goes back to its organisation with the comment, and can be submitted again', async () => {
	const { requestId, ldld } = await issueToThree()
	const activities = ['yes', 'yes', 'yes', 'yes', 'no', 'yes', ''] as const
	expect((await post(cookies.ldld, requestId, ldld, answerForm('submit', [...activities], ['2', '0', '2', '1', '0']))).status).toBe(302)
	// The board hears of it in the app: the approver who issued the request and the board's drafter.
	const { notificationMessage } = await import('#workflows/notify/notification-text.ts')
	const { translate } = await import('#lib/i18n/index.ts')
	const toldIssuer = async () =>
		(await db.selectFrom('notification').select(['user_id', 'params', 'kind']).where('kind', '=', 'request-submitted').orderBy('id').execute()).map(n => {
			const { key, params } = notificationMessage(n.kind, n.params as Record<string, unknown>, 'vi')
			return [n.user_id, translate('vi', key, params)]
		})
	const board = world.users.board
	const submitted = 'LĐLĐ tỉnh Quảng Trị đã nộp báo cáo “Báo cáo tổng kết 10 năm thực hiện Nghị quyết 03/NQ-ĐCT”.'
	expect((await toldIssuer()).sort()).toEqual([[board.approver.id, submitted], [board.drafter.id, submitted]].sort())
	const returnForm = (comment: string, version: number) => ({ intent: 'return', comment, version: String(version) })
	// The comment is required; the organisation that answered cannot return its own answer.
	expect((await post(cookies.board, requestId, ldld, returnForm('  ', 2))).status).toBe(400)
	expect((await post(cookies.ldld, requestId, ldld, returnForm('Tự trả', 2))).status).toBe(403)
	expect(await status(ldld)).toBe('submitted')
	expect((await post(cookies.board, requestId, ldld, returnForm('Bổ sung số cán bộ có chuyên môn đối ngoại.', 2))).status).toBe(302)
	expect(await status(ldld)).toBe('returned')

	const page = await (await load(answerRoute, '/x', cookies.ldld, { requestId, responseId: ldld })).json()
	expect(page.editable).toBe(true)
	expect(page.response.return_comment).toBe('Bổ sung số cán bộ có chuyên môn đối ngoại.')
	expect(page.content.tables.staff[0].total).toBe(2)
	const told = await db.selectFrom('notification').select(['user_id', 'kind']).where('kind', '=', 'request-returned').execute()
	expect(told).toEqual([{ user_id: world.users.ldld.drafter.id, kind: 'request-returned' }])
	// And by email, with the comment and a link to the answer.
	const mailed = await db.selectFrom('email_message').select(['recipient_id', 'props']).where('template', '=', 'request-returned').execute()
	expect(mailed).toMatchObject([{ recipient_id: world.users.ldld.drafter.id, props: { comment: 'Bổ sung số cán bộ có chuyên môn đối ngoại.', responseId: ldld } }])
	const { renderStoredEmail } = await import('#workflows/notify/render.server.ts')
	const rendered = await renderStoredEmail({ template: 'request-returned', props: mailed[0]!.props, recipient_name: 'Nguyễn Thị Hương', recipient_locale: 'vi' })
	expect(rendered.text).toContain('Bổ sung số cán bộ có chuyên môn đối ngoại.')
	expect(rendered.text).toContain(`/requests/${requestId}/responses/${ldld}`)
	expect((await post(cookies.ldld, requestId, ldld, answerForm('submit', [...activities], ['2', '0', '2', '1', '1'], 3))).status).toBe(302)
	expect(await status(ldld)).toBe('submitted')
	const again = 'LĐLĐ tỉnh Quảng Trị đã nộp lại báo cáo “Báo cáo tổng kết 10 năm thực hiện Nghị quyết 03/NQ-ĐCT” sau khi được trả lại.'
	expect((await toldIssuer()).filter(([, text]) => text === again).map(([id]) => id).sort()).toEqual([board.approver.id, board.drafter.id].sort())
})

test('an organisation not asked cannot read or answer a request, nor see its letter or consolidation: 404', async () => {
	const { requestId, ldld } = await issueToThree()
	// Another asked organisation reading or answering LĐLĐ Quảng Trị's answer.
	expect((await load(answerRoute, '/x', cookies.otherFed, { requestId, responseId: ldld })).status).toBe(404)
	expect((await post(cookies.otherFed, requestId, ldld, answerForm('save', [], ['1', '0', '1', '0', '0']))).status).toBe(404)
	expect((await load(docxRoute, '/x', cookies.otherFed, { requestId, responseId: ldld })).status).toBe(404)
	// An organisation not asked at all.
	for (const [route, params] of [
		[trackingRoute, { requestId }],
		[consolidationRoute, { requestId }],
		[xlsxRoute, { requestId }],
		[consolidationDocxRoute, { requestId }],
		[letterRoute, { requestId }],
		[answerRoute, { requestId, responseId: ldld }],
	] as const)
		expect((await load(route, '/x', cookies.tinhUy, params)).status).toBe(404)
	// An asked organisation is not the issuer: no tracking, no consolidation.
	expect((await load(consolidationRoute, '/x', cookies.ldld, { requestId })).status).toBe(404)
	const redirect = await load(trackingRoute, '/x', cookies.ldld, { requestId })
	expect(redirect.status).toBe(302)
	expect(redirect.headers.get('Location')).toBe(`/requests/${requestId}/responses/${ldld}`)
	// A bad id is a 404 too, never a 500.
	expect((await load(answerRoute, '/x', cookies.ldld, { requestId: 'nope', responseId: ldld })).status).toBe(404)
	// Only an organisation with organisations under it may issue.
	expect((await load(newRoute, '/requests/new', cookies.ldld, {})).status).toBe(403)
	const list = await (await load(listRoute, '/requests', cookies.ldld, {})).json()
	expect(list.view).toBe('asked')
	expect(list.asked.map((r: { id: string }) => r.id)).toEqual([requestId])
})

test('a request numbered as typed, due in the past: every organisation that has not submitted is late', async () => {
	const response = await issue({
		title: 'Báo cáo công tác đối ngoại năm 2021 và kế hoạch năm 2022',
		template: 'nq03-review',
		number_from: 'typed',
		number_symbol: '2635/ĐN-TLĐ',
		issued_on: '15/09/2021',
		audience: 'provinces',
		due_on: '15/10/2021',
	})
	expect(response.status).toBe(302)
	const requestId = response.headers.get('Location')!.split('/').pop()!
	// Typed: nothing taken from the register.
	expect(await db.selectFrom('outgoing_document').select('id').execute()).toEqual([])
	const tracking = await (await load(trackingRoute, '/x', cookies.board, { requestId })).json()
	expect(tracking.request).toMatchObject({ number_symbol: '2635/ĐN-TLĐ', issued_on: '15/09/2021', due_on: '15/10/2021' })
	// "All provinces": the two federations, not the sector union.
	expect(tracking.rows.map((r: { name: string; late: boolean }) => [r.name, r.late])).toEqual([
		['LĐLĐ tỉnh Quảng Bình', true],
		['LĐLĐ tỉnh Quảng Trị', true],
	])
	expect(tracking.late).toBe(2)
	// A due date before the letter's date, or a typed number without its date, is refused next to the field.
	const bad = await issue({ title: 'X', template: 'nq03-review', number_from: 'typed', number_symbol: '1/TLĐ', audience: 'all', due_on: '01/01/2020' })
	expect(bad.status).toBe(400)
	expect((await bad.json()).result.error).toEqual({ issued_on: ['error.required'] })
	const early = await issue({ title: 'X', template: 'nq03-review', number_from: 'typed', number_symbol: '1/TLĐ', issued_on: '02/01/2020', audience: 'all', due_on: '01/01/2020' })
	expect((await early.json()).result.error).toEqual({ due_on: ['request.dueBeforeIssue'] })
	expect(await db.selectFrom('report_request').select('id').execute()).toHaveLength(1)
})

test('a request on any other subject: three sections and no appendix, the report titled by the request, consolidated in DOCX and XLSX', async () => {
	const response = await issue({
		title: 'V/v báo cáo công tác quản lý hộ chiếu công vụ năm 2026',
		template: 'general',
		number_from: 'typed',
		number_symbol: '88/ĐN-TLĐ',
		issued_on: formatIsoDate(todayIso()),
		audience: 'chosen',
		organisation_ids: [world.orgs.ldld.id],
		due_on: formatIsoDate(due()),
	})
	expect(response.status).toBe(302)
	const requestId = response.headers.get('Location')!.split('/').pop()!
	const { id: responseId } = await db
		.selectFrom('report_response')
		.select('id')
		.where('request_id', '=', requestId)
		.executeTakeFirstOrThrow()
	// The first answer starts from the organisation's notation.
	const opened = await (await load(answerRoute, `/requests/${requestId}/responses/${responseId}`, cookies.ldld, { requestId, responseId })).json()
	expect(opened.response.number_symbol).toBe('/BC-LĐLĐ')
	const submitted = await post(cookies.ldld, requestId, responseId, {
		intent: 'submit',
		version: '1',
		's.results': 'Đã lập sổ theo dõi hộ chiếu công vụ; 12 hộ chiếu đang lưu giữ.',
		's.difficulties': 'Chưa có phần mềm quản lý.',
		number_symbol: '401/BC-LĐLĐ',
		report_date: formatIsoDate(todayIso()),
		signature_title: 'Phó Chủ tịch thường trực',
		signer_name: 'Nguyễn Đăng Bảo',
	})
	expect(submitted.status).toBe(302)
	expect(await status(responseId)).toBe('submitted')

	const params = { requestId, responseId }
	const answer = await readDocx(await load(docxRoute, `/requests/${requestId}/responses/${responseId}/docx`, cookies.board, params))
	expect(answer.text).toContain('Công tác quản lý hộ chiếu công vụ năm 2026')
	expect(answer.text).toContain('I. Tình hình, kết quả thực hiện')
	expect(answer.text).toContain('Đã lập sổ theo dõi hộ chiếu công vụ; 12 hộ chiếu đang lưu giữ.')
	expect(answer.text).not.toContain('Phụ lục')

	const consolidated = await readDocx(await load(consolidationDocxRoute, `/requests/${requestId}/consolidation.docx`, cookies.board, { requestId }))
	expect(consolidated.text).toContain('Tổng hợp báo cáo công tác quản lý hộ chiếu công vụ năm 2026')
	expect(consolidated.text).toContain('Chưa có phần mềm quản lý.')
	const xlsx = await load(xlsxRoute, `/requests/${requestId}/consolidation.xlsx`, cookies.board, { requestId })
	expect(xlsx.status).toBe(200)
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.load(await xlsx.arrayBuffer())
	expect(workbook.worksheets.map(s => s.name)).toEqual(['Tổng hợp'])
})
