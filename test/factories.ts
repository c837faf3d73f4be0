import { fakerVI as faker } from '@faker-js/faker'
import { type Kysely } from 'kysely'
import { type Db } from '#db/client.server.ts'
import { insertPlan as insertPlanRow, type PlanContent, savePlanContent } from '#db/repos/plan.server.ts'
import { type DB, type NewAppUser, type NewOrganisation, type Role } from '#db/schema.ts'
import { type PlanEvent, type PlanEventType } from '#workflows/plans/plan.machine.ts'
import { applyPlanEvent } from '#workflows/plans/plan.server.ts'
import { startSession } from '#app/utils/auth.server.ts'
import { hashPassword } from '#lib/password.server.ts'

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

// ---------------------------------------------------------------------------------------------
// Plans

/** A chain version for `organisationId` (the next version number), its steps in the order given. */
export async function insertChain(
	db: Db,
	organisationId: string,
	steps: (string | { organisation_id: string; label_vi?: string; label_en?: string; optional?: boolean })[],
) {
	const current = await db
		.selectFrom('chain')
		.select(eb => eb.fn.max('version').as('version'))
		.where('organisation_id', '=', organisationId)
		.executeTakeFirstOrThrow()
	const chain = await db
		.insertInto('chain')
		.values({ organisation_id: organisationId, version: (current.version ?? 0) + 1 })
		.returning(['id', 'version'])
		.executeTakeFirstOrThrow()
	const rows = await db
		.insertInto('chain_step')
		.values(
			steps.map((step, index) => {
				const s = typeof step === 'string' ? { organisation_id: step } : step
				return { chain_id: chain.id, position: index + 1, label_vi: `Bước ${index + 1}`, optional: false, ...s }
			}),
		)
		.returning(['id', 'position', 'organisation_id', 'optional'])
		.execute()
	return { ...chain, steps: rows.sort((a, b) => a.position - b.position) }
}

/**
 * The plan form as a browser sends it, filled in like seed 001's first 2020 row: Đoàn ra to
 * Lào, the partner chosen from the list, 10 members planned, 3–4 days, two activity lines and
 * one budget line. Field names are the form's (conform: `budget[0].payer`).
 */
export function completePlanFields(partnerId: string): Record<string, string> {
	return {
		plan_year: '2027',
		direction: 'out',
		name: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
		in_name_of: 'Liên đoàn Lao động tỉnh Quảng Trị',
		head_title: 'Chủ tịch LĐLĐ tỉnh Quảng Trị',
		head_name: '',
		member_count: '10',
		country: 'LA',
		partner_id: partnerId,
		partner_name: '',
		activities: '- Hội đàm trao đổi kinh nghiệm với LHCĐ tỉnh Savannakhet\n- Đi thực tế một số CĐCS',
		days: '3-4',
		timing_kind: 'year',
		'budget[0].payer': 'LĐLĐ tỉnh Quảng Trị',
		'budget[0].item': 'Chi phí phương tiện đi lại và kinh phí hỗ trợ cho bạn',
		'budget[0].source': 'union_budget',
	}
}

/**
 * The plan form as multipart FormData: `undefined` leaves a field out, an array repeats it.
 * Like a browser, it always sends the file input, empty when no file is chosen.
 */
export function planFormData(
	fields: Record<string, string | string[] | undefined>,
	{ intent = 'submit', files = [] }: { intent?: 'save' | 'submit'; files?: File[] } = {},
) {
	const form = new FormData()
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) continue
		for (const v of Array.isArray(value) ? value : [value]) form.append(key, v)
	}
	if (files.length) for (const file of files) form.append('attachments', file)
	else form.append('attachments', new File([], ''), '')
	form.append('intent', intent)
	return form
}

/** A same-origin multipart POST (the plan form), signed in like `request`. */
export async function multipartRequest(path: string, body: FormData, { user, cookie }: Pick<RequestOptions, 'user' | 'cookie'> = {}) {
	const url = new URL(path, ORIGIN)
	const headers = new Headers({ Origin: url.origin, Host: url.host })
	const cookies = [cookie, user && (await sessionCookie(typeof user === 'string' ? user : user.id))].filter(Boolean)
	if (cookies.length) headers.set('Cookie', cookies.join('; '))
	return new Request(url, { method: 'POST', headers, body })
}

/** What `insertPlan` stores: the same seed-001-like plan as `completePlanFields`, already parsed. */
export function completePlanContent(partnerId: string | null, overrides: Partial<PlanContent['fields']> = {}): PlanContent {
	return {
		fields: {
			plan_year: 2027,
			direction: 'out',
			name: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
			in_name_of: 'Liên đoàn Lao động tỉnh Quảng Trị',
			head_title: 'Chủ tịch LĐLĐ tỉnh Quảng Trị',
			member_count: 10,
			country: 'LA',
			partner_id: partnerId,
			partner_name: partnerId ? '' : 'Liên hiệp Công đoàn tỉnh Savannakhet',
			activities: ['Hội đàm trao đổi kinh nghiệm với LHCĐ tỉnh Savannakhet', 'Đi thực tế một số CĐCS'],
			days_min: 3,
			days_max: 4,
			timing_kind: 'year',
			...overrides,
		},
		members: [],
		budget: [{ payer: 'LĐLĐ tỉnh Quảng Trị', item: 'Chi phí phương tiện đi lại', source: 'union_budget', amount: null, currency: null }],
		newAttachments: [],
		removeAttachmentIds: [],
	}
}

