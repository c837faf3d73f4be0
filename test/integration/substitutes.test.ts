import { beforeEach, describe, expect, test } from 'vitest'
import { db } from '#db/client.server.ts'
import * as planRoute from '#app/routes/plans.$planId._index/route.tsx'
import {
	createSubstitution,
	endSubstitutionEarly,
} from '#db/repos/substitution.server.ts'
import { addDays, todayIso } from '#lib/trip-dates.ts'
import {
	args,
	insertPlan,
	insertPlanWorld,
	planState,
	request,
	sendPlanEvent,
	sessionCookie,
	settle,
} from '../factories.ts'

let world: Awaited<ReturnType<typeof insertPlanWorld>>
beforeEach(async () => {
	world = await insertPlanWorld(db)
})

async function substitute(
	principal: { id: string; organisation_id: string },
	sub: { id: string },
	startsOn: string,
	endsOn: string,
	today = todayIso(),
) {
	return db.transaction().execute(trx =>
		createSubstitution(
			trx,
			{
				organisationId: principal.organisation_id,
				principalId: principal.id,
				substituteId: sub.id,
				startsOn,
				endsOn,
				createdBy: principal.id,
			},
			today,
		),
	)
}

async function decide(user: { id: string }, planId: string, intent: string) {
	const cookie = await sessionCookie(user.id)
	const { version } = await db
		.selectFrom('plan')
		.select('version')
		.where('id', '=', planId)
		.executeTakeFirstOrThrow()
	return settle(async () =>
		planRoute.action(
			args(
				await request(`/plans/${planId}`, {
					cookie,
					form: { intent, version: String(version) },
				}),
				{ planId },
			) as never,
		),
	)
}

