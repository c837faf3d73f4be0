import { sql } from 'kysely'
import { type Db } from '../client.server.ts'
import { type OrganisationKind, type ResponseStatus } from '../schema.ts'
import { paginate } from './pagination.ts'

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
