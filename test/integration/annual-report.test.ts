/**
 * The annual report: built from the demo data (seed 001's 2020 plan, compared cell for cell with
 * the seed's table read back out of the DOCX), the "Không" row, who may open it, optimistic saves
 * and bad input, and its speed with 500 plans.
 */
import { expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { queryCounter } from '#db/connect.ts'
import { seedDemo } from '#seed/seed.ts'
import {
	insertRequest,
	insertResponses,
} from '#db/repos/report-request.server.ts'
import * as editorRoute from '#app/routes/annual-reports.$reportId._index.tsx'
import * as docxRoute from '#app/routes/annual-reports.$reportId.docx.tsx'
import { wordWidth } from '#workflows/documents/docx.server.ts'
import * as printRoute from '#app/routes/annual-reports.$reportId.print.tsx'
import * as listRoute from '#app/routes/annual-reports._index.tsx'
import { type PlanEvent } from '#workflows/plans/plan.machine.ts'
import {
	applyPlanEvent,
	type PlanFieldChanges,
} from '#workflows/plans/plan.server.ts'
import { issueAnnualReportNumber } from '#workflows/documents/annual-report-number.server.ts'
import {
	args,
	insertOrganisation,
	insertPlan,
	insertPlanWorld,
	request,
	sendPlanEvent,
	sessionCookie,
	settle,
} from '../factories.ts'
import { readDocx, textOf } from '../docx.ts'
import { todayIso } from '#lib/trip-dates.ts'

const OUT_HEADER = [
	'TT',
	'Tên đoàn',
	'Trưởng đoàn',
	'Số thành viên',
	'Nước đến',
	'Nội dung hoạt động',
	'Số ngày',
	'Thời gian',
	'Nguồn kinh phí',
]
const IN_HEADER = [
	'TT',
	'Tên đoàn',
	'Danh nghĩa đoàn',
	'Trưởng đoàn',
	'Số thành viên',
	'Nước',
	'Đối tác làm việc',
	'Nội dung hoạt động',
	'Số ngày',
	'Thời gian',
	'Kinh phí',
]
const NONE_ROW = ['', 'Không', '', '', '', '', '', '', '', '', '']

// Seed 001, "*ĐOÀN RA": the 2020 plan of LĐLĐ tỉnh Quảng Trị, cell for cell but for the name
// (the seed names both "Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)"; the demo names them apart).
const SEED_001_2020 = [
	OUT_HEADER,
	[
		'1',
		'Đoàn LĐLĐ tỉnh Quảng Trị hội đàm với LHCĐ tỉnh Savannakhet năm 2020',
		'Chủ tịch LĐLĐ tỉnh Quảng Trị',
		'10',
		'Lào',
		'- Hội đàm trao đổi kinh nghiệm với LHCD Savannakhet - Đi thực tế một số CĐCS',
		'3-4 ngày',
		'Năm 2020',
		'- LHCD tỉnh Savannakhet chịu chi phí ăn, nghỉ - LĐLĐ tỉnh Quảng Trị chịu chi phí về phương tiện đi lại và kinh phí hỗ trợ cho bạn (nguồn ngân sách công đoàn)',
	],
	[
		'2',
		'Đoàn LĐLĐ tỉnh Quảng Trị trao đổi kinh nghiệm với LHCĐ tỉnh Salavan năm 2020',
		'Chủ tịch LĐLĐ tỉnh Quảng Trị',
		'10',
		'Lào',
		'- Trao đổi kinh nghiệm hoạt động công đoàn - Đi thực tế một số CĐCS',
		'3-4 ngày',
		'Năm 2020',
		'- LHCD tỉnh Salavan chịu chi phí ăn, nghỉ - LĐLĐ tỉnh Quảng Trị chịu chi phí về phương tiện đi lại và kinh phí hỗ trợ cho bạn (nguồn ngân sách công đoàn)',
	],
]

/** Creates the report of `year` through the list page's form; returns its id. */
async function createReport(
	cookie: string,
	year: number,
	organisationId?: string,
) {
	const form: Record<string, string> = { year: String(year) }
	if (organisationId) form.organisation_id = organisationId
	const response = await settle(async () =>
		listRoute.action(
			args(await request('/annual-reports', { form, cookie })) as never,
		),
	)
	expect(response.status).toBe(302)
	const id = response.headers.get('Location')!.split('/').pop()!
	expect(id).toMatch(/^[0-9a-f-]{36}$/)
	return id
}

const get = async (
	route: { loader: (a: never) => Promise<unknown> },
	path: string,
	cookie: string,
	reportId: string,
) =>
	settle(async () =>
		route.loader(args(await request(path, { cookie }), { reportId }) as never),
	)

async function userCookie(email: string) {
	const user = await db
		.selectFrom('app_user')
		.select('id')
		.where('email', '=', email)
		.executeTakeFirstOrThrow()
	return sessionCookie(user.id)
}

test("the demo report for 2019 carries seed 001's 2020 plan cell for cell, and an empty đoàn vào table as a single Không row", async () => {
	await seedDemo(db)
	const cookie = await userCookie('chutich@ldld-quangtri.vn')
	const id = await createReport(cookie, 2019)
	const docx = await readDocx(
		await get(docxRoute, `/annual-reports/${id}/docx`, cookie, id),
	)

	expect(docx.tableAfter('I. Đoàn ra')).toEqual(SEED_001_2020)
	// Seed 001 plans no inbound delegation for 2020.
	expect(docx.tableAfter('II. Đoàn vào')).toEqual([IN_HEADER, NONE_ROW])

	// The document around the tables: Nghị định 30 header, title, request, facts of 2019, closing.
	expect(docx.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
	expect(docx.text).toContain('Độc lập - Tự do - Hạnh phúc')
	expect(docx.text).toContain('LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ')
	expect(docx.text).toContain('Kết quả công tác đối ngoại năm 2019')
	expect(docx.text).toContain('và kế hoạch hoạt động đối ngoại năm 2020')
	expect(docx.text).toContain(
		'Năm 2019, LĐLĐ tỉnh Quảng Trị đã tổ chức 1 đoàn ra với 10 lượt người và đón 1 đoàn vào với 10 lượt khách:',
	)
	expect(docx.text).toContain(
		'- Đoàn LHCĐ tỉnh Savannakhet thăm LĐLĐ tỉnh Quảng Trị tháng 6/2019, làm việc với Liên hiệp Công đoàn tỉnh Savannakhet (11/06/2019 - 14/06/2019), 10 người.',
	)
	expect(docx.text).toContain('Bạn lùi Đại hội sang năm 2020')
	// No inbound delegation is planned: the intro names only what there is.
	expect(docx.text).toContain(
		'Năm 2020, LĐLĐ tỉnh Quảng Trị dự kiến tổ chức 2 đoàn ra, cụ thể như sau:',
	)
	expect(docx.text).toContain('TM. BAN THƯỜNG VỤ PHÓ CHỦ TỊCH THƯỜNG TRỰC')
	expect(docx.xml).toContain('Times New Roman')
	expect(docx.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
})

test('an organisation without plans gets "Không" in both plan tables, in the DOCX and the print view', async () => {
	const world = await insertPlanWorld(db)
	const cookie = await sessionCookie(world.users.otherFed.drafter.id)
	const id = await createReport(cookie, 2026)
	const docx = await readDocx(
		await get(docxRoute, `/annual-reports/${id}/docx`, cookie, id),
	)
	expect(docx.tableAfter('I. Đoàn ra')).toEqual([
		OUT_HEADER,
		NONE_ROW.slice(0, 9),
	])
	expect(docx.tableAfter('II. Đoàn vào')).toEqual([IN_HEADER, NONE_ROW])
	const print = await get(printRoute, `/annual-reports/${id}/print`, cookie, id)
	const { built } = (await print.json()) as {
		built: { sections: { table?: { title: string; rows: string[][][] } }[] }
	}
	const tables = built.sections.flatMap(s => (s.table ? [s.table] : []))
	expect(tables.map(t => [t.title, t.rows])).toEqual([
		['Các đoàn đã thực hiện năm 2026', [[[''], ['Không']]]],
		['I. Đoàn ra', [[[''], ['Không']]]],
		['II. Đoàn vào', [[[''], ['Không']]]],
	])
})

test("another organisation's report, print view and download answer 404; the VGCL board opens any", async () => {
	const world = await insertPlanWorld(db)
	const { users } = world
	const id = await createReport(
		await sessionCookie(users.ldld.drafter.id),
		2026,
	)
	const path = `/annual-reports/${id}`
	for (const user of [
		users.ldld.drafter,
		users.ldld.approver,
		users.ldld.admin,
		users.board.drafter,
		users.board.approver,
	]) {
		const cookie = await sessionCookie(user.id)
		expect((await get(editorRoute, path, cookie, id)).status).toBe(200)
		expect((await get(printRoute, `${path}/print`, cookie, id)).status).toBe(
			200,
		)
		expect((await get(docxRoute, `${path}/docx`, cookie, id)).status).toBe(200)
	}
	for (const user of [
		users.otherFed.drafter,
		users.otherFed.approver,
		users.tinhUy.approver,
	]) {
		const cookie = await sessionCookie(user.id)
		expect((await get(editorRoute, path, cookie, id)).status).toBe(404)
		expect((await get(printRoute, `${path}/print`, cookie, id)).status).toBe(
			404,
		)
		expect((await get(docxRoute, `${path}/docx`, cookie, id)).status).toBe(404)
		const save = await settle(async () =>
			editorRoute.action(
				args(
					await request(path, {
						cookie,
						form: saveForm(1, { signer_name: 'Kẻ lạ' }),
					}),
					{ reportId: id },
				) as never,
			),
		)
		expect(save.status).toBe(404)
	}
	expect(
		(
			await get(
				editorRoute,
				'/annual-reports/not-a-uuid',
				await sessionCookie(users.ldld.drafter.id),
				'not-a-uuid',
			)
		).status,
	).toBe(404)
	const unchanged = await db
		.selectFrom('annual_report')
		.select(['version', 'signer_name'])
		.executeTakeFirstOrThrow()
	expect(unchanged).toEqual({ version: 1, signer_name: '' })

	// The list: each organisation sees its own reports; the board sees every organisation's.
	const otherId = await createReport(
		await sessionCookie(users.otherFed.drafter.id),
		2026,
	)
	const list = async (userId: string) => {
		const response = await settle(async () =>
			listRoute.loader(
				args(
					await request('/annual-reports', {
						cookie: await sessionCookie(userId),
					}),
				) as never,
			),
		)
		return ((await response.json()) as { rows: { id: string }[] }).rows
			.map(r => r.id)
			.sort()
	}
	expect(await list(users.ldld.approver.id)).toEqual([id])
	expect(await list(users.otherFed.drafter.id)).toEqual([otherId])
	expect(await list(users.board.approver.id)).toEqual([id, otherId].sort())

	// The board creates a report for an organisation; a drafter cannot aim at another one.
	const boardMade = await createReport(
		await sessionCookie(users.board.approver.id),
		2025,
		world.orgs.ldld.id,
	)
	const aimed = await createReport(
		await sessionCookie(users.otherFed.drafter.id),
		2025,
		world.orgs.ldld.id,
	)
	const owners = await db
		.selectFrom('annual_report')
		.select(['id', 'organisation_id'])
		.where('id', 'in', [boardMade, aimed])
		.execute()
	expect(
		Object.fromEntries(owners.map(o => [o.id, o.organisation_id])),
	).toEqual({
		[boardMade]: world.orgs.ldld.id,
		[aimed]: world.orgs.otherFed.id,
	})
})

function saveForm(version: number, overrides: Record<string, string> = {}) {
	return {
		version: String(version),
		governing_body: 'TỔNG LĐLĐ VIỆT NAM',
		number_symbol: '323/BC-LĐLĐ',
		place: 'Quảng Trị',
		report_date: '13/10/2026',
		request_text:
			'Thực hiện Công văn số 2635/ĐN-TLĐ ngày 15/9/2026 của Ban Đối ngoại Tổng LĐLĐ Việt Nam',
		results: 'Kết quả đạt được.',
		difficulties: 'Khó khăn.',
		proposals: '',
		plan_intro: '',
		recipients: '- Sở Ngoại vụ;\n- Lưu: VT.',
		signature_on_behalf: 'TM. BAN THƯỜNG VỤ',
		signature_title: 'PHÓ CHỦ TỊCH THƯỜNG TRỰC',
		signer_name: 'Nguyễn Đăng Bảo',
		...overrides,
	}
}

test('a number asked for with a version that is not one (letters, a fraction, too large) is a conflict, not a 500, and issues nothing', async () => {
	const { users } = await insertPlanWorld(db)
	const drafter = await sessionCookie(users.ldld.drafter.id)
	const id = await createReport(drafter, 2026)
	const issue = async (version: string) =>
		settle(async () =>
			editorRoute.action(
				args(
					await request(`/annual-reports/${id}`, {
						cookie: drafter,
						form: { intent: 'issue-number', version },
					}),
					{ reportId: id },
				) as never,
			),
		)
	const numbered = async () =>
		(
			(await (
				await get(editorRoute, `/annual-reports/${id}`, drafter, id)
			).json()) as { numbered: string | null }
		).numbered
	for (const version of ['abc', '1.5', '1e99', '99999999999', '-1', '']) {
		const response = await issue(version)
		expect(response.status).toBe(409)
		expect(await numbered()).toBeNull()
	}
	expect((await issue('1')).status).toBe(302)
	expect(await numbered()).toMatch(/^1\/BC/)

	// Once issued, a save keeps the register's number and date, whatever the form sends.
	const { version } = await db
		.selectFrom('annual_report')
		.select('version')
		.where('id', '=', id)
		.executeTakeFirstOrThrow()
	const saved = await settle(async () =>
		editorRoute.action(
			args(
				await request(`/annual-reports/${id}`, {
					cookie: drafter,
					form: saveForm(version, {
						number_symbol: '99/BC-LĐLĐ',
						report_date: '01/12/2026',
					}),
				}),
				{ reportId: id },
			) as never,
		),
	)
	expect(saved.status).toBe(302)
	const stored = await db
		.selectFrom('annual_report')
		.select(['number_symbol', 'report_date'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow()
	expect(stored.number_symbol).toMatch(/^1\/BC/)
	expect(stored.report_date).toBe(todayIso())
})

test('a save on a stale version is refused with a clear message and changes nothing; bad input is answered next to the field', async () => {
	const { users } = await insertPlanWorld(db)
	const drafter = await sessionCookie(users.ldld.drafter.id)
	const approver = await sessionCookie(users.ldld.approver.id)
	const id = await createReport(drafter, 2026)
	const save = async (cookie: string, form: Record<string, string>) =>
		settle(async () =>
			editorRoute.action(
				args(await request(`/annual-reports/${id}`, { cookie, form }), {
					reportId: id,
				}) as never,
			),
		)
	const stored = () =>
		db
			.selectFrom('annual_report')
			.select([
				'version',
				'number_symbol',
				'report_date',
				'signer_name',
				'results',
			])
			.where('id', '=', id)
			.executeTakeFirstOrThrow()

	// Both opened version 1; the approver saves first.
	expect((await save(approver, saveForm(1))).status).toBe(302)
	const afterFirst = await stored()
	expect(afterFirst).toMatchObject({
		version: 2,
		number_symbol: '323/BC-LĐLĐ',
		report_date: '2026-10-13',
		signer_name: 'Nguyễn Đăng Bảo',
	})

	const stale = await save(
		drafter,
		saveForm(1, {
			signer_name: 'Trần Thị Thu Hà',
			results: 'Bản của người soạn.',
		}),
	)
	expect(stale.status).toBe(409)
	const body = (await stale.json()) as {
		result: {
			error: Record<string, string[]>
			initialValue: Record<string, string>
		}
	}
	expect(body.result.error['']).toEqual(['annualReport.conflict'])
	// What the drafter typed comes back to the form.
	expect(body.result.initialValue).toMatchObject({
		signer_name: 'Trần Thị Thu Hà',
		results: 'Bản của người soạn.',
	})
	expect(await stored()).toEqual(afterFirst)

	for (const [field, value, error] of [
		['number_symbol', '', 'error.required'],
		['number_symbol', '323 BC LĐLĐ', 'annualReport.numberInvalid'],
		['report_date', '31/02/2026', 'annualReport.dateInvalid'],
		[
			'report_date',
			'13/10/2030',
			'annualReport.dateYear::{"from":2026,"to":2027}',
		],
		['request_text', '   ', 'error.required'],
		['signer_name', 'x'.repeat(101), 'error.tooLongChars::{"max":"100"}'],
	] as const) {
		const response = await save(drafter, saveForm(2, { [field]: value }))
		expect(response.status, `${field}=${value}`).toBe(400)
		const reply = (
			(await response.json()) as {
				result: {
					error: Record<string, string[]>
					initialValue: Record<string, string>
				}
			}
		).result
		expect(reply.error[field], field).toEqual([error])
		if (value.trim()) expect(reply.initialValue[field]).toBe(value)
	}
	expect(await stored()).toEqual(afterFirst)

	// The editor shows the saved draft, dates as dd/mm/yyyy.
	const page = (await (
		await get(editorRoute, `/annual-reports/${id}`, drafter, id)
	).json()) as { report: Record<string, unknown> }
	expect(page.report).toMatchObject({
		version: 2,
		report_date: '13/10/2026',
		signer_name: 'Nguyễn Đăng Bảo',
	})
})

test('with 500 plans in a year the report builds and exports in well under a second, with the same number of queries as with one', async () => {
	const world = await insertPlanWorld(db)
	const { users, partner } = world
	const owner = users.ldld.drafter
	const cookie = await sessionCookie(owner.id)
	await insertPlan(db, owner, {
		partnerId: partner.id,
		fields: { plan_year: 2027 },
	})
	const id = await createReport(cookie, 2026)
	const queries = async () => {
		const req = await request(`/annual-reports/${id}/docx`, { cookie })
		const before = queryCounter.count
		const started = performance.now()
		const response = await settle(() =>
			docxRoute.loader(args(req, { reportId: id }) as never),
		)
		const buffer = await response.arrayBuffer()
		const ms = performance.now() - started
		return {
			count: queryCounter.count - before,
			ms,
			size: buffer.byteLength,
			copy: new Response(buffer, { headers: response.headers }),
		}
	}
	const one = await queries()

	for (let i = 1; i < 500; i++)
		await insertPlan(db, owner, {
			partnerId: partner.id,
			fields: {
				plan_year: 2027,
				direction: i % 2 ? 'in' : 'out',
				name: `Đoàn số ${i + 1}`,
			},
		})
	// Only submitted plans are next year's plan.
	await db
		.updateTable('plan')
		.set({ status: 'step_1' })
		.where('plan_year', '=', 2027)
		.execute()
	await queries() // warm-up
	const many = await queries()
	expect(many.count).toBe(one.count)
	expect(many.ms).toBeLessThan(1000)
	expect(many.size).toBeGreaterThan(one.size)

	const docx = await readDocx(many.copy)
	expect(docx.tableAfter('I. Đoàn ra')).toHaveLength(1 + 250)
	expect(docx.tableAfter('II. Đoàn vào')).toHaveLength(1 + 250)
	// The editor's page also stays at a fixed number of queries.
	const before = queryCounter.count
	expect(
		(await get(editorRoute, `/annual-reports/${id}`, cookie, id)).status,
	).toBe(200)
	const editorQueries = queryCounter.count - before
	// The editor also reads the report's register entry (its number, once given): one query more.
	expect(editorQueries).toBeLessThanOrEqual(one.count + 1)
}, 120_000)

test('creating a report with a bad year or an organisation that does not report is answered next to the field and creates nothing', async () => {
	const world = await insertPlanWorld(db)
	const board = await sessionCookie(world.users.board.approver.id)
	const create = async (form: Record<string, string>) => {
		const response = await settle(async () =>
			listRoute.action(
				args(
					await request('/annual-reports', { form, cookie: board }),
				) as never,
			),
		)
		expect(response.status).toBe(400)
		return (
			(await response.json()) as { result: { error: Record<string, string[]> } }
		).result.error
	}
	expect(await create({ year: 'năm nay' })).toEqual({
		year: ['annualReport.yearInvalid'],
	})
	expect(await create({ year: '1999' })).toEqual({
		year: ['annualReport.yearInvalid'],
	})
	expect(
		await create({ year: '2026', organisation_id: world.partner.id }),
	).toEqual({
		organisation_id: ['error.invalidChoice'],
	})
	const count = await db
		.selectFrom('annual_report')
		.select(eb => eb.fn.countAll<string>().as('n'))
		.executeTakeFirstOrThrow()
	expect(Number(count.n)).toBe(0)
})

test('a report answering a request the organisation received names it; with none, the wording keeps its blanks', async () => {
	const world = await insertPlanWorld(db)
	const ask = async (orgId: string, title: string, number: string, issued: string) => {
		const id = await insertRequest(db, {
			organisation_id: world.orgs.board.id,
			number_symbol: number,
			issued_on: issued,
			outgoing_document_id: null,
			title,
			audience: 'chosen',
			due_on: '2025-12-31',
			template: { sections: [], tables: [] },
			letter_name: null,
			letter_size: null,
			letter_sha256: null,
			letter_data: null,
			created_by: world.users.board.approver.id,
		})
		await insertResponses(db, id, [orgId])
	}
	await ask(world.orgs.ldld.id, 'Báo cáo kết quả công tác đối ngoại năm 2025 và kế hoạch năm 2026', '2749/TLĐ', '2025-11-20')
	await ask(world.orgs.ldld.id, 'Báo cáo tổng kết 10 năm thực hiện Nghị quyết 03/NQ-ĐCT năm 2025', '1500/TLĐ', '2025-12-01')
	await ask(world.orgs.otherFed.id, 'Báo cáo công tác đối ngoại năm 2025', '2801/TLĐ', '2025-12-02')
	const requestText = async (cookie: string, year: number, organisationId?: string) =>
		(
			await db
				.selectFrom('annual_report')
				.select('request_text')
				.where('id', '=', await createReport(cookie, year, organisationId))
				.executeTakeFirstOrThrow()
		).request_text
	const board = await db.selectFrom('organisation').select('name_vi').where('id', '=', world.orgs.board.id).executeTakeFirstOrThrow()

	const ldld = await sessionCookie(world.users.ldld.approver.id)
	expect(await requestText(ldld, 2025)).toBe(
		`Thực hiện Công văn số 2749/TLĐ ngày 20/11/2025 của ${board.name_vi} về việc báo cáo kết quả công tác đối ngoại năm 2025 và kế hoạch năm 2026`,
	)
	// 2749's "kế hoạch năm 2026" is not a request for 2026's report.
	expect(await requestText(ldld, 2026)).toBe(
		'Thực hiện Công văn số … ngày … của … về việc báo cáo kết quả công tác đối ngoại năm 2026 và kế hoạch hoạt động đối ngoại năm 2027',
	)
	// The board creating another federation's report: the request that federation received.
	expect(await requestText(await sessionCookie(world.users.board.approver.id), 2025, world.orgs.otherFed.id)).toBe(
		`Thực hiện Công văn số 2801/TLĐ ngày 02/12/2025 của ${board.name_vi} về việc báo cáo công tác đối ngoại năm 2025`,
	)
})

test('the board sees which federations and sector unions issued their report on a year, which are drafting it and which have not started; others do not', async () => {
	const world = await insertPlanWorld(db)
	const sector = await insertOrganisation(db, { kind: 'sector_union', name_vi: 'Công đoàn Công Thương Việt Nam', short_name: 'CĐ Công Thương VN' })
	const board = await sessionCookie(world.users.board.approver.id)
	const issuedId = await createReport(board, 2025, world.orgs.ldld.id)
	await issueAnnualReportNumber(db, {
		report: { id: issuedId, organisation_id: world.orgs.ldld.id, year: 2025 },
		expectedVersion: 1,
		issuedBy: world.users.ldld.approver.id,
		issuedOn: '2025-12-15',
	})
	const draftId = await createReport(board, 2025, world.orgs.otherFed.id)
	const typedId = await createReport(board, 2024, sector.id)
	// A number typed in: the report was issued outside the app.
	await db.updateTable('annual_report').set({ number_symbol: '45/BC-CĐCT' }).where('id', '=', typedId).execute()

	type Progress = { year: number; rows: { short_name: string; report_id: string | null; number_symbol: string | null; report_date: string; issued: boolean }[] } | null
	const progressOf = async (cookie: string, query: string) => {
		const response = await settle(async () => listRoute.loader(args(await request(`/annual-reports${query}`, { cookie })) as never))
		expect(response.status).toBe(200)
		return ((await response.json()) as { progress: Progress }).progress
	}
	const progress = await progressOf(board, '?progress=2025')
	expect(progress?.year).toBe(2025)
	// Federations and sector unions only, in Vietnamese order; the party committees and the board are not asked.
	expect(progress?.rows.map(r => [r.short_name, r.issued, r.report_id])).toEqual([
		['CĐ Công Thương VN', false, null],
		['LĐLĐ tỉnh Quảng Bình', false, draftId],
		['LĐLĐ tỉnh Quảng Trị', true, issuedId],
	])
	expect(progress?.rows.find(r => r.issued)?.report_date).toBe('15/12/2025')
	expect(progress?.rows.find(r => r.issued)?.number_symbol).toMatch(/^1\//)
	// Another year, and a year that is no year (the default year instead, never an error).
	expect((await progressOf(board, '?progress=2024'))?.rows.map(r => [r.short_name, Boolean(r.report_id), r.issued])).toEqual([
		['CĐ Công Thương VN', true, true],
		['LĐLĐ tỉnh Quảng Bình', false, false],
		['LĐLĐ tỉnh Quảng Trị', false, false],
	])
	expect((await progressOf(board, '?progress=nam-ngoai'))?.year).toBeGreaterThanOrEqual(2025)
	// A federation sees its own reports, not the others' progress.
	expect(await progressOf(await sessionCookie(world.users.ldld.approver.id), '?progress=2025')).toBeNull()
})

test("the year's delegations that took place fill the first table, and the results are prefilled with them and with the cancelled ones and why", async () => {
	const world = await insertPlanWorld(db)
	const { users, partner } = world
	const drafter = users.ldld.drafter
	const approved = async (fields: Record<string, unknown>) => {
		const { id } = await insertPlan(db, drafter, {
			partnerId: partner.id,
			fields: { plan_year: 2025, ...fields },
		})
		await sendPlanEvent(db, id, 'SUBMIT', drafter)
		for (const approver of [
			users.ldld.approver,
			users.tinhUy.approver,
			users.board.approver,
		])
			await sendPlanEvent(db, id, 'APPROVE', approver)
		return id
	}
	const send = async (
		id: string,
		event: PlanEvent,
		changes?: PlanFieldChanges,
	) => {
		const { version } = await db
			.selectFrom('plan')
			.select('version')
			.where('id', '=', id)
			.executeTakeFirstOrThrow()
		const result = await db.transaction().execute(trx =>
			applyPlanEvent(trx, {
				planId: id,
				expectedVersion: version,
				event,
				changes,
			}),
		)
		expect(result.status).toBe('ok')
	}
	const actor = {
		userId: drafter.id,
		organisationId: drafter.organisation_id,
		roles: drafter.roles,
	}
	const went = await approved({ name: 'Đoàn đi Savannakhet', member_count: 8 })
	await send(went, { type: 'DEPART', actor }, { departed_on: '2025-05-12' })
	await send(
		went,
		{ type: 'COMPLETE_TRIP', actor },
		{ returned_on: '2025-05-15', report_due_on: '2025-05-30' },
	)
	const dropped = await approved({ name: 'Đoàn dự Đại hội', member_count: 5 })
	await send(
		dropped,
		{ type: 'CANCEL', actor, comment: 'Bạn lùi Đại hội.' },
		{ cancel_reason: 'Bạn lùi Đại hội.' },
	)

	const cookie = await sessionCookie(drafter.id)
	const id = await createReport(cookie, 2025)
	const docx = await readDocx(
		await get(docxRoute, `/annual-reports/${id}/docx`, cookie, id),
	)
	expect(docx.tableAfter('Các đoàn đã thực hiện năm 2025')).toEqual([
		[
			'TT',
			'Tên đoàn',
			'Đoàn ra/Đoàn vào',
			'Trưởng đoàn',
			'Số thành viên',
			'Nước',
			'Thời gian',
		],
		[
			'1',
			'Đoàn đi Savannakhet',
			'Đoàn ra',
			'Chủ tịch LĐLĐ tỉnh Quảng Trị',
			'8',
			'Lào',
			'12/05/2025 - 15/05/2025',
		],
	])
	const { results } = await db
		.selectFrom('annual_report')
		.select('results')
		.where('id', '=', id)
		.executeTakeFirstOrThrow()
	expect(results.split('\n')).toEqual([
		'Năm 2025, LĐLĐ tỉnh Quảng Trị đã tổ chức 1 đoàn ra với 8 lượt người:',
		'- Đoàn đi Savannakhet, làm việc với Liên hiệp Công đoàn tỉnh Savannakhet (12/05/2025 - 15/05/2025), 8 người.',
		'Không thực hiện 1 đoàn:',
		'- Đoàn dự Đại hội (Liên hiệp Công đoàn tỉnh Savannakhet): Bạn lùi Đại hội.',
	])
})

test('members entered as a list count, drafts and withdrawn plans stay out of next year, and the sentence counts the rows the tables show', async () => {
	const { users, partner } = await insertPlanWorld(db)
	const drafter = users.ldld.drafter
	const submitted = async (fields: Record<string, unknown>, members = 0) => {
		const { id } = await insertPlan(db, drafter, {
			partnerId: partner.id,
			members,
			fields: { plan_year: 2027, ...fields },
		})
		await sendPlanEvent(db, id, 'SUBMIT', drafter)
		return id
	}
	// Three members as a list, no number typed.
	await submitted({ name: 'Đoàn thăm Savannakhet', member_count: null }, 3)
	await submitted({
		name: 'Đoàn đón bạn Salavan',
		direction: 'in',
		member_count: 6,
	})
	// A draft with only a name, and a withdrawn plan: no plans of the organisation.
	await insertPlan(db, drafter, {
		fields: { plan_year: 2027, name: 'Bản nháp chỉ có tên' },
	})
	const withdrawn = await submitted({ name: 'Đoàn đã rút' })
	await sendPlanEvent(db, withdrawn, 'RETURN', users.ldld.approver)
	await sendPlanEvent(db, withdrawn, 'WITHDRAW', drafter)

	const cookie = await sessionCookie(drafter.id)
	const id = await createReport(cookie, 2026)
	const docx = await readDocx(
		await get(docxRoute, `/annual-reports/${id}/docx`, cookie, id),
	)
	const out = docx.tableAfter('I. Đoàn ra')
	expect(out.slice(1).map(r => [r[1], r[3]])).toEqual([
		['Đoàn thăm Savannakhet', '3'],
	])
	const inbound = docx.tableAfter('II. Đoàn vào')
	expect(inbound.slice(1).map(r => [r[1], r[4]])).toEqual([
		['Đoàn đón bạn Salavan', '6'],
	])
	expect(docx.text).not.toContain('Bản nháp chỉ có tên')
	expect(docx.text).not.toContain('Đoàn đã rút')
	expect(docx.text).toContain(
		'Năm 2027, LĐLĐ tỉnh Quảng Trị dự kiến tổ chức 1 đoàn ra và đón 1 đoàn vào, cụ thể như sau:',
	)

	// A plan submitted after the report was created: the sentence follows the tables, not the day of creation.
	await submitted({ name: 'Đoàn thứ hai sang Lào' })
	const later = await readDocx(
		await get(docxRoute, `/annual-reports/${id}/docx`, cookie, id),
	)
	expect(later.tableAfter('I. Đoàn ra')).toHaveLength(3)
	expect(later.text).toContain(
		'Năm 2027, LĐLĐ tỉnh Quảng Trị dự kiến tổ chức 2 đoàn ra và đón 1 đoàn vào, cụ thể như sau:',
	)
	expect(later.text.match(/dự kiến tổ chức/g)).toHaveLength(1)
})

test('a report on a past year is dated so that saving it unchanged is accepted, and the DOCX shows that date', async () => {
	const { users } = await insertPlanWorld(db)
	const cookie = await sessionCookie(users.ldld.drafter.id)
	const thisYear = Number(new Date().toISOString().slice(0, 4))
	const year = thisYear - 2
	const id = await createReport(cookie, year)
	const page = (await (
		await get(editorRoute, `/annual-reports/${id}`, cookie, id)
	).json()) as { report: Record<string, string | number> }
	expect(page.report.report_date).toBe(`31/12/${year}`)
	// Save the form as it was loaded.
	const form: Record<string, string> = {}
	for (const [k, v] of Object.entries(page.report))
		if (v != null && k !== 'id') form[k] = String(v)
	const saved = await settle(async () =>
		editorRoute.action(
			args(await request(`/annual-reports/${id}`, { cookie, form }), {
				reportId: id,
			}) as never,
		),
	)
	expect(saved.status).toBe(302)
	const docx = await readDocx(
		await get(docxRoute, `/annual-reports/${id}/docx`, cookie, id),
	)
	expect(docx.text).toContain(`Quảng Trị, ngày 31 tháng 12 năm ${year}`)
})

test('DOCX: the motto is underlined along its length, next year’s tables lie on landscape pages with no word wider than its column, the leader’s title and name are separate lines, and recipients and signature never split', async () => {
	const { users, partner } = await insertPlanWorld(db)
	const drafter = users.ldld.drafter
	const { id: planId } = await insertPlan(db, drafter, {
		partnerId: partner.id,
		fields: {
			plan_year: 2027,
			direction: 'in',
			name: 'Đoàn Liên hiệp Công đoàn tỉnh Bolikhamxay',
			partner_name: 'Liên hiệp Công đoàn tỉnh Bolikhamxay',
			head_title: 'Chủ tịch LĐLĐ tỉnh Hà Tĩnh',
			head_name: 'Nguyễn Văn Hải',
			timing_kind: 'month',
			timing_month: 9,
		},
	})
	await sendPlanEvent(db, planId, 'SUBMIT', drafter)
	const cookie = await sessionCookie(drafter.id)
	const id = await createReport(cookie, 2026)
	const docx = await readDocx(
		await get(docxRoute, `/annual-reports/${id}/docx`, cookie, id),
	)
	// The motto's own run is underlined; no line of box-drawing characters below it.
	const motto = docx.xml.match(
		/<w:r>(?:(?!<\/w:r>)[\s\S])*Độc lập - Tự do - Hạnh phúc<\/w:t><\/w:r>/,
	)![0]
	expect(motto).toContain('<w:u w:val="single"/>')
	expect(docx.xml).not.toContain('───────────────')

	// A portrait section ends before part II; the plan tables and the closing are in the landscape one.
	const body = docx.xml.slice(docx.xml.indexOf('<w:body>'))
	const partTwo = body.indexOf('II. KẾ HOẠCH HOẠT ĐỘNG ĐỐI NGOẠI NĂM 2027')
	const sections = [...body.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)]
	expect(sections).toHaveLength(2)
	expect(sections[0]!.index!).toBeLessThan(partTwo)
	expect(sections[0]![0]).not.toContain('landscape')
	expect(sections[1]![0]).toContain('w:orient="landscape"')
	expect(sections[1]!.index!).toBeGreaterThan(body.indexOf('Nơi nhận'))

	// Each column is at least as wide as the longest word in it.
	const inTable = body.slice(body.indexOf('II. Đoàn vào'))
	const table = inTable.slice(
		inTable.indexOf('<w:tbl>'),
		inTable.indexOf('</w:tbl>'),
	)
	const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map(m =>
		Number(m[1]),
	)
	expect(grid).toHaveLength(11)
	const rows = table.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g)!
	for (const [r, row] of rows.entries()) {
		const cells = row.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!
		cells.forEach((cell, i) => {
			for (const word of textOf(cell).split(/\s+/).filter(Boolean))
				expect(
					wordWidth(word, 21, r === 0) + 120,
					`${word} in column ${i + 1}`,
				).toBeLessThanOrEqual(grid[i]!)
		})
	}
	// Seed 001's leader column: the title, then the name on its own line.
	const leader = rows[1]!.match(/<w:tc>[\s\S]*?<\/w:tc>/g)![3]!
	expect(leader.match(/<w:p>[\s\S]*?<\/w:p>/g)!.map(p => textOf(p))).toEqual([
		'Chủ tịch LĐLĐ tỉnh Hà Tĩnh',
		'Nguyễn Văn Hải',
	])
	expect(inTable).toContain('Tháng 9/2027')

	// Recipients and signature: one row that may not split, its lines kept together.
	const closing = body.slice(
		body.lastIndexOf('<w:tbl>', body.indexOf('Nơi nhận')),
	)
	expect(closing).toMatch(/^<w:tbl>[\s\S]*?<w:cantSplit\/>/)
	expect(closing.slice(0, closing.indexOf('Nơi nhận'))).toContain(
		'<w:keepLines/>',
	)
	// The last table's last row keeps with them, so the signature never starts a page alone.
	const beforeClosing = body.slice(0, body.length - closing.length)
	const lastRows = beforeClosing
		.slice(beforeClosing.lastIndexOf('<w:tbl>'))
		.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g)!
	expect(lastRows.at(-1)).toContain('<w:keepNext/>')
	expect(lastRows.slice(0, -1).join('')).not.toContain('<w:keepNext/>')
})
