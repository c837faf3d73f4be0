import { fakerVI as faker } from '@faker-js/faker'
import { type Db } from '#db/client.server.ts'
import { type NewAppUser, type NewOrganisation } from '#db/schema.ts'
import { startSession } from '#app/utils/auth.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'

/** Every user from `insertUser` has this password unless told otherwise. */
export const PASSWORD = 'Mật khẩu 2026!'

// argon2 takes tens of milliseconds; one hash serves every factory user of the file.
let passwordHash: Promise<string> | undefined
export function knownPasswordHash() {
	passwordHash ??= hashPassword(PASSWORD)
	return passwordHash
}

let sequence = 0
const next = () => ++sequence

export function createOrganisation(overrides: Partial<NewOrganisation> = {}): NewOrganisation {
	const name = `${faker.company.name()} ${next()}`
	return {
		kind: 'provincial_federation',
		name_vi: `Liên đoàn Lao động ${name}`,
		name_en: `${name} Federation of Labour`,
		short_name: `LĐLĐ ${name}`,
		province: faker.location.state(),
		...overrides,
	}
}

export async function insertOrganisation(db: Db, overrides: Partial<NewOrganisation> = {}) {
	return db.insertInto('organisation').values(createOrganisation(overrides)).returningAll().executeTakeFirstOrThrow()
}

export function createUser(overrides: Partial<NewAppUser> & Pick<NewAppUser, 'organisation_id'>) {
	const n = next()
	return {
		email: `user${n}.${faker.string.alphanumeric(6).toLowerCase()}@example.vn`,
		full_name: faker.person.fullName(),
		title: faker.person.jobTitle(),
		roles: ['drafter'],
		...overrides,
	} satisfies Omit<NewAppUser, 'password_hash'>
}

/** A user (in a new organisation unless `organisation_id` is given) whose password is PASSWORD. */
export async function insertUser(db: Db, overrides: Partial<NewAppUser> = {}) {
	const organisation_id = overrides.organisation_id ?? (await insertOrganisation(db)).id
	const values = { ...createUser({ ...overrides, organisation_id }), password_hash: overrides.password_hash ?? (await knownPasswordHash()) }
	return db.insertInto('app_user').values(values).returningAll().executeTakeFirstOrThrow()
}

/** The `name=value` part of a Set-Cookie header. */
export function cookiePair(setCookie: string | null | undefined) {
	if (!setCookie) throw new Error('expected a Set-Cookie header')
	return setCookie.split(';')[0]
}

/** The session id a Set-Cookie header of the `session` cookie carries ('' for a blank cookie). */
export function sessionIdOf(setCookie: string | null | undefined) {
	const [name, value] = cookiePair(setCookie).split('=')
	if (name !== 'session') throw new Error(`expected the session cookie, got ${name}`)
	return value
}

/** Signs `userId` in the way the login route does, and returns the Cookie header a browser would send. */
export async function sessionCookie(userId: string) {
	return cookiePair(await startSession(new Request('http://localhost/login', { method: 'POST' }), userId))
}

export const ORIGIN = 'http://localhost'

type RequestOptions = {
	method?: string
	/** Sent as application/x-www-form-urlencoded; implies POST. */
	form?: Record<string, string | string[]>
	/** Signs this user in first (a new session). */
	user?: { id: string } | string
	/** A Cookie header to send as it is (e.g. from `sessionCookie`). */
	cookie?: string
	headers?: Record<string, string>
}

/** A Request as the browser would send it to this app: same-origin, with the session cookie if asked. */
export async function request(path: string, { method, form, user, cookie, headers = {} }: RequestOptions = {}) {
	const url = new URL(path, ORIGIN)
	const all = new Headers({ Origin: url.origin, Host: url.host, ...headers })
	const cookies = [cookie, user && (await sessionCookie(typeof user === 'string' ? user : user.id))].filter(Boolean)
	if (cookies.length) all.set('Cookie', cookies.join('; '))
	let body: URLSearchParams | undefined
	if (form) {
		body = new URLSearchParams()
		for (const [key, value] of Object.entries(form)) {
			for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
		}
	}
	return new Request(url, { method: method ?? (form ? 'POST' : 'GET'), headers: all, body })
}

/** What loaders and actions get besides the request. */
export function args(req: Request, params: Record<string, string> = {}) {
	return { request: req, params, context: { clientIp: '1.2.3.4' } }
}

/** Runs a loader or action and returns its Response, whether it was returned or thrown. */
export async function settle(work: () => Promise<unknown>): Promise<Response> {
	try {
		const result = await work()
		if (result instanceof Response) return result
		throw new Error(`expected a Response, got ${JSON.stringify(result)}`)
	} catch (error) {
		if (error instanceof Response) return error
		throw error
	}
}
