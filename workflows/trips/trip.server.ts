import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { db } from '#db/client.server.ts'
import { type latestPlanEvent } from '#db/repos/plan.server.ts'
import { getTripFacts } from '#db/repos/report.server.ts'
import { type DueUnit, TIMING_KINDS } from '#lib/enums.ts'
import {
	applyPlanEvent,
	type PlanFieldChanges,
} from '#workflows/plans/plan.server.ts'
import { type PlanEvent } from '#workflows/plans/plan.machine.ts'
import { type SessionUser } from '#workflows/access/user.ts'
import { formatIsoDate, parseDate } from '#lib/format.ts'
import {
	forbidden,
	hasRole,
	notFound,
} from '#workflows/access/permissions.server.ts'
import { workflowActor } from '#workflows/access/plan-access.server.ts'
import { done, refused } from '#workflows/outcome.ts'
import {
	addDays,
	daysOffApproved,
	TRIP_DATE_TOLERANCE_DAYS,
	todayIso,
} from '#lib/trip-dates.ts'
import { remindLateReturn } from '#workflows/reminders/reminders.server.ts'
import { reportDueDate } from '#workflows/reminders/reminder-points.ts'
import { declaredDaysBetween } from '#workflows/calendar/calendar.server.ts'
import { tooLong } from '#lib/form-errors.ts'

/** The trip's forms on the plan page; POSTPONE becomes AMEND when the trip moves to another year. */
export const TRIP_INTENTS = [
	'DEPART',
	'COMPLETE_TRIP',
	'CANCEL',
	'POSTPONE',
] as const
export type TripIntent = (typeof TRIP_INTENTS)[number]

const version = z.number({ error: 'error.conflict' }).int()
const reason = z
	.string({ error: 'trip.reasonRequired' })
	.trim()
	.min(1, { error: 'trip.reasonRequired' })
	.max(4000, { error: tooLong(4000) })
/** dd/mm/yyyy, kept as an ISO date. */
const date = (requiredMessage = 'error.required') =>
	z
		.string({ error: requiredMessage })
		.trim()
		.min(1, { error: requiredMessage })
		.transform((value, ctx) => {
			const iso = parseDate(value)
			if (!iso) ctx.addIssue({ code: 'custom', message: 'plan.dateInvalid' })
			return iso ?? ''
		})
const optionalDate = z
	.string()
	.trim()
	.optional()
	.transform((value, ctx) => {
		if (!value) return undefined
		const iso = parseDate(value)
		if (!iso) ctx.addIssue({ code: 'custom', message: 'plan.dateInvalid' })
		return iso ?? undefined
	})

type Facts = NonNullable<Awaited<ReturnType<typeof getTripFacts>>>

/** Asked for only when the date is far from the approved one. */
const offDates = {
	confirm_dates: z.literal('on').optional(),
	date_reason: z
		.string()
		.trim()
		.max(4000, { error: tooLong(4000) })
		.optional(),
}

/**
 * A departure or return more than TRIP_DATE_TOLERANCE_DAYS from the approved dates is recorded
 * only when confirmed with a reason; the first submission asks for both on the date field.
 */
function checkOffDates(
	ctx: z.RefinementCtx,
	facts: Facts,
	intent: 'DEPART' | 'COMPLETE_TRIP',
	field: string,
	value: { date: string; confirm_dates?: 'on'; date_reason?: string },
) {
	if (!value.date) return
	const off = daysOffApproved(value.date, facts, intent)
	if (off <= TRIP_DATE_TOLERANCE_DAYS) return
	const inbound = facts.direction === 'in' ? '.in' : ''
	if (!value.confirm_dates)
		ctx.addIssue({
			code: 'custom',
			path: [field],
			message: `trip.offApproved.${intent}${inbound}::${JSON.stringify({ days: off })}`,
		})
	else if (!value.date_reason)
		ctx.addIssue({
			code: 'custom',
			path: ['date_reason'],
			message: 'trip.reasonRequired',
		})
}

