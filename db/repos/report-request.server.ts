import { sql } from 'kysely'
import { type Db } from '../client.server.ts'
import {
	type OrganisationKind,
	type ReportRequestTable,
	type ResponseStatus,
} from '../schema.ts'
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
	'r.created_at',
	'o.name_vi as issuer_name',
	'o.short_name as issuer_short_name',
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

const responseColumns = [
	'x.id',
	'x.request_id',
	'x.organisation_id',
	'x.status',
	'x.content',
	'x.number_symbol',
	'x.report_date',
	'x.signer_name',
	'x.signature_title',
	'x.submitted_at',
	'x.version',
	'x.updated_at',
	'o.name_vi as organisation_name',
	'o.short_name as organisation_short_name',
	'o.province as organisation_province',
	'o.kind as organisation_kind',
	'parent.name_vi as governing_body',
] as const

export async function getResponse(db: Db, requestId: string, id: string) {
	return db
		.selectFrom('report_response as x')
		.innerJoin('organisation as o', 'o.id', 'x.organisation_id')
		.leftJoin('organisation as parent', 'parent.id', 'o.parent_id')
		.select(responseColumns)
		.select(eb =>
			eb
				.selectFrom('report_response_event as e')
				.select('e.comment')
				.whereRef('e.response_id', '=', 'x.id')
				.where('e.event', '=', 'return')
				.orderBy('e.id', 'desc')
				.limit(1)
				.as('return_comment'),
		)
		.where('x.request_id', '=', requestId)
		.where('x.id', '=', id)
		.executeTakeFirst()
}
export type ResponseRow = NonNullable<Awaited<ReturnType<typeof getResponse>>>

/** The id of the organisation's answer to a request, if it was asked. */
export async function findResponseId(
	db: Db,
	requestId: string,
	organisationId: string,
) {
	const row = await db
		.selectFrom('report_response')
		.select('id')
		.where('request_id', '=', requestId)
		.where('organisation_id', '=', organisationId)
		.executeTakeFirst()
	return row?.id
}

/** Locks the answer for a change (its status and version are read under the lock). */
export async function lockResponse(trx: Db, id: string) {
	return trx
		.selectFrom('report_response')
		.select(['id', 'status', 'version', 'organisation_id'])
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst()
}

export async function updateResponse(
	trx: Db,
	id: string,
	expectedVersion: number,
	values: {
		status: ResponseStatus
		updated_by: string
		content?: unknown
		number_symbol?: string
		report_date?: string | null
		signer_name?: string
		signature_title?: string
		submitted_at?: Date | null
	},
) {
	return trx
		.updateTable('report_response')
		.set({
			...values,
			version: sql`version + 1`,
			updated_at: sql`now()`,
		})
		.where('id', '=', id)
		.where('version', '=', expectedVersion)
		.returning('version')
		.executeTakeFirst()
}

export async function insertResponseEvent(
	trx: Db,
	values: {
		response_id: string
		event: 'save' | 'submit' | 'return'
		from_status: ResponseStatus
		to_status: ResponseStatus
		comment?: string | null
		actor_id: string
	},
) {
	await trx.insertInto('report_response_event').values(values).execute()
}

/** Every organisation asked, with its answer's state and last return comment: one page, by name. */
export async function listTracking(db: Db, requestId: string, page: number) {
	return paginate(
		db
			.selectFrom('report_response as x')
			.innerJoin('organisation as o', 'o.id', 'x.organisation_id')
			.select([
				'x.id',
				'x.status',
				'x.submitted_at',
				'x.updated_at',
				'o.short_name',
				'o.kind',
			])
			.select(eb => eb.fn.countAll<string>().over().as('total'))
			.where('x.request_id', '=', requestId)
			.orderBy(sql`o.short_name COLLATE vi`)
			.orderBy('x.id'),
		page,
	)
}

/** How many answers are in each state: one query. */
export async function countByStatus(db: Db, requestId: string) {
	const rows = await db
		.selectFrom('report_response')
		.select(['status', sql<number>`count(*)::int`.as('n')])
		.where('request_id', '=', requestId)
		.groupBy('status')
		.execute()
	return Object.fromEntries(rows.map(r => [r.status, r.n])) as Partial<
		Record<ResponseStatus, number>
	>
}

/** The submitted answers of a request, with their organisations, for the consolidation: one query. */
export async function listSubmittedContents(db: Db, requestId: string) {
	return db
		.selectFrom('report_response as x')
		.innerJoin('organisation as o', 'o.id', 'x.organisation_id')
		.select(['x.id', 'x.content', 'o.short_name', 'o.kind'])
		.where('x.request_id', '=', requestId)
		.where('x.status', '=', 'submitted')
		.orderBy(sql`o.short_name COLLATE vi`)
		.orderBy('x.id')
		.execute()
}

/** How many organisations of each kind were asked. */
export async function countAskedByKind(db: Db, requestId: string) {
	const rows = await db
		.selectFrom('report_response as x')
		.innerJoin('organisation as o', 'o.id', 'x.organisation_id')
		.select(['o.kind', sql<number>`count(*)::int`.as('n')])
		.where('x.request_id', '=', requestId)
		.groupBy('o.kind')
		.execute()
	return Object.fromEntries(rows.map(r => [r.kind, r.n])) as Partial<
		Record<OrganisationKind, number>
	>
}

/**
 * Answers not yet submitted of requests due exactly `dueSoon` or on/before `today`: the
 * candidates for today's reminders (the caller decides which day is a point). One query.
 */
export async function findResponsesOwed(
	db: Db,
	{ today, dueSoon }: { today: string; dueSoon: string },
) {
	return db
		.selectFrom('report_response as x')
		.innerJoin('report_request as r', 'r.id', 'x.request_id')
		.innerJoin('organisation as o', 'o.id', 'r.organisation_id')
		.select([
			'x.id',
			'x.organisation_id',
			'x.status',
			'r.id as request_id',
			'r.title',
			'r.number_symbol',
			'r.due_on',
			'o.name_vi as issuer_name',
		])
		.where('x.status', '!=', 'submitted')
		.where(eb =>
			eb.or([eb('r.due_on', '<=', today), eb('r.due_on', '=', dueSoon)]),
		)
		.orderBy('r.due_on')
		.orderBy('x.id')
		.execute()
}

/** The organisation's partners with its agreements' titles, for prefilling appendix II: one query. */
export async function listPartnersWithAgreements(
	db: Db,
	organisationId: string,
) {
	return db
		.selectFrom('agreement as a')
		.innerJoin('organisation as p', 'p.id', 'a.partner_id')
		.select([
			'p.id',
			'p.short_name',
			'p.country',
			sql<
				string[]
			>`array_agg(a.title ORDER BY a.signed_on NULLS LAST, a.title)`.as(
				'titles',
			),
		])
		.where('a.organisation_id', '=', organisationId)
		.groupBy(['p.id', 'p.short_name', 'p.country'])
		.orderBy(sql`p.short_name COLLATE vi`)
		.execute()
}
