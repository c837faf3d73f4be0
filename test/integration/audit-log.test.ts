import { sql } from 'kysely'
import { beforeEach, describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { seedDemo } from '#seed/seed.ts'
import * as auditRoute from '#app/routes/admin.audit/route.tsx'
import * as chainRoute from '#app/routes/admin.organisations.$orgId.chain/route.tsx'
import * as organisationRoute from '#app/routes/admin.organisations.$orgId._index.tsx'
import * as usersRoute from '#app/routes/admin.users._index.tsx'
import * as newUserRoute from '#app/routes/admin.users.new.tsx'
import * as substitutesRoute from '#app/routes/substitutes.tsx'
import { todayIso } from '#lib/trip-dates.ts'
import { formatIsoDate } from '#lib/format.ts'
import { args, request, sessionCookie, settle } from '../factories.ts'

// Who did what to accounts, organisations, chains and substitutions: written with the action,
// shown to the organisation's admins and the board's, never changed afterwards.

type Route = { loader?: (a: never) => Promise<unknown>; action?: (a: never) => Promise<unknown> }
const post = (route: Route, path: string, cookie: string, form: Record<string, string>, params: Record<string, string> = {}) =>
	settle(async () => route.action!(args(await request(path, { cookie, form }), params) as never))
const getAudit = (cookie: string, search = '') =>
	settle(async () => auditRoute.loader(args(await request(`/admin/audit${search}`, { cookie })) as never))

let ids: Record<'ldld' | 'cdct' | 'board' | 'ldldAdmin' | 'boardAdmin' | 'cdctAdmin' | 'drafter' | 'approver', string>
let cookies: Record<'ldldAdmin' | 'boardAdmin' | 'cdctAdmin' | 'drafter', string>

beforeEach(async () => {
	await seedDemo(db)
	const org = async (short_name: string) =>
		(await db.selectFrom('organisation').select('id').where('short_name', '=', short_name).executeTakeFirstOrThrow()).id
	const user = async (email: string) => (await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id
	ids = {
		ldld: await org('LĐLĐ tỉnh Quảng Trị'),
		cdct: await org('CĐCTVN'),
		board: await org('Ban Đối ngoại TLĐ'),
		ldldAdmin: await user('quantri@ldld-quangtri.vn'),
		boardAdmin: await user('quantri@bandoingoai-tld.vn'),
		cdctAdmin: await user('chutich@cdct.vn'),
		drafter: await user('soanthao@ldld-quangtri.vn'),
		approver: await user('chutich@ldld-quangtri.vn'),
	}
	cookies = {
		ldldAdmin: await sessionCookie(ids.ldldAdmin),
		boardAdmin: await sessionCookie(ids.boardAdmin),
		cdctAdmin: await sessionCookie(ids.cdctAdmin),
		drafter: await sessionCookie(ids.drafter),
	}
})

async function entries() {
	return db
		.selectFrom('audit_log')
		.select(['actor_id', 'organisation_id', 'action', 'subject_id', 'before', 'after'])
		.orderBy('id')
		.execute()
}

describe('what is written', () => {
	test('locking and enabling an account: who, whom, active before and after; a refused attempt writes nothing', async () => {
		const { version } = await db.selectFrom('app_user').select('version').where('id', '=', ids.drafter).executeTakeFirstOrThrow()
		const form = { intent: 'deactivate', userId: ids.drafter, version: String(version) }
		expect((await post(usersRoute, '/admin/users', cookies.ldldAdmin, form)).status).toBe(302)
		// The same version again is a conflict: no change, no entry.
		expect((await post(usersRoute, '/admin/users', cookies.ldldAdmin, form)).status).toBe(409)
		expect((await post(usersRoute, '/admin/users', cookies.ldldAdmin, { ...form, intent: 'activate', version: String(version + 1) })).status).toBe(302)

		expect(await entries()).toEqual([
			{ actor_id: ids.ldldAdmin, organisation_id: ids.ldld, action: 'user.deactivated', subject_id: ids.drafter, before: { email: 'soanthao@ldld-quangtri.vn', active: true }, after: { email: 'soanthao@ldld-quangtri.vn', active: false } },
			{ actor_id: ids.ldldAdmin, organisation_id: ids.ldld, action: 'user.activated', subject_id: ids.drafter, before: { email: 'soanthao@ldld-quangtri.vn', active: false }, after: { email: 'soanthao@ldld-quangtri.vn', active: true } },
		])
	})

	test('creating an account records its email, name, organisation and roles, never the password', async () => {
		const response = await post(newUserRoute, '/admin/users/new', cookies.ldldAdmin, {
			email: 'Moi.Nguoi@ldld-quangtri.vn',
			full_name: 'Trần Thị Mới',
			organisation_id: ids.ldld,
			roles: 'drafter',
			locale: 'vi',
			password: 'Tạm thời 2026!',
		})
		expect(response.status).toBe(302)
		const [entry] = await entries()
		const created = await db.selectFrom('app_user').select('id').where('email', '=', 'moi.nguoi@ldld-quangtri.vn').executeTakeFirstOrThrow()
		expect(entry).toMatchObject({ actor_id: ids.ldldAdmin, organisation_id: ids.ldld, action: 'user.created', subject_id: created.id, before: null })
		expect(entry!.after).toMatchObject({ email: 'moi.nguoi@ldld-quangtri.vn', full_name: 'Trần Thị Mới', organisation_id: ids.ldld, roles: ['drafter'] })
		expect(JSON.stringify(entry)).not.toContain('Tạm thời')
	})

	test('publishing a chain version records the steps before and after', async () => {
		const chainPath = `/admin/organisations/${ids.cdct}/chain`
		const current = await db.selectFrom('chain').select(eb => eb.fn.max('version').as('v')).where('organisation_id', '=', ids.cdct).executeTakeFirstOrThrow()
		const response = await post(chainRoute, chainPath, cookies.boardAdmin, {
			expectedVersion: String(current.v),
			'steps[0].organisation_id': ids.cdct,
			'steps[0].label_vi': 'Ban Thường vụ',
			'steps[1].organisation_id': ids.board,
			'steps[1].label_vi': 'Ban Đối ngoại TLĐ',
		}, { orgId: ids.cdct })
		expect(response.status).toBe(302)
		const [entry] = await entries()
		expect(entry).toMatchObject({ actor_id: ids.boardAdmin, organisation_id: ids.cdct, action: 'chain.published' })
		expect((entry!.before as { version: number }).version).toBe(current.v)
		expect(entry!.after).toMatchObject({ version: Number(current.v) + 1, steps: [{ label_vi: 'Ban Thường vụ' }, { label_vi: 'Ban Đối ngoại TLĐ' }] })
	})

	test('organisation settings: only the fields that changed, old and new', async () => {
		const org = await db.selectFrom('organisation').selectAll().where('id', '=', ids.cdct).executeTakeFirstOrThrow()
		const response = await post(organisationRoute, `/admin/organisations/${ids.cdct}`, cookies.cdctAdmin, {
			version: String(org.version),
			kind: org.kind,
			name_vi: org.name_vi,
			name_en: org.name_en ?? '',
			short_name: org.short_name,
			province: org.province ?? '',
			country: org.country,
			parent_id: org.parent_id ?? '',
			report_due_days: '20',
			approval_reminder_days: String(org.approval_reminder_days),
		}, { orgId: ids.cdct })
		expect(response.status).toBe(302)
		expect(await entries()).toEqual([
			{ actor_id: ids.cdctAdmin, organisation_id: ids.cdct, action: 'organisation.updated', subject_id: ids.cdct, before: { report_due_days: org.report_due_days }, after: { report_due_days: 20 } },
		])
	})

	test('appointing and ending a substitute', async () => {
		const today = formatIsoDate(todayIso())
		const created = await post(substitutesRoute, '/substitutes', cookies.ldldAdmin, { principal_id: ids.approver, substitute_id: ids.drafter, starts_on: today, ends_on: today })
		expect(created.status).toBe(302)
		const substitution = await db.selectFrom('substitution').select('id').executeTakeFirstOrThrow()
		expect((await post(substitutesRoute, '/substitutes', cookies.ldldAdmin, { intent: 'end', id: substitution.id })).status).toBe(302)
		const written = await entries()
		expect(written.map(e => [e.action, e.subject_id, e.actor_id])).toEqual([
			['substitution.created', substitution.id, ids.ldldAdmin],
			['substitution.ended', substitution.id, ids.ldldAdmin],
		])
		expect(written[0]!.after).toMatchObject({ principal_id: ids.approver, substitute_id: ids.drafter, starts_on: todayIso() })
	})
})

describe('append-only', () => {
	test('the database refuses to change or remove an entry', async () => {
		await db.insertInto('audit_log').values({ actor_id: ids.ldldAdmin, organisation_id: ids.ldld, action: 'user.created', subject_id: ids.drafter }).execute()
		await expect(sql`UPDATE audit_log SET action = 'user.activated'`.execute(db)).rejects.toThrow(/append-only/)
		await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/)
		expect(await entries()).toHaveLength(1)
	})
})

describe('who sees it', () => {
	async function insertEntries(organisationId: string, count: number) {
		// One transaction: the same time for all, so only the id orders them.
		await db.transaction().execute(trx =>
			trx
				.insertInto('audit_log')
				.values(Array.from({ length: count }, (_, i) => ({ actor_id: ids.boardAdmin, organisation_id: organisationId, action: 'user.created' as const, subject_id: `n${i}` })))
				.execute(),
		)
	}
	type Page = { rows: { subject_id: string; organisation_short_name: string }[]; total: number }

	test("an organisation's admin sees only their organisation's entries; the board's admin sees all, newest first, 20 a page", async () => {
		await insertEntries(ids.ldld, 25)
		await insertEntries(ids.cdct, 3)

		const ldld = (await (await getAudit(cookies.ldldAdmin)).json()) as Page
		expect(ldld.total).toBe(25)
		expect(ldld.rows).toHaveLength(20)
		expect(ldld.rows.map(r => r.subject_id).slice(0, 3)).toEqual(['n24', 'n23', 'n22'])
		const second = (await (await getAudit(cookies.ldldAdmin, '?page=2')).json()) as Page
		expect(second.rows.map(r => r.subject_id)).toEqual(['n4', 'n3', 'n2', 'n1', 'n0'])
		expect(new Set(ldld.rows.map(r => r.organisation_short_name))).toEqual(new Set(['LĐLĐ tỉnh Quảng Trị']))

		const board = (await (await getAudit(cookies.boardAdmin)).json()) as Page
		expect(board.total).toBe(28)
		expect(board.rows.slice(0, 3).map(r => r.subject_id)).toEqual(['n2', 'n1', 'n0'])
	})

	test('each entry names whom it is about: the account changed, or the organisation', async () => {
		await db
			.insertInto('audit_log')
			.values([
				{ actor_id: ids.ldldAdmin, organisation_id: ids.ldld, action: 'user.updated', subject_id: ids.drafter },
				{ actor_id: ids.boardAdmin, organisation_id: ids.cdct, action: 'organisation.updated', subject_id: ids.cdct },
			])
			.execute()
		const board = (await (await getAudit(cookies.boardAdmin)).json()) as { rows: { action: string; subject_name: string | null }[] }
		expect(board.rows.map(r => [r.action, r.subject_name])).toEqual([
			['organisation.updated', 'CĐCTVN'],
			['user.updated', 'Nguyễn Thị Hương (soanthao@ldld-quangtri.vn)'],
		])
	})

	test('someone who is not an admin is refused', async () => {
		expect((await getAudit(cookies.drafter)).status).toBe(403)
	})
})
