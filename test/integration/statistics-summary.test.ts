/**
 * The statistics read a summary kept by triggers (statistics_delegation, statistics_step_time).
 * On the benchmark's generated data, and again after the changes a plan goes through (its year
 * edited, members removed, a report submitted, a cancellation, a partner renamed, an event written
 * out of order, a plan deleted), the page's figures equal those of the query that read every plan,
 * member, report and event of the period, and the summary equals one rebuilt from scratch. The
 * figures kept per filter are reused while nothing changed, and every change (and only a change)
 * gives the organisation and year it touched a new version.
 */
import { sql } from 'kysely'
import { expect, test } from 'vitest'
import { generate } from '#bench/generate.ts'
import { db } from '#db/client.server.ts'
import {
	getStatistics,
	latestDelegationYear,
	type StatisticsFilter,
} from '#db/repos/statistics.server.ts'
import { seedDemo } from '#seed/seed.ts'
import * as pageRoute from '#app/routes/statistics/route.tsx'
import {
	slowestSteps,
	STEP_ROWS,
} from '#app/routes/statistics/statistics-view.tsx'
import { args, request, sessionCookie, settle } from '../factories.ts'

/** Every figure as the page computed it before the summary: over plan, plan_member, trip_report and plan_event. */
async function statisticsByScan(f: StatisticsFilter) {
	const org = f.organisationId
		? sql`AND p.organisation_id = ${f.organisationId}`
		: sql``
	const countsBy = (key: 'year' | 'country' | 'partner') => {
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
		return sql`(SELECT coalesce(json_agg(x), '[]'::json) FROM (
			SELECT ${keyExpr} AS key, direction,
				${key === 'partner' ? sql`partner_id,` : sql``}
				count(*)::int AS delegations, sum(people)::int AS people,
				count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
			FROM p GROUP BY ${group}
			ORDER BY ${key === 'year' ? sql`1, 2` : sql`delegations DESC, ${keyExpr} COLLATE "vi", direction${key === 'partner' ? sql`, partner_id` : sql``}`}) x)`
	}
	const { rows } = await sql<Record<string, unknown>>`
		WITH p AS MATERIALIZED (
			SELECT p.id, p.plan_year, p.direction, p.status, p.country, p.partner_id,
				coalesce(po.name_vi, nullif(trim(p.partner_name), '')) AS partner_name,
				p.cancel_reason, p.report_due_on,
				CASE WHEN p.status = 'cancelled' THEN 0
					ELSE coalesce(m.n, p.member_count, 0) END AS people
			FROM plan p
			LEFT JOIN organisation po ON po.id = p.partner_id
			LEFT JOIN LATERAL (
				SELECT nullif(count(*), 0)::int AS n FROM plan_member WHERE plan_id = p.id
			) m ON true
			WHERE p.plan_year BETWEEN ${f.fromYear} AND ${f.toYear}
				AND p.status NOT LIKE 'step\\_%'
				AND p.status NOT IN ('drafting', 'returned', 'rejected', 'withdrawn') ${org}
		), g AS (
			SELECT p.organisation_id, p.chain_id, p.optional_step_ids,
				substring(ev.to_status FROM 6)::int AS n,
				extract(epoch FROM ev.left_at - ev.created_at) / 3600 AS hours
			FROM plan p JOIN plan_event ev ON ev.plan_id = p.id
			WHERE ev.left_at IS NOT NULL AND ev.to_status LIKE 'step\\_%'
				AND p.plan_year BETWEEN ${f.fromYear} AND ${f.toYear} ${org}
		)
		SELECT ${countsBy('year')} AS "byYear", ${countsBy('country')} AS "byCountry",
			${countsBy('partner')} AS "byPartner",
			(SELECT coalesce(json_agg(x), '[]'::json) FROM (
				SELECT coalesce(nullif(trim(cancel_reason), ''), '—') AS reason, count(*)::int AS count
				FROM p WHERE status = 'cancelled' GROUP BY 1 ORDER BY 2 DESC, reason) x) AS cancelled,
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
			(SELECT coalesce(json_agg(x), '[]'::json) FROM (
				SELECT o.name_vi AS organisation_name, 'step_' || cs.position AS step,
					cs.label_vi AS label, cs.label_en, count(*)::int AS passes,
					round(percentile_cont(0.5) WITHIN GROUP (ORDER BY g.hours)::numeric, 1)::float8 AS median_hours,
					round(max(g.hours)::numeric, 1)::float8 AS max_hours
				FROM g JOIN organisation o ON o.id = g.organisation_id
				JOIN LATERAL (
					SELECT c.position, c.label_vi, c.label_en FROM chain_step c
					WHERE c.chain_id = g.chain_id AND (NOT c.optional OR c.id = ANY(g.optional_step_ids))
					ORDER BY c.position OFFSET g.n - 1 LIMIT 1
				) cs ON true
				GROUP BY o.name_vi, cs.position, cs.label_vi, cs.label_en
				ORDER BY o.name_vi COLLATE "vi", cs.position, cs.label_vi COLLATE "vi") x) AS "stepTimes"`.execute(
		db,
	)
	return rows[0]
}

