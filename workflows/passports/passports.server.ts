import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { db } from '#db/client.server.ts'
import {
	getHandOutPlan,
	getPassport,
	getPlanPassports,
	insertPassport,
	insertPassportEvent,
	listHandOutPlans,
	listPassports,
	listRegister,
	lockPassport,
	setPassportState,
} from '#db/repos/passport.server.ts'
import { getOrganisation } from '#db/repos/organisation.server.ts'
import { governingBodyOf } from '#workflows/documents/plan-document.ts'
import { PASSPORT_STATES, type PassportState } from '#lib/enums.ts'
import { errorWithParams } from '#lib/form-errors.ts'
import { formatIsoDate } from '#lib/format.ts'
import { approvedRange, todayIso } from '#lib/trip-dates.ts'
import { notFound } from '#workflows/access/errors.ts'
import { type SessionUser } from '#workflows/access/user.ts'
import { done, refused } from '#workflows/outcome.ts'
import {
	canKeepDirectory,
	requireDirectoryKeeper,
	requireDirectoryReader,
	requirePerson,
} from '#workflows/people/people.server.ts'
import {
	addMonths,
	HAND_OUT_STATUSES,
	VALID_MONTHS_AFTER_RETURN,
	HandBackSchema,
	HandOutSchema,
	MarkSchema,
	PassportSchema,
	passportWarnings,
} from './passport-rules.ts'
import { recordHandOut } from './hand-out.server.ts'
import { registerDocument } from './register-document.ts'

export type Keeper = SessionUser & { fullName: string }

export async function loadPassports(
	user: SessionUser,
	params: URLSearchParams,
) {
	requireDirectoryReader(user)
	const page = Number(params.get('page') ?? '1')
	const current =
		Number.isInteger(page) && page > 0 && page <= 100_000 ? page : 1
	const stateParam = params.get('state')
	const state = PASSPORT_STATES.find(s => s === stateParam)
	const { rows, total } = await listPassports(db, user.organisationId, {
		query: params.get('q')?.slice(0, 200) ?? undefined,
		state,
		page: current,
	})
	return { rows, total, page: current, today: todayIso() }
}

export async function requirePassport(user: SessionUser, passportId: unknown) {
	requireDirectoryReader(user)
	const id = z.uuid().safeParse(passportId)
	const passport = id.success
		? await getPassport(db, user.organisationId, id.data)
		: undefined
	if (!passport) throw notFound()
	return passport
}

export async function loadPassportPage(user: Keeper, passportId: unknown) {
	const passport = await requirePassport(user, passportId)
	const plans =
		passport.state === 'in_safe'
			? await listHandOutPlans(
					db,
					user.organisationId,
					passport.person_id,
					HAND_OUT_STATUSES,
				)
			: []
	return {
		passport,
		// A plan the passport would not be valid for 6 months after (QĐ 58/2012) is flagged.
		plans: plans.map(p => {
			const back = p.returned_on ?? p.end_date
			const validUntil = back && addMonths(back, VALID_MONTHS_AFTER_RETURN)
			return {
				id: p.id,
				name: p.name,
				validUntil:
					validUntil && passport.expires_on < validUntil ? validUntil : null,
			}
		}),
		canEdit: canKeepDirectory(user),
		today: todayIso(),
		me: user.fullName,
	}
}

/** Registers a passport of a person of the user's organisation; it starts in the safe. */
export async function addPassport(
	user: Keeper,
	personId: unknown,
	formData: FormData,
) {
	requireDirectoryKeeper(user)
	const person = await requirePerson(user, personId)
	const submission = parseWithZod(formData, { schema: PassportSchema })
	if (submission.status !== 'success')
		return refused('invalid', { result: submission.reply() })
	const v = submission.value
	const id = await db.transaction().execute(async trx => {
		const row = await insertPassport(trx, {
			organisation_id: user.organisationId,
			person_id: person.id,
			...v,
		})
		if (!row) return null
		await insertPassportEvent(trx, {
			passport_id: row.id,
			organisation_id: user.organisationId,
			event: 'registered',
			from_state: null,
			to_state: 'in_safe',
			happened_on: todayIso(),
			actor_id: user.id,
		})
		return row.id
	})
	if (!id)
		return refused('invalid', {
			result: submission.reply({
				fieldErrors: { number: ['passport.numberTaken'] },
			}),
		})
	return done(id, 'passport.created', undefined, `/passports/${id}`)
}

