import { render } from '@react-email/render'
import { createElement, type ReactElement } from 'react'
import AccountCreated, {
	subject as accountCreatedSubject,
} from './account-created.tsx'
import { emailTranslator } from './components/i18n.ts'
import PasswordReset, {
	subject as passwordResetSubject,
} from './password-reset.tsx'
import PlanApproved, {
	subject as planApprovedSubject,
} from './plan-approved.tsx'
import PlanRejected, {
	subject as planRejectedSubject,
} from './plan-rejected.tsx'
import PlanReturned, {
	subject as planReturnedSubject,
} from './plan-returned.tsx'
import PlanStepApproved, {
	subject as planStepApprovedSubject,
} from './plan-step-approved.tsx'
import PlanSubmitted, {
	subject as planSubmittedSubject,
} from './plan-submitted.tsx'
import ApprovalWaiting, {
	subject as approvalWaitingSubject,
} from './approval-waiting.tsx'
import ReportAcknowledged, {
	subject as reportAcknowledgedSubject,
} from './report-acknowledged.tsx'
import ReportDue, { subject as reportDueSubject } from './report-due.tsx'
import ReportOverdue, {
	subject as reportOverdueSubject,
} from './report-overdue.tsx'
import PassportDue, { subject as passportDueSubject } from './passport-due.tsx'
import PassportOverdue, {
	subject as passportOverdueSubject,
} from './passport-overdue.tsx'
import ReportReturned, {
	subject as reportReturnedSubject,
} from './report-returned.tsx'
import PassportsExpiring, {
	subject as passportsExpiringSubject,
} from './passports-expiring.tsx'
import RequestReturned, {
	subject as requestReturnedSubject,
} from './request-returned.tsx'
import RequestReminder, {
	subject as requestReminderSubject,
} from './request-reminder.tsx'
import ReportSubmitted, {
	subject as reportSubmittedSubject,
} from './report-submitted.tsx'
import TripEndOverdue, {
	subject as tripEndOverdueSubject,
} from './trip-end-overdue.tsx'

export type EmailTemplate =
	| 'plan-submitted'
	| 'plan-step-approved'
	| 'plan-returned'
	| 'plan-rejected'
	| 'plan-approved'
	| 'account-created'
	| 'password-reset'
	| 'report-due'
	| 'report-overdue'
	| 'approval-waiting'
	| 'report-submitted'
	| 'report-returned'
	| 'report-acknowledged'
	| 'passport-due'
	| 'passport-overdue'
	| 'passports-expiring'
	| 'request-reminder'
	| 'request-returned'
	| 'trip-end-overdue'

export interface PlanEmailProps {
	locale: 'vi' | 'en'
	recipientName: string
	planName: string
	organisationName: string
	statusLabel: string
	stepLabel?: string | null
	nextStepLabel?: string | null
	actorName: string
	actorOrganisation: string
	comment?: string | null
	resubmitted?: boolean
	planUrl: string
	informational: boolean
	/** "Waiting for you" to an approver: one-time links that open the decision's confirmation page. */
	decideUrls?: { approve: string; return: string } | null
}

export interface AccountCreatedProps {
	locale: 'vi' | 'en'
	recipientName: string
	email: string
	organisationName: string
	/** Already translated into `locale`. */
	roles: string[]
	signInUrl: string
}

export interface PasswordResetProps {
	locale: 'vi' | 'en'
	recipientName: string
	resetUrl: string
	expiresMinutes: number
}

/** A reminder that a post-trip report is due soon, today, or overdue. Dates are already dd/mm/yyyy. */
export interface ReportReminderProps {
	locale: 'vi' | 'en'
	recipientName: string
	planName: string
	organisationName: string
	statusLabel: string
	returnedOn: string | null
	dueDate: string
	/** The rule the due date follows ("15 ngày sau ngày về"); null for due dates set before it was kept. */
	dueRule?: { days: number; unit: 'days' | 'working_days' } | null
	/** report-due: days left (0 on the due date), working days for a working-day rule; report-overdue: days late. */
	days: number
	/** To the owning organisation's approvers (from the second overdue reminder), not the drafter. */
	escalation: boolean
	drafterName: string
	/** The drafter is no longer active: sent to the organisation's drafters in their place. */
	drafterInactive?: boolean
	planUrl: string
}

/** A reminder that a trip past its last day is still recorded as under way. Dates are dd/mm/yyyy. */
export interface TripEndReminderProps {
	locale: 'vi' | 'en'
	recipientName: string
	planName: string
	organisationName: string
	statusLabel: string
	/** The plan page's button that records the end ("Ghi nhận đoàn về", or for guests "… rời đi"). */
	actionLabel: string
	departedOn: string | null
	/** The trip's last day, as planned. */
	endDate: string
	/** Days since the last day. */
	days: number
	/** To the owning organisation's approvers (from the second reminder), not the drafter. */
	escalation: boolean
	drafterName: string
	/** The drafter is no longer active: sent to the organisation's drafters in their place. */
	drafterInactive?: boolean
	planUrl: string
}

/** A reminder that a passport out with a trip is due back soon, today, or overdue. Dates are dd/mm/yyyy. */
export interface PassportReminderProps {
	locale: 'vi' | 'en'
	recipientName: string
	planName: string
	organisationName: string
	statusLabel: string
	holderName: string
	passportNumber: string
	returnedOn: string
	dueDate: string
	/** The organisation's setting: working days after the return. */
	workingDays: number
	/** passport-due: days left (0 on the due date); passport-overdue: days late. */
	days: number
	/** To the organisation's admins (from the second overdue reminder), not the drafter. */
	escalation: boolean
	drafterName: string
	/** To the holder (a person of the directory, not a user): their own passport, no link to the app. */
	toHolder?: boolean
	/** The passport's page; null in the holder's copy (they cannot sign in). */
	passportUrl: string | null
}