/** The summary of step times as kept, and as rebuilt from every event (hours sorted within a group). */
async function stepSummary() {
	const kept = await sql`
		SELECT organisation_id, plan_year, chain_id, optional_step_ids, n,
			ARRAY(SELECT x FROM unnest(hours) x ORDER BY x) AS hours
		FROM statistics_step_time WHERE cardinality(hours) > 0
		ORDER BY 1, 2, 3, 4, 5`.execute(db)
	const rebuilt = await sql`
		SELECT p.organisation_id, p.plan_year, p.chain_id, p.optional_step_ids,
			substring(ev.to_status FROM 6)::int AS n,
			array_agg(h ORDER BY h) AS hours
		FROM plan p JOIN plan_event ev ON ev.plan_id = p.id
		CROSS JOIN LATERAL (SELECT (extract(epoch FROM ev.left_at - ev.created_at) / 3600)::float8 AS h) x
		WHERE ev.left_at IS NOT NULL AND ev.to_status LIKE 'step\\_%' AND p.chain_id IS NOT NULL
		GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`.execute(db)
	return { kept: kept.rows, rebuilt: rebuilt.rows }
}

/**
 * Per organisation and year (and the names' row), the version kept and a digest of the summary
 * rows it versions (with the names and chain steps the figures show, for the names' row).
 */
async function versions() {
	const { rows } = await sql<{
		key: string
		version: string | null
		digest: string | null
	}>`
		WITH content AS (
			SELECT organisation_id, plan_year, md5(string_agg(r, ',' ORDER BY r)) AS digest FROM (
				SELECT organisation_id, plan_year, d::text AS r FROM statistics_delegation d
				UNION ALL
				SELECT organisation_id, plan_year,
					(organisation_id, plan_year, chain_id, optional_step_ids, n,
						ARRAY(SELECT x FROM unnest(hours) x ORDER BY x))::text
				FROM statistics_step_time WHERE cardinality(hours) > 0
				UNION ALL
				SELECT '00000000-0000-0000-0000-000000000000', 0, (id, name_vi)::text FROM organisation
				UNION ALL
				SELECT '00000000-0000-0000-0000-000000000000', 0, c::text FROM chain_step c
			) x GROUP BY 1, 2
		)
		SELECT organisation_id || ' ' || plan_year AS key, v.version::text AS version, c.digest
		FROM content c FULL JOIN statistics_version v USING (organisation_id, plan_year)`.execute(
		db,
	)
	return new Map(rows.map(r => [r.key, r]))
}

