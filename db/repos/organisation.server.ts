import { sql } from 'kysely'
import { searchPattern } from '#lib/vietnamese.ts'
import { nameFirst } from './search.ts'
import { type Db } from '../client.server.ts'
import {
	type NewOrganisation,
	type OrganisationKind,
	type OrganisationUpdate,
} from '../schema.ts'
import { paginate } from './pagination.ts'

const listColumns = [
	'id',
	'kind',
	'name_vi',
	'name_en',
	'short_name',
	'province',
	'country',
	'parent_id',
] as const

/** `onlyId` limits the list to one organisation (an organisation admin sees only their own). */
export async function listOrganisations(
	db: Db,
	{ query, page, onlyId }: { query?: string; page: number; onlyId?: string },
) {
	let q = db.selectFrom('organisation')
	if (onlyId) q = q.where('id', '=', onlyId)
	if (query?.trim())
		q = q
			.where('search_text', 'like', searchPattern(query))
			.orderBy(nameFirst(sql`name_vi`, query))
	return paginate(
		q
			.select(listColumns)
			.select(eb => eb.fn.countAll<string>().over().as('total'))
			.orderBy(sql`name_vi COLLATE vi`)
			.orderBy('id'),
		page,
	)
}

/** Every organisation that can act in a chain or be a parent, for select boxes. */
export async function listOrganisationChoices(db: Db) {
	return db
		.selectFrom('organisation')
		.select(['id', 'name_vi', 'name_en', 'short_name', 'kind'])
		.where('kind', '!=', 'foreign_partner')
		.orderBy(sql`name_vi COLLATE vi`)
		.execute()
}

/**
 * The organisations that own delegation plans, by name in Vietnamese order: what the board's
 * statistics can be narrowed to (a party committee only approves others' plans).
 */
export async function listPlanOwners(db: Db) {
	return db
		.selectFrom('organisation as o')
		.select(['o.id', 'o.name_vi', 'o.name_en'])
		.where(eb =>
			eb.exists(
				eb
					.selectFrom('plan')
					.select('plan.id')
					.whereRef('plan.organisation_id', '=', 'o.id'),
			),
		)
		.orderBy(sql`o.name_vi COLLATE vi`)
		.orderBy('o.id')
		.execute()
}

export async function getOrganisation(db: Db, id: string) {
	return db
		.selectFrom('organisation')
		.select([
			...listColumns,
			'report_due_days',
			'report_due_unit',
			'approval_reminder_days',
			'passport_return_working_days',
			'version',
		])
		.where('id', '=', id)
		.executeTakeFirst()
}

export async function getOrganisationKinds(db: Db, ids: string[]) {
	if (ids.length === 0) return new Map<string, OrganisationKind>()
	const rows = await db
		.selectFrom('organisation')
		.select(['id', 'kind'])
		.where('id', 'in', ids)
		.execute()
	return new Map(rows.map(r => [r.id, r.kind]))
}

export async function insertOrganisation(db: Db, values: NewOrganisation) {
	return db
		.insertInto('organisation')
		.values(values)
		.returning('id')
		.executeTakeFirstOrThrow()
}

/** Optimistic: returns undefined when someone saved the organisation since `version` was read. */
export async function updateOrganisation(
	db: Db,
	id: string,
	version: number,
	values: OrganisationUpdate,
) {
	return db
		.updateTable('organisation')
		.set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
		.where('id', '=', id)
		.where('version', '=', version)
		.returning('id')
		.executeTakeFirst()
}

/** Foreign partner organisations, for the plan form. */
export async function listPartners(db: Db) {
	return db
		.selectFrom('organisation')
		.select(['id', 'name_vi', 'short_name', 'country'])
		.where('kind', '=', 'foreign_partner')
		.orderBy(sql`name_vi COLLATE vi`)
		.execute()
}
