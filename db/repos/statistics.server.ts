import { sql } from 'kysely'
import { type Db } from '../connect.ts'

export interface StatisticsFilter {
	/** null: every organisation (VGCL board only) */
	organisationId: string | null
	fromYear: number
	toYear: number
}

export interface CountRow {
	key: string
	direction: 'out' | 'in'
	delegations: number
	people: number
	cancelled: number
	/** By partner only: the partner record, null for a name typed without one. */
	partner_id?: string | null
}

export interface StepTimeRow {
	organisation_name: string
	step: string
	label: string
	label_en: string
	passes: number
	median_hours: number
	max_hours: number
}

export interface Statistics {
	byYear: CountRow[]
	byCountry: CountRow[]
	byPartner: CountRow[]
	cancelled: Array<{ reason: string; count: number }>
	reports: { on_time: number; late: number; overdue: number; pending: number }
	stepTimes: StepTimeRow[]
}

// A delegation counts once it is approved (then done, reported, closed or cancelled).
const NOT_DELEGATION = ['drafting', 'returned', 'rejected', 'withdrawn']

function basePlans(f: StatisticsFilter) {
	return sql`
		SELECT p.id, p.plan_year, p.direction, p.status, p.country, p.partner_id,
			coalesce(po.name_vi, nullif(trim(p.partner_name), '')) AS partner_name,
			p.cancel_reason, p.report_due_on, p.organisation_id, p.chain_id,
			CASE WHEN p.status = 'cancelled' THEN 0
				ELSE coalesce(m.n, p.member_count, 0) END AS people
		FROM plan p
		LEFT JOIN organisation po ON po.id = p.partner_id
		LEFT JOIN LATERAL (
			SELECT nullif(count(*), 0)::int AS n FROM plan_member WHERE plan_id = p.id
		) m ON true
		WHERE p.plan_year BETWEEN ${f.fromYear} AND ${f.toYear}
			AND p.status NOT LIKE 'step\\_%'
			AND p.status NOT IN (${sql.join(NOT_DELEGATION)})
			${f.organisationId ? sql`AND p.organisation_id = ${f.organisationId}` : sql``}`
}

/**
 * Rows of `p` (the plans counted) grouped by year, country or partner and direction. Partners
 * group by their record, so a renamed or same-named partner is not merged or split; a name typed
 * without a record groups by that name.
 */
function countsBy(key: 'year' | 'country' | 'partner') {
	const keyExpr =
		key === 'year'
			? sql`plan_year::text`
			: key === 'country'
				? sql`coalesce(nullif(country, ''), '—')`
				: sql`coalesce(min(partner_name), '—')`
	const group =
		key === 'partner'
			? sql`partner_id, CASE WHEN partner_id IS NULL THEN partner_name END, direction`
			: sql`1, 2`
	return sql`
		SELECT ${keyExpr} AS key, direction,
			${key === 'partner' ? sql`partner_id,` : sql``}
			count(*)::int AS delegations,
			sum(people)::int AS people,
			count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
		FROM p GROUP BY ${group}
		ORDER BY ${key === 'year' ? sql`1, 2` : sql`delegations DESC, ${keyExpr} COLLATE "vi", direction${key === 'partner' ? sql`, partner_id` : sql``}`}`
}

/** A JSON array of the rows of `query`, in its order ('[]' when none). */
const rowsOf = (query: ReturnType<typeof sql>) =>
	sql`(SELECT coalesce(json_agg(x), '[]'::json) FROM (${query}) x)`

/**
 * Every figure of the statistics page in one query (one round trip): the plans counted are read
 * once (a materialised CTE), then grouped six ways, each section a JSON array.
 */
