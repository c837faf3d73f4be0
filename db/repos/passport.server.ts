import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import {
	type PassportEventKind,
	type PassportState,
	type PassportType,
} from '#lib/enums.ts'
import { searchPattern } from '#lib/vietnamese.ts'
import { type Db } from '../client.server.ts'
import { paginate } from './pagination.ts'
import { nameFirst } from './search.ts'

const isoOf = (column: string) =>
	sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`

/**
 * The day a passport out with `plan` must be back: N working days (the organisation's setting)
 * after the recorded return, or after the planned end while the return is not recorded.
 */
const dueOn = sql<
	string | null
>`CASE WHEN coalesce(plan.returned_on, plan.end_date) IS NULL THEN NULL
	ELSE to_char(add_working_days(coalesce(plan.returned_on, plan.end_date), organisation.passport_return_working_days), 'YYYY-MM-DD') END`

const passportColumns = [
	'passport.id',
	'passport.organisation_id',
	'passport.person_id',
	'passport.number',
	'passport.kind',
	isoOf('passport.issued_on').as('issued_on'),
	isoOf('passport.expires_on').as('expires_on'),
	'passport.state',
	'passport.plan_id',
	'passport.out_event_id',
	'passport.version',
] as const

/** One page of an organisation's passports with their holders, out ones with the trip and due date. */
export async function listPassports(
	db: Db,
	organisationId: string,
	{
		query,
		state,
		page,
	}: { query?: string; state?: PassportState; page: number },
) {
	let q = db
		.selectFrom('passport')
		.innerJoin('person', 'person.id', 'passport.person_id')
		.innerJoin('organisation', 'organisation.id', 'passport.organisation_id')
		.leftJoin('plan', 'plan.id', 'passport.plan_id')
		.where('passport.organisation_id', '=', organisationId)
	if (state) q = q.where('passport.state', '=', state)
	if (query?.trim())
		q = q
			.where(eb =>
				eb.or([
					eb('person.search_text', 'like', searchPattern(query)),
					eb(sql`lower(passport.number)`, 'like', searchPattern(query)),
				]),
			)
			.orderBy(nameFirst(sql`person.full_name`, query))
	return paginate(
		q
			.select(passportColumns)
			.select([
				'person.full_name as holder_name',
				'plan.name as plan_name',
				'plan.returned_on',
			])
			.select(dueOn.as('due_on'))
			.select(eb => eb.fn.countAll<string>().over().as('total'))
			.orderBy(sql`person.full_name COLLATE vi`)
			.orderBy('passport.expires_on', 'desc')
			.orderBy('passport.id'),
		page,
	)
}

/** A passport of the organisation, its holder, the trip it is out for and its whole history (one query). */
export async function getPassport(db: Db, organisationId: string, id: string) {
	return db
		.selectFrom('passport')
		.innerJoin('person', 'person.id', 'passport.person_id')
		.innerJoin('organisation', 'organisation.id', 'passport.organisation_id')
		.leftJoin('plan', 'plan.id', 'passport.plan_id')
		.select(passportColumns)
		.select([
			'person.full_name as holder_name',
			'person.position as holder_position',
			'plan.name as plan_name',
			'plan.returned_on',
			'plan.end_date as plan_end_date',
			'organisation.passport_return_working_days',
		])
		.select(dueOn.as('due_on'))
		.select(eb =>
			jsonArrayFrom(
				eb
					.selectFrom('passport_event as e')
					.innerJoin('app_user as u', 'u.id', 'e.actor_id')
					.leftJoin('plan as ep', 'ep.id', 'e.plan_id')
					.select([
						'e.id',
						'e.event',
						'e.from_state',
						'e.to_state',
						'e.plan_id',
						'ep.name as plan_name',
						isoOf('e.happened_on').as('happened_on'),
						'e.handed_by',
						'e.received_by',
						'e.note',
						'u.full_name as actor_name',
						'e.created_at',
					])
					.whereRef('e.passport_id', '=', 'passport.id')
					.orderBy('e.id', 'desc'),
			).as('history'),
		)
		.where('passport.id', '=', id)
		.where('passport.organisation_id', '=', organisationId)
		.executeTakeFirst()
}

/** The passport row, locked until the caller's transaction ends. */
export async function lockPassport(db: Db, organisationId: string, id: string) {
	return db
		.selectFrom('passport')
		.select(passportColumns)
		.where('id', '=', id)
		.where('organisation_id', '=', organisationId)
		.forUpdate()
		.executeTakeFirst()
}

/** A person's passports (cancelled ones last), for the person's page. */
export async function listPersonPassports(db: Db, personId: string) {
	return db
		.selectFrom('passport')
		.leftJoin('plan', 'plan.id', 'passport.plan_id')
		.select(passportColumns)
		.select('plan.name as plan_name')
		.where('passport.person_id', '=', personId)
		.orderBy(sql`passport.state = 'cancelled'`)
		.orderBy('passport.expires_on', 'desc')
		.execute()
}

export async function insertPassport(
	db: Db,
	values: {
		organisation_id: string
		person_id: string
		number: string
		kind: PassportType
		issued_on: string
		expires_on: string
	},
) {
	return db
		.insertInto('passport')
		.values(values)
		.onConflict(oc => oc.columns(['organisation_id', 'number']).doNothing())
		.returning('id')
		.executeTakeFirst()
}

export async function insertPassportEvent(
	db: Db,
	values: {
		passport_id: string
		organisation_id: string
		event: PassportEventKind
		from_state: PassportState | null
		to_state: PassportState
		plan_id?: string | null
		out_event_id?: string | null
		happened_on: string
		handed_by?: string
		received_by?: string
		note?: string
		actor_id: string
	},
) {
	return db
		.insertInto('passport_event')
		.values(values)
		.returning('id')
		.executeTakeFirstOrThrow()
}

/** Moves a locked passport to its new state at the version read; false when it changed since. */
export async function setPassportState(
	db: Db,
	id: string,
	version: number,
	next: {
		state: PassportState
		plan_id: string | null
		out_event_id: string | null
	},
) {
	const row = await db
		.updateTable('passport')
		.set({ ...next, version: sql`version + 1`, updated_at: sql`now()` })
		.where('id', '=', id)
		.where('version', '=', version)
		.returning('id')
		.executeTakeFirst()
	return Boolean(row)
}

/** A hand-out's plan as the rules need it: its organisation, state, dates, and whether the holder is a member. */
export async function getHandOutPlan(db: Db, planId: string, personId: string) {
	return db
		.selectFrom('plan')
		.select([
			'plan.id',
			'plan.organisation_id',
			'plan.status',
			'plan.name',
			'plan.returned_on',
			'plan.plan_year',
			'plan.timing_kind',
			'plan.timing_month',
			'plan.start_date',
			'plan.end_date',
		])
		.select(eb =>
			eb
				.exists(
					eb
						.selectFrom('plan_member as m')
						.select('m.id')
						.whereRef('m.plan_id', '=', 'plan.id')
						.where('m.person_id', '=', personId),
				)
				.as('holder_is_member'),
		)
		.where('plan.id', '=', planId)
		.executeTakeFirst()
}

/** The organisation's approved plans the person is a member of, for the hand-out form's choice. */
export async function listHandOutPlans(
	db: Db,
	organisationId: string,
	personId: string,
	statuses: readonly string[],
) {
	return db
		.selectFrom('plan')
		.innerJoin('plan_member as m', 'm.plan_id', 'plan.id')
		.select([
			'plan.id',
			'plan.name',
			'plan.start_date',
			'plan.end_date',
			'plan.returned_on',
		])
		.distinct()
		.where('plan.organisation_id', '=', organisationId)
		.where('m.person_id', '=', personId)
		.where('plan.status', 'in', statuses)
		.orderBy('plan.start_date')
		.orderBy('plan.id')
		.execute()
}

/**
 * The register of a year ("Sổ theo dõi giao, nhận hộ chiếu"): one row per hand-out in the
 * year, with its hand-back when there was one, in the order they were handed out.
 */
export async function listRegister(
	db: Db,
	organisationId: string,
	year: number,
) {
	return db
		.selectFrom('passport_event as o')
		.innerJoin('passport', 'passport.id', 'o.passport_id')
		.innerJoin('person', 'person.id', 'passport.person_id')
		.leftJoin('plan', 'plan.id', 'o.plan_id')
		.leftJoin('passport_event as b', 'b.out_event_id', 'o.id')
		.select([
			'o.id',
			'person.full_name as holder_name',
			'passport.id as passport_id',
			'passport.number',
			'passport.kind',
			isoOf('o.happened_on').as('out_on'),
			'o.handed_by as out_by',
			'o.received_by as out_to',
			isoOf('b.happened_on').as('back_on'),
			'b.handed_by as back_by',
			'b.received_by as back_to',
			'plan.name as plan_name',
			'o.note as out_note',
			'b.note as back_note',
		])
		.where('o.organisation_id', '=', organisationId)
		.where('o.event', '=', 'handed_out')
		.where('o.happened_on', '>=', `${year}-01-01`)
		.where('o.happened_on', '<=', `${year}-12-31`)
		.orderBy('o.happened_on')
		.orderBy('o.id')
		.execute()
}

/**
 * The passports that matter to a plan, in one query: when the ones out with it are due back,
 * and every passport of its members chosen from the directory that could travel (in the safe
 * or out), for the expiry warnings.
 */
export async function getPlanPassports(db: Db, planId: string) {
	return db
		.selectFrom('plan')
		.innerJoin('organisation', 'organisation.id', 'plan.organisation_id')
		.select([
			'plan.returned_on',
			'organisation.passport_return_working_days as days',
		])
		.select(dueOn.as('due_on'))
		.select(eb =>
			jsonArrayFrom(
				eb
					.selectFrom('plan_member as m')
					.innerJoin('person', 'person.id', 'm.person_id')
					.leftJoin('passport', join =>
						join
							.onRef('passport.person_id', '=', 'person.id')
							.on('passport.state', 'in', ['in_safe', 'out']),
					)
					.select([
						'm.position',
						'm.full_name',
						'm.passport_type',
						'passport.id as passport_id',
						'passport.number',
						'passport.kind',
						'passport.expires_on',
						'passport.state',
						'passport.plan_id',
					])
					.whereRef('m.plan_id', '=', 'plan.id')
					.orderBy('m.position')
					.orderBy('passport.expires_on', 'desc'),
			).as('members'),
		)
		.where('plan.id', '=', planId)
		.executeTakeFirst()
}

/**
 * Passports out with a trip whose return is recorded, with their due date, that could have a
 * reminder today: due today or earlier, or within `soonWorkingDays` working days of today (the
 * caller decides which day is a point). One query.
 */
export async function findPassportsOwed(
	db: Db,
	{ today, soonWorkingDays }: { today: string; soonWorkingDays: number },
) {
	return db
		.with('owed', qc =>
			qc
				.selectFrom('passport')
				.innerJoin('plan', 'plan.id', 'passport.plan_id')
				.innerJoin(
					'organisation',
					'organisation.id',
					'passport.organisation_id',
				)
				.innerJoin('person', 'person.id', 'passport.person_id')
				.innerJoin('app_user as d', 'd.id', 'plan.created_by')
				.select([
					'passport.id',
					'passport.number',
					'passport.organisation_id',
					'person.full_name as holder_name',
					'person.id as holder_id',
					'person.email as holder_email',
					'plan.id as plan_id',
					'plan.name as plan_name',
					'plan.created_by',
					'plan.status as plan_status',
					'd.active as drafter_active',
					'd.full_name as drafter_name',
					'organisation.name_vi as organisation_name',
					sql<string>`to_char(plan.returned_on, 'YYYY-MM-DD')`.as(
						'returned_on',
					),
					sql<string>`to_char(add_working_days(plan.returned_on, organisation.passport_return_working_days), 'YYYY-MM-DD')`.as(
						'due_on',
					),
					'organisation.passport_return_working_days as working_days',
				])
				.where('passport.state', '=', 'out')
				.where('plan.returned_on', 'is not', null),
		)
		.selectFrom('owed')
		.selectAll()
		.where(
			sql<boolean>`due_on::date <= add_working_days(${today}::date, ${soonWorkingDays}::int)`,
		)
		.orderBy('due_on')
		.orderBy('id')
		.execute()
}

/**
 * Passports of every organisation that expire on or before `until` (already expired included),
 * in the safe or out with a trip (lost and cancelled ones are not kept any more): with their
 * holder (and the holder's email), the trip they are out with, and the organisation. One query,
 * ordered by organisation, expiry date, number.
 */
export async function findPassportsExpiring(
	db: Db,
	{ until }: { until: string },
) {
	return db
		.selectFrom('passport')
		.innerJoin('person', 'person.id', 'passport.person_id')
		.innerJoin('organisation', 'organisation.id', 'passport.organisation_id')
		.leftJoin('plan', 'plan.id', 'passport.plan_id')
		.select([
			'passport.id',
			'passport.organisation_id',
			'passport.number',
			'passport.kind',
			'passport.state',
			sql<string>`to_char(passport.expires_on, 'YYYY-MM-DD')`.as('expires_on'),
			'person.id as holder_id',
			'person.full_name as holder_name',
			'person.email as holder_email',
			'plan.id as plan_id',
			'plan.name as plan_name',
			'organisation.name_vi as organisation_name',
		])
		.where('passport.state', 'in', ['in_safe', 'out'])
		.where('passport.expires_on', '<=', until)
		.orderBy('passport.organisation_id')
		.orderBy('passport.expires_on')
		.orderBy('passport.number')
		.execute()
}
