import {
	ActionButton,
	Paragraph,
	PlanDetails,
	Title,
} from './components/blocks.tsx'
import { emailTranslator } from './components/i18n.ts'
import { EmailLayout } from './components/layout.tsx'
import { type ReportReminderProps } from './index.ts'
import { dueDateWithRule } from './components/due-rule.ts'

export function subject(props: ReportReminderProps) {
	const t = emailTranslator(props.locale)
	return props.days > 0
		? t(
				props.dueRule?.unit === 'working_days'
					? 'email.reportDue.subjectWorking'
					: 'email.reportDue.subject',
				{ plan: props.planName, days: props.days },
			)
		: t('email.reportDue.subjectToday', { plan: props.planName })
}

/** To the drafter: the post-trip report is due in a few days, or today. */
export default function ReportDue(props: ReportReminderProps) {
	const t = emailTranslator(props.locale)
	const heading =
		props.days > 0
			? t(
					props.dueRule?.unit === 'working_days'
						? 'email.reportDue.headingWorking'
						: 'email.reportDue.heading',
					{ days: props.days },
				)
			: t('email.reportDue.headingToday')
	return (
		<EmailLayout locale={props.locale} preview={subject(props)}>
			<Title>{heading}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>
				{props.returnedOn
					? t('email.reportDue.intro', {
							plan: props.planName,
							org: props.organisationName,
							returned: props.returnedOn,
							due: props.dueDate,
						})
					: t('email.reportDue.introNoReturn', {
							plan: props.planName,
							org: props.organisationName,
							due: props.dueDate,
						})}
			</Paragraph>
			{props.drafterInactive ? (
				<Paragraph>
					{t('email.reportReminder.drafterInactive', {
						drafter: props.drafterName,
					})}
				</Paragraph>
			) : null}
			<Paragraph>{t('email.reportDue.after')}</Paragraph>
			<PlanDetails
				locale={props.locale}
				planName={props.planName}
				organisationName={props.organisationName}
				statusLabel={props.statusLabel}
				extra={[
					...(props.returnedOn
						? [{ label: t('email.field.returnedOn'), value: props.returnedOn }]
						: []),
					{
						label: t('email.field.reportDue'),
						value: <strong>{dueDateWithRule(props)}</strong>,
					},
				]}
			/>
			<ActionButton locale={props.locale} href={props.planUrl}>
				{t('email.reportDue.button')}
			</ActionButton>
		</EmailLayout>
	)
}

ReportDue.PreviewProps = {
	locale: 'vi',
	recipientName: 'Lê Văn Đức',
	planName: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	statusLabel: 'Đã về, chờ báo cáo',
	returnedOn: '10/03/2027',
	dueDate: '25/03/2027',
	dueRule: { days: 15, unit: 'days' },
	days: 3,
	escalation: false,
	drafterName: 'Lê Văn Đức',
	planUrl: 'http://localhost:3000/plans/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b',
} satisfies ReportReminderProps