async function expectSameAnswers() {
	const orgs = await sql<{ organisation_id: string }>`
		SELECT organisation_id FROM plan GROUP BY 1 ORDER BY count(*) DESC LIMIT 2`.execute(
		db,
	)
	const filters: StatisticsFilter[] = [
		{ organisationId: null, fromYear: 2022, toYear: 2026 },
		{ organisationId: null, fromYear: 2010, toYear: 2030 },
		...orgs.rows.map(o => ({
			organisationId: o.organisation_id,
			fromYear: 2017,
			toYear: 2026,
		})),
	]
	for (const f of filters) {
		const scanned = await statisticsByScan(f)
		expect((scanned!.stepTimes as unknown[]).length).toBeGreaterThan(0)
		const stats = await getStatistics(db, f)
		expect(stats).toEqual(scanned)
		// Read again with nothing changed: the figures kept are reused.
		expect(await getStatistics(db, f)).toBe(stats)
		const latest = await sql<{ year: number | null }>`
			SELECT max(plan_year) AS year FROM plan
			WHERE status NOT LIKE 'step\\_%' AND status NOT IN ('drafting', 'returned', 'rejected', 'withdrawn')
				${f.organisationId ? sql`AND organisation_id = ${f.organisationId}` : sql``}`.execute(
			db,
		)
		expect(await latestDelegationYear(db, f.organisationId)).toBe(
			latest.rows[0]!.year,
		)
	}
	const { kept, rebuilt } = await stepSummary()
	expect(kept).toEqual(rebuilt)
	// Every organisation and year of the summary has a version.
	for (const v of (await versions()).values()) expect(v.version).not.toBeNull()
	return filters
}