export async function getStatistics(
	db: Db,
	f: StatisticsFilter,
): Promise<Statistics> {
	const { rows } = await sql<Statistics>`
		WITH p AS MATERIALIZED (${basePlans(f)})
		SELECT
			${rowsOf(countsBy('year'))} AS "byYear",
			${rowsOf(countsBy('country'))} AS "byCountry",
			${rowsOf(countsBy('partner'))} AS "byPartner",
			${rowsOf(sql`
				SELECT coalesce(nullif(trim(cancel_reason), ''), '—') AS reason, count(*)::int AS count
				FROM p WHERE status = 'cancelled' GROUP BY 1 ORDER BY 2 DESC, reason`)} AS cancelled,
			(SELECT row_to_json(x) FROM (
				SELECT
					count(*) FILTER (WHERE r.submitted_at IS NOT NULL
						AND (r.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= p.report_due_on)::int AS on_time,
					count(*) FILTER (WHERE r.submitted_at IS NOT NULL
						AND (r.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > p.report_due_on)::int AS late,
					count(*) FILTER (WHERE r.submitted_at IS NULL
						AND p.report_due_on < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int AS overdue,
					count(*) FILTER (WHERE r.submitted_at IS NULL
						AND p.report_due_on >= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int AS pending
				FROM p LEFT JOIN trip_report r ON r.plan_id = p.id
				WHERE p.report_due_on IS NOT NULL AND p.status <> 'cancelled') x) AS reports,
			${rowsOf(stepTimesOf(f))} AS "stepTimes"`.execute(db)
	return rows[0]!
}

/**
 * Time from entering a step (an event to step_N) to leaving it (the plan's next change of
 * status, stored on the event as `left_at`). The passes are first gathered per organisation (by
 * id; its name is joined once per group), chain, set of optional steps and N, so the step each
 * stands for is looked up once per group, not once per pass; then the groups of one step are
 * merged for its median.
 */
function stepTimesOf(f: StatisticsFilter) {
	// step_N is the plan's Nth step among those it climbs: optional steps count only when chosen.
	return sql<StepTimeRow>`
		WITH g AS MATERIALIZED (
			SELECT p.organisation_id, p.chain_id, p.optional_step_ids,
				substring(ev.to_status FROM 6)::int AS n,
				array_agg(extract(epoch FROM ev.left_at - ev.created_at) / 3600) AS hours
			FROM plan p
			JOIN plan_event ev ON ev.plan_id = p.id
			WHERE ev.left_at IS NOT NULL AND ev.to_status LIKE 'step\\_%'
				AND p.plan_year BETWEEN ${f.fromYear} AND ${f.toYear}
				${f.organisationId ? sql`AND p.organisation_id = ${f.organisationId}` : sql``}
			GROUP BY 1, 2, 3, 4
		)
		SELECT o.name_vi AS organisation_name, 'step_' || cs.position AS step,
			cs.label_vi AS label, cs.label_en,
			count(*)::int AS passes,
			round(percentile_cont(0.5) WITHIN GROUP (ORDER BY h.hours)::numeric, 1)::float8 AS median_hours,
			round(max(h.hours)::numeric, 1)::float8 AS max_hours
		FROM g
		JOIN organisation o ON o.id = g.organisation_id
		JOIN LATERAL (
			SELECT c.position, c.label_vi, c.label_en FROM chain_step c
			WHERE c.chain_id = g.chain_id AND (NOT c.optional OR c.id = ANY(g.optional_step_ids))
			ORDER BY c.position OFFSET g.n - 1 LIMIT 1
		) cs ON true
		CROSS JOIN LATERAL unnest(g.hours) AS h(hours)
		GROUP BY o.name_vi, cs.position, cs.label_vi, cs.label_en
		ORDER BY o.name_vi COLLATE "vi", cs.position, cs.label_vi COLLATE "vi"`
}

/** The latest plan year with a delegation, so the statistics open on years that have data. */
export async function latestDelegationYear(
	db: Db,
	organisationId: string | null,
): Promise<number | null> {
	const row = await sql<{ year: number | null }>`
		SELECT max(p.plan_year) AS year FROM plan p
		WHERE p.status NOT LIKE 'step\\_%'
			AND p.status NOT IN (${sql.join(NOT_DELEGATION)})
			${organisationId ? sql`AND p.organisation_id = ${organisationId}` : sql``}`.execute(
		db,
	)
	return row.rows[0]?.year ?? null
}
