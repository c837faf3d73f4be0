import { appUrl } from '#workflows/notify/email.server.ts'
import { formatIsoDate } from '#lib/format.ts'
import { type DueUnit } from '#lib/enums.ts'
import { translator } from '#lib/i18n/index.ts'
import { type Locale, type Role } from '#db/schema.ts'
import { type EmailTemplate, renderEmail } from '#emails/index.ts'
import { timeLeft } from '#workflows/passports/passport-rules.ts'

/** What a plan email stores at enqueue time: facts only, in both languages where they differ. */
export interface StoredPlanEmail {
	planId: string
	planName: string
	organisationName: string
	toStatus: string
	/** For "waiting for you": the step now waiting; otherwise the step that decided. */
	stepLabel: { vi: string; en: string } | null
	nextStepLabel: { vi: string; en: string } | null
	/** The step the plan waits at after the event, if any. */
	waitingLabel: { vi: string; en: string } | null
	actorName: string
	actorOrganisation: string
	comment: string | null
	resubmitted: boolean
	informational: boolean
	/**
	 * "Waiting for you" to an approver: the paths of their one-time approve and return links.
	 * Only in the email's props (never in the in-app notification), and dropped once sent by SMTP.
	 */
	decidePaths?: DecidePaths | null
}

/** The paths of one approver's one-time approve and return links (see decision-links.server.ts). */
export interface DecidePaths {
	approve: string
	return: string
}

/** What every email about a report request's answer stores: the request and the answer. */
interface StoredRequestEmail {
	requestId: string
	responseId: string
	title: string
	numberSymbol: string
	issuerName: string
	/** 'YYYY-MM-DD' */
	dueOn: string
}

/** A report request's reminder as stored (workflows/requests/reminders.server.ts). */
export interface StoredRequestReminder extends StoredRequestEmail {
	days: number
	overdue: boolean
	escalation: boolean
}

/** A returned answer to a report request as stored (workflows/requests/answer.server.ts). */
export interface StoredRequestReturned extends StoredRequestEmail {
	comment: string
}

/** A report reminder (report-due, report-overdue) as stored: dates 'YYYY-MM-DD'. */
export interface StoredReportReminder {
	planId: string
	planName: string
	organisationName: string
	toStatus: string
	/** 'before' | 'due' | 'overdue-k' */
	point: string
	returnedOn: string | null
	dueOn: string
	/** The rule the due date was computed with (absent on reminders stored before it was kept). */
	dueCount?: number | null
	dueUnit?: DueUnit | null
	/** report-due: days left (0 on the due date), working days for a working-day rule; report-overdue: days late. */
	days: number
	/** To the owning organisation's approvers rather than the drafter. */
	escalation: boolean
	drafterName: string
	/** The drafter is no longer active: to the owning organisation's drafters in their place. */
	drafterInactive?: boolean
	informational: false
}

/** A reminder that a trip's end is not recorded (trip-end-overdue) as stored: dates 'YYYY-MM-DD'. */
export interface StoredTripEndReminder {
	planId: string
	planName: string
	organisationName: string
	toStatus: string
	direction: 'out' | 'in'
	point: string
	departedOn: string | null
	/** The trip's last day, as planned. */
	endOn: string
	/** Days since the last day. */
	days: number
	/** To the owning organisation's approvers rather than the drafter. */
	escalation: boolean
	drafterName: string
	drafterInactive: boolean
	informational: false
}

/** A passport reminder (passport-due, passport-overdue) as stored: dates 'YYYY-MM-DD'. */
export interface StoredPassportReminder {
	planId: string
	planName: string
	organisationName: string
	toStatus: string
	point: string
	passportId: string
	passportNumber: string
	holderName: string
	returnedOn: string
	dueOn: string
	workingDays: number
	/** passport-due: days left (0 on the due date); passport-overdue: days late. */
	days: number
	/** To the organisation's admins rather than the drafter. */
	escalation: boolean
	drafterName: string
	informational: false
	/** To the holder (a person of the directory, not a user) about their own passport. */
	toHolder?: boolean
}

