import { type Db } from '#db/client.server.ts'
import {
	findRecipientsAndSubstitutes,
	type NotifiedMessage,
	notifyAndEnqueueMessages,
	type Recipient,
} from '#db/repos/notification.server.ts'
import {
	findPlansWaiting,
	findReportsOwed,
	findTripsNotEnded,
	markLateReminded,
} from '#db/repos/reminder.server.ts'
import { newDecisionLinks } from '#workflows/notify/decision-links.server.ts'
import { findPassportsOwed } from '#db/repos/passport.server.ts'
import { declaredDaysBetween } from '#workflows/calendar/calendar.server.ts'
import {
	type StoredApprovalReminder,
	type StoredPassportReminder,
	type StoredReportReminder,
	type StoredTripEndReminder,
} from '#workflows/notify/render.server.ts'
import {
	approvalPointKey,
	approvalReminderPoint,
	daysBetween,
	DAYS_BEFORE_DUE,
	isIsoDate,
	LATE_RETURN_POINT,
	passportPointKey,
	reminderDedupeKey,
	type ReportReminder,
	reportReminderPoint,
	tripEndReminderPoint,
} from './reminder-points.ts'

type Audience =
	| { user: string }
	| { approversOf: string }
	/** A report owed whose drafter is no longer active: the owning organisation's active drafters. */
	| { draftersOf: string }
	/** A passport overdue: the organisation's admins, who keep the passports. */
	| { adminsOf: string }

/** A plan's drafter, or the owning organisation's active drafters when the drafter has left. */
function drafterOf(plan: {
	drafter_active: boolean
	created_by: string
	organisation_id: string
}): Audience {
	return plan.drafter_active
		? { user: plan.created_by }
		: { draftersOf: plan.organisation_id }
}

