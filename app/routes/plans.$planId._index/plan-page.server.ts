import {
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { z } from 'zod'
import { db } from '#db/client.server.ts'
import { getPlanEventSnapshots, getPlanPage } from '#db/repos/plan.server.ts'
import { getStepDecisions } from '#db/repos/step-approval.server.ts'
import { pageDecisionActor } from '#app/utils/access.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { respond } from '#app/utils/domain.server.ts'
import { notFound } from '#workflows/access/permissions.server.ts'
import { planViewer } from '#workflows/access/plan-access.server.ts'
import { actOnPlan } from '#workflows/plans/plan-actions.server.ts'
import { recordToDraft } from '#workflows/plans/plan-mapping.ts'
import { todayIso, tripDateDefault } from '#lib/trip-dates.ts'
import { stepIndexOf } from '#workflows/plans/plan.machine.ts'
import { availableEvents, planWorkflow } from '#workflows/plans/plan.server.ts'
import { planPassports } from '#workflows/passports/passports.server.ts'
import { withoutOwnSubmissions } from '#workflows/plans/separation.ts'

/** Events the timeline shows at first; ?timeline=all shows every one. */
const TIMELINE_LATEST = 50

/** The plan page's data: the plan, its chain, timeline, the changes an approver should see, and what this user may do. */
export async function loadPlanPage({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	// Visibility is checked in the page's own query: a plan this user may not see is a 404.
	const planId = z.uuid().safeParse(params.planId).data
	// The latest events of a long timeline, unless the user asked for all of them.
	const wholeTimeline =
		new URL(request.url).searchParams.get('timeline') === 'all'
	const [page, { actor, onBehalfOf }] = await Promise.all([
		planId &&
			getPlanPage(
				db,
				planId,
				planViewer(user),
				wholeTimeline ? undefined : TIMELINE_LATEST,
			),
		pageDecisionActor(user, todayIso(), request),
	])
	if (!page) throw notFound()
	const workflow = planWorkflow(page, page.chain_steps)
	// What this user may do, less the decisions on what they submitted themselves (and why).
	const { events: actions, ownSubmission } = withoutOwnSubmissions(
		workflow ? availableEvents(workflow.snapshot, actor) : [],
		page,
		[actor.userId, onBehalfOf?.id],
	)
	const stepAt = stepIndexOf(page.status)
	const currentStep =
		workflow && stepAt !== null ? (workflow.steps[stepAt] ?? null) : null
	const [stepDecisions, passports] = await Promise.all([
		getStepDecisions(db, page, currentStep),
		planPassports(page),
	])
	const canEdit =
		page.organisation_id === user.organisationId &&
		user.roles.includes('drafter') &&
		['drafting', 'returned', 'approved'].includes(page.status)

	// While the plan climbs the chain again, approvers see what changed since they returned it,
	// and, for an amendment, since it was last approved (both versions read in one query).
	// The panels read the events they need even where the timeline shows only the latest.
	const olderKeyEvents = keyEventsBefore(page.events, page.key_events)
	const decisive = [...olderKeyEvents, ...page.events]
	const pending = stepIndexOf(page.status) !== null
	const lastApproved = decisive.findLastIndex(e => e.to_status === 'approved')
	const amendedAt = decisive.findLastIndex(e => e.event === 'AMEND')
	const returnedAt = decisive.findLastIndex(e => e.event === 'RETURN')
	const amended = pending && lastApproved >= 0 && amendedAt > lastApproved
	const returned =
		pending && returnedAt >= 0 && (!amended || returnedAt > amendedAt)
	const since = {
		return: returned ? decisive[returnedAt] : null,
		approval: amended ? decisive[lastApproved] : null,
	}
	const snapshots =
		since.return || since.approval
			? await getPlanEventSnapshots(
					db,
					page.id,
					[since.return?.id, since.approval?.id].filter(id => id != null),
				)
			: new Map()
	const version = (event: (typeof page.events)[number] | null) => {
		const snapshot = event && snapshots.get(String(event.id))
		return snapshot
			? {
					draft: recordToDraft(snapshot),
					partnerName: snapshot.partner_org_name,
					by: event.actor_name,
					at: event.created_at,
				}
			: null
	}

	const {
		events,
		events_total,
		key_events: _keyEvents,
		chain_steps,
		attachments,
		workflow_snapshot: _snapshot,
		submitted_by: _submittedBy,
		report_submitted_by: _reportSubmittedBy,
		documents,
		answers,
		report,
		acknowledged,
		...record
	} = page
	const today = todayIso()
	return json({
		plan: record,
		draft: recordToDraft(record),
		returned: version(since.return),
		approvedVersion: version(since.approval),
		events,
		eventsTotal: events_total,
		// The page puts them before `events` for its panels (not sent twice: the timeline has the rest).
		olderKeyEvents,
		chain: chain_steps,
		steps: workflow?.steps ?? chain_steps,
		attachments: attachments.map(({ id, file_name, size }) => ({
			id,
			file_name,
			size,
		})),
		actions,
		ownSubmission,
		canEdit,
		stepDecisions,
		answerRequired: Boolean(currentStep?.requires_written_answer),
		file: { documents, answers, report, acknowledged },
		passports,
		today,
		// The trip's date fields offer the approved dates, not today.
		tripDefaults: {
			DEPART: tripDateDefault(page, 'DEPART', today),
			COMPLETE_TRIP: tripDateDefault(page, 'COMPLETE_TRIP', today),
		},
	})
}

/** The plan page's forms: one call of the domain (workflows/plans/plan-actions.server.ts). */
export async function planPageAction({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request)
	return respond(await actOnPlan(user, params.planId, await request.formData()))
}

/** The key events the timeline leaves out: older than all it shows (it shows the latest), in order. */
function keyEventsBefore<E extends { id: string | number }>(
	events: E[],
	keyEvents: E[],
) {
	const first = events[0]
	return first
		? keyEvents.filter(e => Number(e.id) < Number(first.id))
		: keyEvents
}
