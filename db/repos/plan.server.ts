import {
	type Expression,
	type ExpressionBuilder,
	type RawBuilder,
	type SqlBool,
	sql,
} from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { searchPattern } from '#lib/vietnamese.ts'
import { foldedFirst } from './search.ts'
import { type PlanSort } from '#lib/enums.ts'
import { type Db } from '../client.server.ts'
import { compiledOnce } from '../compiled-query.ts'
import { PREPARED } from '../postgres-driver.ts'
import {
	type DB,
	type Direction,
	type NewPlanAttachment,
	type NewPlanBudgetLine,
	type NewPlanEvent,
	type NewPlanMember,
	type PlanUpdate,
} from '../schema.ts'
import { paginate } from './pagination.ts'
import { planFileColumns } from './plan-file.server.ts'
import {
	type RecipientCriteria,
	recipientsAndSubstitutesQuery,
	splitRecipients,
} from './notification.server.ts'

/** A chain step as the workflow and the plan page read it. */
const STEP_COLUMNS = [
	's.id',
	's.position',
	's.organisation_id',
	's.label_vi',
	's.label_en',
	's.optional',
	's.approval_rule',
	's.min_approvals',
	's.requires_written_answer',
] as const

export interface PlanViewer {
	organisationId: string
	/** The VGCL board reads every submitted plan. */
	seesAllSubmitted: boolean
}

/** A viewer sees their organisation's plans, and submitted plans whose chain has a step of theirs. */
export function visibleTo(viewer: PlanViewer) {
	const org = viewer.organisationId
	return (eb: ExpressionBuilder<DB, 'plan'>) =>
		viewer.seesAllSubmitted
			? eb.or([
					eb('plan.organisation_id', '=', org),
					eb('plan.status', '!=', 'drafting'),
				])
			: // Three arms, each answered by an index (plan_list_org_idx, plan_list_chain_idx, and the GIN
				// index of optional_step_ids), so a list reads only the plans the viewer may see. The
				// viewer's steps are read once per query (arrays), not once per plan; only a plan that
				// chose one of the viewer's optional steps is checked row by row.
				eb.or([
					eb('plan.organisation_id', '=', org),
					eb.and([
						eb('plan.status', '!=', 'drafting'),
						sql<boolean>`plan.chain_id = ANY(ARRAY(SELECT s.chain_id FROM chain_step s WHERE s.organisation_id = ${org} AND NOT s.optional))`,
					]),
					eb.and([
						eb('plan.status', '!=', 'drafting'),
						sql<boolean>`plan.optional_step_ids && ARRAY(SELECT o.id FROM chain_step o WHERE o.organisation_id = ${org} AND o.optional)`,
						eb.exists(
							eb
								.selectFrom('chain_step')
								.select('chain_step.id')
								.where(
									'chain_step.id',
									'=',
									eb.fn.any('plan.optional_step_ids'),
								)
								.whereRef('chain_step.chain_id', '=', 'plan.chain_id')
								.where('chain_step.organisation_id', '=', org)
								.where('chain_step.optional', '=', true),
						),
					]),
				])
}

const recordColumns = [
	'plan.id',
	'plan.organisation_id',
	'plan.plan_year',
	'plan.direction',
	'plan.name',
	'plan.in_name_of',
	'plan.head_title',
	'plan.head_name',
	'plan.member_count',
	'plan.country',
	'plan.partner_id',
	'plan.partner_name',
	'plan.activities',
	'plan.days_min',
	'plan.days_max',
	'plan.timing_kind',
	'plan.timing_month',
	'plan.start_date',
	'plan.end_date',
	'plan.optional_step_ids',
	'plan.status',
	'plan.version',
	'plan.chain_id',
] as const