/** One schema per form; the checks against the stored plan and today are part of it. */
export function tripSchema(intent: TripIntent, facts: Facts, today: string) {
	switch (intent) {
		case 'DEPART':
			return z
				.object({
					intent: z.literal(intent),
					version,
					departed_on: date(),
					...offDates,
				})
				.superRefine((v, ctx) => {
					if (v.departed_on > today)
						ctx.addIssue({
							code: 'custom',
							path: ['departed_on'],
							message: 'trip.dateInFuture',
						})
					else
						checkOffDates(ctx, facts, intent, 'departed_on', {
							...v,
							date: v.departed_on,
						})
				})
		case 'COMPLETE_TRIP':
			return z
				.object({
					intent: z.literal(intent),
					version,
					returned_on: date(),
					...offDates,
				})
				.superRefine((v, ctx) => {
					if (!v.returned_on) return
					if (v.returned_on > today)
						ctx.addIssue({
							code: 'custom',
							path: ['returned_on'],
							message: 'trip.dateInFuture',
						})
					else if (facts.departed_on && v.returned_on < facts.departed_on)
						ctx.addIssue({
							code: 'custom',
							path: ['returned_on'],
							message: `trip.returnBeforeDeparture${facts.direction === 'in' ? '.in' : ''}`,
						})
					else
						checkOffDates(ctx, facts, intent, 'returned_on', {
							...v,
							date: v.returned_on,
						})
				})
		case 'CANCEL':
			return z.object({ intent: z.literal(intent), version, reason })
		case 'POSTPONE':
			return z
				.object({
					intent: z.literal(intent),
					version,
					reason,
					plan_year: z
						.number({ error: 'plan.yearInvalid' })
						.int({ error: 'plan.yearInvalid' })
						.min(Number(today.slice(0, 4)), { error: 'trip.yearPast' })
						.max(2100, { error: 'plan.yearInvalid' }),
					timing_kind: z.enum(TIMING_KINDS, { error: 'error.invalidChoice' }),
					timing_month: z
						.number({ error: 'error.invalidChoice' })
						.int()
						.min(1, { error: 'error.invalidChoice' })
						.max(12, { error: 'error.invalidChoice' })
						.optional(),
					start_date: optionalDate,
					end_date: optionalDate,
				})
				.superRefine((v, ctx) => {
					const issue = (path: string, message: string) =>
						ctx.addIssue({ code: 'custom', path: [path], message })
					if (v.timing_kind === 'month' && !v.timing_month)
						issue('timing_month', 'error.required')
					if (v.timing_kind === 'dates') {
						if (!v.start_date) issue('start_date', 'error.required')
						if (!v.end_date) issue('end_date', 'error.required')
						if (v.start_date && v.start_date < today)
							issue('start_date', 'trip.dateInPast')
						else if (
							v.start_date &&
							Number(v.start_date.slice(0, 4)) !== v.plan_year
						)
							issue('start_date', 'plan.dateOutsideYear')
						if (v.start_date && v.end_date && v.end_date < v.start_date)
							issue('end_date', 'plan.endBeforeStart')
					}
					const timing = newTiming(v)
					if (
						timing.plan_year === facts.plan_year &&
						timing.timing_kind === facts.timing_kind &&
						timing.timing_month === facts.timing_month &&
						timing.start_date === facts.start_date &&
						timing.end_date === facts.end_date
					)
						issue('timing_kind', 'trip.timingUnchanged')
				})
	}
}

function newTiming(v: {
	plan_year: number
	timing_kind: (typeof TIMING_KINDS)[number]
	timing_month?: number
	start_date?: string
	end_date?: string
}) {
	return {
		plan_year: v.plan_year,
		timing_kind: v.timing_kind,
		timing_month: v.timing_kind === 'month' ? (v.timing_month ?? null) : null,
		start_date: v.timing_kind === 'dates' ? (v.start_date ?? null) : null,
		end_date: v.timing_kind === 'dates' ? (v.end_date ?? null) : null,
	}
}

/**
 * The post-trip report of a trip that returned on `returnedOn` is due `days` days after it, or
 * `days` working days after it when the organisation counts working days (with the days the
 * board declared; the window read is far wider than any run of days off).
 */
