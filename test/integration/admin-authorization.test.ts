import { beforeEach, describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { getCurrentChain } from '#db/repos/chain.server.ts'
import { seedDemo } from '#seed/seed.ts'
import * as chainRoute from '#app/routes/admin.organisations.$orgId.chain/route.tsx'
import * as organisationRoute from '#app/routes/admin.organisations.$orgId._index.tsx'
import * as organisationsRoute from '#app/routes/admin.organisations._index.tsx'
import * as usersRoute from '#app/routes/admin.users._index.tsx'
import * as newUserRoute from '#app/routes/admin.users.new.tsx'
import * as newOrganisationRoute from '#app/routes/admin.organisations.new.tsx'
import * as newPartnerRoute from '#app/routes/partners.new.tsx'
import { args, request, sessionCookie, settle } from '../factories.ts'

// The demo data: LĐLĐ Quảng Trị and CĐCTVN each with an admin and a chain, and the VGCL
// board (kind vgcl_board) whose admin manages every organisation.
let orgs: Record<
	'ldld' | 'cdct' | 'board',
	{ id: string; name_vi: string; version: number }
>
let cookies: Record<
	'ldldAdmin' | 'boardAdmin' | 'cdctAdmin' | 'drafter' | 'approver',
	string
>
let users: Record<
	'ldldDrafter' | 'cdctDrafter',
	{ id: string; version: number }
>

beforeEach(async () => {
	await seedDemo(db)
	const organisation = (short_name: string) =>
		db
			.selectFrom('organisation')
			.select(['id', 'name_vi', 'version'])
			.where('short_name', '=', short_name)
			.executeTakeFirstOrThrow()
	orgs = {
		ldld: await organisation('LĐLĐ tỉnh Quảng Trị'),
		cdct: await organisation('CĐCTVN'),
		board: await organisation('Ban Đối ngoại TLĐ'),
	}
	const user = (email: string) =>
		db
			.selectFrom('app_user')
			.select(['id', 'version'])
			.where('email', '=', email)
			.executeTakeFirstOrThrow()
	cookies = {
		ldldAdmin: await sessionCookie((await user('quantri@ldld-quangtri.vn')).id),
		boardAdmin: await sessionCookie(
			(await user('quantri@bandoingoai-tld.vn')).id,
		),
		cdctAdmin: await sessionCookie((await user('chutich@cdct.vn')).id),
		drafter: await sessionCookie((await user('soanthao@ldld-quangtri.vn')).id),
		approver: await sessionCookie((await user('chutich@ldld-quangtri.vn')).id),
	}
	users = {
		ldldDrafter: await user('soanthao@ldld-quangtri.vn'),
		cdctDrafter: await user('soanthao@cdct.vn'),
	}
})

type Route = {
	loader?: (a: never) => Promise<unknown>
	action?: (a: never) => Promise<unknown>
}

function get(
	route: Route,
	path: string,
	cookie: string,
	params: Record<string, string> = {},
) {
	return settle(async () =>
		route.loader!(args(await request(path, { cookie }), params) as never),
	)
}

function post(
	route: Route,
	path: string,
	cookie: string,
	form: Record<string, string | string[]>,
	params: Record<string, string> = {},
) {
	return settle(async () =>
		route.action!(args(await request(path, { cookie, form }), params) as never),
	)
}

const chainPath = (orgId: string) => `/admin/organisations/${orgId}/chain`

/** A new chain for CĐCTVN: its own committee, then the board. */
function chainForm(version: number) {
	return {
		expectedVersion: String(version),
		'steps[0].organisation_id': orgs.cdct.id,
		'steps[0].label_vi': 'Ban Thường vụ',
		'steps[1].organisation_id': orgs.board.id,
		'steps[1].label_vi': 'Ban Đối ngoại TLĐ',
	}
}

function organisationForm(name_vi: string) {
	return {
		version: String(orgs.cdct.version),
		kind: 'sector_union',
		name_vi,
		short_name: 'CĐCTVN',
		country: 'VN',
		report_due_days: '15',
		approval_reminder_days: '5',
	}
}

async function isActive(userId: string) {
	return (
		await db
			.selectFrom('app_user')
			.select('active')
			.where('id', '=', userId)
			.executeTakeFirstOrThrow()
	).active
}

async function expectNotFound(response: Response) {
	expect(response.status).toBe(404)
	expect(await response.json()).toEqual({ message: 'error.notFound' })
}

describe('an admin of LĐLĐ Quảng Trị', () => {
	test('cannot see another organisation, its chain or its users', async () => {
		const { ldldAdmin } = cookies
		await expectNotFound(
			await get(
				organisationRoute,
				`/admin/organisations/${orgs.cdct.id}`,
				ldldAdmin,
				{ orgId: orgs.cdct.id },
			),
		)
		await expectNotFound(
			await get(chainRoute, chainPath(orgs.cdct.id), ldldAdmin, {
				orgId: orgs.cdct.id,
			}),
		)

		const list = await get(
			organisationsRoute,
			'/admin/organisations',
			ldldAdmin,
		)
		expect((await list.json()).rows.map((o: { id: string }) => o.id)).toEqual([
			orgs.ldld.id,
		])

		// Asking for CĐCTVN's users by filter still shows only their own.
		const userList = await get(
			usersRoute,
			`/admin/users?org=${orgs.cdct.id}`,
			ldldAdmin,
		)
		const rows = (await userList.json()).rows as { organisation_id: string }[]
		expect(rows.length).toBeGreaterThan(0)
		expect(rows.every(r => r.organisation_id === orgs.ldld.id)).toBe(true)
	})

	test('cannot change another organisation, its chain or its users', async () => {
		const { ldldAdmin } = cookies
		const deactivate = {
			intent: 'deactivate',
			userId: users.cdctDrafter.id,
			version: String(users.cdctDrafter.version),
		}
		await expectNotFound(
			await post(usersRoute, '/admin/users', ldldAdmin, deactivate),
		)
		expect(await isActive(users.cdctDrafter.id)).toBe(true)

		await expectNotFound(
			await post(chainRoute, chainPath(orgs.cdct.id), ldldAdmin, chainForm(1), {
				orgId: orgs.cdct.id,
			}),
		)
		expect((await getCurrentChain(db, orgs.cdct.id))?.version).toBe(1)

		await expectNotFound(
			await post(
				organisationRoute,
				`/admin/organisations/${orgs.cdct.id}`,
				ldldAdmin,
				organisationForm('Đã bị sửa'),
				{ orgId: orgs.cdct.id },
			),
		)
		const cdct = await db
			.selectFrom('organisation')
			.select('name_vi')
			.where('id', '=', orgs.cdct.id)
			.executeTakeFirstOrThrow()
		expect(cdct.name_vi).toBe(orgs.cdct.name_vi)

		// Nor create a user in it.
		const created = await post(newUserRoute, '/admin/users/new', ldldAdmin, {
			email: 'moi@cdct.vn',
			full_name: 'Người Mới',
			organisation_id: orgs.cdct.id,
			roles: 'drafter',
			locale: 'vi',
			password: 'Tạm thời 2026',
		})
		expect(created.status).toBe(400)
		expect((await created.json()).result.error.organisation_id).toEqual([
			'error.invalidChoice',
		])
		expect(
			await db
				.selectFrom('app_user')
				.select('id')
				.where('email', '=', 'moi@cdct.vn')
				.executeTakeFirst(),
		).toBeUndefined()
	})

	test('does manage their own organisation', async () => {
		const { ldldAdmin } = cookies
		const chain = await get(chainRoute, chainPath(orgs.ldld.id), ldldAdmin, {
			orgId: orgs.ldld.id,
		})
		expect(chain.status).toBe(200)
		expect((await chain.json()).chain.steps).toHaveLength(4)

		const deactivate = {
			intent: 'deactivate',
			userId: users.ldldDrafter.id,
			version: String(users.ldldDrafter.version),
		}
		const response = await post(
			usersRoute,
			'/admin/users',
			ldldAdmin,
			deactivate,
		)
		expect(response.status).toBe(302)
		expect(await isActive(users.ldldDrafter.id)).toBe(false)
		// A deactivated user is signed out at once.
		expect(
			await db
				.selectFrom('session')
				.select('id')
				.where('user_id', '=', users.ldldDrafter.id)
				.execute(),
		).toEqual([])
	})
})

describe('the report and reminder deadlines of an organisation', () => {
	const path = () => `/admin/organisations/${orgs.cdct.id}`
	const deadlines = async () =>
		db
			.selectFrom('organisation')
			.select([
				'report_due_days',
				'report_due_unit',
				'approval_reminder_days',
				'name_vi',
			])
			.where('id', '=', orgs.cdct.id)
			.executeTakeFirstOrThrow()

	test('are set by its admin and used from then on', async () => {
		const form = {
			...organisationForm(orgs.cdct.name_vi),
			report_due_days: '30',
			report_due_unit: 'working_days',
			approval_reminder_days: '3',
		}
		const response = await post(
			organisationRoute,
			path(),
			cookies.cdctAdmin,
			form,
			{ orgId: orgs.cdct.id },
		)
		expect(response.status).toBe(302)
		expect(await deadlines()).toMatchObject({
			report_due_days: 30,
			report_due_unit: 'working_days',
			approval_reminder_days: 3,
		})
		// Audited with what it was and what it became.
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'before', 'after'])
			.where('subject_id', '=', orgs.cdct.id)
			.where('action', '=', 'organisation.updated')
			.executeTakeFirstOrThrow()
		expect(audit.before).toMatchObject({ report_due_unit: 'days' })
		expect(audit.after).toMatchObject({ report_due_unit: 'working_days' })
	})

	test('outside 1 to 365 days are refused next to the field, changing nothing', async () => {
		const form = {
			...organisationForm('Tên mới'),
			report_due_days: '0',
			report_due_unit: 'weeks',
			approval_reminder_days: 'năm',
		}
		const response = await post(
			organisationRoute,
			path(),
			cookies.cdctAdmin,
			form,
			{ orgId: orgs.cdct.id },
		)
		expect(response.status).toBe(400)
		const { error } = (await response.json()).result
		expect(error.report_due_days).toEqual(['org.daysInvalid'])
		expect(error.approval_reminder_days).toEqual(['org.daysInvalid'])
		expect(error.report_due_unit).toEqual(['org.reportDueUnitInvalid'])
		expect(await deadlines()).toEqual({
			report_due_days: 15,
			report_due_unit: 'days',
			approval_reminder_days: 5,
			name_vi: orgs.cdct.name_vi,
		})
	})
})

