import { sql } from 'kysely'
import { searchPattern } from '#lib/vietnamese.ts'
import { nameFirst } from './search.ts'
import { type Db } from '../client.server.ts'
import {
	type AgreementKind,
	type NewOrganisation,
	type PartnerType,
} from '../schema.ts'
import { paginate } from './pagination.ts'

/** Agreements (and support) of one organisation, or of every organisation for the board. */
export type RecordScope = { organisationId: string } | { all: true }

export const ENDING_SOON_DAYS = 90

function orgOf(scope: RecordScope) {
	return 'all' in scope ? '' : scope.organisationId
}

/** An agreement's period ends between today and today + 90 days. */
export function endsSoon(validTo: string | null, today: string) {
	if (!validTo || validTo < today) return false
	const limit = new Date(Date.parse(today) + ENDING_SOON_DAYS * 86_400_000)
		.toISOString()
		.slice(0, 10)
	return validTo <= limit
}

export async function listPartnerDirectory(
	db: Db,
	{ query, country, page }: { query?: string; country?: string; page: number },
) {
	let q = db.selectFrom('organisation').where('kind', '=', 'foreign_partner')
	if (query?.trim())
		q = q.where(eb =>
			eb.or([
				eb('search_text', 'like', searchPattern(query)),
				eb(sql`vn_fold(name_original)`, 'like', searchPattern(query)),
			]),
		)
	if (query?.trim())
		q = q.orderBy(nameFirst(sql`name_vi || ' ' || short_name`, query))
	if (country) q = q.where('country', '=', country)
	return paginate(
		q
			.select([
				'id',
				'name_vi',
				'name_en',
				'name_original',
				'short_name',
				'country',
				'partner_type',
			])
			.select(eb => eb.fn.countAll<string>().over().as('total'))
			.orderBy(sql`name_vi COLLATE vi`)
			.orderBy('id'),
		page,
	)
}

/** The countries partners are in, for the filter. */
export async function listPartnerCountries(db: Db) {
	const rows = await db
		.selectFrom('organisation')
		.select('country')
		.distinct()
		.where('kind', '=', 'foreign_partner')
		.orderBy('country')
		.execute()
	return rows.map(r => r.country)
}

export async function getPartner(db: Db, id: string) {
	return db
		.selectFrom('organisation')
		.select([
			'id',
			'name_vi',
			'name_en',
			'name_original',
			'short_name',
			'country',
			'partner_type',
		])
		.where('id', '=', id)
		.where('kind', '=', 'foreign_partner')
		.executeTakeFirst()
}

export async function insertPartner(
	db: Db,
	values: Pick<
		NewOrganisation,
		'name_vi' | 'name_en' | 'short_name' | 'country' | 'name_original'
	> & { partner_type: PartnerType },
) {
	return db
		.insertInto('organisation')
		.values({ ...values, kind: 'foreign_partner' })
		.returning('id')
		.executeTakeFirstOrThrow()
}

/** The partner page: agreements, support and visits both ways, in three queries. */
export async function getPartnerRecords(
	db: Db,
	partnerId: string,
	scope: RecordScope,
) {
	const [agreements, support, visits] = await Promise.all([
		db
			.selectFrom('agreement as a')
			.innerJoin('organisation as o', 'o.id', 'a.organisation_id')
			.select([
				'a.id',
				'a.organisation_id',
				'o.short_name as organisation_short_name',
				'a.title',
				'a.kind',
				'a.signed_on',
				'a.valid_from',
				'a.valid_to',
				'a.file_name',
				'a.file_size',
				'a.version',
			])
			.where('a.partner_id', '=', partnerId)
			.$if(!('all' in scope), q =>
				q.where('a.organisation_id', '=', orgOf(scope)),
			)
			.orderBy('a.valid_to', ob => ob.desc().nullsLast())
			.orderBy('a.id')
			.execute(),
		db
			.selectFrom('partner_support as s')
			.innerJoin('organisation as o', 'o.id', 's.organisation_id')
			.select([
				's.id',
				's.organisation_id',
				'o.short_name as organisation_short_name',
				's.amount',
				's.currency',
				's.given_on',
				's.purpose',
			])
			.where('s.partner_id', '=', partnerId)
			.$if(!('all' in scope), q =>
				q.where('s.organisation_id', '=', orgOf(scope)),
			)
			.orderBy('s.given_on', 'desc')
			.orderBy('s.id')
			.execute(),
		db
			.selectFrom('plan as p')
			.innerJoin('organisation as o', 'o.id', 'p.organisation_id')
			.select([
				'p.id',
				'p.organisation_id',
				'o.short_name as organisation_short_name',
				'p.plan_year',
				'p.direction',
				'p.status',
				'p.name',
				'p.member_count',
				'p.start_date',
			])
			.where('p.partner_id', '=', partnerId)
			.where('p.status', '!=', 'drafting')
			.$if(!('all' in scope), q =>
				q.where('p.organisation_id', '=', orgOf(scope)),
			)
			.orderBy('p.plan_year', 'desc')
			.orderBy('p.created_at', 'desc')
			.orderBy('p.id', 'desc')
			.limit(200)
			.execute(),
	])
	return { agreements, support, visits }
}