/** A complete plan in drafting, saved the way the form saves it (repos, not the route). */
export async function insertPlan(
	db: Kysely<DB>,
	owner: { organisation_id: string; id: string },
	{ partnerId = null, members = 0, fields = {} }: { partnerId?: string | null; members?: number; fields?: Partial<PlanContent['fields']> } = {},
) {
	const content = completePlanContent(partnerId, fields)
	content.members = Array.from({ length: members }, (_, i) => ({
		full_name: `Thành viên ${i + 1}`,
		title: 'Ủy viên Ban Thường vụ',
		organisation_name: 'LĐLĐ tỉnh Quảng Trị',
		passport_type: 'official' as const,
	}))
	if (members > (content.fields.member_count ?? 0)) content.fields.member_count = members
	return db.transaction().execute(async trx => {
		const plan = await insertPlanRow(trx, {
			organisationId: owner.organisation_id,
			createdBy: owner.id,
			plan_year: content.fields.plan_year ?? 2027,
			direction: content.fields.direction ?? 'out',
		})
		const saved = await savePlanContent(trx, plan.id, plan.version, content)
		if (!saved) throw new Error('could not save the plan')
		return { id: plan.id, version: saved.version }
	})
}

/** Sends a workflow event as `user` through the workflow runner, as the plan page does; throws unless it is accepted. */
export async function sendPlanEvent(
	db: Kysely<DB>,
	planId: string,
	type: PlanEventType,
	user: { id: string; organisation_id: string; roles: Role[] },
	comment = type === 'RETURN' || type === 'REJECT' ? 'Đề nghị bổ sung danh sách thành viên.' : undefined,
) {
	const { version } = await db.selectFrom('plan').select('version').where('id', '=', planId).executeTakeFirstOrThrow()
	const actor = { userId: user.id, organisationId: user.organisation_id, roles: user.roles }
	const result = await db
		.transaction()
		.execute(trx => applyPlanEvent(trx, { planId, expectedVersion: version, event: { type, actor, comment } as PlanEvent }))
	if (result.status !== 'ok') throw new Error(`${type} by ${user.id} was refused: ${result.status}`)
	return result.to
}

/** The parts of a plan that must not move when a request is refused. */
export async function planState(db: Db, planId: string) {
	const plan = await db
		.selectFrom('plan')
		.select(['status', 'version', 'name', 'chain_id', 'current_step_organisation_id'])
		.select(eb => eb.selectFrom('plan_event').select(eb.fn.countAll<string>().as('n')).whereRef('plan_event.plan_id', '=', 'plan.id').as('events'))
		.where('id', '=', planId)
		.executeTakeFirst()
	return plan && { ...plan, events: Number(plan.events) }
}

export type PlanOrgKey = 'ldld' | 'tinhUy' | 'board' | 'otherFed' | 'otherTinhUy'
export type PlanRoleKey = 'drafter' | 'approver' | 'admin'
type WorldUser = Awaited<ReturnType<typeof insertUser>>

/**
 * Two provinces and the VGCL board, as in the demo data: LĐLĐ tỉnh Quảng Trị's chain is
 * LĐLĐ → Tỉnh ủy Quảng Trị → Ban Đối ngoại TLĐ, LĐLĐ tỉnh Quảng Bình's is its own federation →
 * Tỉnh ủy Quảng Bình → the board. Every organisation has one drafter, one approver and one
 * admin-only user; the partner is a foreign_partner in Laos.
 */
export async function insertPlanWorld(db: Db) {
	const org = (kind: NewOrganisation['kind'], name_vi: string, short_name: string, province: string) =>
		insertOrganisation(db, { kind, name_vi, name_en: short_name, short_name, province })
	const orgs = {
		board: await org('vgcl_board', 'Ban Đối ngoại Tổng Liên đoàn Lao động Việt Nam', 'Ban Đối ngoại TLĐ', 'Hà Nội'),
		ldld: await org('provincial_federation', 'Liên đoàn Lao động tỉnh Quảng Trị', 'LĐLĐ tỉnh Quảng Trị', 'Quảng Trị'),
		tinhUy: await org('party_committee', 'Tỉnh ủy Quảng Trị', 'Tỉnh ủy Quảng Trị', 'Quảng Trị'),
		otherFed: await org('provincial_federation', 'Liên đoàn Lao động tỉnh Quảng Bình', 'LĐLĐ tỉnh Quảng Bình', 'Quảng Bình'),
		otherTinhUy: await org('party_committee', 'Tỉnh ủy Quảng Bình', 'Tỉnh ủy Quảng Bình', 'Quảng Bình'),
	} satisfies Record<PlanOrgKey, unknown>
	const partner = await insertOrganisation(db, {
		kind: 'foreign_partner',
		name_vi: 'Liên hiệp Công đoàn tỉnh Savannakhet',
		name_en: 'Savannakhet Provincial Trade Union Federation',
		short_name: 'LHCĐ tỉnh Savannakhet',
		country: 'LA',
		province: 'Savannakhet',
	})
	const chains = {
		ldld: await insertChain(db, orgs.ldld.id, [orgs.ldld.id, orgs.tinhUy.id, orgs.board.id]),
		otherFed: await insertChain(db, orgs.otherFed.id, [orgs.otherFed.id, orgs.otherTinhUy.id, orgs.board.id]),
	}
	const users = {} as Record<PlanOrgKey, Record<PlanRoleKey, WorldUser>>
	for (const key of Object.keys(orgs) as PlanOrgKey[]) {
		users[key] = {} as Record<PlanRoleKey, WorldUser>
		for (const role of ['drafter', 'approver', 'admin'] as const) {
			users[key][role] = await insertUser(db, { organisation_id: orgs[key].id, roles: [role] })
		}
	}
	return { orgs, partner, chains, users }
}