async function reportDueOn(returnedOn: string, days: number, unit: DueUnit) {
	if (unit === 'days') return reportDueDate(returnedOn, days)
	const declared = await declaredDaysBetween(
		db,
		returnedOn,
		addDays(returnedOn, days * 3 + 60),
	)
	return reportDueDate(returnedOn, days, unit, declared)
}

/**
 * The plan page's trip forms: checks the drafter, the dates and the reason, then sends the
 * event with the columns it sets in one transaction. A refusal saves nothing and answers with
 * the form's errors under `intent`.
 */
export async function handleTripAction(
	user: SessionUser,
	planId: string,
	intent: TripIntent,
	formData: FormData,
) {
	const facts = await getTripFacts(db, planId)
	if (!facts) throw notFound()
	if (
		facts.organisation_id !== user.organisationId ||
		!hasRole(user, 'drafter')
	)
		throw forbidden()
	const submission = parseWithZod(formData, {
		schema: tripSchema(intent, facts, todayIso()),
	})
	const refuse = (
		refusal: 'invalid' | 'conflict',
		formErrors?: string[],
		conflict: Awaited<ReturnType<typeof latestPlanEvent>> | null = null,
	) =>
		refused(refusal, {
			intent,
			result: submission.reply({ formErrors }),
			conflict,
			comment: '',
			errors: [] as string[],
		})
	if (submission.status !== 'success') return refuse('invalid')
	const value = submission.value
	const actor = workflowActor(user)
	let event: PlanEvent
	let changes: PlanFieldChanges
	switch (value.intent) {
		case 'DEPART':
			event = { type: 'DEPART', actor, comment: value.date_reason }
			changes = { departed_on: value.departed_on }
			break
		case 'COMPLETE_TRIP':
			event = { type: 'COMPLETE_TRIP', actor, comment: value.date_reason }
			changes = {
				returned_on: value.returned_on,
				report_due_on: await reportDueOn(
					value.returned_on,
					facts.report_due_days,
					facts.report_due_unit,
				),
				report_due_count: facts.report_due_days,
				report_due_unit: facts.report_due_unit,
			}
			break
		case 'CANCEL':
			event = { type: 'CANCEL', actor, comment: value.reason }
			changes = { cancel_reason: value.reason }
			break
		case 'POSTPONE':
			changes = newTiming(value)
			// Within the plan year the approval stands; another year goes back through the chain.
			event = {
				type: value.plan_year === facts.plan_year ? 'POSTPONE' : 'AMEND',
				actor,
				comment: value.reason,
			}
			break
	}
	const today = todayIso()
	const { result, daysLate } = await db.transaction().execute(async trx => {
		const result = await applyPlanEvent(trx, {
			planId,
			expectedVersion: value.version,
			event,
			changes,
		})
		// A return recorded after the report's due date reminds the drafter at once, in this transaction.
		const daysLate =
			result.status === 'ok' && event.type === 'COMPLETE_TRIP'
				? await remindLateReturn(trx, planId, today)
				: null
		return { result, daysLate }
	})
	switch (result.status) {
		case 'ok':
			return daysLate
				? done(
						planId,
						facts.report_due_unit === 'working_days'
							? 'plan.done.COMPLETE_TRIP.lateWorking'
							: 'plan.done.COMPLETE_TRIP.late',
						{
							days: daysLate,
							dueDate: formatIsoDate(changes.report_due_on ?? null),
							dueDays: facts.report_due_days,
						},
					)
				: done(planId, `plan.done.${event.type}`)
		case 'conflict':
			return refuse('conflict', [], result.last)
		case 'wrong_state':
			return refuse('conflict', ['plan.wrongState'])
		case 'no_chain':
			return refuse('invalid', ['plan.noChain'])
		case 'incomplete':
			return refuse('invalid', [...new Set(result.issues.map(i => i.message))])
		case 'own_submission':
			return refuse('conflict', ['plan.ownSubmission'])
		case 'forbidden':
			throw forbidden()
		case 'not_found':
			throw notFound()
	}
}