/** Members, budget lines, attachments and partner name of the plan in the query (subqueries). */
function recordRelations(eb: ExpressionBuilder<DB, 'plan'>) {
	return [
		jsonArrayFrom(
			eb
				.selectFrom('plan_member as m')
				.select([
					'm.full_name',
					'm.title',
					'm.organisation_name',
					'm.passport_type',
					'm.person_id',
				])
				.whereRef('m.plan_id', '=', 'plan.id')
				.orderBy('m.position'),
		).as('members'),
		jsonArrayFrom(
			eb
				.selectFrom('plan_budget_line as b')
				.select(['b.payer', 'b.item', 'b.source', 'b.amount', 'b.currency'])
				.whereRef('b.plan_id', '=', 'plan.id')
				.orderBy('b.position'),
		).as('budget'),
		jsonArrayFrom(
			eb
				.selectFrom('plan_attachment as a')
				.select(['a.id', 'a.file_name', 'a.content_type', 'a.size', 'a.sha256'])
				.whereRef('a.plan_id', '=', 'plan.id')
				.where('a.purpose', '=', 'plan')
				.orderBy('a.created_at'),
		).as('attachments'),
		eb
			.selectFrom('organisation as p')
			.select('p.name_vi')
			.whereRef('p.id', '=', 'plan.partner_id')
			.as('partner_org_name'),
	] as const
}

/** The plan as a document: its fields, members, budget lines and attachments (one query). */
export async function getPlanRecord(db: Db, planId: string) {
	return db
		.selectFrom('plan')
		.select(recordColumns)
		.select(recordRelations)
		.where('plan.id', '=', planId)
		.executeTakeFirst()
}

export type PlanRecord = NonNullable<Awaited<ReturnType<typeof getPlanRecord>>>

/**
 * Who last sent the plan up the chain, and who last filed its report (for separation of duties),
 * each read only in the status where it can decide anything (a step; a report to acknowledge or
 * return): otherwise a long timeline would be scanned to the end for an event it does not have.
 */
export const lastSubmitters = [
	sql<string | null>`CASE WHEN plan.status LIKE 'step\\_%' THEN
		(SELECT se.actor_id FROM plan_event se WHERE se.plan_id = plan.id
		AND se.event IN ('SUBMIT', 'RESUBMIT', 'AMEND') ORDER BY se.created_at DESC LIMIT 1) END`.as(
		'submitted_by',
	),
	sql<string | null>`CASE WHEN plan.status = 'report_submitted' THEN
		(SELECT re.actor_id FROM plan_event re WHERE re.plan_id = plan.id
		AND re.event = 'SUBMIT_REPORT' ORDER BY re.created_at DESC LIMIT 1) END`.as(
		'report_submitted_by',
	),
]

/** What the timeline shows of each event (names looked up for the events read only). */
const timelineColumns = [
	'e.id',
	'e.event',
	'e.from_status',
	'e.to_status',
	'e.comment',
	'e.created_at',
	'e.plan_version',
	'e.via',
	// Looked up for the latest events only, not for every event before the limit.
	sql<string>`(SELECT u.full_name FROM app_user u WHERE u.id = e.actor_id)`.as(
		'actor_name',
	),
	sql<string>`(SELECT eo.short_name FROM organisation eo WHERE eo.id = e.actor_organisation_id)`.as(
		'actor_organisation',
	),
	sql<
		string | null
	>`(SELECT ob.full_name FROM app_user ob WHERE ob.id = e.on_behalf_of)`.as(
		'on_behalf_name',
	),
	// The new timing of a postponement or amendment, and whether a change kept the approval.
	sql<TimingSnapshot | null>`CASE WHEN e.event IN ('POSTPONE', 'AMEND') THEN jsonb_build_object(
		'plan_year', e.plan_snapshot->'plan_year', 'timing_kind', e.plan_snapshot->'timing_kind',
		'timing_month', e.plan_snapshot->'timing_month', 'start_date', e.plan_snapshot->'start_date',
		'end_date', e.plan_snapshot->'end_date') END`.as('timing'),
	// Only a postponement's snapshot can carry `edited` (no other event's snapshot is read).
	sql<boolean>`CASE WHEN e.event = 'POSTPONE' THEN e.plan_snapshot ? 'edited' ELSE false END`.as(
		'edited',
	),
	// How far a step that needs several approvers got with a partial approval.
	sql<{
		count: number
		required: number
	} | null>`CASE WHEN e.event = 'APPROVE_PARTIAL' THEN e.plan_snapshot->'approvals' END`.as(
		'approvals',
	),
] as const

