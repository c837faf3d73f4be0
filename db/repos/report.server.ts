import { type ExpressionBuilder, sql } from 'kysely'
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres'
import { type ReportState } from '#lib/enums.ts'
import { searchPattern } from '#lib/vietnamese.ts'
import { type Db } from '../client.server.ts'
import {
	type DB,
	type NewPlanAttachment,
	type ParticipantRow,
} from '../schema.ts'
import { paginate } from './pagination.ts'
import { lastSubmitters, type PlanViewer, visibleTo } from './plan.server.ts'

/** Statuses in which a report is owed (not yet with the receivers). */
const OWED = ['trip_done', 'report_returned'] as const
const todayVn = sql<string>`(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`

/** What the trip forms need to check and set: the plan's timing and dates, and its owner's N. */
export async function getTripFacts(db: Db, planId: string) {
	return db
		.selectFrom('plan')
		.innerJoin('organisation as o', 'o.id', 'plan.organisation_id')
		.select([
			'plan.organisation_id',
			'plan.status',
			'plan.direction',
			'plan.plan_year',
			'plan.timing_kind',
			'plan.timing_month',
			'plan.start_date',
			'plan.end_date',
			'plan.departed_on',
			'o.report_due_days',
			'o.report_due_unit',
		])
		.where('plan.id', '=', planId)
		.executeTakeFirst()
}

const reportColumns = [
	'r.summary',
	'r.results',
	'r.activities_done',
	'r.proposals',
	'r.participants',
	'r.version',
	'r.submitted_at',
	'r.updated_at',
] as const

export async function getReport(db: Db, planId: string) {
	return db
		.selectFrom('trip_report as r')
		.select(reportColumns)
		.where('r.plan_id', '=', planId)
		.executeTakeFirst()
}

export interface ReportContent {
	summary: string
	results: string
	activities_done: string
	proposals: string
	participants: ParticipantRow[]
}

/**
 * Writes the report if nobody saved it since `expectedVersion` (0: not written yet), with its
 * new and removed attachments. Returns the saved report, or null on a stale version.
 */
export async function saveReport(
	db: Db,
	planId: string,
	expectedVersion: number,
	content: ReportContent,
	{
		submitted,
		newAttachments,
		removeAttachmentIds,
	}: {
		submitted: boolean
		newAttachments: Omit<NewPlanAttachment, 'plan_id' | 'purpose'>[]
		removeAttachmentIds: string[]
	},
) {
	const values = {
		...content,
		// postgres.js serialises a jsonb parameter itself.
		participants: content.participants,
		...(submitted ? { submitted_at: sql<Date>`now()` } : {}),
	}
	const saved =
		expectedVersion === 0
			? await db
					.insertInto('trip_report')
					.values({ plan_id: planId, ...values })
					.onConflict(oc => oc.column('plan_id').doNothing())
					.returningAll()
					.executeTakeFirst()
			: await db
					.updateTable('trip_report')
					.set({
						...values,
						version: sql`version + 1`,
						updated_at: sql`now()`,
					})
					.where('plan_id', '=', planId)
					.where('version', '=', expectedVersion)
					.returningAll()
					.executeTakeFirst()
	if (!saved) return null
	if (removeAttachmentIds.length)
		await db
			.deleteFrom('plan_attachment')
			.where('plan_id', '=', planId)
			.where('purpose', '=', 'report')
			.where('id', 'in', removeAttachmentIds)
			.execute()
	if (newAttachments.length)
		await db
			.insertInto('plan_attachment')
			.values(
				newAttachments.map(a => ({ ...a, plan_id: planId, purpose: 'report' })),
			)
			.execute()
	return saved
}