/** One passport of the weekly list of those expiring within 6 months. Texts already translated, dates dd/mm/yyyy. */
export interface ExpiringPassportLine {
	holderName: string
	number: string
	kind: string
	expiresOn: string
	/** "còn 4 tháng 12 ngày", or "đã hết hạn". */
	timeLeft: string
	expired: boolean
	/** "Trong tủ", or "Đang giao cho chuyến đi “…”". */
	whereabouts: string
}

/** The weekly list of an organisation's passports expiring within 6 months (or expired). */
export interface PassportsExpiringProps {
	locale: 'vi' | 'en'
	recipientName: string
	organisationName: string
	/** dd/mm/yyyy: the day the list was made, and 6 months after it. */
	today: string
	until: string
	passports: ExpiringPassportLine[]
	/** To a holder about their own passport(s), rather than to the organisation's admins. */
	toHolder: boolean
	/** The passports page, for the admins; null in the holder's copy. */
	listUrl: string | null
}

/** A reminder to a step's approvers that a plan has waited for them. */
export interface ApprovalWaitingProps {
	locale: 'vi' | 'en'
	recipientName: string
	planName: string
	organisationName: string
	statusLabel: string
	stepLabel: string | null
	/** dd/mm/yyyy */
	waitingSince: string
	days: number
	planUrl: string
	/** The approver's one-time links, as in "waiting for you". */
	decideUrls?: { approve: string; return: string } | null
}

/** What every email about an answer to a report request shows. Dates dd/mm/yyyy. */
interface RequestEmailProps {
	locale: 'vi' | 'en'
	recipientName: string
	title: string
	numberSymbol: string
	issuerName: string
	dueDate: string
	answerUrl: string
}

/** A reminder that the answer to a report request is due soon, today, or overdue. */
export interface RequestReminderProps extends RequestEmailProps {
	/** Days left (0 on the due date), or days late when `overdue`. */
	days: number
	overdue: boolean
}

/** The issuer returned an answer to a report request. */
export interface RequestReturnedProps extends RequestEmailProps {
	comment: string
}

export type EmailProps = {
	'plan-submitted': PlanEmailProps
	'plan-step-approved': PlanEmailProps
	'plan-returned': PlanEmailProps
	'plan-rejected': PlanEmailProps
	'plan-approved': PlanEmailProps
	'account-created': AccountCreatedProps
	'password-reset': PasswordResetProps
	'report-due': ReportReminderProps
	'report-overdue': ReportReminderProps
	'approval-waiting': ApprovalWaitingProps
	'report-submitted': PlanEmailProps
	'report-returned': PlanEmailProps
	'report-acknowledged': PlanEmailProps
	'passport-due': PassportReminderProps
	'passport-overdue': PassportReminderProps
	'passports-expiring': PassportsExpiringProps
	'request-reminder': RequestReminderProps
	'request-returned': RequestReturnedProps
	'trip-end-overdue': TripEndReminderProps
}

type Template<P> = {
	Component: (props: P) => ReactElement
	subject: (props: P) => string
}

const templates: { [T in EmailTemplate]: Template<EmailProps[T]> } = {
	'plan-submitted': { Component: PlanSubmitted, subject: planSubmittedSubject },
	'plan-step-approved': {
		Component: PlanStepApproved,
		subject: planStepApprovedSubject,
	},
	'plan-returned': { Component: PlanReturned, subject: planReturnedSubject },
	'plan-rejected': { Component: PlanRejected, subject: planRejectedSubject },
	'plan-approved': { Component: PlanApproved, subject: planApprovedSubject },
	'account-created': {
		Component: AccountCreated,
		subject: accountCreatedSubject,
	},
	'password-reset': { Component: PasswordReset, subject: passwordResetSubject },
	'report-due': { Component: ReportDue, subject: reportDueSubject },
	'report-overdue': { Component: ReportOverdue, subject: reportOverdueSubject },
	'approval-waiting': {
		Component: ApprovalWaiting,
		subject: approvalWaitingSubject,
	},
	'report-submitted': {
		Component: ReportSubmitted,
		subject: reportSubmittedSubject,
	},
	'report-returned': {
		Component: ReportReturned,
		subject: reportReturnedSubject,
	},
	'report-acknowledged': {
		Component: ReportAcknowledged,
		subject: reportAcknowledgedSubject,
	},
	'passport-due': { Component: PassportDue, subject: passportDueSubject },
	'passport-overdue': {
		Component: PassportOverdue,
		subject: passportOverdueSubject,
	},
	'passports-expiring': {
		Component: PassportsExpiring,
		subject: passportsExpiringSubject,
	},
	'request-reminder': {
		Component: RequestReminder,
		subject: requestReminderSubject,
	},
	'request-returned': {
		Component: RequestReturned,
		subject: requestReturnedSubject,
	},
	'trip-end-overdue': {
		Component: TripEndOverdue,
		subject: tripEndOverdueSubject,
	},
}

export const EMAIL_TEMPLATES = Object.keys(templates) as EmailTemplate[]

/** Subject, HTML and plain-text parts of one email, in the recipient's language. */
export async function renderEmail<T extends EmailTemplate>(
	template: T,
	props: EmailProps[T],
): Promise<{ subject: string; html: string; text: string }> {
	const { Component, subject } = templates[template] as Template<EmailProps[T]>
	const element = createElement(Component, props)
	const [html, text] = await Promise.all([
		render(element),
		render(element, { plainText: true }),
	])
	const prefix = emailTranslator(props.locale)('email.subjectPrefix')
	return { subject: `${prefix} ${subject(props)}`, html, text }
}
