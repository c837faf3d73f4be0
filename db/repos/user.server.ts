import { sql } from 'kysely'
import { searchPattern } from '#lib/vietnamese.ts'
import { nameFirst } from './search.ts'
import { type Db } from '../client.server.ts'
import { type Locale, type NewAppUser, type Role } from '../schema.ts'
import { paginate } from './pagination.ts'

export async function getUserForLogin(db: Db, email: string) {
	return db
		.selectFrom('app_user')
		.select(['id', 'password_hash', 'active', 'must_change_password'])
		.where(sql`lower(email)`, '=', email.trim().toLowerCase())
		.executeTakeFirst()
}

export async function getPasswordHash(db: Db, userId: string) {
	const row = await db
		.selectFrom('app_user')
		.select('password_hash')
		.where('id', '=', userId)
		.executeTakeFirstOrThrow()
	return row.password_hash
}

export async function emailExists(db: Db, email: string) {
	const row = await db
		.selectFrom('app_user')
		.select('id')
		.where(sql`lower(email)`, '=', email.trim().toLowerCase())
		.executeTakeFirst()
	return Boolean(row)
}

/** `organisationId` limits the list to one organisation (an organisation admin sees only their own). */
export async function listUsers(
	db: Db,
	{
		query,
		page,
		organisationId,
	}: { query?: string; page: number; organisationId?: string },
) {
	let q = db
		.selectFrom('app_user as u')
		.innerJoin('organisation as o', 'o.id', 'u.organisation_id')
	if (organisationId) q = q.where('u.organisation_id', '=', organisationId)
	if (query?.trim())
		q = q
			.where(eb =>
				eb.or([
					eb('u.search_text', 'like', searchPattern(query)),
					eb('o.search_text', 'like', searchPattern(query)),
				]),
			)
			.orderBy(nameFirst(sql`u.full_name`, query))
			.orderBy(nameFirst(sql`o.search_text`, query))
	return paginate(
		q
			.select([
				'u.id',
				'u.email',
				'u.full_name',
				'u.title',
				'u.roles',
				'u.active',
				'u.version',
				'u.organisation_id',
				'o.short_name as organisation_short_name',
			])
			.select(eb => eb.fn.countAll<string>().over().as('total'))
			.orderBy(sql`o.name_vi COLLATE vi`)
			.orderBy(sql`u.full_name COLLATE vi`)
			.orderBy('u.id'),
		page,
	)
}

export async function getUser(db: Db, id: string) {
	return db
		.selectFrom('app_user')
		.select([
			'id',
			'email',
			'full_name',
			'title',
			'roles',
			'organisation_id',
			'active',
			'version',
		])
		.where('id', '=', id)
		.executeTakeFirst()
}

/** Optimistic: returns undefined when the user was changed since `version` was read. */
export async function updateUserProfile(
	db: Db,
	id: string,
	version: number,
	values: {
		full_name: string
		title: string
		organisation_id: string
		roles: Role[]
	},
) {
	return db
		.updateTable('app_user')
		.set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
		.where('id', '=', id)
		.where('version', '=', version)
		.returning('id')
		.executeTakeFirst()
}

export async function insertUser(db: Db, values: NewAppUser) {
	return db
		.insertInto('app_user')
		.values(values)
		.returning('id')
		.executeTakeFirstOrThrow()
}

/** Optimistic: returns undefined when the user was changed since `version` was read. */
export async function setUserActive(
	db: Db,
	id: string,
	version: number,
	active: boolean,
) {
	return db
		.updateTable('app_user')
		.set({ active, updated_at: sql`now()`, version: sql`version + 1` })
		.where('id', '=', id)
		.where('version', '=', version)
		.returning('id')
		.executeTakeFirst()
}

export async function setPassword(
	db: Db,
	id: string,
	{ passwordHash, mustChange }: { passwordHash: string; mustChange: boolean },
) {
	await db
		.updateTable('app_user')
		.set({
			password_hash: passwordHash,
			must_change_password: mustChange,
			updated_at: sql`now()`,
			version: sql`version + 1`,
		})
		.where('id', '=', id)
		.execute()
}

export async function setLocale(db: Db, id: string, locale: Locale) {
	await db
		.updateTable('app_user')
		.set({ locale })
		.where('id', '=', id)
		.execute()
}

export async function getActiveUserByEmail(
	db: Db,
	email: string,
	{ lock = false } = {},
) {
	const query = db
		.selectFrom('app_user')
		.select(['id', 'email', 'full_name', 'organisation_id'])
		.where(sql`lower(email)`, '=', email.trim().toLowerCase())
		.where('active', '=', true)
	return (lock ? query.forUpdate() : query).executeTakeFirst()
}

export async function updateUserSettings(
	db: Db,
	id: string,
	settings: { email_info: boolean; locale: Locale },
) {
	await db
		.updateTable('app_user')
		.set({ ...settings, updated_at: sql`now()` })
		.where('id', '=', id)
		.execute()
}
