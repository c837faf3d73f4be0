import { Button, Heading, Link, Section, Text } from '@react-email/components'
import { Fragment, type ReactNode } from 'react'
import { type EmailLocale, emailTranslator } from './i18n.ts'
import { colors } from './styles.ts'

export function Title({ children }: { children: ReactNode }) {
	return (
		<Heading as="h1" style={title}>
			{children}
		</Heading>
	)
}

export function Paragraph({ children }: { children: ReactNode }) {
	return <Text style={paragraph}>{children}</Text>
}

/**
 * A reminder's words before its details (already translated): to the drafter, what is late, why
 * they receive it when the plan's drafter is no longer active, and what to do; to the approvers
 * (`escalation`), their own account and why they are told.
 */
export function ReminderText({
	locale,
	escalation,
	drafterInactive,
	drafterName,
	intro,
	after,
	escalationIntro,
	escalationAfter,
}: {
	locale: EmailLocale
	escalation: boolean
	drafterInactive?: boolean
	drafterName: string
	intro: string
	after: string
	escalationIntro: string
	escalationAfter: string
}) {
	if (escalation)
		return (
			<>
				<Paragraph>{escalationIntro}</Paragraph>
				<Paragraph>{escalationAfter}</Paragraph>
			</>
		)
	return (
		<>
			<Paragraph>{intro}</Paragraph>
			{drafterInactive ? (
				<Paragraph>
					{emailTranslator(locale)('email.reportReminder.drafterInactive', {
						drafter: drafterName,
					})}
				</Paragraph>
			) : null}
			<Paragraph>{after}</Paragraph>
		</>
	)
}

export interface Field {
	label: string
	value: ReactNode
}

/** Label/value pairs in a light panel; a table, because email clients lay tables out reliably. */
export function Details({ fields }: { fields: Field[] }) {
	return (
		<Section style={panel}>
			<table
				role="presentation"
				width="100%"
				cellPadding={0}
				cellSpacing={0}
				style={{ borderCollapse: 'collapse' }}
				data-text-format="dataTable"
			>
				<tbody>
					{fields.map(field => (
						<tr key={field.label}>
							<td style={labelCell}>{field.label}</td>
							<td style={valueCell}>{field.value}</td>
						</tr>
					))}
				</tbody>
			</table>
		</Section>
	)
}

/** A plan's name, organisation, state and (when there is one) step, shown in every plan email. */
export function PlanDetails({
	locale,
	planName,
	organisationName,
	statusLabel,
	stepLabel,
	extra = [],
}: {
	locale: EmailLocale
	planName: string
	organisationName: string
	statusLabel: string
	stepLabel?: string | null
	extra?: Field[]
}) {
	const t = emailTranslator(locale)
	const fields: Field[] = [
		{ label: t('email.field.plan'), value: <strong>{planName}</strong> },
		{ label: t('email.field.organisation'), value: organisationName },
		{ label: t('email.field.status'), value: statusLabel },
	]
	if (stepLabel) fields.push({ label: t('email.field.step'), value: stepLabel })
	return <Details fields={[...fields, ...extra]} />
}

/** A report request's title, letter number and due date, shown in every email about an answer to it. */
export function RequestDetails({
	locale,
	title,
	numberSymbol,
	dueDate,
}: {
	locale: EmailLocale
	title: string
	numberSymbol: string
	dueDate: string
}) {
	const t = emailTranslator(locale)
	return (
		<Details
			fields={[
				{ label: t('email.field.request'), value: <strong>{title}</strong> },
				{ label: t('email.field.requestNumber'), value: numberSymbol },
				{
					label: t('email.field.requestDue'),
					value: <strong>{dueDate}</strong>,
				},
			]}
		/>
	)
}

/** The approver's comment as a quoted block; line breaks are kept. */
export function Comment({ label, text }: { label: string; text: string }) {
	const lines = text.split(/\r?\n/)
	return (
		<Section style={commentBox}>
			<Text style={commentLabel}>{label}</Text>
			<blockquote style={quote}>
				{lines.map((line, index) => (
					<Fragment key={index}>
						{index > 0 ? <br /> : null}
						{line}
					</Fragment>
				))}
			</blockquote>
		</Section>
	)
}

