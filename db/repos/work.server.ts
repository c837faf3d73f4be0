import { sql, type Expression, type RawBuilder } from 'kysely'
import { type Db } from '../client.server.ts'
import { tripLastDay } from './reminder.server.ts'
import { PREPARED } from '../postgres-driver.ts'
import { PAGE_SIZE, pageOffset } from '#lib/pagination.ts'

type Org = Expression<string> | RawBuilder<string> | string
const orgSql = (org: Org) =>
	typeof org === 'string' ? sql`${org}::uuid` : sql`${org}`

/**
 * A submitted post-trip report waits for `org` when `org` is the plan's last receiving step
 * (another organisation than the owner's, an optional step only if the plan took it).
 */
export function waitsForAcknowledgement(plan: string, org: Org) {
	const p = sql.raw(plan)
	const applies = (s: string) =>
		sql.raw(`(NOT ${s}.optional OR ${s}.id = ANY(${plan}.optional_step_ids))`)
	// The chains with a step of `org` first: a partial index (plan_report_submitted_idx) reads only
	// their submitted reports, not every one of every organisation.
	return sql<boolean>`(${p}.status = 'report_submitted'
		AND ${p}.chain_id = ANY(ARRAY(SELECT c.chain_id FROM chain_step c WHERE c.organisation_id = ${orgSql(org)}))
		AND EXISTS (
		SELECT 1 FROM chain_step s
		WHERE s.chain_id = ${p}.chain_id AND s.organisation_id = ${orgSql(org)}
			AND s.organisation_id <> ${p}.organisation_id AND ${applies('s')}
			AND NOT EXISTS (
				SELECT 1 FROM chain_step s2
				WHERE s2.chain_id = ${p}.chain_id AND s2.position > s.position
					AND s2.organisation_id <> ${p}.organisation_id AND ${applies('s2')})))`
}

/**
 * The counts on the nav items, for the user's organisation `org`: plans waiting at its step and
 * reports waiting for its acknowledgement (the inbox), plans returned to it and reports it owes.
 * One subquery each, read with the session so a page needs no query of its own for them.
 */
export function workCountColumns(org: Org) {
	const o = orgSql(org)
	return [
		sql<string>`(SELECT count(*) FROM plan w WHERE w.current_step_organisation_id = ${o})
			+ (SELECT count(*) FROM plan w WHERE ${waitsForAcknowledgement('w', org)})`.as(
			'inbox_count',
		),
		sql<string>`(SELECT count(*) FROM plan w WHERE w.organisation_id = ${o} AND w.status = 'returned')`.as(
			'returned_count',
		),
		sql<string>`(SELECT count(*) FROM plan w WHERE w.organisation_id = ${o} AND w.status IN ('trip_done', 'report_returned'))`.as(
			'reports_owed_count',
		),
	] as const
}

export type InboxKind = 'plan' | 'report'

/**
 * "Chờ tôi xử lý": plans waiting at the organisation's step and post-trip reports waiting for its
 * acknowledgement, the longest waiting first (id last, for a total order). The total is the
 * session's `inbox_count` (workCountColumns), counted once a request for the nav already. Each
 * row of the page with the working days it has waited as of `today` (after the day it arrived,
 * as the approval reminders count them: working_days_between, the calendar of lib/working-days.ts), and
 * for a plan the day of its next reminder (every approval_reminder_days working days).
 */
export async function listInbox(
	db: Db,
	organisationId: string,
	page: number,
	/** Items this user submitted are marked `own`: someone else in the organisation decides them. */
	viewerId: string,
	today: string,
) {
	const columns = (kind: InboxKind) =>
		sql.raw(`'${kind}'::text AS kind, p.id, p.plan_year, p.direction, p.name, p.country,
			p.status, p.status_changed_at, p.start_date, p.end_date, p.timing_kind, p.timing_month,
			p.returned_on, o.short_name AS organisation_short_name`)
	// Each kind read in order, only as far as the page reaches (an index range for the plans),
	// then merged.
	const reach = pageOffset(page) + PAGE_SIZE
	const { rows } = await sql<InboxRow & { arrived: unknown }>`
		WITH plans AS (
			SELECT ${columns('plan')} FROM plan p JOIN organisation o ON o.id = p.organisation_id
			WHERE p.current_step_organisation_id = ${organisationId}
			ORDER BY p.status_changed_at, p.id LIMIT ${reach}
		), reports AS (
			SELECT ${columns('report')} FROM plan p JOIN organisation o ON o.id = p.organisation_id
			WHERE ${waitsForAcknowledgement('p', organisationId)}
			ORDER BY p.status_changed_at, p.id LIMIT ${reach}
		), listed AS (
			SELECT *, (status_changed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS arrived
			FROM (SELECT * FROM plans UNION ALL SELECT * FROM reports) items
			ORDER BY status_changed_at, id
			LIMIT ${PAGE_SIZE} OFFSET ${pageOffset(page)}
		)
		SELECT l.*, w.working_days_waited,
			-- Only for the page's rows: who last sent it (the plan, or its report) to this step.
			coalesce((SELECT se.actor_id = ${viewerId}::uuid FROM plan_event se WHERE se.plan_id = l.id
				AND se.event = ANY(CASE WHEN l.kind = 'plan' THEN ARRAY['SUBMIT', 'RESUBMIT', 'AMEND']
					ELSE ARRAY['SUBMIT_REPORT'] END)
				ORDER BY se.created_at DESC LIMIT 1), false) AS own,
			CASE WHEN l.kind = 'plan' THEN to_char(add_working_days(${today}::date,
				so.approval_reminder_days - w.working_days_waited % so.approval_reminder_days),
				'YYYY-MM-DD') END AS next_reminder_on,
			so.approval_reminder_days
		FROM listed l
		JOIN organisation so ON so.id = ${organisationId}
		CROSS JOIN LATERAL (
			SELECT working_days_between(l.arrived, ${today}::date) AS working_days_waited
		) w
		ORDER BY l.status_changed_at, l.id
	`.execute(db)
	return rows.map(({ arrived: _a, ...row }) => row)
}

