import { type Db } from '#db/client.server.ts'
import {
	findRecipientsAndSubstitutes,
	notifyAndEnqueue,
} from '#db/repos/notification.server.ts'
import { findResponsesOwed } from '#db/repos/report-response.server.ts'
import { type StoredRequestReminder } from '#workflows/notify/render.server.ts'
import {
	addDays,
	DAYS_BEFORE_DUE,
	isIsoDate,
	reportReminderPoint,
} from '#workflows/reminders/reminder-points.ts'

export function requestReminderKey(
	responseId: string,
	point: string,
	userId: string,
) {
	return `reminder:request:${responseId}:${point}:${userId}`
}

/**
 * The daily reminders of report requests for `today`, on the same points as post-trip reports
 * (3 days before the due date, the due date, every 7 days after; from the second overdue one the
 * organisation's approvers too): to the drafters of every organisation that has not submitted.
 * An in-app notification and an email each, keyed per (answer, point, person), so a second run
 * sends nothing more. Three queries, however many requests, in the caller's transaction.
 */
export async function runRequestReminders(
	db: Db,
	today: string,
): Promise<{ reminders: number; emailsQueued: number }> {
	if (!isIsoDate(today))
		throw new Error(
			`runRequestReminders expects a YYYY-MM-DD date, got ${today}`,
		)
	if (!db.isTransaction)
		return db.transaction().execute(trx => runRequestReminders(trx, today))
	const owed = await findResponsesOwed(db, {
		today,
		dueSoon: addDays(today, DAYS_BEFORE_DUE),
	})
	const planned = owed.flatMap(r => {
		const point = reportReminderPoint(r.due_on, today)
		return point ? [{ response: r, point }] : []
	})
	if (!planned.length) return { reminders: 0, emailsQueued: 0 }
	const orgIds = [...new Set(planned.map(p => p.response.organisation_id))]
	const { recipients } = await findRecipientsAndSubstitutes(
		db,
		{ approverOrgIds: orgIds, drafterOrgIds: orgIds, userIds: [] },
		today,
	)
	const messages = planned.flatMap(({ response, point }) => {
		const escalate = 'escalate' in point && point.escalate
		const overdue = point.template === 'report-overdue'
		return recipients
			.filter(
				p =>
					p.organisation_id === response.organisation_id &&
					(p.roles.includes('drafter') ||
						(escalate && p.roles.includes('approver'))),
			)
			.map(person => {
				const props: StoredRequestReminder = {
					requestId: response.request_id,
					responseId: response.id,
					title: response.title,
					numberSymbol: response.number_symbol,
					issuerName: response.issuer_name,
					dueOn: response.due_on,
					days: 'daysLate' in point ? point.daysLate : point.daysLeft,
					overdue,
					escalation: !person.roles.includes('drafter'),
				}
				return {
					person,
					props,
					kind: overdue ? 'request-overdue' : 'request-due',
					key: requestReminderKey(response.id, point.point, person.id),
					organisationId: response.organisation_id,
				}
			})
	})
	const queued = await notifyAndEnqueue(db, {
		notifications: messages.map(m => ({
			user_id: m.person.id,
			plan_id: null,
			kind: m.kind,
			params: m.props,
			dedupe_key: m.key,
		})),
		emails: messages.map(m => ({
			recipient_id: m.person.id,
			to_address: m.person.email,
			template: 'request-reminder',
			props: m.props,
			organisation_id: m.organisationId,
			dedupe_key: m.key,
		})),
	})
	return { reminders: messages.length, emailsQueued: queued.length }
}
