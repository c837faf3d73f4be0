import { sql } from 'kysely'
import { jsonObjectFrom } from 'kysely/helpers/postgres'
import { type Db } from '../client.server.ts'
import { approvalAnswers } from './written-answer.server.ts'
import { type ReportContent } from './report.server.ts'

/**
 * What the post-trip report document is built from, in one query: the trip's dates, the report
 * as last filed and as it stands, its register entry (BC), the latest issued plan document (KH,
 * whose number the report cites and whose signer signs it), who approved it at its own step, and
 * the written answers of the chain's approvals.
 */
export async function getTripReportDocumentSource(db: Db, planId: string) {
	return db
		.selectFrom('plan')
		.select(eb => [
			'plan.departed_on',
			'plan.returned_on',
			eb
				.selectFrom('plan_event as se')
				.select(sql<ReportContent>`se.plan_snapshot->'report'`.as('r'))
				.whereRef('se.plan_id', '=', 'plan.id')
				.where('se.event', '=', 'SUBMIT_REPORT')
				.orderBy('se.id', 'desc')
				.limit(1)
				.as('filed'),
			jsonObjectFrom(
				eb
					.selectFrom('trip_report as r')
					.select([
						'r.summary',
						'r.results',
						'r.activities_done',
						'r.proposals',
						'r.participants',
					])
					.whereRef('r.plan_id', '=', 'plan.id'),
			).as('draft'),
			jsonObjectFrom(
				eb
					.selectFrom('outgoing_document as d')
					.select(['d.id', 'd.notation', 'd.issued_on'])
					.whereRef('d.plan_id', '=', 'plan.id')
					.whereRef('d.organisation_id', '=', 'plan.organisation_id')
					.where('d.kind', '=', 'BC'),
			).as('entry'),
			jsonObjectFrom(
				eb
					.selectFrom('outgoing_document as d')
					.select(['d.notation', 'd.issued_on', 'd.content'])
					.whereRef('d.plan_id', '=', 'plan.id')
					.whereRef('d.organisation_id', '=', 'plan.organisation_id')
					.where('d.kind', '=', 'KH')
					.orderBy('d.created_at', 'desc')
					.limit(1),
			).as('plan_document'),
			// Who approved the plan at its own organisation's step, last: the leader who signs the
			// report when no plan document was issued to take the signer from.
			jsonObjectFrom(
				eb
					.selectFrom('plan_event as e')
					.innerJoin('app_user as u', 'u.id', 'e.actor_id')
					.select(['u.full_name', 'u.title'])
					.whereRef('e.plan_id', '=', 'plan.id')
					.whereRef('e.actor_organisation_id', '=', 'plan.organisation_id')
					.where('e.event', '=', 'APPROVE')
					.orderBy('e.created_at', 'desc')
					.limit(1),
			).as('approver'),
			approvalAnswers(eb).as('answers'),
		])
		.where('plan.id', '=', planId)
		.executeTakeFirst()
}

/** The post-trip report's register entry, if its number has been given. */
export async function getTripReportEntry(db: Db, planId: string) {
	return db
		.selectFrom('outgoing_document')
		.select(['id', 'notation'])
		.where('plan_id', '=', planId)
		.where('kind', '=', 'BC')
		.executeTakeFirst()
}
