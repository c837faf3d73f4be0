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

export type EmailTemplate =
	| 'plan-submitted'
	| 'plan-step-approved'
	| 'plan-returned'
	| 'plan-rejected'
	| 'plan-approved'
	| 'account-created'
	| 'password-reset'

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

export type EmailProps = {
	'plan-submitted': PlanEmailProps
	'plan-step-approved': PlanEmailProps
	'plan-returned': PlanEmailProps
	'plan-rejected': PlanEmailProps
	'plan-approved': PlanEmailProps
	'account-created': AccountCreatedProps
	'password-reset': PasswordResetProps
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