/** The weekly list of passports expiring within 6 months, as stored: dates 'YYYY-MM-DD'. */
export interface StoredPassportsExpiring {
	organisationName: string
	/** The Monday of the week the list is for, and the day it was made. */
	weekOf: string
	today: string
	until: string
	count: number
	expired: number
	passports: {
		passportId: string
		holderName: string
		number: string
		kind: string
		expiresOn: string
		state: string
		planName: string | null
	}[]
	/** To a holder about their own passport(s), not to the organisation's admins. */
	toHolder: boolean
}

/** An approval-waiting reminder as stored. */
export interface StoredApprovalReminder {
	planId: string
	planName: string
	organisationName: string
	toStatus: string
	point: string
	stepLabel: { vi: string; en: string } | null
	/** 'YYYY-MM-DD': the day the plan reached the step. */
	waitingSince: string
	/** Working days waited (calendar days in reminders stored before they counted working days). */
	days: number
	workingDays?: boolean
	informational: false
	/** As in "waiting for you": the approver's one-time links, in the email only, dropped once sent. */
	decidePaths?: DecidePaths | null
}

export interface StoredAccountEmail {
	email: string
	organisationName: string
	roles: Role[]
}

export interface StoredResetEmail {
	resetPath: string
	expiresMinutes: number
}

function decideUrls(paths: DecidePaths | null | undefined) {
	return paths
		? { approve: appUrl(paths.approve), return: appUrl(paths.return) }
		: null
}

function pick(label: { vi: string; en: string } | null, locale: Locale) {
	return label ? (locale === 'en' && label.en ? label.en : label.vi) : null
}

function requestEmailFields(props: StoredRequestEmail) {
	return {
		title: props.title,
		numberSymbol: props.numberSymbol,
		issuerName: props.issuerName,
		dueDate: formatIsoDate(props.dueOn),
		answerUrl: appUrl(
			`/requests/${props.requestId}/responses/${props.responseId}`,
		),
	}
}