interface PlannedReminder {
	planId: string
	organisationId: string
	point: string
	template:
		| 'report-due'
		| 'report-overdue'
		| 'approval-waiting'
		| 'passport-due'
		| 'passport-overdue'
		| 'trip-end-overdue'
	/** In order: a person in two audiences gets the first one's version. */
	audiences: Audience[]
	/** The step the plan waits at and its version there: each of its approvers gets their own approve and return links. */
	decide?: { stepStatus: string; planVersion: number }
	/** A passport's holder with an email in the directory (not a user): an email only, no notification. */
	holder?: { personId: string; email: string; props: StoredPassportReminder }
	props: (
		recipient: Recipient,
		audience: Audience,
	) =>
		| StoredReportReminder
		| StoredApprovalReminder
		| StoredPassportReminder
		| StoredTripEndReminder
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
 * 3 days before, the due date, every 7 days after — the drafter (or, if the drafter is no longer
 * active, the owning organisation's active drafters), and from the second overdue reminder also
 * the owning organisation's approvers; for plans that have waited at a step for a multiple of
 * that organisation's approval_reminder_days, the step's approvers, each with their own one-time
 * approve and return links as in "waiting for you". Substitutes in force today stand in for the
 * approvers they replace. For trips still recorded as under way after their last day (the day
 * after it, then every 7 days), the drafter (or the organisation's drafters), and from the second
 * reminder the organisation's approvers: the report's clock starts only once the end is recorded.
 * Each person gets an in-app notification and an email, both keyed
 * `reminder:<plan>:<point>:<user>`, so running the job again the same day (or after a restart)
 * sends nothing more (and makes no new links).
 *
 * A fixed number of queries however many plans (a select of each kind of reminder, one of the
 * declared days, one of the recipients and their substitutes, one insert of notifications and
 * emails with their jobs and the links' hashes), all in one transaction.
 */
export async function runDailyReminders(
	db: Db,
	today: string,
): Promise<ReminderRun> {
	if (!isIsoDate(today))
		throw new Error(`runDailyReminders expects a YYYY-MM-DD date, got ${today}`)
	if (!db.isTransaction)
		return db.transaction().execute(trx => runDailyReminders(trx, today))

	const soon = { today, soonWorkingDays: DAYS_BEFORE_DUE + 1 }
	const reports = await findReportsOwed(db, soon)
	const waiting = await findPlansWaiting(db, today)
	const passports = await findPassportsOwed(db, soon)
	const tripsNotEnded = await findTripsNotEnded(db, today)
	if (
		!reports.length &&
		!waiting.length &&
		!passports.length &&
		!tripsNotEnded.length
	)
		return { today, reminders: [], emailsQueued: 0 }
	// The declared days from the earliest arrival at a step to the latest due date, in one query.
	const declared = await declaredDaysBetween(
		db,
		[today, ...waiting.map(p => p.arrived_on)].sort()[0]!,
		[
			today,
			...reports.map(p => p.report_due_on!),
			...passports.map(p => p.due_on),
		]
			.sort()
			.at(-1)!,
	)

	const planned: PlannedReminder[] = []
	for (const plan of reports) {
		const reminder = reportReminderPoint(
			plan.report_due_on!,
			today,
			plan.report_late_reminded_on,
			{ unit: plan.report_due_unit ?? 'days', declared },
		)
		if (reminder) planned.push(reportReminder(plan, reminder))
	}
	for (const plan of waiting) {
		const reminder = approvalReminderPoint(
			plan.status_changed_at,
			today,
			plan.approval_reminder_days,
			declared,
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
			decide: { stepStatus: plan.status, planVersion: plan.version },
			props: () => ({
				planId: plan.id,
				planName: plan.name,
				organisationName: plan.organisation_name,
				toStatus: plan.status,
				point,
				stepLabel,
				waitingSince: plan.arrived_on,
				days: reminder.daysWaiting,
				workingDays: true,
				informational: false,
			}),
		})
	}
	for (const passport of passports) {
		const reminder = reportReminderPoint(passport.due_on, today, null, {
			unit: 'working_days',
			declared,
		})
		if (reminder) planned.push(passportReminder(passport, reminder))
	}
	for (const trip of tripsNotEnded) {
		const reminder = tripEndReminderPoint(trip.last_day, today)
		if (reminder) planned.push(tripEndReminder(trip, reminder))
	}
	return sendReminders(db, planned, today)
}

type TripNotEnded = Awaited<ReturnType<typeof findTripsNotEnded>>[number]

/** To the drafter (or the organisation's drafters if they left): record the trip's end; from the second, to the approvers too. */
function tripEndReminder(
	trip: TripNotEnded,
	reminder: NonNullable<ReturnType<typeof tripEndReminderPoint>>,
): PlannedReminder {
	const drafter = drafterOf(trip)
	return {
		planId: trip.id,
		organisationId: trip.organisation_id,
		point: reminder.point,
		template: 'trip-end-overdue',
		audiences: reminder.escalate
			? [drafter, { approversOf: trip.organisation_id }]
			: [drafter],
		props: (_recipient, audience) => ({
			planId: trip.id,
			planName: trip.name,
			organisationName: trip.organisation_name,
			toStatus: trip.status,
			direction: trip.direction,
			point: reminder.point,
			departedOn: trip.departed_on,
			endOn: trip.last_day,
			days: reminder.daysLate,
			escalation: 'approversOf' in audience,
			drafterName: trip.drafter_name,
			drafterInactive: !trip.drafter_active,
			informational: false,
		}),
	}
}

type OwedPassport = Awaited<ReturnType<typeof findPassportsOwed>>[number]

/**
 * A passport out with a trip that returned: the same points as a report (3 days before, the due
 * date, every 7 days late) to the plan's drafter (or the organisation's drafters if they left),
 * and from the second overdue reminder also to the organisation's admins.
 */
function passportReminder(
	passport: OwedPassport,
	reminder: ReportReminder,
): PlannedReminder {
	const drafter = drafterOf(passport)
	const escalate = 'escalate' in reminder && reminder.escalate
	const point = passportPointKey(passport.id, reminder.point)
	const props = (escalation: boolean): StoredPassportReminder => ({
		planId: passport.plan_id,
		planName: passport.plan_name,
		organisationName: passport.organisation_name,
		toStatus: passport.plan_status,
		point,
		passportId: passport.id,
		passportNumber: passport.number,
		holderName: passport.holder_name,
		returnedOn: passport.returned_on,
		dueOn: passport.due_on,
		workingDays: passport.working_days,
		days:
			reminder.template === 'report-overdue'
				? reminder.daysLate
				: reminder.daysLeft,
		escalation,
		drafterName: passport.drafter_name,
		informational: false,
	})
	return {
		planId: passport.plan_id,
		organisationId: passport.organisation_id,
		point,
		template:
			reminder.template === 'report-due' ? 'passport-due' : 'passport-overdue',
		audiences: escalate
			? [drafter, { adminsOf: passport.organisation_id }]
			: [drafter],
		props: (_recipient, audience) => props('adminsOf' in audience),
		holder: passport.holder_email
			? {
					personId: passport.holder_id,
					email: passport.holder_email,
					props: { ...props(false), toHolder: true },
				}
			: undefined,
	}
}

type OwedReport = Awaited<ReturnType<typeof findReportsOwed>>[number]

/** The drafter's reminder of a report owed (or, if the drafter has left, the organisation's drafters'), and from the escalating rounds the approvers'. */
function reportReminder(
	plan: OwedReport,
	reminder:
		| ReportReminder
		| { point: string; template: 'report-overdue'; daysLate: number },
): PlannedReminder {
	const drafter = drafterOf(plan)
	const escalate = 'escalate' in reminder && reminder.escalate
	return {
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
			// The rule the due date follows, when the plan keeps it.
			...(plan.report_due_count && plan.report_due_unit
				? { dueCount: plan.report_due_count, dueUnit: plan.report_due_unit }
				: {}),
			days:
				reminder.template === 'report-overdue'
					? reminder.daysLate
					: reminder.daysLeft,
			escalation: 'approversOf' in audience,
			drafterName: plan.drafter_name,
			drafterInactive: !plan.drafter_active,
			informational: false,
		}),
	}
}

/**
 * A return recorded on `today` after the report's due date: the drafter is reminded at once
 * (an overdue reminder, in the caller's transaction, keyed like the daily ones), and the plan
 * notes the day, from which the next overdue reminders and the escalation are counted.
 * Returns the days the report is late, or null when it is not late.
 */
export async function remindLateReturn(db: Db, planId: string, today: string) {
	const [plan] = await findReportsOwed(db, {
		today,
		soonWorkingDays: 0,
		planId,
	})
	if (!plan?.report_due_on || plan.report_due_on >= today) return null
	const daysLate = daysBetween(plan.report_due_on, today)
	await markLateReminded(db, planId, today)
	await sendReminders(
		db,
		[
			reportReminder(plan, {
				point: LATE_RETURN_POINT,
				template: 'report-overdue',
				daysLate,
			}),
		],
		today,
	)
	return daysLate
}

/**
 * Sends planned reminders: resolves their audiences (substitutes in force today for approvers),
 * then one statement inserts the notifications and emails with their jobs and the decision
 * links' hashes, deduplicated by key.
 */
async function sendReminders(
	db: Db,
	planned: PlannedReminder[],
	today: string,
): Promise<ReminderRun> {
	if (!planned.length) return { today, reminders: [], emailsQueued: 0 }

	const audiences = planned.flatMap(p => p.audiences)
	const ids = (pick: (a: Audience) => string | undefined) => [
		...new Set(audiences.flatMap(a => pick(a) ?? [])),
	]
	// Substitutes in force today stand in for the approvers they replace (same query).
	const { recipients, substitutes } = await findRecipientsAndSubstitutes(
		db,
		{
			approverOrgIds: ids(a =>
				'approversOf' in a ? a.approversOf : undefined,
			),
			drafterOrgIds: ids(a => ('draftersOf' in a ? a.draftersOf : undefined)),
			adminOrgIds: ids(a => ('adminsOf' in a ? a.adminsOf : undefined)),
			userIds: ids(a => ('user' in a ? a.user : undefined)),
		},
		today,
	)
	// Who each audience is, looked up once per audience rather than once per reminder.
	const people = new Map<string, Recipient[]>()
	const add = (key: string, person: Recipient) => {
		const list = people.get(key)
		if (list) list.push(person)
		else people.set(key, [person])
	}
	for (const r of recipients) {
		add(`user:${r.id}`, r)
		for (const role of ['approver', 'drafter', 'admin'])
			if (r.roles.includes(role)) add(`${role}:${r.organisation_id}`, r)
	}
	for (const r of substitutes) add(`approver:${r.organisation_id}`, r)
	const audienceKey = (a: Audience) =>
		'user' in a
			? `user:${a.user}`
			: 'draftersOf' in a
				? `drafter:${a.draftersOf}`
				: 'adminsOf' in a
					? `admin:${a.adminsOf}`
					: `approver:${a.approversOf}`

	const messages: NotifiedMessage[] = []
	const reminders: ReminderRun['reminders'] = []
	for (const reminder of planned) {
		const told = new Set<string>()
		for (const audience of reminder.audiences) {
			for (const recipient of people.get(audienceKey(audience)) ?? []) {
				if (told.has(recipient.id)) continue
				told.add(recipient.id)
				const { decide } = reminder
				const links = decide
					? newDecisionLinks({
							approverId: recipient.id,
							planId: reminder.planId,
							...decide,
						})
					: null
				reminders.push({
					planId: reminder.planId,
					point: reminder.point,
					template: reminder.template,
					userId: recipient.id,
				})
				// Reminders ask the recipient to act: they are sent whatever the "information emails" setting.
				messages.push({
					user_id: recipient.id,
					to_address: recipient.email,
					template: reminder.template,
					props: reminder.props(recipient, audience),
					// The links go in the email only, never in the in-app notification.
					...(links
						? {
								email_props: { decidePaths: links.paths },
								tokens: links.rows,
							}
						: {}),
					plan_id: reminder.planId,
					organisation_id: reminder.organisationId,
					dedupe_key: reminderDedupeKey(
						reminder.planId,
						reminder.point,
						recipient.id,
					),
				})
			}
		}
	}
	const emailsQueued = await notifyAndEnqueueMessages(db, [
		...messages,
		...holderEmails(planned),
	])
	return { today, reminders, emailsQueued }
}

/**
 * The emails of planned reminders to passports' holders who have an email in the directory:
 * a person is not a user, so an email only (sent, retried and shown in their organisation's
 * Outbox like any other), keyed like the users' so each point reaches them once.
 */
function holderEmails(planned: PlannedReminder[]) {
	return planned.flatMap(({ holder, ...reminder }) =>
		holder
			? [
					{
						user_id: null,
						person_id: holder.personId,
						to_address: holder.email,
						template: reminder.template,
						props: holder.props,
						plan_id: reminder.planId,
						organisation_id: reminder.organisationId,
						dedupe_key: reminderDedupeKey(
							reminder.planId,
							reminder.point,
							`person:${holder.personId}`,
						),
					},
				]
			: [],
	)
}
