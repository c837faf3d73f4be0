/**
 * A page view checks the session once: the root loader and the route's loader of one request
 * share it (server.ts runs every request in its own scope), and the bell's unread count comes
 * with it. Outside a request scope, and for actions, every call checks afresh.
 */
import { expect, test } from 'vitest'
import { loader as rootLoader } from '#app/root.tsx'
import { loader as inboxLoader } from '#app/routes/inbox.tsx'
import { requestScope } from '#app/utils/request-scope.server.ts'
import { db } from '#db/client.server.ts'
import { queryCounter } from '#db/connect.ts'
import { args, insertPlanWorld, request, sessionCookie, settle } from '../factories.ts'

/** Both loaders of one page view, each with its own Request object, as Remix calls them. */
async function pageView(cookie: string) {
	const before = queryCounter.count
	const [root, inbox] = await Promise.all([
		settle(async () => rootLoader(args(await request('/inbox', { cookie })) as never)),
		settle(async () => inboxLoader(args(await request('/inbox', { cookie })) as never)),
	])
	expect([root.status, inbox.status]).toEqual([200, 200])
	const body = (await root.json()) as { user: { unread: number } }
	return { queries: queryCounter.count - before, unread: body.user.unread }
}

test('the root and route loaders of one request validate the session once, and the bell count comes with it', async () => {
	const world = await insertPlanWorld(db)
	const user = world.users.tinhUy.approver
	const cookie = await sessionCookie(user.id)
	await db
		.insertInto('notification')
		.values(
			['a', 'b', 'c'].map(k => ({
				user_id: user.id,
				plan_id: null,
				kind: 'plan-submitted',
				params: {},
				dedupe_key: `scope-test:${k}`,
			})),
		)
		.execute()
	await db.updateTable('notification').set({ read_at: new Date() }).where('dedupe_key', '=', 'scope-test:a').execute()

	const unscoped = await pageView(cookie)
	const scoped = await requestScope.run(new Map(), () => pageView(cookie))
	expect(unscoped.unread).toBe(2)
	expect(scoped.unread).toBe(2)
	// Root: session (with the unread count); inbox: session and its list. In one scope, one session check.
	expect(unscoped.queries).toBe(3)
	expect(scoped.queries).toBe(2)

	// Each request has its own scope: a second page view checks again and sees the new count.
	await db.updateTable('notification').set({ read_at: new Date() }).where('user_id', '=', user.id).execute()
	const next = await requestScope.run(new Map(), () => pageView(cookie))
	expect(next).toEqual({ queries: 2, unread: 0 })
})
