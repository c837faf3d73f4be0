import {
	ActionButton,
	Paragraph,
	PlanDetails,
	Title,
} from './components/blocks.tsx'
import { emailTranslator } from './components/i18n.ts'
import { EmailLayout } from './components/layout.tsx'
import { type PassportReminderProps } from './index.ts'

export function subject(props: PassportReminderProps) {
	return emailTranslator(props.locale)('email.passportOverdue.subject', {
		holder: props.holderName,
		days: props.days,
	})
}

/**
 * Every 7 days once a passport is overdue: to the plan's drafter, and from the second reminder
 * also to the organisation's admins (`escalation`), who keep the passports.
 */
export default function PassportOverdue(props: PassportReminderProps) {
	const t = emailTranslator(props.locale)
	return (
		<EmailLayout locale={props.locale} preview={subject(props)}>
			<Title>{t('email.passportOverdue.heading', { days: props.days })}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>
				{t(
					props.toHolder
						? 'email.passportOverdue.holderIntro'
						: props.escalation
							? 'email.passportOverdue.escalationIntro'
							: 'email.passportOverdue.intro',
					{
						holder: props.holderName,
						number: props.passportNumber,
						plan: props.planName,
						due: props.dueDate,
						days: props.days,
						drafter: props.drafterName,
					},
				)}
			</Paragraph>
			<PlanDetails
				locale={props.locale}
				planName={props.planName}
				organisationName={props.organisationName}
				statusLabel={props.statusLabel}
				extra={[
					{ label: t('email.field.passport'), value: props.passportNumber },
					{ label: t('email.field.returnedOn'), value: props.returnedOn },
					{ label: t('email.field.passportDue'), value: props.dueDate },
					{
						label: t('email.field.daysLate'),
						value: (
							<strong style={{ color: '#b42318' }}>
								{t('email.days', { days: props.days })}
							</strong>
						),
					},
				]}
			/>
			{props.passportUrl ? (
				<ActionButton locale={props.locale} href={props.passportUrl}>
					{t('email.passport.button')}
				</ActionButton>
			) : (
				<Paragraph>{t('email.passport.holderOutro')}</Paragraph>
			)}
		</EmailLayout>
	)
}

PassportOverdue.PreviewProps = {
	locale: 'vi',
	recipientName: 'Trần Thị Quản Trị',
	planName: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	statusLabel: 'Đã về, chờ báo cáo',
	holderName: 'Nguyễn Văn An',
	passportNumber: 'C1234567',
	returnedOn: '04/02/2027',
	dueDate: '16/02/2027',
	workingDays: 5,
	days: 14,
	escalation: true,
	drafterName: 'Lê Văn Đức',
	passportUrl:
		'http://localhost:3000/passports/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b',
} satisfies PassportReminderProps
