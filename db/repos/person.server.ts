import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { searchPattern } from '#lib/vietnamese.ts'
import { type Db } from '../client.server.ts'
import { paginate } from './pagination.ts'
import { nameFirst } from './search.ts'

export interface PersonFields {
	full_name: string
	position: string
	unit: string
	born_on: string | null
	/** Optional (lower-case); the holder's passport reminders go here too. */
	email?: string | null
}

const personColumns = [
	'person.id',
	'person.organisation_id',
	'person.full_name',
	'person.position',
	'person.unit',
	sql<string | null>`to_char(person.born_on, 'YYYY-MM-DD')`.as('born_on'),
	'person.email',
	'person.version',
] as const

/** One page of an organisation's people, in Vietnamese order, found without accents; with their passports' count. */
export async function listPeople(
	db: Db,
	organisationId: string,
	{ query, page }: { query?: string; page: number },
) {
	let q = db
		.selectFrom('person')
		.where('person.organisation_id', '=', organisationId)
	if (query?.trim())
		q = q
			.where('person.search_text', 'like', searchPattern(query))
			.orderBy(nameFirst(sql`person.full_name`, query))
	return paginate(
		q
			.select(personColumns)
			.select(eb =>
				jsonArrayFrom(
					eb
						.selectFrom('passport')
						.select([
							'passport.id',
							'passport.number',
							'passport.kind',
							'passport.state',
							sql<string>`to_char(passport.expires_on, 'YYYY-MM-DD')`.as(
								'expires_on',
							),
						])
						.whereRef('passport.person_id', '=', 'person.id')
						.where('passport.state', '<>', 'cancelled')
						.orderBy('passport.expires_on', 'desc'),
				).as('passports'),
			)
			.select(eb => eb.fn.countAll<string>().over().as('total'))
			.orderBy(sql`person.full_name COLLATE vi`)
			.orderBy('person.id'),
		page,
	)
}

export async function getPerson(db: Db, organisationId: string, id: string) {
	return db
		.selectFrom('person')
		.select(personColumns)
		.where('person.id', '=', id)
		.where('person.organisation_id', '=', organisationId)
		.executeTakeFirst()
}

/** Of `ids`, those that are people of the organisation (one query). */
export async function peopleOfOrganisation(
	db: Db,
	organisationId: string,
	ids: string[],
) {
	if (!ids.length) return new Set<string>()
	const rows = await db
		.selectFrom('person')
		.select('id')
		.where('organisation_id', '=', organisationId)
		.where('id', 'in', ids)
		.execute()
	return new Set(rows.map(r => r.id))
}

export async function insertPerson(
	db: Db,
	organisationId: string,
	createdBy: string,
	fields: PersonFields,
) {
	return db
		.insertInto('person')
		.values({
			...fields,
			organisation_id: organisationId,
			created_by: createdBy,
		})
		.returning('id')
		.executeTakeFirstOrThrow()
}

/** Several people at once (members typed on a plan form and added to the directory), in order. */
export async function insertPeople(
	db: Db,
	organisationId: string,
	createdBy: string,
	people: PersonFields[],
) {
	if (!people.length) return []
	const rows = await db
		.insertInto('person')
		.values(
			people.map(p => ({
				...p,
				organisation_id: organisationId,
				created_by: createdBy,
			})),
		)
		.returning('id')
		.execute()
	return rows.map(r => r.id)
}

/** Saves the person at the version the user saw: false when someone changed them since. */
export async function updatePerson(
	db: Db,
	organisationId: string,
	id: string,
	version: number,
	fields: PersonFields,
) {
	const row = await db
		.updateTable('person')
		.set({ ...fields, version: sql`version + 1`, updated_at: sql`now()` })
		.where('id', '=', id)
		.where('organisation_id', '=', organisationId)
		.where('version', '=', version)
		.returning('id')
		.executeTakeFirst()
	return Boolean(row)
}

/**
 * People of the organisation matching `query`, for the plan form's picker: each with the
 * passport to travel on (the valid one that expires last, diplomatic or official first).
 */
export async function pickPeople(
	db: Db,
	organisationId: string,
	query: string,
	limit = 10,
) {
	return db
		.selectFrom('person')
		.select(['person.id', 'person.full_name', 'person.position', 'person.unit'])
		.select(eb =>
			eb
				.selectFrom('passport')
				.select('passport.kind')
				.whereRef('passport.person_id', '=', 'person.id')
				.where('passport.state', 'in', ['in_safe', 'out'])
				.orderBy(sql`passport.kind = 'ordinary'`)
				.orderBy('passport.expires_on', 'desc')
				.limit(1)
				.as('passport_kind'),
		)
		.where('person.organisation_id', '=', organisationId)
		.where('person.search_text', 'like', searchPattern(query))
		.orderBy(nameFirst(sql`person.full_name`, query))
		.orderBy(sql`person.full_name COLLATE vi`)
		.orderBy('person.id')
		.limit(limit)
		.execute()
}

/** The plans a person went on as a member (latest first), for the person's page. */
export async function listPersonPlans(db: Db, personId: string, limit = 20) {
	return db
		.selectFrom('plan_member as m')
		.innerJoin('plan', 'plan.id', 'm.plan_id')
		.select(['plan.id', 'plan.name', 'plan.status', 'plan.plan_year'])
		.where('m.person_id', '=', personId)
		.orderBy('plan.plan_year', 'desc')
		.orderBy('plan.id')
		.limit(limit)
		.execute()
}
