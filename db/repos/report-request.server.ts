import { sql } from 'kysely'
import { type Db } from '../client.server.ts'
import { type OrganisationKind, type ReportRequestTable } from '../schema.ts'
import { paginate } from './pagination.ts'

export const ANSWERING_KINDS: OrganisationKind[] = [
	'provincial_federation',
	'sector_union',
]

/**
 * The organisations a request may be sent to by `issuerId`: for the board, every provincial
 * federation and sector union; for any other organisation, those under it (parent_id).
 */
export async function listAskableOrganisations(
	db: Db,
	{ issuerId, board }: { issuerId: string; board: boolean },
) {
	let query = db
		.selectFrom('organisation')
		.select(['id', 'kind', 'short_name', 'name_vi'])
		.where('kind', 'in', ANSWERING_KINDS)
		.where('id', '!=', issuerId)
	if (!board) query = query.where('parent_id', '=', issuerId)
	return query
		.orderBy(sql`short_name COLLATE vi`)
		.orderBy('id')
		.execute()
}

export async function insertRequest(
	trx: Db,
	values: Omit<
		{ [K in keyof ReportRequestTable]: ReportRequestTable[K] },
		'id' | 'created_at' | 'template'
	> & { template: unknown },
) {
	const row = await trx
		.insertInto('report_request')
		.values(values)
		.returning('id')
		.executeTakeFirstOrThrow()
	return row.id
}

export async function insertResponses(
	trx: Db,
	requestId: string,
	organisationIds: string[],
) {
	if (!organisationIds.length) return
	await trx
		.insertInto('report_response')
		.values(
			organisationIds.map(organisation_id => ({
				request_id: requestId,
				organisation_id,
			})),
		)
		.execute()
}

const requestColumns = [
	'r.id',
	'r.organisation_id',
	'r.number_symbol',
	'r.issued_on',
	'r.title',
	'r.audience',
	'r.due_on',
	'r.template',
	'r.letter_name',
	'r.letter_size',
	'r.created_by',
	'r.created_at',
	'o.name_vi as issuer_name',
	'o.short_name as issuer_short_name',
	'o.province as issuer_province',
	'o.kind as issuer_kind',
] as const

export async function getRequest(db: Db, id: string) {
	return db
		.selectFrom('report_request as r')
		.innerJoin('organisation as o', 'o.id', 'r.organisation_id')
		.select(requestColumns)
		.where('r.id', '=', id)
		.executeTakeFirst()
}

export type RequestRow = NonNullable<Awaited<ReturnType<typeof getRequest>>>

export async function getRequestLetter(db: Db, id: string) {
	return db
		.selectFrom('report_request')
		.select(['organisation_id', 'letter_name', 'letter_data'])
		.where('id', '=', id)
		.executeTakeFirst()
}

/** Requests the organisation issued (with how many answered), newest first. */
export async function listIssuedRequests(
	db: Db,
	organisationId: string,
	page: number,
) {
	return paginate(
		db
			.selectFrom('report_request as r')
			.select([
				'r.id',
				'r.number_symbol',
				'r.issued_on',
				'r.title',
				'r.due_on',
				sql<number>`(SELECT count(*)::int FROM report_response x WHERE x.request_id = r.id)`.as(
					'asked',
				),
				sql<number>`(SELECT count(*)::int FROM report_response x WHERE x.request_id = r.id AND x.status = 'submitted')`.as(
					'submitted',
				),
			])
			.select(eb => eb.fn.countAll<string>().over().as('total'))
			.where('r.organisation_id', '=', organisationId)
			.orderBy('r.issued_on', 'desc')
			.orderBy('r.created_at', 'desc')
			.orderBy('r.id'),
		page,
	)
}

/** Requests addressed to the organisation with its answer's state, those still open first. */
export async function listAskedRequests(
	db: Db,
	organisationId: string,
	page: number,
) {
	return paginate(
		db
			.selectFrom('report_response as x')
			.innerJoin('report_request as r', 'r.id', 'x.request_id')
			.innerJoin('organisation as o', 'o.id', 'r.organisation_id')
			.select([
				'r.id',
				'r.number_symbol',
				'r.issued_on',
				'r.title',
				'r.due_on',
				'o.short_name as issuer_short_name',
				'x.id as response_id',
				'x.status',
			])
			.select(eb => eb.fn.countAll<string>().over().as('total'))
			.where('x.organisation_id', '=', organisationId)
			.orderBy(sql`x.status = 'submitted'`)
			.orderBy('r.due_on')
			.orderBy('r.id'),
		page,
	)
}

/** What the organisation still has to answer (not submitted), the soonest due first: for the home page and the inbox. */
export async function listOpenRequestsFor(
	db: Db,
	organisationId: string,
	limit = 5,
) {
	return db
		.selectFrom('report_response as x')
		.innerJoin('report_request as r', 'r.id', 'x.request_id')
		.innerJoin('organisation as o', 'o.id', 'r.organisation_id')
		.select([
			'r.id',
			'r.title',
			'r.number_symbol',
			'r.due_on',
			'o.short_name as issuer_short_name',
			'x.id as response_id',
			'x.status',
		])
		.where('x.organisation_id', '=', organisationId)
		.where('x.status', '!=', 'submitted')
		.orderBy('r.due_on')
		.orderBy('r.id')
		.limit(limit)
		.execute()
}

/**
 * The request an organisation's annual foreign-affairs report of `year` answers: the latest
 * addressed to it whose title names "đối ngoại" and `year` as the first year it names (so next
 * year's "… năm 2026 và kế hoạch năm 2027" is not taken for 2027's). Null when none was asked.
 */
export async function findAnnualReportRequest(
	db: Db,
	organisationId: string,
	year: number,
) {
	return (
		(await db
			.selectFrom('report_response as x')
			.innerJoin('report_request as r', 'r.id', 'x.request_id')
			.innerJoin('organisation as o', 'o.id', 'r.organisation_id')
			.select([
				'r.number_symbol',
				'r.issued_on',
				'r.title',
				'o.name_vi as issuer_name',
			])
			.where('x.organisation_id', '=', organisationId)
			.where(sql<boolean>`vn_fold(r.title) LIKE '%doi ngoai%'`)
			.where(
				sql<boolean>`substring(r.title from '\\m((?:19|20)\\d\\d)\\M') = ${String(year)}`,
			)
			.orderBy('r.issued_on', 'desc')
			.orderBy('r.created_at', 'desc')
			.limit(1)
			.executeTakeFirst()) ?? null
	)
}