test('the summary gives the figures of the full scan on generated data, and after plans change', async () => {
	await seedDemo(db)
	await generate(db, 'tiny', { seed: 7, today: '2026-06-15' })
	const filters = await expectSameAnswers()
	const before = await versions()

	// The board's page over every organisation shows the slowest steps and says how many there are.
	const boardUser = await db
		.selectFrom('app_user')
		.select('id')
		.where('email', '=', 'pheduyet@bandoingoai-tld.vn')
		.executeTakeFirstOrThrow()
	const page = await settle(async () =>
		pageRoute.loader(
			args(
				await request('/statistics?from=2010&to=2030', {
					cookie: await sessionCookie(boardUser.id),
				}),
			) as never,
		),
	)
	const shown = (await page.json()) as {
		stats: { stepTimes: { median_hours: number }[] }
		totals: { stepTimes: number }
	}
	const every = (
		await getStatistics(db, {
			organisationId: null,
			fromYear: 2010,
			toYear: 2030,
		})
	).stepTimes
	// 39 steps here, under the page's limit: all of them, in their order.
	expect(every.length).toBeLessThanOrEqual(STEP_ROWS)
	expect(shown.totals.stepTimes).toBe(every.length)
	expect(shown.stats.stepTimes).toEqual(every)
	// Past the limit (10 here, as 50 at `large`), the slowest first.
	const medians = every.map(s => s.median_hours)
	expect(slowestSteps(every, 10).map(s => s.median_hours)).toEqual(
		medians.toSorted((a, b) => b - a).slice(0, 10),
	)

	// Figures read inside a transaction that is rolled back are never taken for the data's.
	await db
		.transaction()
		.execute(async trx => {
			await sql`UPDATE plan SET status = 'cancelled' WHERE status = 'approved'`.execute(
				trx,
			)
			await sql`UPDATE organisation SET name_vi = 'Đổi tên' WHERE kind = 'foreign_partner'`.execute(
				trx,
			)
			for (const f of filters) await getStatistics(trx, f)
			throw new Error('rolled back')
		})
		.catch(() => {})
	for (const f of filters)
		expect(await getStatistics(db, f)).toEqual(await statisticsByScan(f))

	// Plans change as users change them, one statement at a time.
	const pick = async (where: ReturnType<typeof sql>, n: number) =>
		(
			await sql<{
				id: string
			}>`SELECT id FROM plan WHERE ${where} ORDER BY id LIMIT ${n}`.execute(db)
		).rows.map(r => r.id)
	const withPasses = sql`EXISTS (SELECT 1 FROM plan_event e WHERE e.plan_id = plan.id AND e.left_at IS NOT NULL AND e.to_status LIKE 'step\\_%')`
	// A returned plan's year and optional steps edited; an approved plan moved to another year.
	for (const id of await pick(sql`status = 'returned' AND ${withPasses}`, 3))
		await sql`UPDATE plan SET plan_year = plan_year - 1 WHERE id = ${id}`.execute(
			db,
		)
	for (const id of await pick(sql`status = 'approved' AND ${withPasses}`, 3))
		await sql`UPDATE plan SET plan_year = plan_year + 1 WHERE id = ${id}`.execute(
			db,
		)
	// Members removed (all of one plan, so member_count counts), a report submitted late and one withdrawn.
	const [a, b] = await pick(sql`status IN ('approved', 'trip_done')`, 2)
	await sql`DELETE FROM plan_member WHERE plan_id = ${a!}`.execute(db)
	await sql`DELETE FROM plan_member WHERE id IN (SELECT id FROM plan_member WHERE plan_id = ${b!} LIMIT 1)`.execute(
		db,
	)
	const owed = await pick(
		sql`status IN ('trip_done', 'report_returned') AND report_due_on IS NOT NULL`,
		2,
	)
	for (const id of owed)
		await sql`
			INSERT INTO trip_report (plan_id, summary, submitted_at, updated_at)
			VALUES (${id}, 'Báo cáo', now(), now())
			ON CONFLICT (plan_id) DO UPDATE SET submitted_at = now()`.execute(db)
	await sql`UPDATE trip_report SET submitted_at = NULL WHERE plan_id IN (SELECT plan_id FROM trip_report WHERE submitted_at IS NOT NULL ORDER BY plan_id LIMIT 1)`.execute(
		db,
	)
	// A cancellation with a reason, a partner renamed.
	const [c] = await pick(sql`status = 'approved'`, 1)
	await sql`UPDATE plan SET status = 'cancelled', cancel_reason = '  Dịch bệnh ' WHERE id = ${c!}`.execute(
		db,
	)
	await sql`UPDATE organisation SET name_vi = name_vi || ' (mới)' WHERE id = (SELECT partner_id FROM plan WHERE partner_id IS NOT NULL ORDER BY id LIMIT 1)`.execute(
		db,
	)
	// An event written out of order (dated before the plan's second event), and plans deleted with their events.
	const [d] = await pick(withPasses, 1)
	await sql`
		INSERT INTO plan_event (plan_id, event, actor_id, actor_organisation_id, from_status, to_status, plan_version, plan_snapshot, created_at)
		SELECT e.plan_id, 'RETURN', e.actor_id, e.actor_organisation_id, e.to_status, 'step_1', 99, '{}',
			e.created_at + interval '1 minute'
		FROM plan_event e WHERE e.plan_id = ${d!} AND e.from_status IS DISTINCT FROM e.to_status
		ORDER BY e.created_at, e.id LIMIT 1`.execute(db)
	const gone = await pick(
		sql`${withPasses} AND NOT EXISTS (SELECT 1 FROM passport p WHERE p.plan_id = plan.id)
			AND NOT EXISTS (SELECT 1 FROM passport_event p WHERE p.plan_id = plan.id)
			AND NOT EXISTS (SELECT 1 FROM decision_token t WHERE t.plan_id = plan.id)`,
		2,
	)
	await sql`DELETE FROM plan WHERE id = ANY(${gone}::uuid[])`.execute(db)
	expect(gone.length).toBe(2)
	await expectSameAnswers()
	// Whatever changed has a new version; what did not keeps its version.
	const after = await versions()
	let changed = 0
	for (const key of new Set([...before.keys(), ...after.keys()])) {
		const [b, a] = [before.get(key), after.get(key)]
		if (b?.digest === a?.digest) expect(a?.version).toBe(b?.version)
		else {
			changed++
			expect(a?.version).not.toBe(b?.version)
		}
	}
	expect(changed).toBeGreaterThan(5)
}, 120_000)
