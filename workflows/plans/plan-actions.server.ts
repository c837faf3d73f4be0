import { z } from 'zod'
import { db } from '#db/client.server.ts'
import { type latestPlanEvent } from '#db/repos/plan.server.ts'
import { planSnapshotAt } from '#db/repos/step-approval.server.ts'
import { MAX_INT } from '#lib/column-limits.ts'
import { CONFIRMED_DECISIONS, type ConfirmedDecision } from '#lib/enums.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { forbidden, notFound } from '#workflows/access/errors.ts'
import {
	decisionActor,
	planViewer,
	requireVisiblePlan,
} from '#workflows/access/plan-access.server.ts'
import { type SessionUser } from '#workflows/access/user.ts'
import { done, type Refusal, refused } from '#workflows/outcome.ts'
import {
	decideReport,
	REPORT_DECISIONS,
} from '#workflows/reports/report-form.server.ts'
import {
	handleTripAction,
	TRIP_INTENTS,
	type TripIntent,
} from '#workflows/trips/trip.server.ts'
import { recordToDraft } from './plan-mapping.ts'
import { completenessIssues } from './plan-schema.ts'
import { type PlanEventType } from './plan.machine.ts'
import { doneThenNext } from './next-item.server.ts'
import { applyPlanEvent } from './plan.server.ts'
import {
	type AnswerErrors,
	parseWrittenAnswer,
} from './written-answer-form.server.ts'
import { tooLong } from '#lib/form-errors.ts'

// Events of the approval; the trip's (TRIP_INTENTS) and the report's (REPORT_DECISIONS) have their own handlers.
const APPROVAL_EVENTS = [
	'SUBMIT',
	'APPROVE',
	'RETURN',
	'REJECT',
	'WITHDRAW',
	'RESUBMIT',
] as const
const COMMENT_REQUIRED: readonly string[] = ['RETURN', 'REJECT']
const DECISIONS: readonly string[] = ['APPROVE', 'RETURN', 'REJECT']
const DecisionSchema = z
	.object({
		intent: z.enum(APPROVAL_EVENTS),
		version: z.coerce.number().int().min(0).max(MAX_INT),
		comment: z
			.string()
			.trim()
			.max(4000, { error: tooLong(4000) })
			.optional(),
	})
	.refine(d => !COMMENT_REQUIRED.includes(d.intent) || d.comment, {
		path: ['comment'],
		error: 'plan.commentRequired',
	})

/**
 * The plan page's forms, for the plan of the route's id param if the user may see it (404
 * otherwise): the approval decisions here, the trip's and the report's through their handlers.
 */
export async function actOnPlan(
	user: SessionUser,
	planIdParam: string | undefined,
	formData: FormData,
) {
	const tripIntent = formData.get('intent') as TripIntent
	if (TRIP_INTENTS.includes(tripIntent))
		return handleTripAction(
			user,
			await requireVisiblePlan(user, planIdParam),
			tripIntent,
			formData,
		)
	if (REPORT_DECISIONS.includes(tripIntent as never))
		return decideReport(
			user,
			await requireVisiblePlan(user, planIdParam),
			formData,
		)
	const planId = z.uuid().safeParse(planIdParam)
	if (!planId.success) throw notFound()
	return decidePlan(user, planId.data, formData)
}

/**
 * An approval decision (with substitutions); APPROVE, RETURN and REJECT first ask once more. A
 * plan the user may not see is a 404: the decision itself checks it in the statement that locks
 * the plan, every other answer (a refusal, the question, a written answer asked again) first.
 */
