/**
 * The post-trip report as an official document ("BÁO CÁO Kết quả chuyến công tác …"): it takes
 * its BC number from the organisation's register when it is first filed, once (refiled after a
 * return it keeps it; parallel filings give one number), prints and downloads as DOCX, is in the
 * Hồ sơ and the ZIP; it and the annual report cite the written answers of the chain; the plan
 * document's title names the delegation as seed 001 does.
 */
import JSZip from 'jszip'
import { expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { seedDemo } from '#seed/seed.ts'
import { type OfficialDocument } from '#workflows/documents/official-document.ts'
import { applyPlanEvent } from '#workflows/plans/plan.server.ts'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import * as reportRoute from '#app/routes/plans.$planId.report/route.tsx'
import * as printRoute from '#app/routes/plans.$planId.report-document/route.tsx'
import * as docxRoute from '#app/routes/plans.$planId.report-document[.]docx/route.tsx'
import * as planDocumentRoute from '#app/routes/plans.$planId.document/route.tsx'
import * as zipRoute from '#app/routes/plans.$planId.file[.]zip/route.tsx'
import * as annualListRoute from '#app/routes/annual-reports._index.tsx'
import * as annualDocxRoute from '#app/routes/annual-reports.$reportId.docx.tsx'
import { readDocx } from '../docx.ts'
import {
	args,
	insertPlan,
	insertPlanWorld,
	multipartRequest,
	request,
	sendPlanEvent,
	sessionCookie,
	settle,
} from '../factories.ts'

type User = { id: string; organisation_id: string; roles: string[] }
type Route = { loader: (a: never) => Promise<unknown> }

const get = async (route: Route, path: string, user: { id: string }) =>
	settle(async () =>
		route.loader(
			args(await request(path, { cookie: await sessionCookie(user.id) }), {
				planId: path.split('/')[2]!,
			}) as never,
		),
	)

const PDF = new TextEncoder().encode(
	'%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
)

const REPORT = {
	summary:
		'Đoàn gồm 2 đồng chí, làm việc tại tỉnh Savannakhet từ ngày 10 đến 13/11/2026.',
	results: 'Hai bên thống nhất chương trình hợp tác giai đoạn 2027-2030.',
	activities_done: 'Hội đàm với LHCĐ tỉnh Savannakhet\nThăm 2 CĐCS',
	proposals: 'Đề nghị Ban Đối ngoại TLĐ hỗ trợ kinh phí đón đoàn vào năm sau.',
	'participants[0].full_name': 'Lê Văn Đức',
	'participants[0].title': 'Chủ tịch',
	'participants[0].organisation_name': 'LĐLĐ tỉnh Quảng Trị',
	'participants[1].full_name': 'Trần Thị Thu Hà',
	'participants[1].title': 'Phó Chủ tịch Thường trực',
	'participants[1].organisation_name': 'LĐLĐ tỉnh Quảng Trị',
}

async function versions(planId: string) {
	const plan = await db
		.selectFrom('plan')
		.select('version')
		.where('id', '=', planId)
		.executeTakeFirstOrThrow()
	const report = await db
		.selectFrom('trip_report')
		.select('version')
		.where('plan_id', '=', planId)
		.executeTakeFirst()
	return {
		plan_version: String(plan.version),
		report_version: String(report?.version ?? 0),
	}
}

async function fileReport(user: User, planId: string, intent = 'submit') {
	const form = new FormData()
	for (const [k, v] of Object.entries({
		...REPORT,
		...(await versions(planId)),
	}))
		form.append(k, v)
	form.append('attachments', new File([], ''), '')
	form.append('intent', intent)
	return settle(async () =>
		reportRoute.action(
			args(
				await multipartRequest(`/plans/${planId}/report`, form, {
					cookie: await sessionCookie(user.id),
				}),
				{ planId },
			) as never,
		),
	)
}

async function returnReport(user: User, planId: string) {
	const { plan_version } = await versions(planId)
	return settle(async () =>
		reportRoute.action(
			args(
				await request(`/plans/${planId}/report`, {
					cookie: await sessionCookie(user.id),
					form: {
						intent: 'RETURN_REPORT',
						version: plan_version,
						comment: 'Đề nghị bổ sung kết quả cụ thể.',
					},
				}),
				{ planId },
			) as never,
		),
	)
}

/** Approved (the Tỉnh ủy with its written answer, through the plan page), gone and back in November 2026. */
async function returnedPlan(
	world: Awaited<ReturnType<typeof insertPlanWorld>>,
) {
	const { users, partner } = world
	await db
		.updateTable('chain_step')
		.set({ requires_written_answer: true })
		.where('chain_id', '=', world.chains.ldld.id)
		.where('organisation_id', '=', world.orgs.tinhUy.id)
		.execute()
	const { id } = await insertPlan(db, users.ldld.drafter, {
		partnerId: partner.id,
		fields: { plan_year: 2026 },
	})
	await sendPlanEvent(db, id, 'SUBMIT', users.ldld.drafter)
	await sendPlanEvent(db, id, 'APPROVE', users.ldld.approver)
	const form = new FormData()
	form.set('intent', 'APPROVE')
	form.set('version', (await versions(id)).plan_version)
	form.set('comment', 'Đồng ý.')
	form.set('answer_kind', 'cong_van')
	form.set('answer_number', '456-CV/TU')
	form.set('answer_date', '20/10/2026')
	form.set('answer_signer', 'Hoàng Văn Bình')
	form.set('answer_file', new Blob([PDF]), 'cong-van-456.pdf')
	const approved = await settle(async () =>
		planRoute.action(
			args(
				await multipartRequest(`/plans/${id}`, form, {
					user: users.tinhUy.approver,
				}),
				{ planId: id },
			) as never,
		),
	)
	expect(approved.status).toBe(302)
	await sendPlanEvent(db, id, 'APPROVE', users.board.approver)
	const drafter = users.ldld.drafter
	const actor = {
		userId: drafter.id,
		organisationId: drafter.organisation_id,
		roles: drafter.roles,
	}
	for (const [type, changes] of [
		['DEPART', { departed_on: '2026-11-10' }],
		[
			'COMPLETE_TRIP',
			{ returned_on: '2026-11-13', report_due_on: '2026-11-28' },
		],
	] as const) {
		const { plan_version } = await versions(id)
		const result = await db.transaction().execute(trx =>
			applyPlanEvent(trx, {
				planId: id,
				expectedVersion: Number(plan_version),
				event: { type, actor },
				changes,
			}),
		)
		expect(result.status).toBe('ok')
	}
	return id
}

const reportEntries = (planId?: string) => {
	let q = db
		.selectFrom('outgoing_document')
		.select(['notation', 'issued_on', 'plan_id', 'subject'])
		.where('kind', '=', 'BC')
		.orderBy('number')
	if (planId) q = q.where('plan_id', '=', planId)
	return q.execute()
}

test('the demo reports carry BC numbers of 2019 in the order they were filed; the DOCX holds the header, number, date, title, members, results and receivers; another organisation gets 404', async () => {
	await seedDemo(db)
	const salavan = await db
		.selectFrom('plan')
		.select('id')
		.where(
			'name',
			'=',
			'Đoàn LĐLĐ tỉnh Quảng Trị làm việc với LHCĐ tỉnh Salavan tháng 9/2019',
		)
		.executeTakeFirstOrThrow()
	expect((await reportEntries()).map(e => [e.notation, e.issued_on])).toEqual([
		['1/BC-LĐLĐ', '2019-06-24'],
		['2/BC-LĐLĐ', '2019-10-02'],
	])
	const users = await db
		.selectFrom('app_user')
		.select(['id', 'email'])
		.where('email', 'in', [
			'soanthao@ldld-quangtri.vn',
			'pheduyet@bandoingoai-tld.vn',
			'soanthao@cdct.vn',
		])
		.execute()
	const user = (email: string) => users.find(u => u.email === email)!

	// The board, a receiver, downloads it.
	const response = await get(
		docxRoute,
		`/plans/${salavan.id}/report-document.docx`,
		user('pheduyet@bandoingoai-tld.vn'),
	)
	expect(response.headers.get('Content-Disposition')).toMatch(
		/filename="bao-cao-2-bc-ldld-[a-z0-9-]+\.docx"/,
	)
	const docx = await readDocx(response)
	for (const line of [
		'TỔNG LĐLĐ VIỆT NAM',
		'LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ',
		'Độc lập - Tự do - Hạnh phúc',
		'Số: 2/BC-LĐLĐ',
		'Quảng Trị, ngày 02 tháng 10 năm 2019',
		'BÁO CÁO',
		'Kết quả chuyến công tác tại Lào',
		'làm việc với Liên hiệp Công đoàn tỉnh Salavan',
		'(từ ngày 17 đến ngày 20/9/2019)',
		'Thực hiện kế hoạch đối ngoại năm 2019, LĐLĐ tỉnh Quảng Trị báo cáo kết quả chuyến công tác như sau:',
		'I. KHÁI QUÁT CHUYẾN CÔNG TÁC',
		'- Hội đàm với LHCĐ tỉnh Salavan',
		'- Đi thực tế một số công đoàn cơ sở',
		'Hai bên trao đổi kinh nghiệm hoạt động công đoàn, thống nhất nội dung kế hoạch hợp tác giai đoạn 2020-2022 theo thỏa thuận hợp tác giữa hai tỉnh.',
		'- Tỉnh ủy Quảng Trị (b/c);',
		'TM. BAN THƯỜNG VỤ',
	])
		expect(docx.text).toContain(line)
	expect(docx.text).not.toContain('III. KIẾN NGHỊ')
	expect(docx.tableAfter('Thành phần đoàn')).toEqual([
		['TT', 'Họ và tên', 'Chức vụ', 'Đơn vị'],
		['1', 'Lê Văn Đức', 'Chủ tịch', 'LĐLĐ tỉnh Quảng Trị'],
		['2', 'Trần Thị Thu Hà', 'Phó Chủ tịch Thường trực', 'LĐLĐ tỉnh Quảng Trị'],
	])
	// The motto is underlined, and the closing may not split across pages.
	expect(docx.xml).toMatch(
		/<w:u w:val="single"\/>(?:(?!<\/w:r>)[\s\S])*Độc lập - Tự do - Hạnh phúc/,
	)
	expect(
		docx.xml.slice(
			docx.xml.lastIndexOf('<w:tbl>', docx.xml.indexOf('Nơi nhận')),
		),
	).toMatch(/^<w:tbl>[\s\S]*?<w:cantSplit\/>/)

	// The print view shows the same document; a sector union's drafter gets 404 for both.
	const print = await get(
		printRoute,
		`/plans/${salavan.id}/report-document`,
		user('soanthao@ldld-quangtri.vn'),
	)
	expect(print.status).toBe(200)
	const shown = (await print.json()) as {
		notation: string
		document: OfficialDocument
	}
	expect(shown.notation).toBe('2/BC-LĐLĐ')
	expect(shown.document.numberLine).toBe('Số: 2/BC-LĐLĐ')
	// No plan document was issued: the chairman who approved the plan at the LĐLĐ's step signs.
	expect(shown.document.signature).toEqual(['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH'])
	expect(shown.document.signerName).toBe('Lê Văn Đức')
	for (const route of [printRoute, docxRoute])
		expect(
			(
				await get(
					route,
					`/plans/${salavan.id}/report-document${route === docxRoute ? '.docx' : ''}`,
					user('soanthao@cdct.vn'),
				)
			).status,
		).toBe(404)

	// The plan page's Hồ sơ lists it, and the ZIP holds it.
	const page = (await (
		await get(
			planRoute,
			`/plans/${salavan.id}`,
			user('soanthao@ldld-quangtri.vn'),
		)
	).json()) as { file: { documents: { kind: string; notation: string }[] } }
	expect(page.file.documents.filter(d => d.kind === 'BC')).toMatchObject([
		{ notation: '2/BC-LĐLĐ' },
	])
	const zip = await JSZip.loadAsync(
		await (
			await get(
				zipRoute,
				`/plans/${salavan.id}/file.zip`,
				user('soanthao@ldld-quangtri.vn'),
			)
		).arrayBuffer(),
	)
	const name = Object.keys(zip.files).find(n => n.includes('Bao cao ket qua'))!
	expect(name).toBe('01 Bao cao ket qua chuyen cong tac - so 2-BC-LĐLĐ.docx')
	const inner = await zip.file(name)!.async('string')
	expect(inner.slice(0, 2)).toBe('PK')
})

test('filing gives the report the next BC number once: refiled after a return it keeps it, and the report cites the Tỉnh ủy’s written answer', async () => {
	const world = await insertPlanWorld(db)
	const { users } = world
	const planId = await returnedPlan(world)

	// Before filing the drafter sees a preview without a number; the receivers see nothing.
	const preview = await get(
		printRoute,
		`/plans/${planId}/report-document`,
		users.ldld.drafter,
	)
	expect(preview.status).toBe(404)
	expect((await fileReport(users.ldld.drafter, planId)).status).toBe(302)
	const first = await reportEntries(planId)
	expect(first).toEqual([
		{
			notation: '1/BC',
			issued_on: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
			plan_id: planId,
			subject:
				'Báo cáo kết quả chuyến công tác: Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
		},
	])

	expect((await returnReport(users.board.approver, planId)).status).toBe(302)
	expect((await fileReport(users.ldld.drafter, planId)).status).toBe(302)
	expect(await reportEntries(planId)).toEqual(first)

	const docx = await readDocx(
		await get(
			docxRoute,
			`/plans/${planId}/report-document.docx`,
			users.tinhUy.approver,
		),
	)
	expect(docx.text).toContain('Số: 1/BC')
	expect(docx.text).toContain(
		'đã được Tỉnh ủy Quảng Trị phê duyệt tại Công văn số 456-CV/TU ngày 20/10/2026 (đồng chí Hoàng Văn Bình ký)',
	)
	expect(docx.text).toContain('III. KIẾN NGHỊ, ĐỀ XUẤT')
})

test('parallel filings of one report give one number; parallel filings of several reports give consecutive numbers', async () => {
	const world = await insertPlanWorld(db)
	const { users } = world
	const one = await returnedPlan(world)
	const responses = await Promise.all(
		Array.from({ length: 8 }, () => fileReport(users.ldld.drafter, one)),
	)
	expect(responses.filter(r => r.status === 302)).toHaveLength(1)
	expect(await reportEntries(one)).toHaveLength(1)

	const more = []
	for (let i = 0; i < 5; i++) more.push(await returnedPlan(world))
	await Promise.all(more.map(id => fileReport(users.ldld.drafter, id)))
	const numbers = (await reportEntries()).map(e => e.notation)
	expect(numbers).toEqual(['1/BC', '2/BC', '3/BC', '4/BC', '5/BC', '6/BC'])
	expect(new Set((await reportEntries()).map(e => e.plan_id)).size).toBe(6)
})

test('the annual report cites the written answer where seed 001 says "theo kế hoạch đối ngoại đã được … phê duyệt"', async () => {
	const world = await insertPlanWorld(db)
	await returnedPlan(world)
	const drafter = world.users.ldld.drafter
	const cookie = await sessionCookie(drafter.id)
	const created = await settle(async () =>
		annualListRoute.action(
			args(
				await request('/annual-reports', { form: { year: '2026' }, cookie }),
			) as never,
		),
	)
	expect(created.status).toBe(302)
	const reportId = created.headers.get('Location')!.split('/').pop()!
	const docx = await readDocx(
		await settle(async () =>
			annualDocxRoute.loader(
				args(await request(`/annual-reports/${reportId}/docx`, { cookie }), {
					reportId,
				}) as never,
			),
		),
	)
	expect(docx.text).toContain(
		'- Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra), làm việc với Liên hiệp Công đoàn tỉnh Savannakhet (10/11/2026 - 13/11/2026), 10 người, theo kế hoạch đối ngoại đã được Tỉnh ủy Quảng Trị phê duyệt tại Công văn số 456-CV/TU ngày 20/10/2026 (đồng chí Hoàng Văn Bình ký).',
	)
})

test('the plan document’s title names the delegation as it travels: "Đoàn … đi …" and "Đón Đoàn … sang thăm …", never "Đoàn Đoàn"', async () => {
	await seedDemo(db)
	const drafter = await db
		.selectFrom('app_user')
		.select('id')
		.where('email', '=', 'soanthao@ldld-quangtri.vn')
		.executeTakeFirstOrThrow()
	const plans = await db
		.selectFrom('plan')
		.select(['id', 'name'])
		.where('name', 'in', [
			'Đoàn LHCĐ tỉnh Savannakhet thăm LĐLĐ tỉnh Quảng Trị tháng 6/2019',
			'Đoàn LĐLĐ tỉnh Quảng Trị trao đổi kinh nghiệm với LHCĐ tỉnh Salavan năm 2020',
		])
		.orderBy('plan_year')
		.execute()
	const titles = []
	for (const p of plans) {
		const page = await get(
			planDocumentRoute,
			`/plans/${p.id}/document`,
			drafter,
		)
		const { document } = (await page.json()) as { document: OfficialDocument }
		titles.push([document.heading, ...document.titleLines])
	}
	expect(titles).toEqual([
		[
			'KẾ HOẠCH',
			'Đón Đoàn đại biểu Liên hiệp Công đoàn tỉnh Savannakhet (Lào)',
			'sang thăm và làm việc với LĐLĐ tỉnh Quảng Trị tháng 6/2019',
		],
		[
			'KẾ HOẠCH',
			'Đoàn đại biểu Liên đoàn Lao động tỉnh Quảng Trị đi Lào',
			'làm việc với Liên hiệp Công đoàn tỉnh Salavan năm 2020',
		],
	])
	// A "Danh nghĩa đoàn" that already says "Đoàn …" is not prefixed again.
	await db
		.updateTable('plan')
		.set({ in_name_of: 'đoàn đại biểu LĐLĐ tỉnh Quảng Trị' })
		.where('id', '=', plans[1]!.id)
		.execute()
	const page = await get(
		planDocumentRoute,
		`/plans/${plans[1]!.id}/document`,
		drafter,
	)
	const { document } = (await page.json()) as { document: OfficialDocument }
	expect(document.titleLines[0]).toBe(
		'Đoàn đại biểu LĐLĐ tỉnh Quảng Trị đi Lào',
	)
})
