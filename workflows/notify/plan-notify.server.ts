import { type Db } from '#db/client.server.ts'
import {
	findRecipientsAndSubstitutes,
	notifyAndEnqueue,
	type Recipient,
	type RecipientCriteria,
	type RecipientsAndSubstitutes,
} from '#db/repos/notification.server.ts'
import { getPlanEventFacts } from '#db/repos/plan.server.ts'
import { todayIso } from '#lib/trip-dates.ts'
import {
	type PlanEventType,
	stepIndexOf,
} from '#workflows/plans/plan.machine.ts'
import { whoHears } from '#workflows/plans/plan-notifications.ts'
import { newDecisionLinks } from './decision-links.server.ts'
import { type StoredPlanEmail } from './render.server.ts'

interface Step {
	organisation_id: string
	label_vi: string
	label_en: string
}

/** Names a notification about a plan event needs: the plan (as the event left it), its owner, who acted. */
export interface PlanEventFacts {
	plan_name: string
	organisation_id: string
	created_by: string
	plan_version: number
	organisation_name: string
	actor_name: string
	actor_organisation: string
}

/**
 * Who hears of an event (by audience), and whom to read for it: the caller may read them with
 * the statement that records the event (`updatePlanWithEvent`) and pass them to `notifyPlanEvent`.
 */
export function planNotices({
	event,
	to,
	facts,
	steps,
	drafterOnly = false,
}: {
	event: PlanEventType
	to: string
	facts: Pick<PlanEventFacts, 'organisation_id' | 'created_by'>
	steps: Step[]
	drafterOnly?: boolean
}) {
	const notices = whoHears(event, to, {
		ownerOrganisationId: facts.organisation_id,
		drafterId: facts.created_by,
		steps: steps.map(s => s.organisation_id),
	}).filter(n => !drafterOnly || 'user' in n.audience)
	const criteria: RecipientCriteria | null = notices.length
		? {
				approverOrgIds: notices.flatMap(n =>
					'approversOf' in n.audience ? [n.audience.approversOf] : [],
				),
				userIds: notices.flatMap(n =>
					'user' in n.audience ? [n.audience.user] : [],
				),
			}
		: null
	return { notices, criteria }
}

/**
 * Inside the transition's transaction: an in-app notification for everyone who hears of the
 * event, and an email job for each of them (unless they turned off emails that are only for
 * information). One per (event, recipient), so a person in two audiences is told once.
 */
export async function notifyPlanEvent(
	trx: Db,
	{
		eventId,
		planId,
		event,
		from,
		to,
		comment,
		steps,
		facts: known,
		drafterOnly = false,
		people,
	}: {
		eventId: string
		/** Read by the caller with the plan's lock (else one more query). */
		facts?: PlanEventFacts
		planId: string
		event: PlanEventType
		from: string
		to: string
		comment: string | null
		steps: Step[]
		/** A partial approval at a step that needs several: only the drafter hears of it. */
		drafterOnly?: boolean
		/** The recipients of `planNotices`' criteria, read by the caller (else one more query). */
		people?: RecipientsAndSubstitutes
	},
) {
	const plan = known ?? (await getPlanEventFacts(trx, eventId))
	const { notices, criteria } = planNotices({
		event,
		to,
		facts: plan,
		steps,
		drafterOnly,
	})
	if (!criteria) return
	// Substitutes in force today stand in for the approvers they replace (same query).
	const { recipients, substitutes } =
		people ?? (await findRecipientsAndSubstitutes(trx, criteria, todayIso()))
	const label = (index: number | null) =>
		index === null || !steps[index]
			? null
			: { vi: steps[index].label_vi, en: steps[index].label_en }
	const waitingLabel = label(stepIndexOf(to))
	const facts: Omit<
		StoredPlanEmail,
		'informational' | 'stepLabel' | 'nextStepLabel'
	> = {
		planId,
		planName: plan.plan_name,
		organisationName: plan.organisation_name,
		toStatus: to,
		waitingLabel,
		actorName: plan.actor_name,
		actorOrganisation: plan.actor_organisation,
		comment,
		// A plan sent through the chain again, or a report submitted again after it was returned.
		resubmitted:
			event === 'RESUBMIT' ||
			event === 'AMEND' ||
			(event === 'SUBMIT_REPORT' && from === 'report_returned'),
	}
	// "Waiting for you" names the step now waiting; the others name the step that decided.
	const labelsFor = (template: string) =>
		template === 'plan-submitted'
			? { stepLabel: waitingLabel, nextStepLabel: null }
			: { stepLabel: label(stepIndexOf(from)), nextStepLabel: waitingLabel }

	const told = new Set<string>()
	const messages: {
		recipient: Recipient
		template: string
		props: StoredPlanEmail
	}[] = []
	for (const notice of notices) {
		const audience = recipients.filter(r =>
			'user' in notice.audience
				? r.id === notice.audience.user
				: r.organisation_id === notice.audience.approversOf &&
					r.roles.includes('approver'),
		)
		const to = notice.audience
		if ('approversOf' in to)
			audience.push(
				...substitutes.filter(r => r.organisation_id === to.approversOf),
			)
		for (const recipient of audience) {
			if (told.has(recipient.id)) continue
			told.add(recipient.id)
			messages.push({
				recipient,
				template: notice.template,
				props: {
					...facts,
					...labelsFor(notice.template),
					informational: notice.informational,
				},
			})
		}
	}
	const emails = messages
		.filter(m => !m.props.informational || m.recipient.email_info)
		.map(m => {
			// "Waiting for you" carries approve and return links for this recipient, for this round.
			const links =
				m.template === 'plan-submitted' && stepIndexOf(to) !== null
					? newDecisionLinks({
							approverId: m.recipient.id,
							planId,
							stepStatus: to,
							planVersion: plan.plan_version,
						})
					: null
			return {
				links,
				message: {
					recipient_id: m.recipient.id,
					to_address: m.recipient.email,
					template: m.template,
					props: links ? { ...m.props, decidePaths: links.paths } : m.props,
					plan_id: planId,
					organisation_id: plan.organisation_id,
					dedupe_key: `plan-event:${eventId}:${m.recipient.id}`,
				},
			}
		})
	// The notifications, the emails, their jobs and the links' hashes in one statement.
	await notifyAndEnqueue(trx, {
		notifications: messages.map(m => ({
			user_id: m.recipient.id,
			plan_id: planId,
			kind: m.template,
			params: m.props,
			dedupe_key: `plan-event:${eventId}:${m.recipient.id}`,
		})),
		emails: emails.map(({ message }) => message),
		tokens: emails.flatMap(({ links }) => links?.rows ?? []),
	})
}