describe('an admin of the VGCL board', () => {
	test('can see every organisation, its chain and its users', async () => {
		const { boardAdmin } = cookies
		const organisation = await get(
			organisationRoute,
			`/admin/organisations/${orgs.cdct.id}`,
			boardAdmin,
			{ orgId: orgs.cdct.id },
		)
		expect(organisation.status).toBe(200)
		expect((await organisation.json()).organisation.name_vi).toBe(
			orgs.cdct.name_vi,
		)

		const chain = await get(chainRoute, chainPath(orgs.cdct.id), boardAdmin, {
			orgId: orgs.cdct.id,
		})
		expect(chain.status).toBe(200)
		expect((await chain.json()).chain.steps).toHaveLength(3)

		const list = await get(
			organisationsRoute,
			'/admin/organisations',
			boardAdmin,
		)
		expect((await list.json()).total).toBe(8)

		const userList = await get(
			usersRoute,
			`/admin/users?org=${orgs.cdct.id}`,
			boardAdmin,
		)
		const rows = (await userList.json()).rows as { organisation_id: string }[]
		expect(rows.length).toBe(2)
		expect(rows.every(r => r.organisation_id === orgs.cdct.id)).toBe(true)
	})

	test("can change another organisation's users and chain", async () => {
		const { boardAdmin } = cookies
		const deactivate = {
			intent: 'deactivate',
			userId: users.cdctDrafter.id,
			version: String(users.cdctDrafter.version),
		}
		expect(
			(await post(usersRoute, '/admin/users', boardAdmin, deactivate)).status,
		).toBe(302)
		expect(await isActive(users.cdctDrafter.id)).toBe(false)

		const saved = await post(
			chainRoute,
			chainPath(orgs.cdct.id),
			boardAdmin,
			chainForm(1),
			{ orgId: orgs.cdct.id },
		)
		expect(saved.status).toBe(302)
		const chain = await getCurrentChain(db, orgs.cdct.id)
		expect(chain?.version).toBe(2)
		expect(chain?.steps.map(s => s.label_vi)).toEqual([
			'Ban Thường vụ',
			'Ban Đối ngoại TLĐ',
		])

		const renamed = await post(
			organisationRoute,
			`/admin/organisations/${orgs.cdct.id}`,
			boardAdmin,
			organisationForm('Công đoàn Công Thương Việt Nam (mới)'),
			{ orgId: orgs.cdct.id },
		)
		expect(renamed.status).toBe(302)
		const cdct = await db
			.selectFrom('organisation')
			.select('name_vi')
			.where('id', '=', orgs.cdct.id)
			.executeTakeFirstOrThrow()
		expect(cdct.name_vi).toBe('Công đoàn Công Thương Việt Nam (mới)')
	})
})

