import { sql } from 'kysely'
import { type Db } from '../client.server.ts'

/** Statuses in which a post-trip report is owed (the workflow's REPORT_DUE_STATUSES), as SQL literals so the partial index plan_report_due_idx applies. */
const REPORT_DUE = sql.join([sql.lit('trip_done'), sql.lit('report_returned')])

/** Plans with what every reminder about one says and whom it reaches: its organisation and drafter. */
function plansWithOwner(db: Db) {
	return db
		.selectFrom('plan as p')
		.innerJoin('organisation as o', 'o.id', 'p.organisation_id')
		.innerJoin('app_user as d', 'd.id', 'p.created_by')
		.select([
			'p.id',
			'p.name',
			'p.status',
			'p.organisation_id',
			'p.created_by',
			'o.name_vi as organisation_name',
			'd.full_name as drafter_name',
			'd.active as drafter_active',
		])
}

/**
 * Plans whose report is owed and could have a reminder today: due today or earlier, or due
 * within `soonWorkingDays` working days of today (where the "before" point of a due date lies
 * never later than today's; the caller decides which day is a point), only `planId` if given.
 * With the rule the due date was computed with. One query, however many plans.
 */
export async function findReportsOwed(
	db: Db,
	{
		today,
		soonWorkingDays,
		planId,
	}: { today: string; soonWorkingDays: number; planId?: string },
) {
	let query = plansWithOwner(db)
		.select([
			'p.returned_on',
			'p.report_due_on',
			'p.report_due_count',
			'p.report_due_unit',
			'p.report_late_reminded_on',
		])
		.where(sql<boolean>`p.status IN (${REPORT_DUE})`)
		.where('p.report_due_on', 'is not', null)
		.where(
			sql<boolean>`p.report_due_on <= add_working_days(${today}::date, ${soonWorkingDays}::int)`,
		)
	if (planId) query = query.where('p.id', '=', planId)
	return query.orderBy('p.report_due_on').orderBy('p.id').execute()
}

/**
 * A trip's planned last day, as SQL over the plan aliased `alias`: its end date, or for a plan
 * timed by month or year (seed 001's "3-4 ngày", "Năm 2020") the departure day plus its longest
 * planned stay (its shortest, or one day, when no longer one is set).
 */
export function tripLastDay(alias: string) {
	const p = sql.ref(alias)
	return sql<string>`coalesce(${p}.end_date, ${p}.departed_on + (greatest(coalesce(${p}.days_max, ${p}.days_min, 1), 1) - 1))`
}

/**
 * Trips under way past their planned last day (tripLastDay) whose reminder may fall on `today`
 * (the day after it, then every 7 days: tripEndReminderPoint decides). One query, however many plans.
 */
export async function findTripsNotEnded(db: Db, today: string) {
	const lastDay = tripLastDay('p')
	return plansWithOwner(db)
		.select([
			'p.direction',
			'p.departed_on',
			sql<string>`to_char(${lastDay}, 'YYYY-MM-DD')`.as('last_day'),
		])
		.where(sql<boolean>`p.status = 'departed'`)
		.where(sql<boolean>`${lastDay} < ${today}::date`)
		.where(sql<boolean>`(${today}::date - ${lastDay} - 1) % 7 = 0`)
		.orderBy('p.id')
		.execute()
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
 * Plans whose working days waited at their step (SQL's working_days_between, the same count as
 * lib/working-days.ts) as of `today` are a positive multiple of their step organisation's
 * approval_reminder_days: those that may be reminded today (the caller decides), with that
 * organisation's setting and the step's label. One query: the working days are counted once per
 * day a plan arrived on (in Viet Nam), not once per plan.
 */
export async function findPlansWaiting(db: Db, today: string) {
	const arrivedOn = sql<string>`(p.status_changed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`
	return (
		db
			.with(
				wb => wb('arrival').materialized(),
				qb =>
					qb
						.selectFrom('plan as p')
						.where('p.current_step_organisation_id', 'is not', null)
						.select(arrivedOn.as('day'))
						.distinct(),
			)
			.with(
				wb => wb('waited').materialized(),
				qb =>
					qb
						.selectFrom('arrival')
						.select([
							'arrival.day',
							sql<number>`working_days_between(arrival.day, ${today}::date)`.as(
								'days',
							),
						]),
			)
			.selectFrom('plan as p')
			.innerJoin('waited as w', join =>
				join.on(sql<boolean>`w.day = ${arrivedOn}`),
			)
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
				sql<string>`to_char(w.day, 'YYYY-MM-DD')`.as('arrived_on'),
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
			.where(sql<boolean>`w.days >= so.approval_reminder_days`)
			.where(sql<boolean>`w.days % so.approval_reminder_days = 0`)
			.orderBy('p.status_changed_at')
			.orderBy('p.id')
			.execute()
	)
}
