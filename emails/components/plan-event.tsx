import { type EmailMessageKey } from '#lib/i18n/email-vi.ts'
import { type PlanEmailProps } from '../index.ts'
import {
	ActionButton,
	Comment,
	Paragraph,
	PlanDetails,
	Title,
} from './blocks.tsx'
import { emailTranslator } from './i18n.ts'
import { EmailLayout } from './layout.tsx'

/** The words of one kind of plan (or report) event email; the structure is shared. */
export interface PlanEventWording {
	/** Takes {plan}. */
	subject: EmailMessageKey
	heading: EmailMessageKey
	/** May use {actor}, {actorOrg}, {plan} and {org}. */
	intro: EmailMessageKey
	/** The comment's label: "Ý kiến" unless given (a rejection gives its "Lý do"). */
	commentLabel?: EmailMessageKey
	/** Said after the comment, e.g. what the drafter does next. */
	after?: EmailMessageKey
	/** The button's text: "Xem kế hoạch" unless given. */
	button?: EmailMessageKey
	/** Name the step that decided in the plan's details. */
	showStep?: boolean
}

/**
 * An email about what someone did to a plan: heading, greeting, who did what, their comment,
 * what happens next, the plan's details and a button to it. Returns the template's subject
 * and component.
 */
export function planEventEmail(wording: PlanEventWording) {
	function subject(props: PlanEmailProps) {
		return emailTranslator(props.locale)(wording.subject, {
			plan: props.planName,
		})
	}
	function PlanEventEmail(props: PlanEmailProps) {
		const t = emailTranslator(props.locale)
		return (
			<EmailLayout
				locale={props.locale}
				preview={subject(props)}
				informational={props.informational}
			>
				<Title>{t(wording.heading)}</Title>
				<Paragraph>
					{t('email.greeting', { name: props.recipientName })}
				</Paragraph>
				<Paragraph>
					{t(wording.intro, {
						actor: props.actorName,
						actorOrg: props.actorOrganisation,
						plan: props.planName,
						org: props.organisationName,
					})}
				</Paragraph>
				{props.comment ? (
					<Comment
						label={t(wording.commentLabel ?? 'email.field.comment')}
						text={props.comment}
					/>
				) : null}
				{wording.after ? <Paragraph>{t(wording.after)}</Paragraph> : null}
				<PlanDetails
					locale={props.locale}
					planName={props.planName}
					organisationName={props.organisationName}
					statusLabel={props.statusLabel}
					stepLabel={wording.showStep ? props.stepLabel : null}
				/>
				<ActionButton locale={props.locale} href={props.planUrl}>
					{t(wording.button ?? 'email.viewPlan')}
				</ActionButton>
			</EmailLayout>
		)
	}
	return { subject, Component: PlanEventEmail }
}