/** Turns a stored message into subject, HTML and text in the recipient's language. */
export async function renderStoredEmail(message: {
	template: string
	props: unknown
	recipient_name: string | null
	recipient_locale: Locale | null
}) {
	const locale = message.recipient_locale ?? 'vi'
	const t = translator(locale)
	const recipientName = message.recipient_name ?? ''
	const template = message.template as EmailTemplate
	if (template === 'account-created') {
		const props = message.props as StoredAccountEmail
		return renderEmail(template, {
			locale,
			recipientName,
			email: props.email,
			organisationName: props.organisationName,
			roles: props.roles.map(role => t(`role.${role}`)),
			signInUrl: appUrl('/login'),
		})
	}
	if (template === 'password-reset') {
		const props = message.props as StoredResetEmail
		return renderEmail(template, {
			locale,
			recipientName,
			resetUrl: appUrl(props.resetPath),
			expiresMinutes: props.expiresMinutes,
		})
	}
	if (template === 'report-due' || template === 'report-overdue') {
		const props = message.props as StoredReportReminder
		return renderEmail(template, {
			locale,
			recipientName,
			planName: props.planName,
			organisationName: props.organisationName,
			statusLabel: t(`status.${props.toStatus}`),
			returnedOn: props.returnedOn ? formatIsoDate(props.returnedOn) : null,
			dueDate: formatIsoDate(props.dueOn),
			dueRule:
				props.dueCount && props.dueUnit
					? { days: props.dueCount, unit: props.dueUnit }
					: null,
			days: props.days,
			escalation: props.escalation,
			drafterName: props.drafterName,
			drafterInactive: props.drafterInactive ?? false,
			planUrl: appUrl(`/plans/${props.planId}`),
		})
	}
	if (template === 'trip-end-overdue') {
		const props = message.props as StoredTripEndReminder
		return renderEmail(template, {
			locale,
			recipientName,
			planName: props.planName,
			organisationName: props.organisationName,
			statusLabel: t(`status.${props.toStatus}`),
			actionLabel: t(
				props.direction === 'in'
					? 'plan.action.complete_trip.in'
					: 'plan.action.complete_trip',
			),
			departedOn: props.departedOn ? formatIsoDate(props.departedOn) : null,
			endDate: formatIsoDate(props.endOn),
			days: props.days,
			escalation: props.escalation,
			drafterName: props.drafterName,
			drafterInactive: props.drafterInactive,
			planUrl: appUrl(`/plans/${props.planId}`),
		})
	}
	if (template === 'passport-due' || template === 'passport-overdue') {
		const props = message.props as StoredPassportReminder
		return renderEmail(template, {
			locale,
			recipientName,
			planName: props.planName,
			organisationName: props.organisationName,
			statusLabel: t(`status.${props.toStatus}`),
			holderName: props.holderName,
			passportNumber: props.passportNumber,
			returnedOn: formatIsoDate(props.returnedOn),
			dueDate: formatIsoDate(props.dueOn),
			workingDays: props.workingDays,
			days: props.days,
			escalation: props.escalation,
			drafterName: props.drafterName,
			toHolder: props.toHolder ?? false,
			passportUrl: props.toHolder
				? null
				: appUrl(`/passports/${props.passportId}`),
		})
	}
	if (template === 'passports-expiring') {
		const props = message.props as StoredPassportsExpiring
		return renderEmail(template, {
			locale,
			recipientName,
			organisationName: props.organisationName,
			today: formatIsoDate(props.today),
			until: formatIsoDate(props.until),
			passports: props.passports.map(p => {
				const left = timeLeft(props.today, p.expiresOn)
				const n = { months: left.months, days: left.days }
				return {
					holderName: p.holderName,
					number: p.number,
					kind: t(`passport.${p.kind}`),
					expiresOn: formatIsoDate(p.expiresOn),
					expired: left.expired,
					timeLeft: left.expired
						? t('email.passportsExpiring.expired')
						: left.months && left.days
							? t('email.passportsExpiring.leftMonthsDays', n)
							: left.months
								? t('email.passportsExpiring.leftMonths', n)
								: left.days
									? t('email.passportsExpiring.leftDays', n)
									: t('email.passportsExpiring.expiresToday'),
					whereabouts:
						p.state === 'out'
							? t('email.passportsExpiring.out', { plan: p.planName ?? '' })
							: t('email.passportsExpiring.inSafe'),
				}
			}),
			toHolder: props.toHolder,
			listUrl: props.toHolder ? null : appUrl('/passports'),
		})
	}
	if (template === 'request-reminder') {
		const props = message.props as StoredRequestReminder
		return renderEmail(template, {
			locale,
			recipientName,
			...requestEmailFields(props),
			days: props.days,
			overdue: props.overdue,
		})
	}
	if (template === 'request-returned') {
		const props = message.props as StoredRequestReturned
		return renderEmail(template, {
			locale,
			recipientName,
			...requestEmailFields(props),
			comment: props.comment,
		})
	}
	if (template === 'approval-waiting') {
		const props = message.props as StoredApprovalReminder
		const stepLabel = pick(props.stepLabel, locale)
		return renderEmail(template, {
			locale,
			recipientName,
			planName: props.planName,
			organisationName: props.organisationName,
			statusLabel: t('status.step', { label: stepLabel ?? '' }),
			stepLabel,
			waitingSince: formatIsoDate(props.waitingSince),
			days: props.days,
			planUrl: appUrl(`/plans/${props.planId}`),
			decideUrls: decideUrls(props.decidePaths),
		})
	}
	const props = message.props as StoredPlanEmail
	const stepLabel = pick(props.stepLabel, locale)
	const statusLabel = props.toStatus.startsWith('step_')
		? t('status.step', { label: pick(props.waitingLabel, locale) ?? '' })
		: t(`status.${props.toStatus}`)
	return renderEmail(template, {
		locale,
		recipientName,
		planName: props.planName,
		organisationName: props.organisationName,
		statusLabel,
		stepLabel,
		nextStepLabel: pick(props.nextStepLabel, locale),
		actorName: props.actorName,
		actorOrganisation: props.actorOrganisation,
		comment: props.comment,
		resubmitted: props.resubmitted,
		planUrl: appUrl(`/plans/${props.planId}`),
		informational: props.informational,
		decideUrls: decideUrls(props.decidePaths),
	})
}

/**
 * The props of a message without its one-time decision links, or null if it has none. Once a
 * message has left by SMTP, the copy kept for the Outbox must not let anyone who reads it decide.
 */
export function withoutDecisionLinks(props: unknown) {
	const email = props as { decidePaths?: DecidePaths | null } | null
	if (!email?.decidePaths) return null
	const { decidePaths: _links, ...rest } = email
	return rest
}