class Refusal extends Error {
	constructor(
		readonly errors: { form?: string[]; fields?: Record<string, string[]> },
	) {
		super('refused')
	}
}

function stateError(
	passport: { state: PassportState; plan_name?: string | null },
	outOn?: string | null,
) {
	return passport.state === 'out'
		? errorWithParams('passport.alreadyOut', {
				plan: passport.plan_name ?? '',
				date: formatIsoDate(outOn),
			})
		: `passport.state.refuse.${passport.state}`
}

/**
 * The passport page's forms: hand out (against an approved plan the holder is a member of),
 * hand back, or record it lost or cancelled. The state and its history change in one
 * transaction, on the row locked at the version the user saw.
 */
export async function actOnPassport(
	user: Keeper,
	passportId: unknown,
	formData: FormData,
) {
	requireDirectoryKeeper(user)
	const current = await requirePassport(user, passportId)
	const intent = formData.get('intent')
	const schema =
		intent === 'hand_out'
			? HandOutSchema
			: intent === 'hand_back'
				? HandBackSchema
				: MarkSchema
	const submission = parseWithZod(formData, { schema })
	if (submission.status !== 'success')
		return refused('invalid', { intent, result: submission.reply() })
	const v = submission.value
	try {
		await db.transaction().execute(async trx => {
			const passport = await lockPassport(trx, user.organisationId, current.id)
			if (!passport) throw notFound()
			const outEvent = current.history.find(
				e => String(e.id) === String(passport.out_event_id),
			)
			const refuse: (errors: Refusal['errors']) => never = errors => {
				throw new Refusal(errors)
			}
			if (v.intent === 'hand_out') {
				if (passport.state !== 'in_safe') {
					// Someone may have handed it out since the page was read: say for which trip.
					const now = await getPassport(trx, user.organisationId, passport.id)
					const out = now?.history.find(
						e => String(e.id) === String(passport.out_event_id),
					)
					refuse({
						form: [
							stateError(
								{ state: passport.state, plan_name: now?.plan_name },
								out?.happened_on,
							),
						],
					})
				}
				if (passport.version !== v.version) refuse({ form: ['error.conflict'] })
				const plan = await getHandOutPlan(trx, v.plan_id, passport.person_id)
				if (!plan || plan.organisation_id !== user.organisationId)
					refuse({ fields: { plan_id: ['error.invalidChoice'] } })
				else if (
					!(HAND_OUT_STATUSES as readonly string[]).includes(plan.status)
				)
					refuse({ fields: { plan_id: ['passport.planNotApproved'] } })
				else if (!plan.holder_is_member)
					refuse({ fields: { plan_id: ['passport.holderNotMember'] } })
				if (passport.expires_on < v.happened_on)
					refuse({ fields: { happened_on: ['passport.expired'] } })
				// A hand-out dated after the trip's last approved day is a typing mistake.
				const lastDay = approvedRange(plan!, 'COMPLETE_TRIP').to
				if (v.happened_on > lastDay)
					refuse({
						fields: {
							happened_on: [
								errorWithParams('passport.afterTrip', {
									date: formatIsoDate(lastDay),
								}),
							],
						},
					})
				await recordHandOut(trx, passport, {
					organisationId: user.organisationId,
					planId: v.plan_id,
					on: v.happened_on,
					handedBy: v.handed_by,
					receivedBy: v.received_by,
					note: v.note ?? '',
					actorId: user.id,
				})
				return
			}
			if (v.intent === 'hand_back') {
				if (passport.state !== 'out')
					refuse({ form: [`passport.state.refuseBack.${passport.state}`] })
				if (passport.version !== v.version) refuse({ form: ['error.conflict'] })
				if (outEvent && v.happened_on < outEvent.happened_on)
					refuse({
						fields: {
							happened_on: [
								errorWithParams('passport.backBeforeOut', {
									date: formatIsoDate(outEvent.happened_on),
								}),
							],
						},
					})
				await insertPassportEvent(trx, {
					passport_id: passport.id,
					organisation_id: user.organisationId,
					event: 'handed_back',
					from_state: 'out',
					to_state: 'in_safe',
					plan_id: passport.plan_id,
					out_event_id: passport.out_event_id,
					happened_on: v.happened_on,
					handed_by: v.handed_by,
					received_by: v.received_by,
					note: v.note ?? '',
					actor_id: user.id,
				})
				await setPassportState(trx, passport.id, passport.version, {
					state: 'in_safe',
					plan_id: null,
					out_event_id: null,
				})
				return
			}
			// Lost (from the safe or while out) or cancelled (not once cancelled).
			if (
				passport.state === 'cancelled' ||
				(v.intent === 'lost' && passport.state === 'lost')
			)
				refuse({ form: [`passport.state.refuse.${passport.state}`] })
			if (passport.version !== v.version) refuse({ form: ['error.conflict'] })
			await insertPassportEvent(trx, {
				passport_id: passport.id,
				organisation_id: user.organisationId,
				event: v.intent,
				from_state: passport.state,
				to_state: v.intent,
				plan_id: passport.plan_id,
				happened_on: v.happened_on,
				note: v.note,
				actor_id: user.id,
			})
			await setPassportState(trx, passport.id, passport.version, {
				state: v.intent,
				plan_id: null,
				out_event_id: null,
			})
		})
	} catch (error) {
		if (!(error instanceof Refusal)) throw error
		return refused(
			error.errors.form?.includes('error.conflict') ? 'conflict' : 'invalid',
			{
				intent: v.intent,
				result: submission.reply({
					formErrors: error.errors.form,
					fieldErrors: error.errors.fields,
				}),
			},
		)
	}
	return done(
		current.id,
		`passport.done.${v.intent}` as const,
		undefined,
		`/passports/${current.id}`,
	)
}

