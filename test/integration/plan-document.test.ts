/**
 * The plan as an official document: seed 001's Savannakhet plan issued by its drafter gets the
 * next KH number of LĐLĐ tỉnh Quảng Trị's register, and its DOCX holds the Nghị định 30 header,
 * the number, every member and every funding line; each plan version is issued once, and other
 * organisations get 404.
 */
import { writeFile } from 'node:fs/promises'
import { expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { seedDemo } from '#seed/seed.ts'
import * as pageRoute from '#app/routes/plans.$planId.document/route.tsx'
import * as docxRoute from '#app/routes/plans.$planId.document[.]docx/route.tsx'
import { readDocx } from '../docx.ts'
import { args, request, sessionCookie, settle } from '../factories.ts'

async function userCookie(email: string) {
	const user = await db
		.selectFrom('app_user')
		.select('id')
		.where('email', '=', email)
		.executeTakeFirstOrThrow()
	return sessionCookie(user.id)
}

async function savannakhet2020() {
	return db
		.selectFrom('plan')
		.innerJoin('organisation as p', 'p.id', 'plan.partner_id')
		.select(['plan.id', 'plan.version'])
		.where('p.short_name', '=', 'LHCĐ tỉnh Savannakhet')
		.where('plan.plan_year', '=', 2020)
		.where('plan.direction', '=', 'out')
		.executeTakeFirstOrThrow()
}

const MEMBERS = [
	['Lê Văn Đức', 'Chủ tịch', 'LĐLĐ tỉnh Quảng Trị', 'official', 'Công vụ'],
	[
		'Trần Thị Thu Hà',
		'Phó Chủ tịch',
		'LĐLĐ tỉnh Quảng Trị',
		'official',
		'Công vụ',
	],
	[
		'Nguyễn Văn An',
		'Chủ tịch',
		'LĐLĐ huyện Hướng Hóa',
		'ordinary',
		'Phổ thông',
	],
] as const

const issue = async (planId: string, cookie: string, version: number) =>
	settle(async () =>
		pageRoute.action(
			args(
				await request(`/plans/${planId}/document`, {
					cookie,
					form: {
						version: String(version),
						signer_title: 'Phó Chủ tịch Thường trực',
						signer_name: 'Nguyễn Đăng Bảo',
						recipients:
							'- Tỉnh ủy Quảng Trị;\n- Ban Đối ngoại TLĐ;\n- Lưu: VT.',
					},
				}),
				{ planId },
			) as never,
		),
	)

test("seed 001's Savannakhet plan: issued as 1/KH-LĐLĐ, its DOCX holds the header, the number, every member and funding line", async () => {
	await seedDemo(db)
	const plan = await savannakhet2020()
	await db
		.insertInto('plan_member')
		.values(
			MEMBERS.map(
				([full_name, title, organisation_name, passport_type], i) => ({
					plan_id: plan.id,
					position: i,
					full_name,
					title,
					organisation_name,
					passport_type,
				}),
			),
		)
		.execute()
	const drafter = await userCookie('soanthao@ldld-quangtri.vn')

	const issued = await issue(plan.id, drafter, plan.version)
	expect(issued.status).toBe(302)
	const location = issued.headers.get('Location')!
	const versionId = new URL(location, 'http://localhost').searchParams.get('v')!
	expect(location).toBe(`/plans/${plan.id}/document?v=${versionId}`)

	const response = await settle(async () =>
		docxRoute.loader(
			args(
				await request(`/plans/${plan.id}/document.docx?v=${versionId}`, {
					cookie: drafter,
				}),
				{ planId: plan.id },
			) as never,
		),
	)
	expect(response.headers.get('Content-Disposition')).toMatch(
		/filename="ke-hoach-1-kh-ldld-[a-z0-9-]+\.docx"/,
	)
	const docx = await readDocx(response)
	if (process.env.KEEP_DOCX)
		await writeFile(
			process.env.KEEP_DOCX,
			Buffer.from(
				await (
					await settle(async () =>
						docxRoute.loader(
							args(
								await request(
									`/plans/${plan.id}/document.docx?v=${versionId}`,
									{ cookie: drafter },
								),
								{ planId: plan.id },
							) as never,
						),
					)
				).arrayBuffer(),
			),
		)

	for (const line of [
		'TỔNG LĐLĐ VIỆT NAM',
		'LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ',
		'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
		'Độc lập - Tự do - Hạnh phúc',
		'Số: 1/KH-LĐLĐ',
		'KẾ HOẠCH',
		'Đoàn đại biểu Liên đoàn Lao động tỉnh Quảng Trị đi Lào',
		'làm việc với Liên hiệp Công đoàn tỉnh Savannakhet năm 2020',
		'- Hội đàm trao đổi kinh nghiệm với LHCD Savannakhet',
		'- Đi thực tế một số CĐCS',
		'Năm 2020 (3-4 ngày)',
		'Ban Thường vụ LĐLĐ tỉnh Quảng Trị kính đề nghị Tỉnh ủy Quảng Trị xem xét, cho ý kiến để LĐLĐ tỉnh Quảng Trị tổ chức thực hiện./.',
		'TM. BAN THƯỜNG VỤ',
		'PHÓ CHỦ TỊCH THƯỜNG TRỰC',
		'Nguyễn Đăng Bảo',
	])
		expect(docx.text).toContain(line)
	expect(docx.text).toMatch(/Quảng Trị, ngày \d\d tháng \d+ năm \d{4}/)

	expect(docx.tableAfter('Danh sách thành viên đoàn')).toEqual([
		['TT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Loại hộ chiếu'],
		...MEMBERS.map(([name, title, unit, , passport], i) => [
			String(i + 1),
			name,
			title,
			unit,
			passport,
		]),
	])
	expect(docx.tableAfter('Kinh phí theo nguồn')).toEqual([
		['TT', 'Nguồn kinh phí', 'Đơn vị chi trả', 'Nội dung chi', 'Số tiền'],
		[
			'1',
			'Ngân sách công đoàn',
			'LĐLĐ tỉnh Quảng Trị',
			'chi phí về phương tiện đi lại và kinh phí hỗ trợ cho bạn',
			'',
		],
		['2', 'Đối tác chi trả', 'LHCD tỉnh Savannakhet', 'chi phí ăn, nghỉ', ''],
	])

	// The register holds it, and the same version is not issued twice.
	const again = await issue(plan.id, drafter, plan.version)
	expect(again.status).toBe(409)
	const register = await db
		.selectFrom('outgoing_document')
		.select(['notation', 'subject', 'plan_id'])
		.where('kind', '=', 'KH')
		.execute()
	expect(register).toEqual([
		{
			notation: '1/KH-LĐLĐ',
			subject: 'Kế hoạch Đoàn LĐLĐ tỉnh Quảng Trị hội đàm với LHCĐ tỉnh Savannakhet năm 2020',
			plan_id: plan.id,
		},
	])
})

test('another organisation’s user gets 404 for the plan document and cannot issue it', async () => {
	await seedDemo(db)
	const plan = await savannakhet2020()
	const other = await userCookie('soanthao@cdct.vn')
	const page = await settle(async () =>
		pageRoute.loader(
			args(await request(`/plans/${plan.id}/document`, { cookie: other }), {
				planId: plan.id,
			}) as never,
		),
	)
	expect(page.status).toBe(404)
	expect((await issue(plan.id, other, plan.version)).status).toBe(404)
	expect(
		await db
			.selectFrom('outgoing_document')
			.select('id')
			.where('kind', '=', 'KH')
			.execute(),
	).toEqual([])
})
