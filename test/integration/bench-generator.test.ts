/**
 * The benchmark's data generator: what it loads matches the scale, every plan's stored workflow
 * snapshot rehydrates to its status, trips and reports exist in every state, and the same seed
 * (and day) gives the same data while another seed does not.
 */
import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { expect, test } from 'vitest'
import { generate, SCALES } from '#bench/generate.ts'
import { db } from '#db/client.server.ts'
import { seedDemo } from '#seed/seed.ts'
import { planWorkflow } from '#workflows/plans/plan.server.ts'

const TODAY = '2026-06-15'

async function reset() {
	const { rows } = await sql<{ name: string }>`
		SELECT quote_ident(tablename) AS name FROM pg_tables
		WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_migration%'`.execute(db)
	await sql.raw(`TRUNCATE ${rows.map(r => r.name).join(', ')} RESTART IDENTITY CASCADE`).execute(db)
	await sql`DELETE FROM graphile_worker._private_jobs`.execute(db)
	await seedDemo(db)
}

/** The demo data's plans (random ids, made now): left out of the digest. */
async function demoPlanIds() {
	return (await db.selectFrom('plan').select('id').execute()).map(p => p.id)
}

/** A digest of the generated rows. */
async function digest(demo: string[]) {
	const generated = sql`NOT (plan_id = ANY(${demo}::uuid[]))`
	const rows = await Promise.all([
		sql`SELECT name_vi, kind, short_name FROM organisation ORDER BY name_vi, kind`.execute(db),
		sql`SELECT email, full_name, title, roles FROM app_user ORDER BY email`.execute(db),
		sql`SELECT id, name, status, plan_year, version, member_count, created_at, status_changed_at,
			departed_on, returned_on, report_due_on FROM plan WHERE NOT (id = ANY(${demo}::uuid[])) ORDER BY id`.execute(db),
		sql`SELECT plan_id, position, full_name, title FROM plan_member WHERE ${generated} ORDER BY plan_id, position`.execute(db),
		sql`SELECT plan_id, event, from_status, to_status, comment, plan_version, created_at
			FROM plan_event WHERE ${generated} ORDER BY plan_id, id`.execute(db),
		sql`SELECT plan_id, summary, submitted_at FROM trip_report WHERE ${generated} ORDER BY plan_id`.execute(db),
		sql`SELECT kind, dedupe_key LIKE 'reminder:%' AS reminder, count(*) FROM notification GROUP BY 1, 2 ORDER BY 1, 2`.execute(db),
	])
	return createHash('sha256')
		.update(JSON.stringify(rows.map(r => r.rows)))
		.digest('hex')
}

async function count(table: 'organisation' | 'app_user' | 'plan' | 'plan_event' | 'plan_member') {
	const row = await db.selectFrom(table).select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
	return Number(row.n)
}

test('the small and large scales hold the issue’s organisations', () => {
	for (const scale of [SCALES.small, SCALES.large]) {
		// Plus the demo data's Quảng Trị, CĐCTVN and two Lao partners.
		expect(scale.provinces + 1).toBe(63)
		expect(scale.sectors + 1).toBe(20)
		expect(scale.partners + 2).toBe(150)
	}
	expect(SCALES.large.plans).toBe(20_000)
})

test('tiny: counts match the scale, snapshots rehydrate, every trip state exists, same seed same data', async () => {
	await reset()
	let demo = await demoPlanIds()
	const before = { orgs: await count('organisation'), users: await count('app_user'), plans: await count('plan') }
	const gen = await generate(db, 'tiny', { seed: 7, today: TODAY })
	const size = SCALES.tiny

	// Organisations: a federation or sector union and its party committee each, and the partners.
	expect(gen.counts.organisations).toBe(2 * (size.provinces + size.sectors) + size.partners)
	expect(await count('organisation')).toBe(before.orgs + gen.counts.organisations)
	expect(await count('app_user')).toBe(before.users + gen.counts.users)
	expect(gen.counts.plans).toBe(size.plans)
	expect(await count('plan')).toBe(before.plans + size.plans)
	expect(gen.pool).toHaveLength(size.pool)
	expect(gen.counts.members).toBeGreaterThanOrEqual(2 * size.plans)

	// Vietnamese names with diacritics.
	const names = await db.selectFrom('organisation').select('name_vi').execute()
	expect(names.map(n => n.name_vi)).toContain('Liên đoàn Lao động thành phố Hà Nội')
	expect(names.map(n => n.name_vi)).toContain('Tỉnh ủy Bà Rịa - Vũng Tàu')

	// Every plan's snapshot rehydrates against its chain, to the status stored beside it.
	const plans = await db
		.selectFrom('plan')
		.select(['id', 'status', 'organisation_id', 'optional_step_ids', 'workflow_snapshot', 'chain_id'])
		.where('workflow_snapshot', 'is not', null)
		.execute()
	const steps = await db.selectFrom('chain_step').select(['id', 'chain_id', 'organisation_id', 'optional']).orderBy('position').execute()
	for (const plan of plans) {
		const workflow = planWorkflow(plan, steps.filter(s => s.chain_id === plan.chain_id))
		expect(String(workflow?.snapshot.value), plan.id).toBe(plan.status)
	}
	// The approve pool waits at its first step with the version the runner posts.
	const pool = await db.selectFrom('plan').select(['status', 'version']).where('id', '=', gen.pool[0]!.id).executeTakeFirstOrThrow()
	expect(pool).toEqual({ status: 'step_1', version: gen.pool[0]!.version })

	// Trips and post-trip reports in every state; the long plan's timeline; reminders sent by the daily job.
	const statuses = await db.selectFrom('plan').select('status').distinct().execute()
	expect(statuses.map(s => s.status)).toEqual(
		expect.arrayContaining(['departed', 'trip_done', 'report_submitted', 'report_returned', 'closed', 'step_1', 'step_2', 'step_3', 'drafting', 'approved', 'cancelled']),
	)
	const long = await db.selectFrom('plan_event').select(db.fn.countAll<string>().as('n')).where('plan_id', '=', gen.longPlanId).executeTakeFirstOrThrow()
	expect(Number(long.n)).toBeGreaterThanOrEqual(size.timeline - 2)
	expect(gen.counts.reminders).toBeGreaterThan(0)
	const jobs = await sql<{ n: string }>`SELECT count(*) AS n FROM graphile_worker._private_jobs`.execute(db)
	expect(Number(jobs.rows[0]!.n)).toBeGreaterThan(0)
	const first = await digest(demo)

	await reset()
	demo = await demoPlanIds()
	await generate(db, 'tiny', { seed: 7, today: TODAY })
	expect(await digest(demo)).toBe(first)

	await reset()
	demo = await demoPlanIds()
	await generate(db, 'tiny', { seed: 8, today: TODAY })
	expect(await digest(demo)).not.toBe(first)
}, 120_000)