/** Support totals per currency. */
export function supportTotals(rows: { amount: string; currency: string }[]) {
	const totals = new Map<string, number>()
	for (const r of rows)
		totals.set(r.currency, (totals.get(r.currency) ?? 0) + Number(r.amount))
	return [...totals].map(([currency, amount]) => ({ currency, amount }))
}

export async function getAgreement(db: Db, partnerId: string, id: string) {
	return db
		.selectFrom('agreement')
		.select([
			'id',
			'organisation_id',
			'partner_id',
			'title',
			'kind',
			'signed_on',
			'valid_from',
			'valid_to',
			'file_name',
			'version',
		])
		.where('id', '=', id)
		.where('partner_id', '=', partnerId)
		.executeTakeFirst()
}

export async function getAgreementFile(db: Db, partnerId: string, id: string) {
	return db
		.selectFrom('agreement')
		.select([
			'organisation_id',
			'file_name',
			'file_content_type',
			'file_size',
			'file_data',
		])
		.where('id', '=', id)
		.where('partner_id', '=', partnerId)
		.where('file_data', 'is not', null)
		.executeTakeFirst()
}

export type AgreementFile = {
	file_name: string
	file_content_type: string
	file_size: number
	file_sha256: string
	file_data: Uint8Array
}

export type AgreementValues = {
	title: string
	kind: AgreementKind
	signed_on: string | null
	valid_from: string | null
	valid_to: string | null
}

export async function insertAgreement(
	db: Db,
	values: AgreementValues & {
		organisation_id: string
		partner_id: string
		created_by: string
	} & Partial<AgreementFile>,
) {
	return db
		.insertInto('agreement')
		.values(values)
		.returning('id')
		.executeTakeFirstOrThrow()
}

/** Optimistic: undefined when the agreement was changed since `version` was read. */
export async function updateAgreement(
	db: Db,
	id: string,
	version: number,
	values: AgreementValues & Partial<AgreementFile>,
) {
	return db
		.updateTable('agreement')
		.set({
			...values,
			version: sql`version + 1`,
			updated_at: sql`now()`,
		})
		.where('id', '=', id)
		.where('version', '=', version)
		.returning('id')
		.executeTakeFirst()
}

export async function insertSupport(
	db: Db,
	values: {
		organisation_id: string
		partner_id: string
		amount: string
		currency: string
		given_on: string
		purpose: string
		created_by: string
	},
) {
	return db
		.insertInto('partner_support')
		.values(values)
		.returning('id')
		.executeTakeFirstOrThrow()
}

/** The scope's agreements whose period ends within 90 days of `today`. */
export async function listAgreementsEndingSoon(
	db: Db,
	scope: RecordScope,
	today: string,
) {
	return db
		.selectFrom('agreement as a')
		.innerJoin('organisation as p', 'p.id', 'a.partner_id')
		.innerJoin('organisation as o', 'o.id', 'a.organisation_id')
		.select([
			'a.id',
			'a.title',
			'a.valid_to',
			'a.partner_id',
			'p.name_vi as partner_name',
			'o.short_name as organisation_short_name',
		])
		.$if(!('all' in scope), q =>
			q.where('a.organisation_id', '=', orgOf(scope)),
		)
		.where('a.valid_to', '>=', today)
		.where(
			'a.valid_to',
			'<=',
			sql<string>`(${today}::date + ${ENDING_SOON_DAYS}::int)::date`,
		)
		.orderBy('a.valid_to')
		.limit(20)
		.execute()
}