describe('users who are not admins', () => {
	test('a drafter or an approver gets 403 on every admin page and action', async () => {
		for (const cookie of [cookies.drafter, cookies.approver]) {
			const responses = [
				await get(usersRoute, '/admin/users', cookie),
				await get(organisationsRoute, '/admin/organisations', cookie),
				await get(
					organisationRoute,
					`/admin/organisations/${orgs.ldld.id}`,
					cookie,
					{ orgId: orgs.ldld.id },
				),
				await get(chainRoute, chainPath(orgs.ldld.id), cookie, {
					orgId: orgs.ldld.id,
				}),
				await get(newUserRoute, '/admin/users/new', cookie),
				await post(usersRoute, '/admin/users', cookie, {
					intent: 'deactivate',
					userId: users.ldldDrafter.id,
					version: String(users.ldldDrafter.version),
				}),
				await post(chainRoute, chainPath(orgs.ldld.id), cookie, chainForm(1), {
					orgId: orgs.ldld.id,
				}),
			]
			for (const response of responses) {
				expect(response.status).toBe(403)
				expect(await response.json()).toEqual({ message: 'error.forbidden' })
			}
		}
		expect(await isActive(users.ldldDrafter.id)).toBe(true)
		expect((await getCurrentChain(db, orgs.ldld.id))?.version).toBe(1)
	})

	test('a visitor who is not signed in is sent to sign in', async () => {
		const response = await get(usersRoute, '/admin/users', '')
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe(
			'/login?redirectTo=%2Fadmin%2Fusers',
		)
	})
})

