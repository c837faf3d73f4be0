import { redirect } from '@remix-run/node'
import { Lucia, TimeSpan } from 'lucia'
import { db } from '#db/client.server.ts'
import {
	lockedForMinutes,
	recordLoginAttempt,
} from '#db/repos/login-attempt.server.ts'
import {
	createSessionAdapter,
	findSessionWithUser,
	type SessionUserAttributes,
	touchSession,
} from '#db/repos/session.server.ts'
import { getUserForLogin } from '#db/repos/user.server.ts'
import { hashPassword, verifyPassword } from '#lib/password.server.ts'
import { oncePerRequest } from './request-scope.server.ts'
import { singleton } from '#lib/singleton.server.ts'

function userAttributes(attributes: SessionUserAttributes) {
	return {
		email: attributes.email,
		fullName: attributes.full_name,
		title: attributes.title,
		organisationId: attributes.organisation_id,
		organisationKind: attributes.organisation_kind,
		organisationName: attributes.organisation_name,
		roles: attributes.roles,
		locale: attributes.locale,
		mustChangePassword: attributes.must_change_password,
		emailInfo: attributes.email_info,
		unread: attributes.unread,
		inboxCount: attributes.inboxCount,
		returnedCount: attributes.returnedCount,
		reportsOwedCount: attributes.reportsOwedCount,
		substituting: attributes.substituting,
	}
}

const SESSION_DAYS = 30
const DEFAULT_IDLE_HOURS = 8

/** SESSION_IDLE_HOURS: a session without a request for this long has ended (default 8). */
export function sessionIdleMs() {
	const hours = Number(process.env.SESSION_IDLE_HOURS)
	return (hours > 0 ? hours : DEFAULT_IDLE_HOURS) * 60 * 60 * 1000
}

// Everything Lucia is in this file, so it can be replaced without touching routes.
// Lucia creates and ends sessions; they are checked here (validate), so that they never
// slide past SESSION_DAYS and also end when idle.
const lucia = singleton(
	'lucia',
	() =>
		new Lucia(createSessionAdapter(db), {
			sessionExpiresIn: new TimeSpan(SESSION_DAYS, 'd'),
			sessionCookie: {
				name: 'session',
				attributes: { sameSite: 'lax', secure: false },
			},
			getUserAttributes: userAttributes,
		}),
)

declare module 'lucia' {
	interface Register {
		Lucia: typeof lucia
		DatabaseUserAttributes: SessionUserAttributes
	}
}

export type SessionUser = import('lucia').User

export { hashPassword, verifyPassword }

// Verified against when the email is unknown, so that both cases take the same time.
const unknownUserHash = singleton('unknown-user-hash', () =>
	hashPassword('no such user'),
)

function isSecure(request: Request) {
	return new URL(request.url).protocol === 'https:'
}

function serialize(
	request: Request,
	cookie: ReturnType<typeof lucia.createBlankSessionCookie>,
) {
	cookie.attributes.secure = isSecure(request)
	return cookie.serialize()
}

function sessionIdFrom(request: Request) {
	return lucia.readSessionCookie(request.headers.get('cookie') ?? '')
}

/**
 * The signed-in user, and a Set-Cookie header when Lucia extended or dropped the session.
 * Checked once per page view: the root loader and the route's loader of one GET share the
 * result (actions, which may change the user, always check afresh).
 */
export function getSession(request: Request) {
	if (request.method !== 'GET' && request.method !== 'HEAD')
		return validate(request)
	return oncePerRequest(`session:${request.headers.get('cookie') ?? ''}`, () =>
		validate(request),
	)
}