describe('substitute approvers', () => {
	test('inside the range the substitute hears of the step and decides on behalf of the approver', async () => {
		const { users } = world
		const today = todayIso()
		expect(
			await substitute(
				users.ldld.approver,
				users.ldld.admin,
				today,
				addDays(today, 3),
			),
		).toMatchObject({ ok: true })
		const plan = await insertPlan(db, users.ldld.drafter)
		await sendPlanEvent(db, plan.id, 'SUBMIT', users.ldld.drafter)

		const told = await db
			.selectFrom('notification')
			.select(['user_id', 'kind'])
			.where('plan_id', '=', plan.id)
			.execute()
		expect(told).toContainEqual({
			user_id: users.ldld.admin.id,
			kind: 'plan-submitted',
		})
		expect(told).toContainEqual({
			user_id: users.ldld.approver.id,
			kind: 'plan-submitted',
		})
		const emails = await db
			.selectFrom('email_message')
			.select('recipient_id')
			.where('plan_id', '=', plan.id)
			.execute()
		expect(emails.map(e => e.recipient_id)).toContain(users.ldld.admin.id)

		// The substitute sees the approver's inbox.
		const inboxRoute = await import('#app/routes/inbox.tsx')
		const inbox = await settle(async () =>
			inboxRoute.loader(
				args(
					await request('/inbox', {
						cookie: await sessionCookie(users.ldld.admin.id),
					}),
				) as never,
			),
		)
		expect(inbox.status).toBe(200)
		expect((await inbox.json()).rows.map((r: { id: string }) => r.id)).toEqual([
			plan.id,
		])

		const response = await decide(users.ldld.admin, plan.id, 'APPROVE')
		expect(response.status).toBe(302)
		const last = await db
			.selectFrom('plan_event')
			.selectAll()
			.where('plan_id', '=', plan.id)
			.orderBy('created_at', 'desc')
			.orderBy('id')
			.executeTakeFirstOrThrow()
		expect(last).toMatchObject({
			event: 'APPROVE',
			actor_id: users.ldld.admin.id,
			on_behalf_of: users.ldld.approver.id,
		})
		expect((await planState(db, plan.id))?.current_step_organisation_id).toBe(
			world.orgs.tinhUy.id,
		)

		// The plan page's timeline names the principal.
		const cookie = await sessionCookie(users.ldld.drafter.id)
		const page = await settle(async () =>
			planRoute.loader(
				args(await request(`/plans/${plan.id}`, { cookie }), {
					planId: plan.id,
				}) as never,
			),
		)
		const data = await page.json()
		expect(data.events.at(-1)).toMatchObject({
			event: 'APPROVE',
			actor_name: users.ldld.admin.full_name,
			on_behalf_name: users.ldld.approver.full_name,
		})
	})

	test('outside the range, or after ending it early, the substitute is refused and nothing changes', async () => {
		const { users } = world
		const today = todayIso()
		const future = await substitute(
			users.ldld.approver,
			users.ldld.admin,
			addDays(today, 1),
			addDays(today, 5),
		)
		expect(future).toMatchObject({ ok: true })
		const plan = await insertPlan(db, users.ldld.drafter)
		await sendPlanEvent(db, plan.id, 'SUBMIT', users.ldld.drafter)
		const before = await planState(db, plan.id)
		const inboxRoute = await import('#app/routes/inbox.tsx')
		const refused = await settle(async () =>
			inboxRoute.loader(
				args(
					await request('/inbox', {
						cookie: await sessionCookie(users.ldld.admin.id),
					}),
				) as never,
			),
		)
		expect(refused.status).toBe(403)
		expect((await decide(users.ldld.admin, plan.id, 'APPROVE')).status).toBe(
			403,
		)
		expect(await planState(db, plan.id)).toEqual(before)
		const told = await db
			.selectFrom('notification')
			.select('user_id')
			.where('plan_id', '=', plan.id)
			.execute()
		expect(told.map(t => t.user_id)).not.toContain(users.ldld.admin.id)

		// Today's substitution, ended early.
		const now = await substitute(
			users.tinhUy.approver,
			users.tinhUy.admin,
			today,
			addDays(today, 2),
		)
		if (!now.ok) throw new Error(now.error)
		expect(
			await endSubstitutionEarly(db, {
				id: now.id,
				organisationId: world.orgs.tinhUy.id,
				principalId: null,
			}),
		).toBe(true)
		await sendPlanEvent(db, plan.id, 'APPROVE', users.ldld.approver)
		const atTinhUy = await planState(db, plan.id)
		expect((await decide(users.tinhUy.admin, plan.id, 'APPROVE')).status).toBe(
			403,
		)
		expect(await planState(db, plan.id)).toEqual(atTinhUy)
	})

	test('overlapping, past, reversed and self substitutions are refused', async () => {
		const { users } = world
		const today = '2026-12-01'
		expect(
			await substitute(
				users.ldld.approver,
				users.ldld.admin,
				'2026-12-05',
				'2026-12-10',
				today,
			),
		).toMatchObject({ ok: true })
		expect(
			await substitute(
				users.ldld.approver,
				users.ldld.drafter,
				'2026-12-10',
				'2026-12-12',
				today,
			),
		).toEqual({
			ok: false,
			field: 'starts_on',
			error: 'substitutes.errors.overlap',
		})
		expect(
			await substitute(
				users.ldld.approver,
				users.ldld.drafter,
				'2026-11-30',
				'2026-12-02',
				today,
			),
		).toMatchObject({ error: 'substitutes.errors.past' })
		expect(
			await substitute(
				users.ldld.approver,
				users.ldld.drafter,
				'2026-12-20',
				'2026-12-15',
				today,
			),
		).toMatchObject({ error: 'substitutes.errors.order' })
		expect(
			await substitute(
				users.ldld.approver,
				users.ldld.approver,
				'2026-12-20',
				'2026-12-21',
				today,
			),
		).toMatchObject({ error: 'substitutes.errors.self' })
		// Someone of another organisation cannot stand in.
		expect(
			await substitute(
				users.ldld.approver,
				users.tinhUy.admin,
				'2026-12-20',
				'2026-12-21',
				today,
			),
		).toMatchObject({ error: 'substitutes.errors.substitute' })
		// The day after the first one ends is free.
		expect(
			await substitute(
				users.ldld.approver,
				users.ldld.drafter,
				'2026-12-11',
				'2026-12-12',
				today,
			),
		).toMatchObject({ ok: true })
		expect(
			Number(
				(
					await db
						.selectFrom('substitution')
						.select(db.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n,
			),
		).toBe(2)
	})
})

describe('the substitutes page', () => {
	test('an approver names a substitute, bad ranges are refused next to the fields, the admin ends it early', async () => {
		const { users } = world
		const page = await import('#app/routes/substitutes.tsx')
		const post = async (user: { id: string }, form: Record<string, string>) =>
			settle(async () =>
				page.action(
					args(
						await request('/substitutes', {
							cookie: await sessionCookie(user.id),
							form,
						}),
					) as never,
				),
			)
		const today = todayIso()
		const [y, m, d] = addDays(today, 1).split('-')
		const tomorrow = `${d}/${m}/${y}`

		// The approver is not offered as their own substitute.
		const offered = await settle(async () =>
			page.loader(
				args(
					await request('/substitutes', {
						cookie: await sessionCookie(users.ldld.approver.id),
					}),
				) as never,
			),
		)
		const { people } = (await offered.json()) as { people: { id: string }[] }
		expect(people.map(p => p.id)).not.toContain(users.ldld.approver.id)
		expect(people.map(p => p.id)).toContain(users.ldld.drafter.id)
		const self = await post(users.ldld.approver, {
			substitute_id: users.ldld.approver.id,
			starts_on: tomorrow,
			ends_on: tomorrow,
		})
		expect(self.status).toBe(400)
		expect(await self.json()).toMatchObject({
			errors: { substitute_id: ['substitutes.errors.self'] },
			values: { starts_on: tomorrow },
		})
		const past = await post(users.ldld.approver, {
			substitute_id: users.ldld.admin.id,
			starts_on: '01/01/2020',
			ends_on: tomorrow,
		})
		expect(await past.json()).toMatchObject({
			errors: { starts_on: ['substitutes.errors.past'] },
		})
		// Someone named by what is not an id (a hand-made post): refused next to the field.
		const notAnId = await post(users.ldld.approver, {
			substitute_id: 'abc',
			starts_on: tomorrow,
			ends_on: tomorrow,
		})
		expect(notAnId.status).toBe(400)
		expect((await notAnId.json()).errors).toEqual({
			substitute_id: ['substitutes.errors.substitute'],
		})
		const principalNotAnId = await post(users.ldld.admin, {
			principal_id: 'abc',
			substitute_id: users.ldld.drafter.id,
			starts_on: tomorrow,
			ends_on: tomorrow,
		})
		expect(principalNotAnId.status).toBe(400)
		expect((await principalNotAnId.json()).errors).toEqual({
			principal_id: ['error.invalidChoice'],
		})
		// Every problem at once: no substitute chosen and the range backwards.
		const [y2, m2, d2] = addDays(today, 2).split('-')
		const everything = await post(users.ldld.approver, {
			substitute_id: '',
			starts_on: `${d2}/${m2}/${y2}`,
			ends_on: tomorrow,
		})
		expect(everything.status).toBe(400)
		expect((await everything.json()).errors).toEqual({
			substitute_id: ['substitutes.errors.substitute'],
			ends_on: ['substitutes.errors.order'],
		})
		expect(
			await db.selectFrom('substitution').select('id').execute(),
		).toHaveLength(0)

		expect(
			(
				await post(users.ldld.approver, {
					substitute_id: users.ldld.admin.id,
					starts_on: tomorrow,
					ends_on: tomorrow,
				})
			).status,
		).toBe(302)
		const overlap = await post(users.ldld.approver, {
			substitute_id: users.ldld.drafter.id,
			starts_on: tomorrow,
			ends_on: tomorrow,
		})
		expect(await overlap.json()).toMatchObject({
			errors: { starts_on: ['substitutes.errors.overlap'] },
		})

		// A drafter may not manage substitutions; another organisation's admin cannot end this one.
		expect(
			(
				await post(users.ldld.drafter, {
					substitute_id: users.ldld.admin.id,
					starts_on: tomorrow,
					ends_on: tomorrow,
				})
			).status,
		).toBe(403)
		const { id } = await db
			.selectFrom('substitution')
			.select('id')
			.executeTakeFirstOrThrow()
		expect((await post(users.tinhUy.admin, { intent: 'end', id })).status).toBe(
			403,
		)
		expect((await post(users.ldld.admin, { intent: 'end', id })).status).toBe(
			302,
		)
		expect(
			(
				await db
					.selectFrom('substitution')
					.select('ended_early_at')
					.executeTakeFirstOrThrow()
			).ended_early_at,
		).not.toBeNull()
	})
	test('a substitute who is not an approver has the Inbox in the menu only while the substitution is in force', async () => {
		const { users } = world
		const root = await import('#app/root.tsx')
		const menu = async () =>
			(
				(await (
					await settle(async () =>
						root.loader(
							args(
								await request('/', {
									cookie: await sessionCookie(users.ldld.admin.id),
								}),
							) as never,
						),
					)
				).json()) as { user: { isApprover: boolean; substituting: boolean } }
			).user
		expect(await menu()).toMatchObject({
			isApprover: false,
			substituting: false,
		})
		const today = todayIso()
		const { id } = await db
			.insertInto('substitution')
			.values({
				organisation_id: users.ldld.approver.organisation_id,
				principal_id: users.ldld.approver.id,
				substitute_id: users.ldld.admin.id,
				starts_on: addDays(today, 1),
				ends_on: addDays(today, 3),
				created_by: users.ldld.approver.id,
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		expect((await menu()).substituting).toBe(false) // starts tomorrow
		await db
			.updateTable('substitution')
			.set({ starts_on: today })
			.where('id', '=', id)
			.execute()
		expect((await menu()).substituting).toBe(true)
		await db
			.updateTable('substitution')
			.set({ ended_early_at: new Date() })
			.where('id', '=', id)
			.execute()
		expect((await menu()).substituting).toBe(false)
	})
})