/** Everything the report page shows, in one query. */
export async function getReportPage(db: Db, planId: string) {
	return db
		.selectFrom('plan')
		.innerJoin('organisation as o', 'o.id', 'plan.organisation_id')
		.select([
			'plan.id',
			'plan.organisation_id',
			'plan.name',
			'plan.direction',
			'plan.plan_year',
			'plan.status',
			'plan.version',
			'plan.optional_step_ids',
			'plan.workflow_snapshot',
			'plan.departed_on',
			'plan.returned_on',
			'plan.report_due_on',
			'plan.report_due_count',
			'plan.report_due_unit',
			'o.name_vi as organisation_name',
		])
		.select(lastSubmitters)
		.select(eb => [
			jsonArrayFrom(
				eb
					.selectFrom('chain_step as s')
					.select(['s.id', 's.organisation_id', 's.optional'])
					.whereRef('s.chain_id', '=', 'plan.chain_id')
					.orderBy('s.position'),
			).as('chain_steps'),
			jsonArrayFrom(
				eb
					.selectFrom('plan_member as m')
					.select(['m.full_name', 'm.title', 'm.organisation_name'])
					.whereRef('m.plan_id', '=', 'plan.id')
					.orderBy('m.position'),
			).as('members'),
			jsonObjectFrom(
				eb
					.selectFrom('trip_report as r')
					.select(reportColumns)
					.whereRef('r.plan_id', '=', 'plan.id'),
			).as('report'),
			// What the receivers were last sent, for when the drafter is revising it.
			eb
				.selectFrom('plan_event as se')
				.select(sql<ReportContent>`se.plan_snapshot->'report'`.as('r'))
				.whereRef('se.plan_id', '=', 'plan.id')
				.where('se.event', '=', 'SUBMIT_REPORT')
				.orderBy('se.id', 'desc')
				.limit(1)
				.as('submitted_report'),
			jsonArrayFrom(
				eb
					.selectFrom('plan_attachment as a')
					.select(['a.id', 'a.file_name', 'a.size'])
					.whereRef('a.plan_id', '=', 'plan.id')
					.where('a.purpose', '=', 'report')
					.orderBy('a.created_at'),
			).as('attachments'),
			jsonArrayFrom(
				eb
					.selectFrom('plan_event as e')
					.innerJoin('app_user as u', 'u.id', 'e.actor_id')
					.innerJoin('organisation as eo', 'eo.id', 'e.actor_organisation_id')
					.select([
						'e.id',
						'e.event',
						'e.from_status',
						'e.to_status',
						'e.comment',
						'e.created_at',
						'u.full_name as actor_name',
						'eo.short_name as actor_organisation',
					])
					.whereRef('e.plan_id', '=', 'plan.id')
					.where('e.event', 'in', [
						'COMPLETE_TRIP',
						'SUBMIT_REPORT',
						'RETURN_REPORT',
						'ACKNOWLEDGE_REPORT',
					])
					.orderBy('e.id'),
			).as('events'),
		])
		.where('plan.id', '=', planId)
		.executeTakeFirst()
}

export interface ReportListFilter {
	query?: string
	state?: ReportState
	/** By days late, most late first (or least); otherwise by due date. */
	sort?: 'late' | 'late_asc'
	page: number
}

/** Plans whose report is owed, submitted or acknowledged, among those the viewer may see. */
export async function listReports(
	db: Db,
	viewer: PlanViewer,
	filter: ReportListFilter,
) {
	// Days late: today's lateness while owed, the lateness it was filed with once submitted.
	const daysLate = sql<number>`CASE WHEN plan.status IN ('trip_done', 'report_returned')
		THEN ${todayVn} - plan.report_due_on
		ELSE (r.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - plan.report_due_on END`
	let q = db
		.selectFrom('plan')
		.innerJoin('organisation as o', 'o.id', 'plan.organisation_id')
		// The report of each listed plan by its key (LIMIT 1 keeps it a lookup per plan: as a plain
		// join it hashed every report of every organisation).
		.leftJoinLateral(
			eb =>
				eb
					.selectFrom('trip_report')
					.select('trip_report.submitted_at')
					.whereRef('trip_report.plan_id', '=', 'plan.id')
					.limit(1)
					.as('r'),
			join => join.onTrue(),
		)
		.where('plan.report_due_on', 'is not', null)
		.where(visibleTo(viewer))
		.where(stateFilter(filter.state))
	if (filter.query?.trim()) {
		const pattern = searchPattern(filter.query)
		q = q.where(eb =>
			eb.or([
				eb('plan.search_text', 'like', pattern),
				eb('o.search_text', 'like', pattern),
			]),
		)
	}
	q =
		filter.sort === 'late'
			? q.orderBy(daysLate, 'desc')
			: filter.sort === 'late_asc'
				? q.orderBy(daysLate, 'asc')
				: q.orderBy('plan.report_due_on', 'asc')
	return paginate(
		q
			.select([
				'plan.id',
				'plan.name',
				'plan.direction',
				'plan.status',
				'plan.returned_on',
				'plan.report_due_on',
				'plan.report_due_count',
				'plan.report_due_unit',
				'r.submitted_at',
				'o.short_name as organisation_short_name',
			])
			.select(eb => [
				daysLate.as('days_late'),
				eb.fn.countAll<string>().over().as('total'),
			])
			.orderBy('plan.id'),
		filter.page,
	)
}

