import { sql } from 'kysely'
import { type Db } from '../client.server.ts'

/** Statuses in which a post-trip report is owed (the workflow's REPORT_DUE_STATUSES), as SQL literals so the partial index plan_report_due_idx applies. */
const REPORT_DUE = sql.join([sql.lit('trip_done'), sql.lit('report_returned')])

/**
 * Plans whose report is owed and could have a reminder today: due exactly `dueSoon` (the
 * "3 days before" point), or due today or earlier (only `planId`, if given). The caller
 * decides which day is a point. One query, however many plans.
 */
export async function findReportsOwed(
	db: Db,
	{
		today,
		dueSoon,
		planId,
	}: { today: string; dueSoon: string; planId?: string },
) {
	let query = db
		.selectFrom('plan as p')
		.innerJoin('organisation as o', 'o.id', 'p.organisation_id')
		.innerJoin('app_user as d', 'd.id', 'p.created_by')
		.select([
			'p.id',
			'p.name',
			'p.status',
			'p.organisation_id',
			'p.created_by',
			'p.returned_on',
			'p.report_due_on',
			'p.report_late_reminded_on',
			'o.name_vi as organisation_name',
			'd.full_name as drafter_name',
			'd.active as drafter_active',
		])
		.where(sql<boolean>`p.status IN (${REPORT_DUE})`)
		.where('p.report_due_on', 'is not', null)
		.where(eb =>
			eb.or([
				eb('p.report_due_on', '<=', today),
				eb('p.report_due_on', '=', dueSoon),
			]),
		)
	if (planId) query = query.where('p.id', '=', planId)
	return query.orderBy('p.report_due_on').orderBy('p.id').execute()
}

/** Notes the day a late return reminded the drafter (the plan is locked by the caller's transaction). */
export async function markLateReminded(db: Db, planId: string, today: string) {
	await db
		.updateTable('plan')
		.set({ report_late_reminded_on: today })
		.where('id', '=', planId)
		.execute()
}

/**
 * Plans waiting at a step since at least their step organisation's approval_reminder_days
 * before `asOf`, with that organisation's setting and the step's label. One query.
 */
export async function findPlansWaiting(db: Db, asOf: Date) {
	return (
		db
			.selectFrom('plan as p')
			.innerJoin('organisation as o', 'o.id', 'p.organisation_id')
			.innerJoin(
				'organisation as so',
				'so.id',
				'p.current_step_organisation_id',
			)
			.select([
				'p.id',
				'p.name',
				'p.status',
				'p.organisation_id',
				'p.current_step_organisation_id as step_organisation_id',
				'p.version',
				'p.status_changed_at',
				'so.approval_reminder_days',
				'so.short_name as step_organisation_name',
				'o.name_vi as organisation_name',
			])
			// The step's labels, looked up once per plan (both from the same row).
			.leftJoinLateral(
				eb =>
					eb
						.selectFrom('chain_step as cs')
						.select(['cs.label_vi', 'cs.label_en'])
						.whereRef('cs.chain_id', '=', 'p.chain_id')
						.whereRef(
							'cs.organisation_id',
							'=',
							'p.current_step_organisation_id',
						)
						.orderBy('cs.position')
						.limit(1)
						.as('step'),
				join => join.onTrue(),
			)
			.select([
				'step.label_vi as step_label_vi',
				'step.label_en as step_label_en',
			])
			.where('p.current_step_organisation_id', 'is not', null)
			.where(
				sql<boolean>`p.status_changed_at <= ${asOf.toISOString()}::timestamptz - make_interval(days => so.approval_reminder_days)`,
			)
			.orderBy('p.status_changed_at')
			.orderBy('p.id')
			.execute()
	)
}
