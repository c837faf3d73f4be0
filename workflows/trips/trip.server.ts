import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { db } from '#db/client.server.ts'
import { type latestPlanEvent } from '#db/repos/plan.server.ts'
import { getTripFacts } from '#db/repos/report.server.ts'
import { TIMING_KINDS } from '#lib/enums.ts'
import {
	applyPlanEvent,
	type PlanFieldChanges,
} from '#workflows/plans/plan.server.ts'
import { type PlanEvent } from '#workflows/plans/plan.machine.ts'
import { type SessionUser } from '#workflows/access/user.ts'
import { parseDate } from '#lib/format.ts'
import {
	forbidden,
	hasRole,
	notFound,
} from '#workflows/access/permissions.server.ts'
import { workflowActor } from '#workflows/access/plan-access.server.ts'
import { done, refused } from '#workflows/outcome.ts'
import { addDays, todayIso } from '#lib/trip-dates.ts'

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
	.max(4000, { error: 'error.tooLong' })
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

/** One schema per form; the checks against the stored plan and today are part of it. */
export function tripSchema(intent: TripIntent, facts: Facts, today: string) {
	switch (intent) {
		case 'DEPART':
			return z
				.object({ intent: z.literal(intent), version, departed_on: date() })
				.refine(v => !v.departed_on || v.departed_on <= today, {
					path: ['departed_on'],
					error: 'trip.dateInFuture',
				})
		case 'COMPLETE_TRIP':
			return z
				.object({ intent: z.literal(intent), version, returned_on: date() })
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
			event = { type: 'DEPART', actor }
			changes = { departed_on: value.departed_on }
			break
		case 'COMPLETE_TRIP':
			event = { type: 'COMPLETE_TRIP', actor }
			changes = {
				returned_on: value.returned_on,
				report_due_on: addDays(value.returned_on, facts.report_due_days),
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
	const result = await db.transaction().execute(trx =>
		applyPlanEvent(trx, {
			planId,
			expectedVersion: value.version,
			event,
			changes,
		}),
	)
	switch (result.status) {
		case 'ok':
			return done(planId, `plan.done.${event.type}`)
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