/**
 * Everything the plan page shows, in one query: the record, its owner, chain steps, timeline
 * and file; null if there is no such plan or, given a viewer, if the viewer may not see it.
 */
export async function getPlanPage(
	db: Db,
	planId: string,
	viewer?: PlanViewer,
	/** Only the latest events of the timeline (all when absent); `events_total` counts them all. */
	timelineLimit?: number,
) {
	let q = db
		.selectFrom('plan')
		.innerJoin('organisation as o', 'o.id', 'plan.organisation_id')
		.where('plan.id', '=', planId)
	if (viewer) q = q.where(visibleTo(viewer))
	const page = await q
		.select(recordColumns)
		.select(recordRelations)
		.select(lastSubmitters)
		.select(planFileColumns)
		.select([
			'o.name_vi as organisation_name',
			'plan.created_at',
			'plan.status_changed_at',
			'plan.workflow_snapshot',
			'plan.departed_on',
			'plan.returned_on',
			'plan.report_due_on',
			'plan.report_due_count',
			'plan.report_due_unit',
			'plan.cancel_reason',
		])
		.select(eb => [
			jsonArrayFrom(
				eb
					.selectFrom('chain_step as s')
					.innerJoin('organisation as so', 'so.id', 's.organisation_id')
					.select([...STEP_COLUMNS, 'so.short_name as organisation_short_name'])
					.where(eb =>
						eb(
							's.chain_id',
							'=',
							eb.fn.coalesce(
								'plan.chain_id',
								eb
									.selectFrom('chain as c')
									.select('c.id')
									.whereRef('c.organisation_id', '=', 'plan.organisation_id')
									.orderBy('c.version', 'desc')
									.limit(1),
							),
						),
					)
					.orderBy('s.position'),
			).as('chain_steps'),
			jsonArrayFrom(
				eb
					.selectFrom(
						eb
							.selectFrom('plan_event as e')
							.select(timelineColumns)
							.whereRef('e.plan_id', '=', 'plan.id')
							.orderBy('e.id', 'desc')
							.$if(timelineLimit !== undefined, q => q.limit(timelineLimit!))
							.as('t'),
					)
					.selectAll('t')
					.orderBy('t.id'),
			).as('events'),
			sql<number>`(SELECT count(*)::int FROM plan_event c WHERE c.plan_id = plan.id)`.as(
				'events_total',
			),
			// The events the page's panels read, however far back the timeline's limit leaves them:
			// the latest return, rejection, approval and amendment, and the decisions since the
			// plan was last sent up the chain.
			jsonArrayFrom(
				eb
					.selectFrom('plan_event as e')
					.select(timelineColumns)
					.whereRef('e.plan_id', '=', 'plan.id')
					.where(
						sql<boolean>`(e.id IN (SELECT unnest(ARRAY[
							max(k.id) FILTER (WHERE k.event = 'RETURN'),
							max(k.id) FILTER (WHERE k.event = 'REJECT'),
							max(k.id) FILTER (WHERE k.event = 'AMEND'),
							max(k.id) FILTER (WHERE k.to_status = 'approved')])
						FROM plan_event k WHERE k.plan_id = plan.id)
						OR (e.event IN ('APPROVE', 'RETURN', 'REJECT') AND e.id >= (
							SELECT max(k.id) FROM plan_event k WHERE k.plan_id = plan.id
							AND k.event IN ('SUBMIT', 'RESUBMIT', 'AMEND'))))`,
					)
					.$if(timelineLimit === undefined, q => q.where(sql<boolean>`false`))
					.orderBy('e.id'),
			).as('key_events'),
			eb
				.exists(
					eb
						.selectFrom('trip_report as r')
						.select('r.plan_id')
						.whereRef('r.plan_id', '=', 'plan.id'),
				)
				.$castTo<boolean>()
				.as('has_report'),
		])
		.executeTakeFirst()
	return page ?? null
}

