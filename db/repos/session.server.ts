import { sql } from 'kysely'
import { type Adapter, type DatabaseSession, type DatabaseUser } from 'lucia'
import { type Db } from '../client.server.ts'
import { compiledOnce } from '../compiled-query.ts'
import { PREPARED } from '../postgres-driver.ts'
import { workCountColumns } from './work.server.ts'
import { type Locale, type OrganisationKind, type Role } from '../schema.ts'

export interface SessionUserAttributes {
	email: string
	full_name: string
	title: string
	organisation_id: string
	organisation_kind: OrganisationKind
	organisation_name: string
	roles: Role[]
	locale: Locale
	must_change_password: boolean
	/** Also emails that only inform (the settings page shows it without a query of its own). */
	email_info: boolean
	/** Unread notifications (the bell), read with the session so a page needs no query for it. */
	unread: number
	/** The nav items' counts (see workCountColumns), read with the session too. */
	inboxCount: number
	returnedCount: number
	reportsOwedCount: number
	/** Stands in today for an approver of the same organisation (then has the inbox). */
	substituting: boolean
}

function toSession(row: {
	id: string
	user_id: string
	expires_at: Date
}): DatabaseSession {
	return {
		id: row.id,
		userId: row.user_id,
		expiresAt: new Date(row.expires_at),
		attributes: {},
	}
}

/**
 * The session, when it last saw a request, and its user (null when the user is inactive):
 * one query, which also reads what every page shows of the user.
 */
export async function findSessionWithUser(db: Db, sessionId: string) {
	const [row] = await sessionQuery(db, 'session', sessionId)
	if (!row) return null
	const session = toSession(row)
	const lastSeenAt = new Date(row.last_seen_at)
	if (!row.active) return { session, lastSeenAt, user: null }
	const {
		id: _id,
		user_id,
		expires_at: _e,
		last_seen_at: _l,
		active: _a,
		unread,
		inbox_count,
		returned_count,
		reports_owed_count,
		...rest
	} = row
	const attributes = {
		...rest,
		unread: Number(unread ?? 0),
		inboxCount: Number(inbox_count),
		returnedCount: Number(returned_count),
		reportsOwedCount: Number(reports_owed_count),
	}
	const user: DatabaseUser = { id: user_id, attributes }
	return { session, lastSeenAt, user }
}

// Every request runs it: built and compiled once (see compiledOnce), prepared once per connection.
const sessionQuery = compiledOnce(
	(db: Db, _shape: 'session', sessionId: string) =>
		db
			.selectFrom('session')
			.innerJoin('app_user as u', 'u.id', 'session.user_id')
			.innerJoin('organisation as o', 'o.id', 'u.organisation_id')
			.select([
				'session.id',
				'session.user_id',
				'session.expires_at',
				'session.last_seen_at',
				'u.email',
				'u.full_name',
				'u.title',
				'u.organisation_id',
				'o.kind as organisation_kind',
				'o.name_vi as organisation_name',
				'u.roles',
				'u.locale',
				'u.must_change_password',
				'u.email_info',
				'u.active',
				eb =>
					eb
						.selectFrom('notification as n')
						.select(eb.fn.countAll<string>().as('n'))
						.whereRef('n.user_id', '=', 'u.id')
						.where('n.read_at', 'is', null)
						.as('unread'),
				sql<boolean>`EXISTS (
						SELECT 1 FROM substitution s JOIN app_user p ON p.id = s.principal_id
						WHERE s.substitute_id = u.id AND p.active AND p.organisation_id = u.organisation_id
							AND s.ended_early_at IS NULL
							AND (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN s.starts_on AND s.ends_on
					)`.as('substituting'),
				...workCountColumns(sql.ref('u.organisation_id')),
			])
			.where('session.id', '=', sessionId)
			.modifyFront(sql.raw(PREPARED)),
)

/** Notes a request on the session, at most once a minute so a page view rarely writes. */
export async function touchSession(db: Db, sessionId: string) {
	await db
		.updateTable('session')
		.set({ last_seen_at: sql`now()` })
		.where('id', '=', sessionId)
		.where('last_seen_at', '<', sql<Date>`now() - interval '1 minute'`)
		.execute()
}

/** Lucia v3 adapter over the `session` table; inactive users have no valid session. */
export function createSessionAdapter(db: Db): Adapter {
	return {
		async getSessionAndUser(sessionId) {
			const found = await findSessionWithUser(db, sessionId)
			return found ? [found.session, found.user] : [null, null]
		},
		async getUserSessions(userId) {
			const rows = await db
				.selectFrom('session')
				.select(['id', 'user_id', 'expires_at'])
				.where('user_id', '=', userId)
				.execute()
			return rows.map(toSession)
		},
		async setSession(session) {
			await db
				.insertInto('session')
				.values({
					id: session.id,
					user_id: session.userId,
					expires_at: session.expiresAt,
				})
				.execute()
		},
		async updateSessionExpiration(sessionId, expiresAt) {
			await db
				.updateTable('session')
				.set({ expires_at: expiresAt })
				.where('id', '=', sessionId)
				.execute()
		},
		async deleteSession(sessionId) {
			await db.deleteFrom('session').where('id', '=', sessionId).execute()
		},
		async deleteUserSessions(userId) {
			await db.deleteFrom('session').where('user_id', '=', userId).execute()
		},
		async deleteExpiredSessions() {
			await db
				.deleteFrom('session')
				.where('expires_at', '<=', new Date())
				.execute()
		},
	}
}
