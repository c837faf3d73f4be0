import {
	ActionButton,
	Paragraph,
	PlanDetails,
	ReminderText,
	Title,
} from './components/blocks.tsx'
import { emailTranslator } from './components/i18n.ts'
import { EmailLayout } from './components/layout.tsx'
import { type TripEndReminderProps } from './index.ts'

export function subject(props: TripEndReminderProps) {
	return emailTranslator(props.locale)('email.tripEnd.subject', {
		plan: props.planName,
		end: props.endDate,
	})
}

/**
 * The day after a trip's last day, then every 7 days, while it is still recorded as under way:
 * to the drafter, who records its end (and so starts the report's deadline), and from the second
 * reminder also to the owning organisation's approvers (`escalation`).
 */
export default function TripEndOverdue(props: TripEndReminderProps) {
	const t = emailTranslator(props.locale)
	return (
		<EmailLayout locale={props.locale} preview={subject(props)}>
			<Title>{t('email.tripEnd.heading', { end: props.endDate })}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<ReminderText
				locale={props.locale}
				escalation={props.escalation}
				drafterInactive={props.drafterInactive}
				drafterName={props.drafterName}
				intro={t('email.tripEnd.intro', {
					plan: props.planName,
					end: props.endDate,
				})}
				after={t('email.tripEnd.after', { action: props.actionLabel })}
				escalationIntro={t('email.tripEnd.escalationIntro', {
					plan: props.planName,
					org: props.organisationName,
					end: props.endDate,
					days: props.days,
					drafter: props.drafterName,
				})}
				escalationAfter={t('email.tripEnd.escalationAfter')}
			/>
			<PlanDetails
				locale={props.locale}
				planName={props.planName}
				organisationName={props.organisationName}
				statusLabel={props.statusLabel}
				extra={[
					...(props.departedOn
						? [{ label: t('email.field.departedOn'), value: props.departedOn }]
						: []),
					{ label: t('email.field.endDate'), value: props.endDate },
					...(props.escalation
						? [{ label: t('email.field.drafter'), value: props.drafterName }]
						: []),
				]}
			/>
			<ActionButton locale={props.locale} href={props.planUrl}>
				{props.escalation ? t('email.viewPlan') : props.actionLabel}
			</ActionButton>
		</EmailLayout>
	)
}

TripEndOverdue.PreviewProps = {
	locale: 'vi',
	recipientName: 'Nguyễn Thị Hương',
	planName:
		'Đoàn LĐLĐ tỉnh Quảng Trị làm việc với LHCĐ tỉnh Savannakhet tháng 12/2026',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	statusLabel: 'Đang thực hiện chuyến đi',
	actionLabel: 'Ghi nhận đoàn về',
	departedOn: '05/12/2026',
	endDate: '09/12/2026',
	days: 1,
	escalation: false,
	drafterName: 'Nguyễn Thị Hương',
	planUrl: 'http://localhost:3000/plans/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b',
} satisfies TripEndReminderProps