export interface TimingSnapshot {
	plan_year: number
	timing_kind: 'year' | 'month' | 'dates'
	timing_month: number | null
	start_date: string | null
	end_date: string | null
}

/** The plan as these events left it (one query, however many), by event id. */
export async function getPlanEventSnapshots(
	db: Db,
	planId: string,
	eventIds: (string | number)[],
) {
	if (!eventIds.length) return new Map<string, PlanRecord>()
	const rows = await db
		.selectFrom('plan_event')
		.select(['id', 'plan_snapshot'])
		.where('plan_id', '=', planId)
		.where('id', 'in', eventIds.map(String))
		.execute()
	// Ids come as strings from a bigint column but as numbers from a JSON aggregate.
	return new Map(rows.map(r => [String(r.id), r.plan_snapshot as PlanRecord]))
}

export async function canView(db: Db, viewer: PlanViewer, planId: string) {
	const row = await db
		.selectFrom('plan')
		.select('plan.id')
		.where('plan.id', '=', planId)
		.where(visibleTo(viewer))
		.executeTakeFirst()
	return Boolean(row)
}

export interface PlanListFilter {
	query?: string
	year?: number
	direction?: Direction
	status?: string
	sort?: PlanSort
	page: number
}

/** The list's own filters (search, year, direction, status), without the viewer's visibility. */
function filteredBy(filter: PlanListFilter) {
	return (eb: ExpressionBuilder<DB, 'plan'>) => {
		const where: Expression<SqlBool>[] = [eb.lit(true)]
		if (filter.query?.trim())
			where.push(eb('plan.search_text', 'like', searchPattern(filter.query)))
		if (filter.year) where.push(eb('plan.plan_year', '=', filter.year))
		if (filter.direction)
			where.push(eb('plan.direction', '=', filter.direction))
		if (filter.status === 'pending')
			where.push(eb('plan.status', 'like', 'step\\_%'))
		else if (filter.status) where.push(eb('plan.status', '=', filter.status))
		return eb.and(where)
	}
}

/**
 * How many plans the list holds, exactly: the viewer's visibility split into disjoint parts
 * (their organisation's plans; others' submitted plans of a chain with a step of theirs; others'
 * plans that chose an optional step of theirs), each counted from a narrow index without reading
 * a plan row. The last part runs only for an organisation that has optional steps. A search
 * counts the plans it matched instead.
 */
function countListed(viewer: PlanViewer, filter: PlanListFilter) {
	const org = viewer.organisationId
	return (eb: ExpressionBuilder<DB, 'plan'>): RawBuilder<string> => {
		const countWhere = (
			where: (eb: ExpressionBuilder<DB, 'plan'>) => Expression<SqlBool>,
		) =>
			eb
				.selectFrom('plan')
				.select(eb => eb.fn.countAll<string>().as('n'))
				.where(filteredBy(filter))
				.where(where)
				.$asScalar()
		if (filter.query?.trim())
			return sql<string>`${countWhere(visibleTo(viewer))}`
		const others = (eb: ExpressionBuilder<DB, 'plan'>) =>
			eb.and([
				eb('plan.organisation_id', '!=', org),
				eb('plan.status', '!=', 'drafting'),
			])
		const myChains = (eb: ExpressionBuilder<DB, 'plan'>) =>
			eb
				.selectFrom('chain_step')
				.select('chain_step.chain_id')
				.where('chain_step.organisation_id', '=', org)
				.where('chain_step.optional', '=', false)
		const parts = [countWhere(eb => eb('plan.organisation_id', '=', org))]
		if (viewer.seesAllSubmitted) parts.push(countWhere(others))
		else
			parts.push(
				countWhere(eb =>
					eb.and([others(eb), eb('plan.chain_id', 'in', myChains(eb))]),
				),
				countWhere(eb =>
					eb.and([
						others(eb),
						eb.exists(
							eb
								.selectFrom('chain_step')
								.select('chain_step.id')
								.where('chain_step.organisation_id', '=', org)
								.where('chain_step.optional', '=', true),
						),
						eb.not(eb('plan.chain_id', 'in', myChains(eb))),
						visibleTo(viewer)(eb),
					]),
				),
			)
		return sql<string>`${sql.join(parts, sql` + `)}`
	}
}

