import { describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { listEmails } from '#db/repos/notification.server.ts'
import { listOrganisations } from '#db/repos/organisation.server.ts'
import { listUsers } from '#db/repos/user.server.ts'
import * as notificationsRoute from '#app/routes/notifications.tsx'
import * as plansRoute from '#app/routes/plans._index.tsx'
import { args, insertOrganisation, insertPlan, insertPlanWorld, insertUser, request, settle } from '../factories.ts'

async function insertCommittees(...provinces: string[]) {
	const rows = []
	for (const province of provinces) {
		rows.push(
			await insertOrganisation(db, {
				kind: 'party_committee',
				name_vi: `Tỉnh ủy ${province}`,
				short_name: `TU ${province}`,
				name_en: 'Provincial Party Committee',
				province,
			}),
		)
	}
	return rows
}

const names = (rows: { name_vi: string }[]) => rows.map(r => r.name_vi)

describe('listOrganisations', () => {
	test('finds organisations typed without accents, and only those', async () => {
		await insertCommittees('Quảng Trị', 'Quảng Ngãi', 'Đồng Nai', 'Bình Dương')

		const quangTri = await listOrganisations(db, { query: 'quang tri', page: 1 })
		expect(names(quangTri.rows)).toEqual(['Tỉnh ủy Quảng Trị'])
		expect(quangTri.total).toBe(1)

		expect(names((await listOrganisations(db, { query: 'dong', page: 1 })).rows)).toEqual(['Tỉnh ủy Đồng Nai'])
		expect(names((await listOrganisations(db, { query: 'QUẢNG', page: 1 })).rows)).toEqual([
			'Tỉnh ủy Quảng Ngãi',
			'Tỉnh ủy Quảng Trị',
		])
		expect((await listOrganisations(db, { query: 'ha noi', page: 1 })).rows).toEqual([])
	})

	test('matches the short name too', async () => {
		await insertCommittees('Quảng Trị', 'Đồng Nai')
		expect(names((await listOrganisations(db, { query: 'tu dong', page: 1 })).rows)).toEqual(['Tỉnh ủy Đồng Nai'])
	})

	test('sorts in Vietnamese order: Đ after every D, ă and â after a, and before later letters', async () => {
		await insertCommittees('Yên Bái', 'Đồng Tháp', 'Dương Minh', 'Đà Nẵng', 'Cà Mau', 'Ân Thi', 'An Giang', 'Ăn Thổ', 'Anh Sơn')
		const { rows, total } = await listOrganisations(db, { page: 1 })
		expect(total).toBe(9)
		expect(rows.map(r => r.province)).toEqual([
			'An Giang',
			'Anh Sơn',
			'Ăn Thổ',
			'Ân Thi',
			'Cà Mau',
			'Dương Minh',
			'Đà Nẵng',
			'Đồng Tháp',
			'Yên Bái',
		])
	})

	test('pages through 20 at a time, with the total of all pages', async () => {
		await insertCommittees(...Array.from({ length: 23 }, (_, i) => `Tỉnh ${String(i + 1).padStart(2, '0')}`))
		const first = await listOrganisations(db, { page: 1 })
		const second = await listOrganisations(db, { page: 2 })
		expect(first.rows).toHaveLength(20)
		expect(second.rows).toHaveLength(3)
		expect(first.total).toBe(23)
		expect(second.total).toBe(23)
		expect(second.rows[2].province).toBe('Tỉnh 23')
	})

	test('onlyId limits the list to one organisation, whatever the query', async () => {
		const [quangTri, dongNai] = await insertCommittees('Quảng Trị', 'Đồng Nai')
		expect(names((await listOrganisations(db, { page: 1, onlyId: quangTri.id })).rows)).toEqual(['Tỉnh ủy Quảng Trị'])
		expect((await listOrganisations(db, { page: 1, onlyId: dongNai.id, query: 'quang tri' })).rows).toEqual([])
	})
})

describe('listUsers', () => {
	test('finds users by name without accents, or by email', async () => {
		// Users are found by their organisation's name too, so it is one no query below matches.
		const org = await insertOrganisation(db, { name_vi: 'Ban Đối ngoại', short_name: 'BĐN', name_en: 'International Department' })
		await insertUser(db, { organisation_id: org.id, full_name: 'Đặng Thị Mai', email: 'mai@bandoingoai.vn', title: 'Trưởng ban' })
		await insertUser(db, { organisation_id: org.id, full_name: 'Nguyễn Thị Hương', email: 'huong@ldld.vn', title: 'Chuyên viên' })
		await insertUser(db, { organisation_id: org.id, full_name: 'Lê Văn Đức', email: 'duc@ldld.vn', title: 'Chủ tịch' })

		const fullNames = async (query: string) =>
			(await listUsers(db, { query, page: 1 })).rows.map(r => r.full_name)
		expect(await fullNames('dang thi mai')).toEqual(['Đặng Thị Mai'])
		expect(await fullNames('nguyen huong')).toEqual(['Nguyễn Thị Hương'])
		expect(await fullNames('le van duc')).toEqual(['Lê Văn Đức'])
		expect(await fullNames('HUONG@LDLD')).toEqual(['Nguyễn Thị Hương'])
		expect(await fullNames('tran')).toEqual([])
	})

	test('sorts by organisation, then by name in Vietnamese order', async () => {
		const dongNai = await insertOrganisation(db, { name_vi: 'Tỉnh ủy Đồng Nai' })
		const daNang = await insertOrganisation(db, { name_vi: 'Tỉnh ủy Đà Nẵng' })
		const binhDinh = await insertOrganisation(db, { name_vi: 'Tỉnh ủy Bình Định' })
		for (const full_name of ['Vũ Quốc Anh', 'Đặng Thị Mai', 'Dương Văn An', 'Bùi Văn Cường'])
			await insertUser(db, { organisation_id: dongNai.id, full_name })
		await insertUser(db, { organisation_id: daNang.id, full_name: 'Ân Văn Ba' })
		await insertUser(db, { organisation_id: binhDinh.id, full_name: 'Trần Văn Tư' })

		const { rows, total } = await listUsers(db, { page: 1 })
		expect(total).toBe(6)
		expect(rows.map(r => r.full_name)).toEqual([
			'Trần Văn Tư',
			'Ân Văn Ba',
			'Bùi Văn Cường',
			'Dương Văn An',
			'Đặng Thị Mai',
			'Vũ Quốc Anh',
		])
	})

	test('organisationId limits the list to that organisation', async () => {
		const a = await insertOrganisation(db)
		const b = await insertOrganisation(db)
		const mine = await insertUser(db, { organisation_id: a.id })
		await insertUser(db, { organisation_id: b.id })
		const { rows, total } = await listUsers(db, { page: 1, organisationId: a.id })
		expect(rows.map(r => r.id)).toEqual([mine.id])
		expect(total).toBe(1)
	})
})

describe('list addresses typed by hand', () => {
	test('a NUL byte in the search, or a page number too large for the database, shows the list instead of a 500', async () => {
		const world = await insertPlanWorld(db)
		await insertPlan(db, world.users.ldld.drafter, { fields: { name: 'Đoàn Savannakhet' } })
		const user = world.users.ldld.drafter
		for (const search of ['?q=%00', '?q=savan%00nakhet', '?page=99999999999999999999', '?page=1e30']) {
			const response = await settle(async () => plansRoute.loader(args(await request(`/plans${search}`, { user })) as never))
			expect(response.status, search).toBe(200)
			const { rows } = (await response.json()) as { rows: { name: string }[] }
			expect(rows.map(plan => plan.name), search).toEqual(['Đoàn Savannakhet'])
		}
		const response = await settle(async () => notificationsRoute.loader(args(await request('/notifications?page=99999999999999999999', { user })) as never))
		expect(response.status).toBe(200)
	})
})

describe('the lookalike letter Ð (U+00D0) of text pasted from old documents', () => {
	test('is found by "Đồng" and "dong", and sorts with Đ', async () => {
		await insertCommittees('Dương Minh', 'Đà Nẵng', 'Ðồng Tháp', 'Gia Lai')
		for (const query of ['Đồng', 'dong', 'ðồng'])
			expect(names((await listOrganisations(db, { query, page: 1 })).rows), query).toEqual(['Tỉnh ủy Đồng Tháp'])
		const { rows } = await listOrganisations(db, { page: 1 })
		expect(rows.map(r => r.province)).toEqual(['Dương Minh', 'Đà Nẵng', 'Ðồng Tháp', 'Gia Lai'])
		const org = await insertOrganisation(db)
		await insertUser(db, { organisation_id: org.id, full_name: 'Ðinh Văn Ðức' })
		expect((await listUsers(db, { query: 'dinh van duc', page: 1 })).rows.map(u => u.full_name)).toEqual(['Đinh Văn Đức'])
	})
})

describe('search ranks what matches the name first', () => {
	test('"ha tinh": users named after Hà Tĩnh, then those of its organisations, then a title that mentions it', async () => {
		const haTinh = await insertOrganisation(db, { name_vi: 'Liên đoàn Lao động tỉnh Hà Tĩnh', short_name: 'LĐLĐ Hà Tĩnh' })
		const aBoard = await insertOrganisation(db, { name_vi: 'Ban Đối ngoại', short_name: 'BĐN' })
		await insertUser(db, { organisation_id: aBoard.id, full_name: 'An Văn Bình', title: 'Phó Chủ tịch LĐLĐ tỉnh Hà Tĩnh' })
		await insertUser(db, { organisation_id: haTinh.id, full_name: 'Trần Văn Công' })
		await insertUser(db, { organisation_id: aBoard.id, full_name: 'Lê Hà Tĩnh' })
		const { rows } = await listUsers(db, { query: 'ha tinh', page: 1 })
		expect(rows.map(u => u.full_name)).toEqual(['Lê Hà Tĩnh', 'Trần Văn Công', 'An Văn Bình'])
	})
})

describe('paged lists', () => {
	test('a page past the last shows the real total, not 0', async () => {
		await insertCommittees('Quảng Trị', 'Đồng Nai')
		expect(await listOrganisations(db, { page: 99 })).toEqual({ rows: [], total: 2 })
		expect(await listOrganisations(db, { page: 99, query: 'dong' })).toEqual({ rows: [], total: 1 })
	})

	test('rows sharing a sort key are shown once each across pages (the Outbox: emails of one event)', async () => {
		const createdAt = new Date('2026-12-01T03:00:00Z')
		await db
			.insertInto('email_message')
			.values(
				Array.from({ length: 30 }, (_, i) => ({
					to_address: `nguoi${i}@ldld.vn`,
					subject: 'Kế hoạch chờ phê duyệt',
					template: 'plan-submitted',
					props: {},
					dedupe_key: `test-${i}`,
					html: '<p></p>',
					text: '',
					created_at: createdAt,
				})),
			)
			.execute()
		const first = await listEmails(db, { page: 1 })
		const second = await listEmails(db, { page: 2 })
		const addresses = [...first.rows, ...second.rows].map(e => e.to_address)
		expect(new Set(addresses).size).toBe(30)
		expect(second.total).toBe(30)
	})
})

describe('the plan list', () => {
	test('sorts by name in Vietnamese order (Đ after D), and by time with the newest first', async () => {
		const world = await insertPlanWorld(db)
		const user = world.users.ldld.drafter
		for (const name of ['Đoàn Viêng Chăn', 'Dự kiến đoàn Lào', 'Ðoàn Champasak', 'Bộ đoàn'])
			await insertPlan(db, user, { fields: { name } })
		const names = async (search: string) => {
			const response = await settle(async () => plansRoute.loader(args(await request(`/plans${search}`, { user })) as never))
			return ((await response.json()) as { rows: { name: string }[] }).rows.map(plan => plan.name)
		}
		expect(await names('?sort=name')).toEqual(['Bộ đoàn', 'Dự kiến đoàn Lào', 'Đoàn Champasak', 'Đoàn Viêng Chăn'])
		expect(await names('')).toEqual(['Bộ đoàn', 'Đoàn Champasak', 'Dự kiến đoàn Lào', 'Đoàn Viêng Chăn'])
		expect(await names('?q=doan%20vieng')).toEqual(['Đoàn Viêng Chăn'])
	})
})
