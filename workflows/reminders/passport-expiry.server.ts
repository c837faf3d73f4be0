import { type Db } from '#db/client.server.ts'
import {
	findRecipients,
	notifyAndEnqueue,
} from '#db/repos/notification.server.ts'
import { findPassportsExpiring } from '#db/repos/passport.server.ts'
import {
	addMonths,
	EXPIRING_WITHIN_MONTHS,
} from '#workflows/passports/passport-rules.ts'
import { type StoredPassportsExpiring } from '#workflows/notify/render.server.ts'
import { addDays, isIsoDate } from './reminder-points.ts'

/** The template (and the in-app notification's kind) of the weekly list. */
export const PASSPORTS_EXPIRING = 'passports-expiring'

/** The Monday of the ISO week `today` ('YYYY-MM-DD') falls in. */
export function mondayOf(today: string) {
	const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() // 0 = Sunday
	return addDays(today, -((weekday + 6) % 7))
}

/** One list per organisation and ISO week (its Monday) and recipient: a user, or a holder who is not one. */
export function expiringDedupeKey(
	organisationId: string,
	weekOf: string,
	recipient: { userId: string } | { personId: string },
) {
	const who =
		'userId' in recipient ? recipient.userId : `person:${recipient.personId}`
	return `passports-expiring:${organisationId}:${weekOf}:${who}`
}

export interface ExpiryRun {
	weekOf: string
	/** The organisations that have passports to list, with how many. */
	organisations: { organisationId: string; passports: number }[]
	/** Emails queued by this run (0 once the week's lists have gone out). */
	emailsQueued: number
}

/**
 * The weekly list of passports that expire within 6 months (or have expired), for `today`
 * ('YYYY-MM-DD' in Asia/Ho_Chi_Minh; the daily job is the clock). Every organisation that keeps
 * such passports (in the safe or out with a trip; lost and cancelled ones are not listed) sends
 * its active admins, who keep the passports, one in-app notification and one email listing
 * them; each holder with an email in the directory gets one email listing their own. Nothing
 * goes to an organisation with none. The dedupe keys name the organisation and the Monday of
 * the ISO week, so the first run of the week (on Monday, or the first day after it the job
 * runs) sends the lists and every later run that week sends nothing.
 *
 * Three queries whatever the number of organisations and passports (the passports, the admins,
 * one insert of notifications and emails with their jobs), in one transaction.
 */
export async function runWeeklyPassportExpiry(
	db: Db,
	today: string,
): Promise<ExpiryRun> {
	if (!isIsoDate(today))
		throw new Error(
			`runWeeklyPassportExpiry expects a YYYY-MM-DD date, got ${today}`,
		)
	if (!db.isTransaction)
		return db.transaction().execute(trx => runWeeklyPassportExpiry(trx, today))

	const weekOf = mondayOf(today)
	const until = addMonths(today, EXPIRING_WITHIN_MONTHS)
	const rows = await findPassportsExpiring(db, { until })
	if (!rows.length) return { weekOf, organisations: [], emailsQueued: 0 }

	const byOrganisation = new Map<string, typeof rows>()
	for (const row of rows) {
		const list = byOrganisation.get(row.organisation_id) ?? []
		list.push(row)
		byOrganisation.set(row.organisation_id, list)
	}
	const admins = await findRecipients(db, {
		approverOrgIds: [],
		adminOrgIds: [...byOrganisation.keys()],
		userIds: [],
	})

	const list = (
		passports: typeof rows,
		toHolder: boolean,
	): StoredPassportsExpiring => ({
		organisationName: passports[0]!.organisation_name,
		weekOf,
		today,
		until,
		count: passports.length,
		expired: passports.filter(p => p.expires_on < today).length,
		passports: passports.map(p => ({
			passportId: p.id,
			holderName: p.holder_name,
			number: p.number,
			kind: p.kind,
			expiresOn: p.expires_on,
			state: p.state,
			planName: p.plan_name,
		})),
		toHolder,
	})

	const notifications: Parameters<typeof notifyAndEnqueue>[1]['notifications'] =
		[]
	const emails: Parameters<typeof notifyAndEnqueue>[1]['emails'] = []
	for (const [organisationId, passports] of byOrganisation) {
		const props = list(passports, false)
		for (const admin of admins) {
			if (
				admin.organisation_id !== organisationId ||
				!admin.roles.includes('admin')
			)
				continue
			const key = expiringDedupeKey(organisationId, weekOf, {
				userId: admin.id,
			})
			notifications.push({
				user_id: admin.id,
				plan_id: null,
				kind: PASSPORTS_EXPIRING,
				params: {
					organisationName: props.organisationName,
					count: props.count,
					expired: props.expired,
					weekOf,
					until,
				},
				dedupe_key: key,
			})
			emails.push({
				recipient_id: admin.id,
				to_address: admin.email,
				template: PASSPORTS_EXPIRING,
				props,
				organisation_id: organisationId,
				dedupe_key: key,
			})
		}
		// Each holder with an email: their own passports only.
		const holders = new Map<string, typeof rows>()
		for (const p of passports)
			if (p.holder_email)
				holders.set(p.holder_id, [...(holders.get(p.holder_id) ?? []), p])
		for (const [personId, own] of holders)
			emails.push({
				recipient_id: null,
				person_id: personId,
				to_address: own[0]!.holder_email!,
				template: PASSPORTS_EXPIRING,
				props: list(own, true),
				organisation_id: organisationId,
				dedupe_key: expiringDedupeKey(organisationId, weekOf, { personId }),
			})
	}
	const queued = await notifyAndEnqueue(db, { notifications, emails })
	return {
		weekOf,
		organisations: [...byOrganisation].map(([organisationId, p]) => ({
			organisationId,
			passports: p.length,
		})),
		emailsQueued: queued.length,
	}
}