export async function listPlans(
	db: Db,
	viewer: PlanViewer,
	filter: PlanListFilter,
) {
	let q = db
		.selectFrom('plan')
		.innerJoin('organisation as o', 'o.id', 'plan.organisation_id')
		.where(visibleTo(viewer))
		.where(filteredBy(filter))
	if (filter.query?.trim())
		q = q.orderBy(foldedFirst(sql`plan.name_fold`, filter.query))
	// Each order ends with the plan id, so pages never share or skip a plan.
	if (filter.sort === 'name')
		q = q.orderBy(sql`plan.name COLLATE vi`).orderBy('plan.id')
	else if (filter.sort === 'status')
		q = q
			.orderBy('plan.status')
			.orderBy('plan.status_changed_at', 'desc')
			.orderBy('plan.id', 'desc')
	else
		q = q
			.orderBy('plan.plan_year', 'desc')
			.orderBy('plan.created_at', 'desc')
			.orderBy('plan.id', 'desc')
	return paginate(
		q
			.leftJoin(
				'organisation as step_org',
				'step_org.id',
				'plan.current_step_organisation_id',
			)
			.select([
				'plan.id',
				'plan.plan_year',
				'plan.direction',
				'plan.name',
				'plan.country',
				'plan.partner_name',
				'plan.status',
				'plan.status_changed_at',
				'plan.member_count',
				'plan.timing_kind',
				'plan.timing_month',
				'plan.start_date',
				'plan.end_date',
				'o.short_name as organisation_short_name',
				'step_org.short_name as step_organisation',
			])
			.select(eb => [
				eb
					.selectFrom('organisation as p')
					.select('p.short_name')
					.whereRef('p.id', '=', 'plan.partner_id')
					.as('partner_org_name'),
				// The total in the same query, counted apart (once, from narrow indexes) rather than
				// `count(*) over ()`, which made every page read and join every listed plan.
				countListed(viewer, filter)(eb).as('total'),
			]),
		filter.page,
	)
}

export async function getAttachment(
	db: Db,
	planId: string,
	attachmentId: string,
) {
	return db
		.selectFrom('plan_attachment as a')
		.innerJoin('plan', 'plan.id', 'a.plan_id')
		.select([
			'a.file_name',
			'a.content_type',
			'a.size',
			'a.sha256',
			'a.data',
			'a.purpose',
			'plan.organisation_id',
			'plan.status',
		])
		.where('a.plan_id', '=', planId)
		.where('a.id', '=', attachmentId)
		.executeTakeFirst()
}

export interface PlanContent {
	fields: Omit<
		PlanUpdate,
		'id' | 'organisation_id' | 'status' | 'version' | 'created_by'
	>
	members: Omit<NewPlanMember, 'plan_id' | 'position'>[]
	budget: Omit<NewPlanBudgetLine, 'plan_id' | 'position'>[]
	newAttachments: Omit<NewPlanAttachment, 'plan_id'>[]
	removeAttachmentIds: string[]
}

export async function insertPlan(
	db: Db,
	owner: {
		organisationId: string
		createdBy: string
		plan_year: number
		direction: Direction
	},
) {
	return db
		.insertInto('plan')
		.values({
			organisation_id: owner.organisationId,
			created_by: owner.createdBy,
			plan_year: owner.plan_year,
			direction: owner.direction,
		})
		.returning(['id', 'version'])
		.executeTakeFirstOrThrow()
}