async function decidePlan(
	user: SessionUser,
	planId: string,
	formData: FormData,
) {
	const requireVisible = () => requireVisiblePlan(user, planId)
	const typed = String(formData.get('comment') ?? '')
	/** A refusal keeps what the user typed and says why, next to the decision form. */
	const refuse = (
		intent: PlanEventType | null,
		refusal: Refusal,
		errors: string[],
		conflict: Awaited<ReturnType<typeof latestPlanEvent>> | null = null,
		extra: {
			confirm?: { intent: (typeof CONFIRMED_DECISIONS)[number]; name: string }
			changedFrom?: { draft: unknown; partnerName: string | null }
			answerErrors?: AnswerErrors
		} = {},
	) =>
		refused(refusal, {
			intent,
			comment: typed,
			errors,
			conflict,
			result: null,
			...extra,
		})
	/** What the plan looked like at the version the user loaded, to show what changed since. */
	const changedFrom = async (version: number) => {
		const snapshot = await planSnapshotAt(db, planId, version)
		return snapshot
			? {
					changedFrom: {
						draft: recordToDraft(snapshot),
						partnerName: snapshot.partner_org_name,
					},
				}
			: {}
	}

	const parsed = DecisionSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) {
		await requireVisible()
		const intent = z.enum(APPROVAL_EVENTS).safeParse(formData.get('intent'))
		return refuse(
			intent.data ?? null,
			'invalid',
			parsed.error.issues.map(i => i.message),
		)
	}
	const { intent, version, comment } = parsed.data
	// The decision buttons first ask once more, naming the plan; a changed plan is refused here already.
	const asking = CONFIRMED_DECISIONS.find(
		d => d === intent && formData.get('stage') === 'ask',
	)
	if (asking) {
		await requireVisible()
		const current = await db
			.selectFrom('plan')
			.select(['name', 'version'])
			.where('id', '=', planId)
			.executeTakeFirstOrThrow()
		if (current.version !== version)
			return refuse(
				intent,
				'conflict',
				['confirm.changed'],
				null,
				await changedFrom(version),
			)
		return refuse(intent, 'confirm', [], null, {
			confirm: { intent: asking, name: current.name },
		})
	}
	// A refused written answer asks again, keeping the decision and its comment.
	const askAgain = async (answerErrors: AnswerErrors) => {
		await requireVisible()
		const current = await db
			.selectFrom('plan')
			.select('name')
			.where('id', '=', planId)
			.executeTakeFirstOrThrow()
		return refuse(intent, 'invalid', [], null, {
			confirm: { intent: intent as ConfirmedDecision, name: current.name },
			answerErrors,
		})
	}
	const answered = CONFIRMED_DECISIONS.includes(intent as ConfirmedDecision)
		? await parseWrittenAnswer(formData)
		: { answer: null }
	if (answered.errors) return askAgain(answered.errors)
	const { actor, onBehalfOf } = await decisionActor(user, todayIso())
	const event = {
		type: intent,
		actor,
		comment: comment ?? '',
	}
	const result = await db.transaction().execute(trx =>
		applyPlanEvent(trx, {
			planId,
			expectedVersion: version,
			event,
			validate: record => completenessIssues(recordToDraft(record)),
			onBehalfOf: onBehalfOf?.id,
			writtenAnswer: answered.answer,
			viewer: planViewer(user),
		}),
	)
	switch (result.status) {
		case 'ok': {
			const message = result.approvals
				? 'approvals.partialDone'
				: (`plan.done.${intent}` as const)
			const params = result.approvals && {
				approved: result.approvals.count,
				required: result.approvals.required,
			}
			// An approver's decision leads on to the next item waiting for them.
			if (DECISIONS.includes(intent))
				return doneThenNext(user, planId, message, params ?? undefined)
			return done(planId, message, params ?? undefined)
		}
		case 'conflict':
			return refuse(
				intent,
				'conflict',
				[],
				result.last,
				await changedFrom(version),
			)
		case 'incomplete':
			if (result.issues.some(i => i.message === 'answer.required'))
				return askAgain({ answer_file: ['answer.required'] })
			return refuse(intent, 'invalid', [
				'plan.incomplete',
				...new Set(result.issues.map(i => i.message)),
			])
		case 'no_chain':
			return refuse(intent, 'invalid', ['plan.noChain'])
		case 'wrong_state':
			return refuse(intent, 'conflict', [
				result.alreadyApproved ? 'approvals.already' : 'plan.wrongState',
			])
		case 'own_submission':
			return refuse(intent, 'forbidden', ['plan.ownSubmission'])
		case 'forbidden':
			throw forbidden()
		case 'not_found':
			throw notFound()
	}
}
