import {
	ActionButton,
	Paragraph,
	PlanDetails,
	ReminderText,
	Title,
} from './components/blocks.tsx'
import { emailTranslator } from './components/i18n.ts'
import { EmailLayout } from './components/layout.tsx'
import { type ReportReminderProps } from './index.ts'
import { dueDateWithRule } from './components/due-rule.ts'

export function subject(props: ReportReminderProps) {
	return emailTranslator(props.locale)('email.reportOverdue.subject', {
		plan: props.planName,
		days: props.days,
	})
}

/**
 * Every 7 days once the post-trip report is overdue: to the drafter, and from the second
 * reminder also to the owning organisation's approvers (`escalation`), who are asked to follow it up.
 */
export default function ReportOverdue(props: ReportReminderProps) {
	const t = emailTranslator(props.locale)
	return (
		<EmailLayout locale={props.locale} preview={subject(props)}>
			<Title>{t('email.reportOverdue.heading', { days: props.days })}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<ReminderText
				locale={props.locale}
				escalation={props.escalation}
				drafterInactive={props.drafterInactive}
				drafterName={props.drafterName}
				intro={t('email.reportOverdue.intro', {
					plan: props.planName,
					due: props.dueDate,
				})}
				after={t('email.reportOverdue.after')}
				escalationIntro={t('email.reportOverdue.escalationIntro', {
					plan: props.planName,
					org: props.organisationName,
					due: props.dueDate,
					days: props.days,
					drafter: props.drafterName,
				})}
				escalationAfter={t('email.reportOverdue.escalationAfter')}
			/>
			<PlanDetails
				locale={props.locale}
				planName={props.planName}
				organisationName={props.organisationName}
				statusLabel={props.statusLabel}
				extra={[
					...(props.returnedOn
						? [{ label: t('email.field.returnedOn'), value: props.returnedOn }]
						: []),
					{ label: t('email.field.reportDue'), value: dueDateWithRule(props) },
					{
						label: t('email.field.daysLate'),
						value: (
							<strong style={late}>
								{t('email.days', { days: props.days })}
							</strong>
						),
					},
					...(props.escalation
						? [{ label: t('email.field.drafter'), value: props.drafterName }]
						: []),
				]}
			/>
			<ActionButton locale={props.locale} href={props.planUrl}>
				{props.escalation
					? t('email.viewPlan')
					: t('email.reportOverdue.button')}
			</ActionButton>
		</EmailLayout>
	)
}

/** Days late in red, as on the overdue list. */
const late = { color: '#b42318' }

ReportOverdue.PreviewProps = {
	locale: 'vi',
	recipientName: 'Nguyễn Thị Hương',
	planName: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	statusLabel: 'Đã về, chờ báo cáo',
	returnedOn: '10/03/2027',
	dueDate: '25/03/2027',
	days: 14,
	escalation: true,
	drafterName: 'Lê Văn Đức',
	planUrl: 'http://localhost:3000/plans/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b',
} satisfies ReportReminderProps