/** The call to action, then the raw link for clients that block buttons (left out of the plain text, where the button already prints its URL). */
export function ActionButton({
	locale,
	href,
	children,
}: {
	locale: EmailLocale
	href: string
	children: ReactNode
}) {
	const t = emailTranslator(locale)
	return (
		<Section style={{ margin: '24px 0' }}>
			<Button href={href} style={button}>
				{children}
			</Button>
			<Text style={fallback} data-skip-in-text="true">
				{t('email.linkFallback')}{' '}
				<Link href={href} style={fallbackLink}>
					{href}
				</Link>
			</Text>
		</Section>
	)
}

/**
 * To an approver whose step a plan waits at: their one-time approve and return links, each of
 * which opens the decision's confirmation page (in "waiting for you" and in the reminder).
 */
export function DecideButtons({
	locale,
	urls,
}: {
	locale: EmailLocale
	urls: { approve: string; return: string }
}) {
	const t = emailTranslator(locale)
	return (
		<Section style={decideBox}>
			<Paragraph>{t('email.planSubmitted.decideIntro')}</Paragraph>
			<Button href={urls.approve} style={approveButton}>
				{t('email.planSubmitted.approve')}
			</Button>{' '}
			<Button href={urls.return} style={returnButton}>
				{t('email.planSubmitted.return')}
			</Button>
		</Section>
	)
}

const title = {
	margin: '0 0 16px',
	color: colors.brand,
	fontSize: '22px',
	lineHeight: '30px',
	fontWeight: 700,
}

const paragraph = {
	margin: '0 0 14px',
	fontSize: '15px',
	lineHeight: '23px',
	color: colors.text,
}

const panel = {
	backgroundColor: colors.panel,
	border: `1px solid ${colors.border}`,
	borderRadius: '6px',
	padding: '8px 14px',
	margin: '4px 0 18px',
}

const labelCell = {
	width: '30%',
	padding: '6px 10px 6px 0',
	verticalAlign: 'top',
	color: colors.muted,
	fontSize: '13px',
	lineHeight: '20px',
}

const valueCell = {
	padding: '6px 0',
	verticalAlign: 'top',
	color: colors.text,
	fontSize: '14px',
	lineHeight: '20px',
}

const commentBox = { margin: '0 0 16px' }

const commentLabel = {
	margin: '0 0 6px',
	color: colors.muted,
	fontSize: '13px',
	lineHeight: '18px',
	fontWeight: 700,
}

const quote = {
	margin: '0',
	padding: '12px 16px',
	backgroundColor: '#fff8e6',
	borderLeft: '4px solid #d08a00',
	borderRadius: '0 6px 6px 0',
	color: colors.text,
	fontSize: '15px',
	lineHeight: '23px',
}

const button = {
	display: 'inline-block',
	backgroundColor: colors.brand,
	color: '#ffffff',
	fontSize: '16px',
	lineHeight: '20px',
	fontWeight: 700,
	textDecoration: 'none',
	textAlign: 'center' as const,
	borderRadius: '6px',
	padding: '13px 26px',
}

const fallback = {
	margin: '16px 0 0',
	color: colors.muted,
	fontSize: '12px',
	lineHeight: '18px',
}

const fallbackLink = { color: colors.brand, wordBreak: 'break-all' as const }

const decideBox = {
	margin: '0 0 8px',
	padding: '14px 16px 16px',
	border: `1px solid ${colors.border}`,
	borderRadius: '6px',
}

const decideButton = {
	display: 'inline-block',
	fontSize: '15px',
	lineHeight: '20px',
	fontWeight: 700,
	textDecoration: 'none',
	textAlign: 'center' as const,
	borderRadius: '6px',
	padding: '11px 22px',
	margin: '4px 8px 0 0',
}

const approveButton = {
	...decideButton,
	backgroundColor: colors.brand,
	color: '#ffffff',
}

const returnButton = {
	...decideButton,
	backgroundColor: '#ffffff',
	color: colors.brand,
	border: `2px solid ${colors.brand}`,
}
