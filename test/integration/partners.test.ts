/**
 * Partners and agreements: the forms refuse bad input next to the field and save nothing; another
 * organisation's agreement or file is a 404 (loader and action) while the VGCL board sees every
 * organisation's; the 90-day flag with an injected date; visits both ways derived from the plans;
 * support totals per currency; a stale agreement edit is refused; uploads are checked by type and
 * size; the list and the partner page run a fixed number of queries.
 */
import { describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { queryCounter } from '#db/connect.ts'
import { insertAgreement } from '#db/repos/partner.server.ts'
import { getStatistics } from '#db/repos/statistics.server.ts'
import { seedDemo } from '#seed/seed.ts'
import * as fileRoute from '#app/routes/partners.$partnerId.agreements.$agreementId.file.tsx'
import { loadPartnerPage } from '#app/routes/partners.$partnerId._index/partner-page.server.ts'
import * as partnerRoute from '#app/routes/partners.$partnerId._index/route.tsx'
import * as listRoute from '#app/routes/partners._index.tsx'
import * as newRoute from '#app/routes/partners.new.tsx'
import { addDays, todayIso } from '#lib/trip-dates.ts'
import {
	args,
	insertOrganisation,
	insertPlan,
	insertPlanWorld,
	multipartRequest,
	request,
	sendPlanEvent,
	sessionCookie,
	settle,
} from '../factories.ts'

type World = Awaited<ReturnType<typeof insertPlanWorld>>
type PageData = Awaited<ReturnType<typeof loadPartnerPage>>

const pdfBytes = Buffer.from(
	'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
)
const pngBytes = Buffer.from([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49,
	0x48, 0x44, 0x52,
])
const pdf = (name = 'thoa-thuan.pdf', bytes = pdfBytes) =>
	new File([new Uint8Array(bytes)], name, { type: 'application/pdf' })

function form(values: Record<string, string | File>) {
	const data = new FormData()
	for (const [key, value] of Object.entries(values)) data.append(key, value)
	return data
}

async function post(
	world: World,
	user: { id: string },
	values: Record<string, string | File>,
	partnerId = world.partner.id,
) {
	const req = await multipartRequest(`/partners/${partnerId}`, form(values), {
		user,
	})
	return settle(() => partnerRoute.action(args(req, { partnerId }) as never))
}

async function page(
	user: { id: string },
	partnerId: string,
	today = todayIso(),
	query = '',
) {
	const req = await request(`/partners/${partnerId}${query}`, { user })
	return loadPartnerPage(req, partnerId, today)
}

async function status(work: () => Promise<unknown>) {
	return (
		await settle(async () => {
			const result = await work()
			return result instanceof Response ? result : new Response('ok')
		})
	).status
}

async function agreementRows() {
	return db
		.selectFrom('agreement')
		.select(['organisation_id', 'title', 'valid_to', 'file_name', 'version'])
		.orderBy('title')
		.execute()
}

const agreement = (overrides: Record<string, string | File> = {}) => ({
	intent: 'agreement',
	title: 'Thỏa thuận hợp tác giai đoạn 2020–2022',
	kind: 'cooperation_agreement',
	signed_on: '20/12/2019',
	valid_from: '01/01/2020',
	valid_to: '31/12/2022',
	...overrides,
})

async function addAgreement(
	world: World,
	org: 'ldld' | 'otherFed',
	values: Partial<{ title: string; valid_to: string; file: boolean }> = {},
) {
	const file = values.file
		? {
				file_name: 'mou.pdf',
				file_content_type: 'application/pdf',
				file_size: pdfBytes.length,
				file_sha256: 'x',
				file_data: new Uint8Array(pdfBytes),
			}
		: {}
	return insertAgreement(db, {
		organisation_id: world.orgs[org].id,
		partner_id: world.partner.id,
		created_by: world.users[org].drafter.id,
		title: values.title ?? `Biên bản ghi nhớ của ${world.orgs[org].short_name}`,
		kind: 'mou',
		signed_on: '2018-08-22',
		valid_from: '2018-08-22',
		valid_to: values.valid_to ?? '2023-08-21',
		...file,
	})
}

describe('forms', () => {
	test('a partner without a name or with an unknown country is refused next to the fields, and nothing is saved', async () => {
		const world = await insertPlanWorld(db)
		const before = await db.selectFrom('organisation').select('id').execute()
		const req = await request('/partners/new', {
			user: world.users.ldld.drafter,
			form: {
				name_vi: '',
				name_original: 'ສະຫະພັນກຳມະບານແຂວງສາລະວັນ',
				short_name: 'LHCĐ tỉnh Salavan',
				country: 'XX',
				partner_type: 'federation',
			},
		})
		const response = await settle(() => newRoute.action(args(req) as never))
		expect(response.status).toBe(400)
		const { result } = await response.json()
		expect(result.error).toEqual({
			name_vi: ['error.required'],
			country: ['error.invalidChoice'],
		})
		expect(result.initialValue.name_original).toBe('ສະຫະພັນກຳມະບານແຂວງສາລະວັນ')
		expect(await db.selectFrom('organisation').select('id').execute()).toEqual(
			before,
		)
	})

	test('a drafter adds a partner with its original name; an approver may not', async () => {
		const world = await insertPlanWorld(db)
		const values = {
			name_vi: 'Liên hiệp Công đoàn tỉnh Salavan',
			name_original: 'ສະຫະພັນກຳມະບານແຂວງສາລະວັນ',
			short_name: 'LHCĐ tỉnh Salavan',
			country: 'LA',
			partner_type: 'federation',
		}
		const refused = await settle(async () =>
			newRoute.action(
				args(
					await request('/partners/new', {
						user: world.users.ldld.approver,
						form: values,
					}),
				) as never,
			),
		)
		expect(refused.status).toBe(403)
		const response = await settle(async () =>
			newRoute.action(
				args(
					await request('/partners/new', {
						user: world.users.ldld.drafter,
						form: values,
					}),
				) as never,
			),
		)
		expect(response.status).toBe(302)
		const saved = await db
			.selectFrom('organisation')
			.select(['id', 'kind', 'name_original', 'partner_type'])
			.where('short_name', '=', 'LHCĐ tỉnh Salavan')
			.executeTakeFirstOrThrow()
		expect(saved).toMatchObject({
			kind: 'foreign_partner',
			name_original: 'ສະຫະພັນກຳມະບານແຂວງສາລະວັນ',
			partner_type: 'federation',
		})
		expect(response.headers.get('Location')).toBe(`/partners/${saved.id}`)
	})

	test('an agreement without a title, with an impossible date or a period that ends before it starts is refused next to the fields', async () => {
		const world = await insertPlanWorld(db)
		const drafter = world.users.ldld.drafter
		const bad = await post(
			world,
			drafter,
			agreement({ title: '', signed_on: '31/02/2020', kind: 'treaty' }),
		)
		expect(bad.status).toBe(400)
		const body = await bad.json()
		expect(body.result.error).toEqual({
			title: ['error.required'],
			signed_on: ['partner.dateInvalid'],
			kind: ['error.invalidChoice'],
		})
		expect(body.result.initialValue.signed_on).toBe('31/02/2020')

		const backwards = await post(
			world,
			drafter,
			agreement({ valid_from: '01/01/2022', valid_to: '31/12/2020' }),
		)
		expect(backwards.status).toBe(400)
		expect((await backwards.json()).result.error).toEqual({
			valid_to: ['partner.periodOrder'],
		})
		expect(await agreementRows()).toEqual([])
	})

	test('support with a zero or unreadable amount, or a bad date, is refused; the totals are per currency', async () => {
		const world = await insertPlanWorld(db)
		const drafter = world.users.ldld.drafter
		// "4,500" could be 4,5 or 4 500: asked again rather than guessed.
		for (const amount of ['0', '-5', 'bốn nghìn', '4,500', '1.2.3']) {
			const response = await post(world, drafter, {
				intent: 'support',
				amount,
				currency: 'USD',
				given_on: '22/08/2018',
			})
			expect(response.status, amount).toBe(400)
			expect((await response.json()).result.error, amount).toEqual({
				amount: ['partner.amountInvalid'],
			})
		}
		const badDate = await post(world, drafter, {
			intent: 'support',
			amount: '100',
			currency: 'XYZ',
			given_on: '22/13/2018',
		})
		expect((await badDate.json()).result.error).toEqual({
			currency: ['error.invalidChoice'],
			given_on: ['partner.dateInvalid'],
		})
		expect(
			await db.selectFrom('partner_support').select('id').execute(),
		).toEqual([])

		for (const [amount, currency, given_on] of [
			['1000', 'USD', '15/09/2011'],
			['1 500,50', 'USD', '22/08/2018'],
			['1.500.000', 'VND', '16/05/2013'],
			['500 000', 'VND', '16/05/2013'],
		])
			expect(
				(
					await post(world, drafter, {
						intent: 'support',
						amount,
						currency,
						given_on,
						purpose: 'Mua sắm trang thiết bị',
					})
				).status,
			).toBe(302)
		const data = await page(drafter, world.partner.id)
		expect(data.supportTotals).toEqual([
			{ currency: 'USD', amount: 2500.5 },
			{ currency: 'VND', amount: 2000000 },
		])
		expect(data.support.map(s => s.given_on)).toEqual([
			'2018-08-22',
			'2013-05-16',
			'2013-05-16',
			'2011-09-15',
		])
		// Another federation records none of it.
		expect(
			(await page(world.users.otherFed.drafter, world.partner.id))
				.supportTotals,
		).toEqual([])
	})
})

describe('who sees what', () => {
	test("another organisation's agreement or file gives 404 in the loader and the action; the board sees all", async () => {
		const world = await insertPlanWorld(db)
		const ours = await addAgreement(world, 'ldld', { file: true })
		const theirs = await addAgreement(world, 'otherFed', { file: true })
		const drafter = world.users.ldld.drafter
		const fileOf = async (
			user: { id: string },
			agreementId: string,
			partnerId = world.partner.id,
		) =>
			settle(async () =>
				fileRoute.loader(
					args(
						await request(
							`/partners/${partnerId}/agreements/${agreementId}/file`,
							{ user },
						),
						{ partnerId, agreementId },
					) as never,
				),
			)

		expect((await fileOf(drafter, ours.id)).status).toBe(200)
		expect((await fileOf(drafter, theirs.id)).status).toBe(404)
		expect(
			await status(() =>
				page(drafter, world.partner.id, todayIso(), `?agreement=${theirs.id}`),
			),
		).toBe(404)
		const before = await agreementRows()
		const edit = await post(
			world,
			drafter,
			agreement({ agreement_id: theirs.id, version: '1', title: 'Đổi tên' }),
		)
		expect(edit.status).toBe(404)
		expect(await agreementRows()).toEqual(before)

		// Not a partner: a domestic organisation's id, an unknown id, or no id at all.
		for (const partnerId of [
			world.orgs.otherFed.id,
			'00000000-0000-4000-8000-000000000000',
			'abc',
		]) {
			expect(await status(() => page(drafter, partnerId)), partnerId).toBe(404)
			expect(
				(await post(world, drafter, agreement(), partnerId)).status,
				partnerId,
			).toBe(404)
			expect(
				(await fileOf(drafter, ours.id, partnerId)).status,
				partnerId,
			).toBe(404)
		}

		// The federation sees its own agreement only; the board sees both and downloads either file.
		expect(
			(await page(drafter, world.partner.id)).agreements.map(a => a.id),
		).toEqual([ours.id])
		const board = world.users.board.approver
		expect(
			(await page(board, world.partner.id)).agreements.map(a => a.id).sort(),
		).toEqual([ours.id, theirs.id].sort())
		const download = await fileOf(board, theirs.id)
		expect(download.status).toBe(200)
		expect(download.headers.get('Content-Type')).toBe('application/pdf')
		expect(Buffer.from(await download.arrayBuffer())).toEqual(pdfBytes)
		// An approver records nothing.
		expect(
			(await post(world, world.users.ldld.approver, agreement())).status,
		).toBe(403)
		expect(await agreementRows()).toEqual(before)
	})
})

describe('the 90-day flag', () => {
	test('an agreement ending in 89 days is flagged, one ending in 91 days and an expired one are not', async () => {
		const world = await insertPlanWorld(db)
		const today = '2026-03-01'
		await addAgreement(world, 'ldld', {
			title: 'A: 89 ngày',
			valid_to: addDays(today, 89),
		})
		await addAgreement(world, 'ldld', {
			title: 'B: 91 ngày',
			valid_to: addDays(today, 91),
		})
		await addAgreement(world, 'ldld', {
			title: 'C: hết hạn hôm qua',
			valid_to: addDays(today, -1),
		})
		await addAgreement(world, 'ldld', {
			title: 'D: hết hạn hôm nay',
			valid_to: today,
		})
		const data = await page(world.users.ldld.drafter, world.partner.id, today)
		const flags = Object.fromEntries(
			data.agreements.map(a => [a.title, [a.endingSoon, a.daysLeft]]),
		)
		expect(flags).toEqual({
			'A: 89 ngày': [true, 89],
			'B: 91 ngày': [false, 91],
			'C: hết hạn hôm qua': [false, -1],
			'D: hết hạn hôm nay': [true, 0],
		})
	})

	test("the list's notice names the agreements ending within 90 days of today: the federation's own, the board's all", async () => {
		const world = await insertPlanWorld(db)
		const today = todayIso()
		await addAgreement(world, 'ldld', {
			title: 'Sắp hết hạn (Quảng Trị)',
			valid_to: addDays(today, 30),
		})
		await addAgreement(world, 'ldld', {
			title: 'Còn lâu',
			valid_to: addDays(today, 120),
		})
		await addAgreement(world, 'otherFed', {
			title: 'Sắp hết hạn (Quảng Bình)',
			valid_to: addDays(today, 10),
		})
		const notice = async (user: { id: string }) => {
			const response = await settle(async () =>
				listRoute.loader(args(await request('/partners', { user })) as never),
			)
			return (
				(await response.json()) as { endingSoon: { title: string }[] }
			).endingSoon.map(a => a.title)
		}
		expect(await notice(world.users.ldld.drafter)).toEqual([
			'Sắp hết hạn (Quảng Trị)',
		])
		expect(await notice(world.users.board.approver)).toEqual([
			'Sắp hết hạn (Quảng Bình)',
			'Sắp hết hạn (Quảng Trị)',
		])
	})
})

test('a country filter that is not a country (a NUL byte, an unknown code) lists every partner, not a 500', async () => {
	const world = await insertPlanWorld(db)
	const list = async (query: string) => {
		const response = await settle(async () =>
			listRoute.loader(
				args(
					await request(`/partners${query}`, {
						user: world.users.ldld.drafter,
					}),
				) as never,
			),
		)
		expect(response.status).toBe(200)
		return ((await response.json()) as { total: number }).total
	}
	const all = await list('')
	expect(all).toBeGreaterThan(0)
	expect(await list('?country=%00')).toBe(all)
	expect(await list('?country=XX')).toBe(all)
})

describe('agreements', () => {
	test('a new agreement keeps its PDF; an edit with a stale version is refused and changes nothing', async () => {
		const world = await insertPlanWorld(db)
		const drafter = world.users.ldld.drafter
		expect(
			(await post(world, drafter, agreement({ file: pdf() }))).status,
		).toBe(302)
		const [saved] = await db
			.selectFrom('agreement')
			.select([
				'id',
				'version',
				'file_name',
				'file_content_type',
				'file_data',
				'valid_to',
			])
			.execute()
		expect(saved).toMatchObject({
			version: 1,
			file_name: 'thoa-thuan.pdf',
			file_content_type: 'application/pdf',
			valid_to: '2022-12-31',
		})
		expect(Buffer.from(saved!.file_data!)).toEqual(pdfBytes)

		const editing = await page(
			drafter,
			world.partner.id,
			todayIso(),
			`?agreement=${saved!.id}`,
		)
		expect(editing.editing).toMatchObject({
			version: '1',
			valid_to: '31/12/2022',
			file_name: 'thoa-thuan.pdf',
		})

		const first = await post(
			world,
			drafter,
			agreement({
				agreement_id: saved!.id,
				version: '1',
				valid_to: '31/12/2023',
			}),
		)
		expect(first.status).toBe(302)
		const stale = await post(
			world,
			drafter,
			agreement({ agreement_id: saved!.id, version: '1', title: 'Bản cũ' }),
		)
		expect(stale.status).toBe(409)
		expect((await stale.json()).result.error).toEqual({
			'': ['partner.agreementConflict'],
		})
		const after = await agreementRows()
		expect(after).toEqual([
			{
				organisation_id: world.orgs.ldld.id,
				title: 'Thỏa thuận hợp tác giai đoạn 2020–2022',
				valid_to: '2023-12-31',
				file_name: 'thoa-thuan.pdf',
				version: 2,
			},
		])
	})

	test.each([
		[
			'a PNG named .pdf',
			() => pdf('bien-ban.pdf', pngBytes),
			'attachment.fileType',
		],
		['a PDF named .exe', () => pdf('bien-ban.exe'), 'attachment.fileType'],
		[
			'over 10 MB',
			() =>
				pdf(
					'bien-ban.pdf',
					Buffer.concat([
						pdfBytes,
						Buffer.alloc(10 * 1024 * 1024 + 1 - pdfBytes.length),
					]),
				),
			'attachment.fileTooLarge',
		],
	])(
		'%s is refused next to the file field, and nothing is saved',
		async (_what, make, message) => {
			const world = await insertPlanWorld(db)
			const file = make()
			const response = await post(
				world,
				world.users.ldld.drafter,
				agreement({ file }),
			)
			expect(response.status).toBe(400)
			const body = await response.json()
			expect(body.fileError).toBe(
				`${message}::${JSON.stringify({ name: file.name })}`,
			)
			expect(body.result.initialValue.title).toBe(
				'Thỏa thuận hợp tác giai đoạn 2020–2022',
			)
			expect(await agreementRows()).toEqual([])
		},
	)
})

describe('visits both ways', () => {
	test('derived from the plans: outbound and inbound years, not drafts, not other federations (except for the board)', async () => {
		const world = await insertPlanWorld(db)
		const { users, partner } = world
		const submitted = async (
			owner: 'ldld' | 'otherFed',
			direction: 'out' | 'in',
			plan_year: number,
		) => {
			const { id } = await insertPlan(db, users[owner].drafter, {
				partnerId: partner.id,
				fields: { direction, plan_year },
			})
			await sendPlanEvent(db, id, 'SUBMIT', users[owner].drafter)
			return id
		}
		await submitted('ldld', 'out', 2018)
		await submitted('ldld', 'in', 2019)
		await submitted('ldld', 'out', 2020)
		await submitted('otherFed', 'in', 2021)
		await insertPlan(db, users.ldld.drafter, {
			partnerId: partner.id,
			fields: { direction: 'in', plan_year: 2022 },
		})
		const visits = (data: PageData) =>
			data.visits.map(v => [v.plan_year, v.direction])
		expect(visits(await page(users.ldld.drafter, partner.id))).toEqual([
			[2020, 'out'],
			[2019, 'in'],
			[2018, 'out'],
		])
		expect(visits(await page(users.board.admin, partner.id))).toEqual([
			[2021, 'in'],
			[2020, 'out'],
			[2019, 'in'],
			[2018, 'out'],
		])
	})

	test("the demo data: LHCĐ tỉnh Savannakhet's 4,500 USD, its agreements, visits both ways; Salavan's agreement flagged", async () => {
		await seedDemo(db)
		const partners = await db
			.selectFrom('organisation')
			.select(['id', 'short_name', 'name_original', 'partner_type'])
			.where('kind', '=', 'foreign_partner')
			.orderBy('short_name')
			.execute()
		expect(
			partners.map(p => [p.short_name, p.partner_type, p.name_original !== '']),
		).toEqual([
			['LHCĐ tỉnh Salavan', 'federation', true],
			['LHCĐ tỉnh Savannakhet', 'federation', true],
		])
		const drafter = await db
			.selectFrom('app_user')
			.select('id')
			.where('email', '=', 'soanthao@ldld-quangtri.vn')
			.executeTakeFirstOrThrow()
		const savannakhet = await page(drafter, partners[1]!.id)
		expect(savannakhet.supportTotals).toEqual([
			{ currency: 'USD', amount: 4500 },
		])
		expect(savannakhet.agreements.map(a => a.title)).toContain(
			'Thỏa thuận hợp tác giai đoạn 2020–2022',
		)
		expect(new Set(savannakhet.visits.map(v => v.direction))).toEqual(
			new Set(['out', 'in']),
		)
		const salavan = await page(drafter, partners[0]!.id)
		expect(salavan.agreements.some(a => a.endingSoon)).toBe(true)
		expect(salavan.visits.map(v => [v.plan_year, v.direction])).toEqual(
			expect.arrayContaining([[2020, 'out']]),
		)
	})
})

describe('statistics by partner', () => {
	test('plans group by their partner record whatever name was typed; plans without a record group by the typed name', async () => {
		const world = await insertPlanWorld(db)
		const namesake = await insertOrganisation(db, {
			kind: 'foreign_partner',
			name_vi: 'Liên hiệp Công đoàn tỉnh Savannakhet',
			short_name: 'LHCĐ Savannakhet (2)',
			country: 'LA',
		})
		const approved = async (
			partnerId: string | null,
			partner_name = '',
			direction: 'out' | 'in' = 'out',
		) => {
			const { id } = await insertPlan(db, world.users.ldld.drafter, {
				partnerId,
				fields: { plan_year: 2024, direction, partner_name },
			})
			await db
				.updateTable('plan')
				.set({ status: 'approved', partner_name })
				.where('id', '=', id)
				.execute()
		}
		await approved(world.partner.id, 'LHCD Savannakhet')
		await approved(world.partner.id)
		await approved(world.partner.id, '', 'in')
		await approved(namesake.id)
		await approved(null, 'Tổng Công đoàn Campuchia')
		await approved(null, 'Tổng Công đoàn Campuchia')
		const { byPartner } = await getStatistics(db, {
			organisationId: world.orgs.ldld.id,
			fromYear: 2024,
			toYear: 2024,
		})
		expect(
			byPartner.map(r => [r.key, r.partner_id, r.direction, r.delegations]),
		).toEqual([
			['Liên hiệp Công đoàn tỉnh Savannakhet', world.partner.id, 'out', 2],
			['Tổng Công đoàn Campuchia', null, 'out', 2],
			['Liên hiệp Công đoàn tỉnh Savannakhet', world.partner.id, 'in', 1],
			['Liên hiệp Công đoàn tỉnh Savannakhet', namesake.id, 'out', 1],
		])
	})
})

describe('query count', () => {
	async function queries(
		loader: (a: never) => Promise<unknown>,
		path: string,
		userId: string,
		params: Record<string, string> = {},
	) {
		const req = await request(path, { cookie: await sessionCookie(userId) })
		const before = queryCounter.count
		const response = await settle(() => loader(args(req, params) as never))
		expect(response.status).toBe(200)
		return queryCounter.count - before
	}

	async function measure(world: World, extra: number) {
		for (let i = 0; i < extra; i++) {
			await insertOrganisation(db, {
				kind: 'foreign_partner',
				name_vi: `Công đoàn đối tác ${i}`,
				short_name: `CĐ ${i}`,
				country: i % 2 ? 'LA' : 'KH',
			})
			await addAgreement(world, 'ldld', {
				title: `Thỏa thuận ${i}`,
				valid_to: addDays(todayIso(), i),
			})
			const { id } = await insertPlan(db, world.users.ldld.drafter, {
				partnerId: world.partner.id,
				fields: { direction: i % 2 ? 'in' : 'out' },
			})
			await sendPlanEvent(db, id, 'SUBMIT', world.users.ldld.drafter)
			await db
				.insertInto('partner_support')
				.values({
					organisation_id: world.orgs.ldld.id,
					partner_id: world.partner.id,
					created_by: world.users.ldld.drafter.id,
					amount: 100,
					currency: 'USD',
					given_on: '2020-01-01',
				})
				.execute()
		}
		const drafter = world.users.ldld.drafter.id
		return {
			list: await queries(listRoute.loader, '/partners?q=cong+doan', drafter),
			page: await queries(
				partnerRoute.loader,
				`/partners/${world.partner.id}`,
				drafter,
				{ partnerId: world.partner.id },
			),
		}
	}

	test('the list and the partner page run the same number of queries for 2 and for 40 partners, agreements, plans and support', async () => {
		const small = await measure(await insertPlanWorld(db), 2)
		const large = await measure(await insertPlanWorld(db), 40)
		expect(large).toEqual(small)
		expect(small.list).toBeLessThanOrEqual(6)
		expect(small.page).toBeLessThanOrEqual(7)
	})
})
