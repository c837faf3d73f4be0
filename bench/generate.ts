import { fakerVI as faker } from '@faker-js/faker'
import { type Kysely } from 'kysely'
import { initialTransition, transition } from 'xstate'
import { type DB } from '#db/schema.ts'
import {
	createPlanMachine,
	stepIndexOf,
	storeSnapshot,
} from '#workflows/plan/plan.machine.ts'
import { WORKFLOW_VERSION } from '#workflows/plan/plan.server.ts'

export const SCALES = {
	tiny: { plans: 300, timeline: 50 },
	small: { plans: 2_000, timeline: 200 },
	large: { plans: 20_000, timeline: 2_000 },
} as const
export type Scale = keyof typeof SCALES

const OWNER_EMAIL = 'soanthao@ldld-quangtri.vn'
const BATCH = 1_000

/**
 * Loads `scale` into a database that already holds the demo data: plans of the demo
 * provincial federation waiting at the first step of its chain (with the snapshot the
 * workflow itself computes), and one plan with a long timeline. Deterministic for a seed;
 * multi-row inserts of BATCH rows.
 */
export async function generate(db: Kysely<DB>, scale: Scale, seed = 2026) {
	faker.seed(seed)
	const { plans, timeline } = SCALES[scale]
	const owner = await db
		.selectFrom('app_user')
		.select(['id', 'organisation_id', 'roles'])
		.where('email', '=', OWNER_EMAIL)
		.executeTakeFirstOrThrow()
	const chain = await db
		.selectFrom('chain')
		.select('id')
		.where('organisation_id', '=', owner.organisation_id)
		.orderBy('version', 'desc')
		.executeTakeFirstOrThrow()
	const steps = await db
		.selectFrom('chain_step')
		.select(['id', 'organisation_id', 'optional'])
		.where('chain_id', '=', chain.id)
		.where('optional', '=', false)
		.orderBy('position')
		.execute()
	const machine = createPlanMachine(
		steps.map(s => ({ organisationId: s.organisation_id })),
		owner.organisation_id,
	)
	const [draft] = initialTransition(machine, {
		ownerOrganisationId: owner.organisation_id,
	})
	const actor = {
		userId: owner.id,
		organisationId: owner.organisation_id,
		roles: owner.roles,
	}
	const [waiting] = transition(machine, draft, { type: 'SUBMIT', actor })
	const status = String(waiting.value)
	const stepIndex = stepIndexOf(status)
	const snapshot = storeSnapshot(waiting)

	const started = performance.now()
	const planIds: string[] = []
	for (let done = 0; done < plans; done += BATCH) {
		const rows = Array.from(
			{ length: Math.min(BATCH, plans - done) },
			(_, i) => {
				const year = 2017 + ((done + i) % 10)
				const country = faker.location.country()
				return {
					organisation_id: owner.organisation_id,
					plan_year: year,
					direction: (done + i) % 2 ? ('in' as const) : ('out' as const),
					name: `Đoàn ${faker.person.fullName()} thăm và làm việc tại ${country} ${year}`,
					in_name_of: 'Liên đoàn Lao động tỉnh',
					head_title: 'Chủ tịch',
					head_name: faker.person.fullName(),
					member_count: 3 + ((done + i) % 5),
					country,
					partner_name: `Tổng Công đoàn ${country}`,
					days_min: 5,
					days_max: 7,
					timing_kind: 'month' as const,
					timing_month: 1 + ((done + i) % 12),
					status,
					chain_id: chain.id,
					current_step_organisation_id:
						stepIndex === null ? null : steps[stepIndex]!.organisation_id,
					workflow_snapshot: snapshot,
					workflow_version: WORKFLOW_VERSION,
					created_by: owner.id,
				}
			},
		)
		const inserted = await db
			.insertInto('plan')
			.values(rows as never)
			.returning('id')
			.execute()
		planIds.push(...inserted.map(r => r.id))
		const events = inserted.map(r => ({
			plan_id: r.id,
			event: 'SUBMIT',
			actor_id: owner.id,
			actor_organisation_id: owner.organisation_id,
			from_status: 'draft',
			to_status: status,
			comment: null,
			plan_version: 1,
			plan_snapshot: { status },
		}))
		await db.insertInto('plan_event').values(events).execute()
	}

	// One plan with a long timeline (comments on every event, as a busy plan would have).
	const longPlanId = planIds[0]!
	for (let done = 0; done < timeline; done += BATCH) {
		const rows = Array.from(
			{ length: Math.min(BATCH, timeline - done) },
			() => ({
				plan_id: longPlanId,
				event: 'SUBMIT',
				actor_id: owner.id,
				actor_organisation_id: owner.organisation_id,
				from_status: 'draft',
				to_status: status,
				comment: faker.lorem.sentence(),
				plan_version: 1,
				plan_snapshot: { status },
			}),
		)
		await db.insertInto('plan_event').values(rows).execute()
	}
	return {
		planIds,
		longPlanId,
		status,
		loadMs: Math.round(performance.now() - started),
	}
}