/**
 * Replaces the plan's content while it is still the drafter's (drafting or returned, or approved
 * when the caller records the change as an event in the same transaction) and nobody saved it
 * since `expectedVersion`. Returns null otherwise. Call inside a transaction.
 */
export async function savePlanContent(
	db: Db,
	planId: string,
	expectedVersion: number,
	content: PlanContent,
) {
	const updated = await db
		.updateTable('plan')
		.set({
			...content.fields,
			version: sql`version + 1`,
			updated_at: sql`now()`,
		})
		.where('id', '=', planId)
		.where('version', '=', expectedVersion)
		.where('status', 'in', ['drafting', 'returned', 'approved'])
		.returning('version')
		.executeTakeFirst()
	if (!updated) return null
	await db.deleteFrom('plan_member').where('plan_id', '=', planId).execute()
	if (content.members.length)
		await db
			.insertInto('plan_member')
			.values(
				content.members.map((m, i) => ({
					...m,
					plan_id: planId,
					position: i + 1,
				})),
			)
			.execute()
	await db
		.deleteFrom('plan_budget_line')
		.where('plan_id', '=', planId)
		.execute()
	if (content.budget.length)
		await db
			.insertInto('plan_budget_line')
			.values(
				content.budget.map((b, i) => ({
					...b,
					plan_id: planId,
					position: i + 1,
				})),
			)
			.execute()
	if (content.removeAttachmentIds.length)
		await db
			.deleteFrom('plan_attachment')
			.where('plan_id', '=', planId)
			.where('purpose', '=', 'plan')
			.where('id', 'in', content.removeAttachmentIds)
			.execute()
	if (content.newAttachments.length)
		await db
			.insertInto('plan_attachment')
			.values(content.newAttachments.map(a => ({ ...a, plan_id: planId })))
			.execute()
	return updated
}

/** Locks the plan row for a workflow transition (see workflows/plans/plan.server.ts). */
export async function lockPlan(db: Db, planId: string) {
	return db
		.selectFrom('plan')
		.select([
			'id',
			'organisation_id',
			'name',
			'status',
			'version',
			'chain_id',
			'optional_step_ids',
			'workflow_snapshot',
		])
		.where('id', '=', planId)
		.forUpdate()
		.executeTakeFirst()
}

/**
 * For a workflow event, in one statement: locks the plan and reads its record, the steps of the
 * chain it is pinned to (none before its first submission) and the names a notification of the
 * event needs; none if it does not exist or, given a `viewer`, the viewer may not see it (the
 * visibility check of a decision is this statement, not one of its own). The related rows are
 * read in the statement's snapshot, which is current whenever the version still matches (every
 * change of the plan's content bumps it). Compiled once per kind of viewer (see compiledOnce):
 * every decision runs it.
 */
export async function lockPlanForEvent(
	db: Db,
	planId: string,
	actor: { userId: string; organisationId: string },
	viewer?: PlanViewer,
) {
	const shape = !viewer ? 'anyone' : viewer.seesAllSubmitted ? 'board' : 'org'
	const [row] = await lockQuery(
		db,
		shape,
		planId,
		actor.userId,
		actor.organisationId,
		viewer?.organisationId ?? '',
	)
	return row
}