async function validate(request: Request): Promise<{
	user: SessionUser | null
	setCookie: string | null
	/** The cookie named a session that has just run out (idle or 30 days). */
	ended: boolean
}> {
	const sessionId = sessionIdFrom(request)
	if (!sessionId) return { user: null, setCookie: null, ended: false }
	const found = await findSessionWithUser(db, sessionId)
	const now = Date.now()
	const ended = Boolean(
		found &&
		(found.session.expiresAt.getTime() <= now ||
			found.lastSeenAt.getTime() + sessionIdleMs() <= now),
	)
	if (!found?.user || ended) {
		if (found) await lucia.invalidateSession(sessionId)
		return {
			user: null,
			setCookie: serialize(request, lucia.createBlankSessionCookie()),
			ended,
		}
	}
	if (now - found.lastSeenAt.getTime() > 60_000)
		await touchSession(db, sessionId)
	const user: SessionUser = {
		id: found.user.id,
		...userAttributes(found.user.attributes as SessionUserAttributes),
	}
	return { user, setCookie: null, ended: false }
}

export async function getUser(request: Request) {
	return (await getSession(request)).user
}

function loginRedirect(request: Request, ended: boolean) {
	const url = new URL(request.url)
	const redirectTo = `${url.pathname}${url.search}`
	const search = new URLSearchParams(redirectTo === '/' ? {} : { redirectTo })
	if (ended) search.set('expired', '1')
	const query = search.size ? `?${search}` : ''
	return redirect(`/login${query}`)
}

/** Signed-in user or a redirect to the sign-in page; a user with a one-time password must change it first. */
export async function requireUser(
	request: Request,
	{ allowPasswordChange = false } = {},
) {
	const { user, ended } = await getSession(request)
	if (!user) throw loginRedirect(request, ended)
	if (user.mustChangePassword && !allowPasswordChange)
		throw redirect('/change-password')
	return user
}

export async function requireAnonymous(request: Request) {
	if (await getUser(request)) throw redirect('/')
}

export type LoginResult =
	| { status: 'ok'; userId: string; mustChangePassword: boolean }
	| { status: 'locked'; minutes: number }
	| { status: 'invalid' | 'inactive' }

export async function checkCredentials({
	email,
	password,
	ip,
}: {
	email: string
	password: string
	ip: string
}): Promise<LoginResult> {
	const minutes = await lockedForMinutes(db, { email, ip })
	if (minutes > 0) return { status: 'locked', minutes }
	const user = await getUserForLogin(db, email)
	const valid = await verifyPassword(
		user?.password_hash ?? (await unknownUserHash),
		password,
	)
	await recordLoginAttempt(db, { email, ip, succeeded: Boolean(user && valid) })
	if (!user || !valid) return { status: 'invalid' }
	if (!user.active) return { status: 'inactive' }
	return {
		status: 'ok',
		userId: user.id,
		mustChangePassword: user.must_change_password,
	}
}

/** Starts a new session (a new id every time; the old one, if any, is ended) and returns its cookie. */
export async function startSession(request: Request, userId: string) {
	const previous = sessionIdFrom(request)
	if (previous) await lucia.invalidateSession(previous)
	const session = await lucia.createSession(userId, {})
	return serialize(request, lucia.createSessionCookie(session.id))
}

export async function endSession(request: Request) {
	const sessionId = sessionIdFrom(request)
	if (sessionId) await lucia.invalidateSession(sessionId)
	return serialize(request, lucia.createBlankSessionCookie())
}

export async function endAllSessions(userId: string) {
	await lucia.invalidateUserSessions(userId)
}

/** A redirect target from a query string, only within this site. */
export function safeRedirect(
	to: FormDataEntryValue | string | null | undefined,
	fallback = '/',
) {
	// Browsers read "/\evil.example" and "/<tab>/evil.example" as another site: only a path that
	// resolves on this site, without backslashes or control characters, is followed.
	if (
		typeof to !== 'string' ||
		!to.startsWith('/') ||
		/[\\\u0000-\u001f\u007f]/.test(to)
	)
		return fallback
	const base = 'http://this.invalid'
	const url = URL.canParse(to, base) ? new URL(to, base) : null
	if (!url || url.origin !== base) return fallback
	return `${url.pathname}${url.search}${url.hash}`
}
