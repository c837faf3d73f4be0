import { sql } from 'kysely'
import { type Db } from '../connect.ts'
import { PREPARED } from '../postgres-driver.ts'

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

/**
 * The delegations counted: approved and after (statistics_delegation, kept by triggers from the plan, its members and
 * its report), with the partner record's current name.
 */
function basePlans(f: StatisticsFilter) {
	return sql`
		SELECT d.plan_year, d.direction, d.status, d.country, d.partner_id,
			coalesce(po.name_vi, d.partner_name) AS partner_name,
			d.cancel_reason, d.report_due_on, d.people, d.report_submitted_on
		FROM statistics_delegation d
		LEFT JOIN organisation po ON po.id = d.partner_id
		WHERE d.plan_year BETWEEN ${f.fromYear} AND ${f.toYear}
			${f.organisationId ? sql`AND d.organisation_id = ${f.organisationId}` : sql``}`
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
 * The versions of what the figures of `f` are read from (statistics_version: the filter's
 * organisations and years, and the names' row), and today's date, which splits reports overdue
 * from pending.
 */
function versionOf(f: StatisticsFilter) {
	return sql<string>`(
		SELECT coalesce(md5(string_agg(version::text, ',' ORDER BY organisation_id, plan_year)), '')
			|| ' ' || (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
		FROM statistics_version
		WHERE (plan_year BETWEEN ${f.fromYear} AND ${f.toYear}
				${f.organisationId ? sql`AND organisation_id = ${f.organisationId}` : sql``})
			OR (organisation_id = '00000000-0000-0000-0000-000000000000' AND plan_year = 0))`
}

/** The figures last read for each filter and the versions they were read at (at most KEEP filters). */
const lastRead = new Map<string, { version: string; stats: Statistics }>()
const KEEP = 32

/**
 * Every figure of the statistics page in one query, with the versions they were read at: the
 * plans counted are read once (a materialised CTE), then grouped six ways, each section a JSON
 * array. When the versions equal those of the figures last read for the filter, nothing those
 * figures depend on has changed since: the query returns the versions alone (no section is
 * computed), and its plan is kept by the connection (planning it took longer than that).
 */
export async function getStatistics(
	db: Db,
	f: StatisticsFilter,
): Promise<Statistics> {
	const key = `${f.organisationId ?? ''} ${f.fromYear} ${f.toYear}`
	const last = lastRead.get(key)
	const unlessKept = (section: ReturnType<typeof sql>) =>
		sql`CASE WHEN v.kept THEN NULL ELSE ${section} END`
	const { rows } = await sql<
		{ version: string } & { [K in keyof Statistics]: Statistics[K] | null }
	>`
		${sql.raw(PREPARED)}
		WITH v AS MATERIALIZED (
			SELECT version, version = ${last?.version ?? ''} AS kept
			FROM (SELECT ${versionOf(f)} AS version) x
		), p AS MATERIALIZED (${basePlans(f)})
		SELECT v.version,
			${unlessKept(rowsOf(countsBy('year')))} AS "byYear",
			${unlessKept(rowsOf(countsBy('country')))} AS "byCountry",
			${unlessKept(rowsOf(countsBy('partner')))} AS "byPartner",
			${unlessKept(
				rowsOf(sql`
				SELECT coalesce(nullif(trim(cancel_reason), ''), '—') AS reason, count(*)::int AS count
				FROM p WHERE status = 'cancelled' GROUP BY 1 ORDER BY 2 DESC, reason`),
			)} AS cancelled,
			${unlessKept(sql`(SELECT row_to_json(x) FROM (
				SELECT
					count(*) FILTER (WHERE report_submitted_on <= report_due_on)::int AS on_time,
					count(*) FILTER (WHERE report_submitted_on > report_due_on)::int AS late,
					count(*) FILTER (WHERE report_submitted_on IS NULL
						AND report_due_on < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int AS overdue,
					count(*) FILTER (WHERE report_submitted_on IS NULL
						AND report_due_on >= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int AS pending
				FROM p WHERE report_due_on IS NOT NULL AND status <> 'cancelled') x)`)} AS reports,
			${unlessKept(rowsOf(stepTimesOf(f)))} AS "stepTimes"
		FROM v`.execute(db)
	const { version, ...sections } = rows[0]!
	if (sections.reports === null) return last!.stats
	const stats = sections as Statistics
	lastRead.delete(key)
	lastRead.set(key, { version, stats })
	if (lastRead.size > KEEP) lastRead.delete(lastRead.keys().next().value!)
	return stats
}

/**
 * Time from entering a step (an event to step_N) to leaving it (the plan's next change of
 * status). The hours of the passes are kept by triggers in statistics_step_time, per organisation,
 * plan year, chain, set of optional steps and N; the step each group stands for is looked up once
 * per group (N counts the optional steps only when chosen), the groups of one step are merged, and
 * each step's median is taken over its own passes.
 */
function stepTimesOf(f: StatisticsFilter) {
	return sql<StepTimeRow>`
		WITH k AS (
			SELECT o.name_vi, cs.position, cs.label_vi, cs.label_en,
				statistics_hours_cat(g.hours) AS hours
			FROM statistics_step_time g
			JOIN organisation o ON o.id = g.organisation_id
			JOIN LATERAL (
				SELECT c.position, c.label_vi, c.label_en FROM chain_step c
				WHERE c.chain_id = g.chain_id AND (NOT c.optional OR c.id = ANY(g.optional_step_ids))
				ORDER BY c.position OFFSET g.n - 1 LIMIT 1
			) cs ON true
			WHERE g.plan_year BETWEEN ${f.fromYear} AND ${f.toYear}
				AND cardinality(g.hours) > 0
				${f.organisationId ? sql`AND g.organisation_id = ${f.organisationId}` : sql``}
			GROUP BY 1, 2, 3, 4
		)
		SELECT k.name_vi AS organisation_name, 'step_' || k.position AS step,
			k.label_vi AS label, k.label_en, h.passes,
			round(h.median::numeric, 1)::float8 AS median_hours,
			round(h.max::numeric, 1)::float8 AS max_hours
		FROM k CROSS JOIN LATERAL (
			SELECT count(*)::int AS passes,
				percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS median, max(x) AS max
			FROM unnest(k.hours) AS x
		) h
		ORDER BY k.name_vi COLLATE "vi", k.position, k.label_vi COLLATE "vi"`
}

/** The latest plan year with a delegation, so the statistics open on years that have data. */
export async function latestDelegationYear(
	db: Db,
	organisationId: string | null,
): Promise<number | null> {
	const row = await sql<{ year: number | null }>`
		SELECT max(d.plan_year) AS year FROM statistics_delegation d
		WHERE true
			${organisationId ? sql`AND d.organisation_id = ${organisationId}` : sql``}`.execute(
		db,
	)
	return row.rows[0]?.year ?? null
}
