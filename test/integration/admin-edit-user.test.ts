import { beforeEach, describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import { seedDemo } from '#seed/seed.ts'
import * as editUserRoute from '#app/routes/admin.users.$userId/route.tsx'
import { args, request, settle } from '../factories.ts'

const user = (email: string) =>
	db
		.selectFrom('app_user')
		.select(['id', 'version', 'full_name', 'title', 'roles', 'organisation_id'])
		.where('email', '=', email)
		.executeTakeFirstOrThrow()
const orgId = (short_name: string) =>
	db.selectFrom('organisation').select('id').where('short_name', '=', short_name).executeTakeFirstOrThrow().then(o => o.id)

beforeEach(async () => {
	await seedDemo(db)
})

async function post(admin: string, target: { id: string }, form: Record<string, string | string[]>) {
	return settle(async () => editUserRoute.action(args(await request(`/admin/users/${target.id}`, { user: (await user(admin)).id, form }), { userId: target.id }) as never))
}

describe('an admin edits a user', () => {
	test('name, title, roles and organisation are saved, with a version check', async () => {
		const drafter = await user('soanthao@ldld-quangtri.vn')
		const form = {
			intent: 'save',
			version: String(drafter.version),
			full_name: 'Nguyễn Thị Hương Giang',
			title: 'Chuyên viên Ban Đối ngoại',
			organisation_id: drafter.organisation_id,
			roles: ['drafter', 'approver'],
		}
		const response = await post('quantri@ldld-quangtri.vn', drafter, form)
		expect(response.status).toBe(302)
		const saved = await user('soanthao@ldld-quangtri.vn')
		expect(saved).toMatchObject({ full_name: 'Nguyễn Thị Hương Giang', title: 'Chuyên viên Ban Đối ngoại', roles: ['drafter', 'approver'], version: drafter.version + 1 })
		// The audit log keeps who changed what, with only the changed fields' old and new values.
		const audit = await db.selectFrom('audit_log').select(['action', 'subject_id', 'before', 'after']).where('action', '=', 'user.updated').execute()
		expect(audit).toEqual([
			{
				action: 'user.updated',
				subject_id: drafter.id,
				before: { full_name: drafter.full_name, title: drafter.title, roles: drafter.roles },
				after: { full_name: 'Nguyễn Thị Hương Giang', title: 'Chuyên viên Ban Đối ngoại', roles: ['drafter', 'approver'] },
			},
		])

		// The same form again, from before that save, is refused and changes nothing.
		const stale = await post('quantri@ldld-quangtri.vn', drafter, { ...form, full_name: 'Tên khác' })
		expect(stale.status).toBe(409)
		expect((await user('soanthao@ldld-quangtri.vn')).full_name).toBe('Nguyễn Thị Hương Giang')
		expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'user.updated').execute()).toHaveLength(1)
	})

	test('an organisation admin cannot move a user to another organisation, nor edit another organisation’s user', async () => {
		const drafter = await user('soanthao@ldld-quangtri.vn')
		const moved = await post('quantri@ldld-quangtri.vn', drafter, {
			intent: 'save',
			version: String(drafter.version),
			full_name: drafter.full_name,
			organisation_id: await orgId('CĐCTVN'),
			roles: ['drafter'],
		})
		expect(moved.status).toBe(400)
		expect((await user('soanthao@ldld-quangtri.vn')).organisation_id).toBe(drafter.organisation_id)
		const other = await user('soanthao@cdct.vn')
		const response = await post('quantri@ldld-quangtri.vn', other, { intent: 'send-reset' })
		expect(response.status).toBe(404)
	})

	test('an admin cannot drop their own admin role, and no role at all is refused', async () => {
		const admin = await user('quantri@ldld-quangtri.vn')
		const base = { intent: 'save', version: String(admin.version), full_name: admin.full_name, organisation_id: admin.organisation_id }
		expect((await post('quantri@ldld-quangtri.vn', admin, { ...base, roles: ['drafter'] })).status).toBe(400)
		expect((await post('quantri@ldld-quangtri.vn', admin, base)).status).toBe(400)
		expect((await user('quantri@ldld-quangtri.vn')).roles).toEqual(admin.roles)
	})

	test('"send a reset link" emails the link to the user; the admin’s page never holds it', async () => {
		const drafter = await user('soanthao@ldld-quangtri.vn')
		const response = await post('quantri@ldld-quangtri.vn', drafter, { intent: 'send-reset' })
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe(`/admin/users/${drafter.id}`)
		const emails = await db.selectFrom('email_message').select(['to_address', 'template']).where('template', '=', 'password-reset').execute()
		expect(emails).toEqual([{ to_address: 'soanthao@ldld-quangtri.vn', template: 'password-reset' }])
		const page = await settle(async () =>
			editUserRoute.loader(args(await request(`/admin/users/${drafter.id}`, { user: (await user('quantri@ldld-quangtri.vn')).id }), { userId: drafter.id }) as never),
		)
		expect(await page.text()).not.toMatch(/token|reset-password/)
		// A fourth link within the hour is refused with a message, not sent.
		await post('quantri@ldld-quangtri.vn', drafter, { intent: 'send-reset' })
		await post('quantri@ldld-quangtri.vn', drafter, { intent: 'send-reset' })
		const limited = await post('quantri@ldld-quangtri.vn', drafter, { intent: 'send-reset' })
		expect(limited.status).toBe(400)
		expect(await limited.json()).toMatchObject({ resetError: 'user.resetLimited' })
		// Each link sent is in the audit log under the admin who sent it; the refused one is not.
		const admin = await user('quantri@ldld-quangtri.vn')
		const audited = await db
			.selectFrom('audit_log')
			.select(['actor_id', 'subject_id', 'organisation_id'])
			.where('action', '=', 'user.reset_sent')
			.execute()
		expect(audited).toEqual(Array(3).fill({ actor_id: admin.id, subject_id: drafter.id, organisation_id: drafter.organisation_id }))
	})

	test('five "send a reset link" clicks at the same moment send at most three links', async () => {
		const drafter = await user('soanthao@ldld-quangtri.vn')
		const responses = await Promise.all(Array.from({ length: 5 }, () => post('quantri@ldld-quangtri.vn', drafter, { intent: 'send-reset' })))
		expect(responses.map(r => r.status).sort()).toEqual([302, 302, 302, 400, 400])
		const sent = await db.selectFrom('email_message').select('id').where('template', '=', 'password-reset').execute()
		expect(sent).toHaveLength(3)
	})
})
