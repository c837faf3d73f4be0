import { sql } from 'kysely'
import { type Db } from '../client.server.ts'
import { type ResponseStatus } from '../schema.ts'

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