function stateFilter(state: ReportState | undefined) {
	return (eb: ExpressionBuilder<DB, 'plan'>) => {
		switch (state) {
			case 'due':
				return eb.and([
					eb('plan.status', 'in', OWED),
					eb('plan.report_due_on', '>=', todayVn),
				])
			case 'overdue':
				return eb.and([
					eb('plan.status', 'in', OWED),
					eb('plan.report_due_on', '<', todayVn),
				])
			case 'submitted':
				return eb('plan.status', '=', 'report_submitted')
			case 'acknowledged':
				return eb('plan.status', '=', 'closed')
			default:
				return eb('plan.status', 'in', [...OWED, 'report_submitted', 'closed'])
		}
	}
}

/**
 * The home page's counts, in one query: reports the user's organisation owes (for a drafter),
 * overdue among them, and submitted reports waiting for this organisation's acknowledgement
 * (for an approver of the last receiving organisation of the plan's chain).
 */
export async function countReportsForHome(db: Db, organisationId: string) {
	const applies = (s: 's' | 's2') =>
		sql`(NOT ${sql.ref(`${s}.optional`)} OR ${sql.ref(`${s}.id`)} = ANY(plan.optional_step_ids))`
	const row = await db
		.selectFrom('plan')
		.select(eb => [
			eb.fn
				.countAll<string>()
				.filterWhere(eb =>
					eb.and([
						eb('plan.organisation_id', '=', organisationId),
						eb('plan.status', 'in', OWED),
					]),
				)
				.as('owed'),
			eb.fn
				.countAll<string>()
				.filterWhere(eb =>
					eb.and([
						eb('plan.organisation_id', '=', organisationId),
						eb('plan.status', 'in', OWED),
						eb('plan.report_due_on', '<', todayVn),
					]),
				)
				.as('overdue'),
			eb.fn
				.countAll<string>()
				.filterWhere(
					sql<boolean>`plan.status = 'report_submitted' AND EXISTS (
						SELECT 1 FROM chain_step s
						WHERE s.chain_id = plan.chain_id AND s.organisation_id = ${organisationId}
							AND s.organisation_id <> plan.organisation_id AND ${applies('s')}
							AND NOT EXISTS (
								SELECT 1 FROM chain_step s2
								WHERE s2.chain_id = plan.chain_id AND s2.position > s.position
									AND s2.organisation_id <> plan.organisation_id AND ${applies('s2')}))`,
				)
				.as('to_acknowledge'),
		])
		.where('plan.status', 'in', [...OWED, 'report_submitted'])
		// Implied by the counts' own conditions; lets the plans be found by index (the
		// organisation's, and those of a chain with a step of it) instead of every organisation's.
		.where(eb =>
			eb.or([
				eb('plan.organisation_id', '=', organisationId),
				sql<boolean>`plan.chain_id = ANY(ARRAY(SELECT c.chain_id FROM chain_step c WHERE c.organisation_id = ${organisationId}))`,
			]),
		)
		.executeTakeFirstOrThrow()
	return {
		owed: Number(row.owed),
		overdue: Number(row.overdue),
		toAcknowledge: Number(row.to_acknowledge),
	}
}