const lockQuery = compiledOnce(
	(
		db: Db,
		viewer: 'anyone' | 'board' | 'org',
		planId: string,
		actorId: string,
		actorOrganisationId: string,
		viewerOrganisationId: string,
	) => {
		const query = db
			.selectFrom('plan')
			.select(recordColumns)
			.select(recordRelations)
			.select(lastSubmitters)
			.select(eb => [
				'plan.workflow_snapshot',
				'plan.created_by',
				jsonArrayFrom(
					eb
						.selectFrom('chain_step as s')
						.select(STEP_COLUMNS)
						.whereRef('s.chain_id', '=', 'plan.chain_id')
						.orderBy('s.position'),
				).as('chain_steps'),
				eb
					.selectFrom('organisation as o')
					.select('o.name_vi')
					.whereRef('o.id', '=', 'plan.organisation_id')
					.$asScalar()
					.as('organisation_name'),
				eb
					.selectFrom('app_user as u')
					.select('u.full_name')
					.where('u.id', '=', actorId)
					.$asScalar()
					.as('actor_name'),
				eb
					.selectFrom('organisation as ao')
					.select('ao.short_name')
					.where('ao.id', '=', actorOrganisationId)
					.$asScalar()
					.as('actor_organisation'),
			])
			.where('plan.id', '=', planId)
			.modifyFront(sql.raw(PREPARED))
			.forUpdate('plan')
		return viewer === 'anyone'
			? query
			: query.where(
					visibleTo({
						organisationId: viewerOrganisationId,
						seesAllSubmitted: viewer === 'board',
					}),
				)
	},
)

export async function updatePlanWorkflow(
	db: Db,
	planId: string,
	values: PlanUpdate,
) {
	return db
		.updateTable('plan')
		.set({
			...values,
			version: sql`version + 1`,
			status_changed_at: sql`now()`,
			updated_at: sql`now()`,
		})
		.where('id', '=', planId)
		.returning('version')
		.executeTakeFirstOrThrow()
}

export async function insertPlanEvent(db: Db, event: NewPlanEvent) {
	return db
		.insertInto('plan_event')
		.values(event)
		.returning('id')
		.executeTakeFirstOrThrow()
}

/**
 * Moves a plan locked by the caller at `lockedVersion` to its next version and appends the
 * event that did it, in one statement (the event carries the new version, `lockedVersion + 1`).
 * With `recipients`, the same statement reads who is to hear of it (as
 * `findRecipientsAndSubstitutes` does).
 */
export async function updatePlanWithEvent(
	db: Db,
	planId: string,
	lockedVersion: number,
	values: PlanUpdate,
	event: Omit<NewPlanEvent, 'plan_id' | 'plan_version'>,
	recipients?: { criteria: RecipientCriteria; today: string },
) {
	const version = lockedVersion + 1
	const people =
		recipients &&
		recipientsAndSubstitutesQuery(db, recipients.criteria, recipients.today)
	const row = await db
		.with('moved', qb =>
			qb
				.updateTable('plan')
				.set({
					...values,
					version,
					status_changed_at: sql`now()`,
					updated_at: sql`now()`,
				})
				.where('id', '=', planId),
		)
		.insertInto('plan_event')
		.values({ ...event, plan_id: planId, plan_version: version })
		.returning(eb => [
			'id',
			people
				? jsonArrayFrom(people as never).as('people')
				: eb.lit(null).as('people'),
		])
		.executeTakeFirstOrThrow()
	return {
		id: row.id,
		version,
		recipients: people ? splitRecipients(row.people as unknown[]) : undefined,
	}
}

export async function latestPlanEvent(db: Db, planId: string) {
	return db
		.selectFrom('plan_event as e')
		.innerJoin('app_user as u', 'u.id', 'e.actor_id')
		.innerJoin('organisation as o', 'o.id', 'e.actor_organisation_id')
		.select([
			'e.id',
			'e.event',
			'e.to_status',
			'e.comment',
			'e.created_at',
			'u.full_name as actor_name',
			'o.short_name as actor_organisation',
		])
		.where('e.plan_id', '=', planId)
		.orderBy('e.id', 'desc')
		.limit(1)
		.executeTakeFirst()
}

export async function countInbox(db: Db, organisationId: string) {
	const row = await db
		.selectFrom('plan')
		.select(eb => eb.fn.countAll<string>().as('n'))
		.where('current_step_organisation_id', '=', organisationId)
		.executeTakeFirstOrThrow()
	return Number(row.n)
}