test('a name of spaces only is a missing name: refused next to the field, nothing made (user, organisation, partner, chain step)', async () => {
	const { boardAdmin, ldldAdmin } = cookies
	const count = async (table: 'app_user' | 'organisation') =>
		(await db.selectFrom(table).select('id').execute()).length
	const before = {
		users: await count('app_user'),
		orgs: await count('organisation'),
	}
	const errorsOf = async (response: Response) => {
		expect(response.status).toBe(400)
		return (await response.json()).result.error as Record<string, string[]>
	}
	const user = await post(newUserRoute, '/admin/users/new', ldldAdmin, {
		email: 'trang@ldld-quangtri.vn',
		full_name: '   ',
		organisation_id: orgs.ldld.id,
		roles: 'drafter',
		locale: 'vi',
		password: 'Tạm thời 2026',
	})
	expect((await errorsOf(user)).full_name).toEqual(['error.required'])
	const organisation = await post(
		newOrganisationRoute,
		'/admin/organisations/new',
		boardAdmin,
		{
			...organisationForm('   '),
			version: '',
			short_name: 'XYZ',
		},
	)
	expect((await errorsOf(organisation)).name_vi).toEqual(['error.required'])
	const partner = await post(newPartnerRoute, '/partners/new', boardAdmin, {
		name_vi: '  ',
		short_name: ' ',
		country: 'LA',
		partner_type: 'provincial_union',
	})
	const partnerErrors = await errorsOf(partner)
	expect(partnerErrors.name_vi).toEqual(['error.required'])
	expect(partnerErrors.short_name).toEqual(['error.required'])
	expect({
		users: await count('app_user'),
		orgs: await count('organisation'),
	}).toEqual(before)
	// A chain step without its Vietnamese name says so in words, not in Zod's English.
	const { 'steps[1].label_vi': _, ...unnamed } = chainForm(1)
	const chain = await post(
		chainRoute,
		chainPath(orgs.cdct.id),
		boardAdmin,
		unnamed,
		{ orgId: orgs.cdct.id },
	)
	expect(chain.status).toBe(400)
	expect(JSON.stringify(await chain.json())).toContain('error.required')
	expect((await getCurrentChain(db, orgs.cdct.id))?.version).toBe(1)
})