/**
 * The plan page's passports: members without a fitting passport or with one expiring less than
 * 6 months after the return (outbound plans), and the passports out with this trip with their
 * due date. One query.
 */
export async function planPassports(plan: {
	id: string
	direction: string
	end_date: string | null
	returned_on: string | null
}) {
	// Read for every plan, so the page's query count never depends on the plan's direction.
	const due = await getPlanPassports(db, plan.id)
	if (plan.direction !== 'out') return null
	const rows = due?.members ?? []
	return {
		warnings: passportWarnings(plan.returned_on ?? plan.end_date, rows),
		out: rows.flatMap(r =>
			r.state === 'out' && r.plan_id === plan.id && r.passport_id
				? [{ id: r.passport_id, number: r.number!, holder: r.full_name }]
				: [],
		),
		dueOn: due?.due_on ?? null,
		returnedOn: due?.returned_on ?? null,
		days: due?.days ?? 5,
	}
}

/** The year's register of hand-outs and hand-backs, and what its document header needs. */
export async function loadPassportRegister(
	user: SessionUser,
	params: URLSearchParams,
) {
	requireDirectoryReader(user)
	const thisYear = Number(todayIso().slice(0, 4))
	const asked = Number(params.get('year'))
	const year =
		Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear
	const [rows, organisation] = await Promise.all([
		listRegister(db, user.organisationId, year),
		getOrganisation(db, user.organisationId),
	])
	if (!organisation) throw notFound()
	const document = registerDocument(
		{
			name_vi: organisation.name_vi,
			governingBody: governingBodyOf({ ...organisation, parent_name: null }),
		},
		year,
		rows,
	)
	return { year, thisYear, rows, document }
}
