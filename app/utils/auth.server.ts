import { redirect } from '@remix-run/node'
import { Lucia, TimeSpan } from 'lucia'
import { db } from '#db/client.server.ts'
import {
	isLockedOut,
	recordLoginAttempt,
} from '#db/repos/login-attempt.server.ts'
import {
	createSessionAdapter,
	type SessionUserAttributes,
} from '#db/repos/session.server.ts'
import { getUserForLogin } from '#db/repos/user.server.ts'
import { hashPassword, verifyPassword } from '#lib/password.server.ts'
import { oncePerRequest } from './request-scope.server.ts'
import { singleton } from '#lib/singleton.server.ts'

// Everything Lucia is in this file, so it can be replaced without touching routes.
const lucia = singleton(
	'lucia',
	() =>
		new Lucia(createSessionAdapter(db), {
			sessionExpiresIn: new TimeSpan(30, 'd'),
			sessionCookie: {
				name: 'session',
				attributes: { sameSite: 'lax', secure: false },
			},
			getUserAttributes: attributes => ({
				email: attributes.email,
				fullName: attributes.full_name,
				title: attributes.title,
				organisationId: attributes.organisation_id,
				organisationKind: attributes.organisation_kind,
				organisationName: attributes.organisation_name,
				roles: attributes.roles,
				locale: attributes.locale,
				mustChangePassword: attributes.must_change_password,
				unread: attributes.unread,
				substituting: attributes.substituting,
			}),
		}),
)

declare module 'lucia' {
	interface Register {
		Lucia: typeof lucia
		DatabaseUserAttributes: SessionUserAttributes
	}
}

export type SessionUser = NonNullable<
	Awaited<ReturnType<typeof lucia.validateSession>>['user']
>

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

async function validate(request: Request) {
	const sessionId = sessionIdFrom(request)
	if (!sessionId) return { user: null, setCookie: null }
	const { session, user } = await lucia.validateSession(sessionId)
	if (!session)
		return {
			user: null,
			setCookie: serialize(request, lucia.createBlankSessionCookie()),
		}
	const setCookie = session.fresh
		? serialize(request, lucia.createSessionCookie(session.id))
		: null
	return { user, setCookie }
}

export async function getUser(request: Request) {
	return (await getSession(request)).user
}

function loginRedirect(request: Request) {
	const url = new URL(request.url)
	const redirectTo = `${url.pathname}${url.search}`
	const search =
		redirectTo === '/' ? '' : `?${new URLSearchParams({ redirectTo })}`
	return redirect(`/login${search}`)
}

/** Signed-in user or a redirect to the sign-in page; a user with a one-time password must change it first. */
export async function requireUser(
	request: Request,
	{ allowPasswordChange = false } = {},
) {
	const user = await getUser(request)
	if (!user) throw loginRedirect(request)
	if (user.mustChangePassword && !allowPasswordChange)
		throw redirect('/change-password')
	return user
}

export async function requireAnonymous(request: Request) {
	if (await getUser(request)) throw redirect('/')
}

export type LoginResult =
	| { status: 'ok'; userId: string; mustChangePassword: boolean }
	| { status: 'invalid' | 'locked' | 'inactive' }

export async function checkCredentials({
	email,
	password,
	ip,
}: {
	email: string
	password: string
	ip: string
}): Promise<LoginResult> {
	if (await isLockedOut(db, { email, ip })) return { status: 'locked' }
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
	if (
		!to ||
		typeof to !== 'string' ||
		!to.startsWith('/') ||
		to.startsWith('//')
	)
		return fallback
	return to
}
