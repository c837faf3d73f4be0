import { type ExpressionBuilder } from 'kysely'
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres'
import { type Db } from '../client.server.ts'
import { type DB } from '../schema.ts'

/**
 * The plan's file ("hồ sơ"), as columns of a query over `plan` (the plan page reads them with
 * the plan): the issued documents (each plan document version and the report's), the written
 * answers of the chain's steps, and the post-trip report with its acknowledgement. Without the
 * files' bytes.
 */
export function planFileColumns(eb: ExpressionBuilder<DB, 'plan'>) {
	return [
		jsonArrayFrom(
			eb
				.selectFrom('outgoing_document as d')
				.select([
					'd.id',
					'd.kind',
					'd.notation',
					'd.subject',
					'd.issued_on',
					'd.plan_version',
				])
				.whereRef('d.plan_id', '=', 'plan.id')
				.orderBy('d.created_at')
				.orderBy('d.id'),
		).as('documents'),
		jsonArrayFrom(
			eb
				.selectFrom('written_answer as a')
				.innerJoin('organisation as o', 'o.id', 'a.organisation_id')
				.innerJoin('plan_event as e', 'e.id', 'a.plan_event_id')
				.select([
					'a.id',
					'a.plan_event_id',
					'a.organisation_id',
					'o.name_vi as organisation_name',
					'e.event',
					'a.kind',
					'a.number',
					'a.issued_on',
					'a.signer',
					'a.file_name',
					'a.size',
				])
				.whereRef('a.plan_id', '=', 'plan.id')
				.orderBy('a.created_at')
				.orderBy('a.id'),
		).as('answers'),
		jsonObjectFrom(
			eb
				.selectFrom('trip_report as r')
				.select(['r.submitted_at'])
				.whereRef('r.plan_id', '=', 'plan.id')
				.where('r.submitted_at', 'is not', null),
		).as('report'),
		// Only a closed plan has one (acknowledging the report closes it, for good): any other
		// plan's timeline is not searched for it.
		jsonObjectFrom(
			eb
				.selectFrom('plan_event as e')
				.innerJoin('app_user as u', 'u.id', 'e.actor_id')
				.innerJoin('organisation as o', 'o.id', 'e.actor_organisation_id')
				.select([
					'e.created_at',
					'e.comment',
					'u.full_name as actor_name',
					'o.name_vi as organisation_name',
				])
				.whereRef('e.plan_id', '=', 'plan.id')
				.where('plan.status', '=', 'closed')
				.where('e.event', '=', 'ACKNOWLEDGE_REPORT')
				.orderBy('e.created_at', 'desc')
				.limit(1),
		).as('acknowledged'),
	] as const
}

export async function getWrittenAnswerFiles(db: Db, planId: string) {
	return db
		.selectFrom('written_answer as a')
		.innerJoin('organisation as o', 'o.id', 'a.organisation_id')
		.select(['a.id', 'a.file_name', 'a.data', 'a.number', 'o.short_name'])
		.where('a.plan_id', '=', planId)
		.orderBy('a.created_at')
		.orderBy('a.id')
		.execute()
}

export async function getPlanAttachmentFiles(db: Db, planId: string) {
	return db
		.selectFrom('plan_attachment as a')
		.innerJoin('plan', 'plan.id', 'a.plan_id')
		.select([
			'a.file_name',
			'a.data',
			'a.purpose',
			'plan.organisation_id',
			'plan.status',
			'plan.name',
			'plan.plan_year',
		])
		.where('a.plan_id', '=', planId)
		.orderBy('a.purpose')
		.orderBy('a.created_at')
		.orderBy('a.id')
		.execute()
}

export async function getPlanHeading(db: Db, planId: string) {
	return db
		.selectFrom('plan')
		.select(['name', 'plan_year', 'organisation_id'])
		.where('id', '=', planId)
		.executeTakeFirstOrThrow()
}
