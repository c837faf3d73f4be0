import { type Db } from '#db/client.server.ts'
import {
	findRecipients,
	notifyAndEnqueue,
	type Recipient,
} from '#db/repos/notification.server.ts'
import { findPlansWaiting, findReportsOwed } from '#db/repos/reminder.server.ts'
import {
	type StoredApprovalReminder,
	type StoredReportReminder,
} from '#workflows/notify/render.server.ts'
import {
	addDays,
	approvalPointKey,
	approvalReminderPoint,
	dateInVietnam,
	DAYS_BEFORE_DUE,
	isIsoDate,
	reminderDedupeKey,
	reminderInstant,
	reportReminderPoint,
} from './reminder-points.ts'

type Audience = { user: string } | { approversOf: string }

interface PlannedReminder {
	planId: string
	organisationId: string
	point: string
	template: 'report-due' | 'report-overdue' | 'approval-waiting'
	/** In order: a person in two audiences gets the first one's version. */
	audiences: Audience[]
	props: (
		recipient: Recipient,
		audience: Audience,
	) => StoredReportReminder | StoredApprovalReminder
}

export interface ReminderRun {
	today: string
	/** One per (plan, point, person) that is due today, whether or not an earlier run already sent it. */
	reminders: {
		planId: string
		point: string
		template: PlannedReminder['template']
		userId: string
	}[]
	/** Emails queued by this run (0 when the day's reminders had already been sent). */
	emailsQueued: number
}

/**
 * The daily reminders for `today` ('YYYY-MM-DD', the date in Asia/Ho_Chi_Minh; the caller is the
 * clock). For reports owed (trip_done, report_returned) whose due date makes today a point —
 * 3 days before, the due date, every 7 days after — the drafter, and from the second overdue
 * reminder also the owning organisation's approvers; for plans that have waited at a step for a
 * multiple of that organisation's approval_reminder_days, the step's approvers. Each person gets
 * an in-app notification and an email, both keyed `reminder:<plan>:<point>:<user>`, so running
 * the job again the same day (or after a restart) sends nothing more.
 *
 * A fixed number of queries however many plans (two selects, one for the recipients, one insert
 * of notifications and emails with their jobs), all in one transaction.
 */
export async function runDailyReminders(
	db: Db,
	today: string,
): Promise<ReminderRun> {
	if (!isIsoDate(today))
		throw new Error(`runDailyReminders expects a YYYY-MM-DD date, got ${today}`)
	if (!db.isTransaction)
		return db.transaction().execute(trx => runDailyReminders(trx, today))

	const reports = await findReportsOwed(db, {
		today,
		dueSoon: addDays(today, DAYS_BEFORE_DUE),
	})
	const waiting = await findPlansWaiting(db, reminderInstant(today))

	const planned: PlannedReminder[] = []
	for (const plan of reports) {
		const reminder = reportReminderPoint(plan.report_due_on!, today)
		if (!reminder) continue
		const drafter = { user: plan.created_by }
		const escalate = reminder.template === 'report-overdue' && reminder.escalate
		planned.push({
			planId: plan.id,
			organisationId: plan.organisation_id,
			point: reminder.point,
			template: reminder.template,
			audiences: escalate
				? [drafter, { approversOf: plan.organisation_id }]
				: [drafter],
			props: (_recipient, audience) => ({
				planId: plan.id,
				planName: plan.name,
				organisationName: plan.organisation_name,
				toStatus: plan.status,
				point: reminder.point,
				returnedOn: plan.returned_on,
				dueOn: plan.report_due_on!,
				days:
					reminder.template === 'report-overdue'
						? reminder.daysLate
						: reminder.daysLeft,
				escalation: 'approversOf' in audience,
				drafterName: plan.drafter_name,
				informational: false,
			}),
		})
	}
	for (const plan of waiting) {
		const reminder = approvalReminderPoint(
			plan.status_changed_at,
			today,
			plan.approval_reminder_days,
		)
		if (!reminder) continue
		const point = approvalPointKey(
			plan.status,
			plan.status_changed_at,
			reminder.round,
		)
		const stepLabel = {
			vi: plan.step_label_vi || plan.step_organisation_name,
			en: plan.step_label_en ?? '',
		}
		planned.push({
			planId: plan.id,
			organisationId: plan.organisation_id,
			point,
			template: 'approval-waiting',
			audiences: [{ approversOf: plan.step_organisation_id! }],
			props: () => ({
				planId: plan.id,
				planName: plan.name,
				organisationName: plan.organisation_name,
				toStatus: plan.status,
				point,
				stepLabel,
				waitingSince: dateInVietnam(plan.status_changed_at),
				days: reminder.daysWaiting,
				informational: false,
			}),
		})
	}
	if (!planned.length) return { today, reminders: [], emailsQueued: 0 }

	const audiences = planned.flatMap(p => p.audiences)
	const recipients = await findRecipients(db, {
		approverOrgIds: [
			...new Set(
				audiences.flatMap(a => ('approversOf' in a ? [a.approversOf] : [])),
			),
		],
		userIds: [
			...new Set(audiences.flatMap(a => ('user' in a ? [a.user] : []))),
		],
	})

	const messages: {
		reminder: PlannedReminder
		recipient: Recipient
		props: StoredReportReminder | StoredApprovalReminder
		key: string
	}[] = []
	for (const reminder of planned) {
		const told = new Set<string>()
		for (const audience of reminder.audiences) {
			const people = recipients.filter(r =>
				'user' in audience
					? r.id === audience.user
					: r.organisation_id === audience.approversOf &&
						r.roles.includes('approver'),
			)
			for (const recipient of people) {
				if (told.has(recipient.id)) continue
				told.add(recipient.id)
				messages.push({
					reminder,
					recipient,
					props: reminder.props(recipient, audience),
					key: reminderDedupeKey(reminder.planId, reminder.point, recipient.id),
				})
			}
		}
	}

	// Reminders ask the recipient to act: they are sent whatever the "information emails" setting.
	// Notifications, emails and their jobs in one statement.
	const queued = await notifyAndEnqueue(db, {
		notifications: messages.map(m => ({
			user_id: m.recipient.id,
			plan_id: m.reminder.planId,
			kind: m.reminder.template,
			params: m.props,
			dedupe_key: m.key,
		})),
		emails: messages.map(m => ({
			recipient_id: m.recipient.id,
			to_address: m.recipient.email,
			template: m.reminder.template,
			props: m.props,
			plan_id: m.reminder.planId,
			organisation_id: m.reminder.organisationId,
			dedupe_key: m.key,
		})),
	})
	return {
		today,
		reminders: messages.map(m => ({
			planId: m.reminder.planId,
			point: m.reminder.point,
			template: m.reminder.template,
			userId: m.recipient.id,
		})),
		emailsQueued: queued.length,
	}
}