/** Names a notification about a plan event needs: the plan, its owner, who acted. */
export async function getPlanEventFacts(db: Db, eventId: string) {
	return db
		.selectFrom('plan_event as e')
		.innerJoin('plan as p', 'p.id', 'e.plan_id')
		.innerJoin('organisation as o', 'o.id', 'p.organisation_id')
		.innerJoin('app_user as u', 'u.id', 'e.actor_id')
		.innerJoin('organisation as ao', 'ao.id', 'e.actor_organisation_id')
		.select([
			'p.name as plan_name',
			'p.organisation_id',
			'p.created_by',
			'p.version as plan_version',
			'o.name_vi as organisation_name',
			'u.full_name as actor_name',
			'ao.short_name as actor_organisation',
		])
		.where('e.id', '=', eventId)
		.executeTakeFirstOrThrow()
}

/** How many of each group the home page lists (the total is given too). */
export const AT_HAND_LIMIT = 5

/**
 * What an approver's home follows, in one query: the delegations on their trip now (soonest back
 * first) and the approved ones starting within 30 days of `today` (soonest first), of the plans
 * `viewer` may see, each the first AT_HAND_LIMIT with the total; and the user's latest decisions
 * with where each plan stands now.
 */
export async function approverOverview(
	db: Db,
	viewer: PlanViewer,
	userId: string,
	today: string,
) {
	const group = (status: 'departed' | 'approved') => {
		let q = db
			.selectFrom('plan')
			.innerJoin('organisation as o', 'o.id', 'plan.organisation_id')
			.where(visibleTo(viewer))
			.where('plan.status', '=', status)
		if (status === 'approved')
			q = q
				.where('plan.start_date', '>=', today)
				.where('plan.start_date', '<=', sql<string>`${today}::date + 30`)
		return q
	}
	const rows = (status: 'departed' | 'approved') =>
		group(status)
			.select([
				'plan.id',
				'plan.name',
				'plan.direction',
				'plan.country',
				'plan.plan_year',
				'plan.timing_kind',
				'plan.timing_month',
				'plan.start_date',
				'plan.end_date',
				'o.short_name as organisation_short_name',
			])
			.orderBy(status === 'departed' ? 'plan.end_date' : 'plan.start_date')
			.orderBy('plan.id')
			.limit(AT_HAND_LIMIT)
	const total = (status: 'departed' | 'approved') =>
		group(status).select(eb => eb.fn.countAll<number>().as('n'))
	const row = await db
		.selectNoFrom([
			jsonArrayFrom(rows('departed')).as('abroad'),
			total('departed').as('abroad_total'),
			jsonArrayFrom(rows('approved')).as('upcoming'),
			jsonArrayFrom(
				db
					.selectFrom('plan_event as e')
					.innerJoin('plan', 'plan.id', 'e.plan_id')
					.leftJoin(
						'organisation as step_org',
						'step_org.id',
						'plan.current_step_organisation_id',
					)
					.where('e.actor_id', '=', userId)
					.where('e.event', 'in', [...DECISION_EVENTS])
					.where(visibleTo(viewer))
					.select([
						'e.id as event_id',
						'e.event',
						'e.created_at',
						'plan.id',
						'plan.name',
						'plan.status',
						'plan.direction',
						'step_org.short_name as step_organisation',
					])
					.orderBy('e.created_at', 'desc')
					.orderBy('e.id', 'desc')
					.limit(AT_HAND_LIMIT),
			).as('decided'),
			total('approved').as('upcoming_total'),
		])
		.executeTakeFirstOrThrow()
	return {
		abroad: row.abroad,
		abroadTotal: Number(row.abroad_total),
		upcoming: row.upcoming,
		upcomingTotal: Number(row.upcoming_total),
		decided: row.decided,
	}
}

/** The events an approver decides with (plan_event_decided_idx covers them). */
const DECISION_EVENTS = [
	'APPROVE',
	'APPROVE_PARTIAL',
	'RETURN',
	'REJECT',
] as const