export interface InboxRow {
	kind: InboxKind
	id: string
	plan_year: number
	direction: 'out' | 'in'
	name: string
	country: string | null
	status: string
	status_changed_at: Date
	start_date: string | null
	end_date: string | null
	timing_kind: 'year' | 'month' | 'dates'
	timing_month: number | null
	returned_on: string | null
	organisation_short_name: string
	own: boolean
	/** Working days waited after the day it arrived, up to today. */
	working_days_waited: number
	/** 'YYYY-MM-DD' of the next approval reminder (plans only). */
	next_reminder_on: string | null
	/** The organisation's setting: reminders every this many working days. */
	approval_reminder_days: number
}

/** The inbox item after `planId` (the next one to decide), or undefined when none is left. */
export async function nextInboxItem(
	db: Db,
	organisationId: string,
	exceptPlanId: string,
) {
	// The first of each kind, then the earlier of the two: the plans' arm reads one entry of
	// plan_waiting_step_idx instead of sorting every plan waiting at the step.
	const { rows } = await sql<{ id: string; kind: InboxKind; name: string }>`
		SELECT ${sql.raw(PREPARED)} id, kind, name FROM (
			(SELECT p.id, 'plan'::text AS kind, p.name, p.status_changed_at FROM plan p
			WHERE p.current_step_organisation_id = ${organisationId} AND p.id <> ${exceptPlanId}
			ORDER BY p.status_changed_at, p.id LIMIT 1)
			UNION ALL
			(SELECT p.id, 'report'::text AS kind, p.name, p.status_changed_at FROM plan p
			WHERE ${waitsForAcknowledgement('p', organisationId)} AND p.id <> ${exceptPlanId}
			ORDER BY p.status_changed_at, p.id LIMIT 1)
		) items
		ORDER BY status_changed_at, id
		LIMIT 1
	`.execute(db)
	return rows[0]
}

/**
 * What waits for a drafter's organisation, a few of each kind: plans returned (with the
 * comment), drafts not sent, approved plans waiting to depart, trips under way (to record their
 * end), reports owed (due date first).
 */
export async function listDrafterWork(db: Db, organisationId: string) {
	const { rows } = await sql<DrafterWorkRow>`
		SELECT * FROM (
			SELECT p.id, p.name, p.status, p.direction, p.country, p.plan_year, p.start_date,
				p.end_date, p.timing_kind, p.timing_month, p.report_due_on, p.report_due_count,
				p.report_due_unit, p.status_changed_at,
				CASE WHEN p.status = 'departed' THEN ${tripLastDay('p')} END AS last_day,
				-- An approved plan's latest planned start: its first day, or the end of its month or year.
				CASE WHEN p.status = 'approved' THEN CASE p.timing_kind
					WHEN 'dates' THEN p.start_date
					WHEN 'month' THEN (make_date(p.plan_year, coalesce(p.timing_month, 12), 1)
						+ interval '1 month - 1 day')::date
					ELSE make_date(p.plan_year, 12, 31) END END AS start_by,
				CASE WHEN p.status IN ('returned', 'report_returned') THEN (
					SELECT e.comment FROM plan_event e
					WHERE e.plan_id = p.id AND e.event IN ('RETURN', 'RETURN_REPORT')
					ORDER BY e.id DESC LIMIT 1) END AS comment,
				row_number() OVER (
					PARTITION BY CASE WHEN p.status IN ('trip_done', 'report_returned') THEN 'report' ELSE p.status END
					ORDER BY p.report_due_on NULLS LAST, p.status_changed_at DESC, p.id) AS n
			FROM plan p
			WHERE p.organisation_id = ${organisationId}
				AND p.status IN ('returned', 'drafting', 'approved', 'departed', 'trip_done', 'report_returned')
		) work
		WHERE n <= ${WORK_LIMIT}
		ORDER BY status_changed_at DESC, id
	`.execute(db)
	return rows
}

export const WORK_LIMIT = 5

export interface DrafterWorkRow {
	id: string
	name: string
	status: string
	direction: 'out' | 'in'
	country: string | null
	plan_year: number
	start_date: string | null
	end_date: string | null
	timing_kind: 'year' | 'month' | 'dates'
	timing_month: number | null
	report_due_on: string | null
	report_due_count: number | null
	report_due_unit: 'days' | 'working_days' | null
	status_changed_at: Date
	/** A trip under way: its planned last day ('YYYY-MM-DD', see tripLastDay). */
	last_day: string | null
	/** An approved plan: the latest day it was planned to start ('YYYY-MM-DD'). */
	start_by: string | null
	comment: string | null
}
