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
	const t = emailTranslator(props.locale)
	return props.days > 0
		? t('email.passportDue.subject', {
				holder: props.holderName,
				days: props.days,
			})
		: t('email.passportDue.subjectToday', { holder: props.holderName })
}

/** To the plan's drafter: a passport out with the trip must be handed back in a few days, or today. */
export default function PassportDue(props: PassportReminderProps) {
	const t = emailTranslator(props.locale)
	return (
		<EmailLayout locale={props.locale} preview={subject(props)}>
			<Title>
				{props.days > 0
					? t('email.passportDue.heading', { days: props.days })
					: t('email.passportDue.headingToday')}
			</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>
				{t(
					props.toHolder
						? 'email.passportDue.holderIntro'
						: 'email.passportDue.intro',
					{
						holder: props.holderName,
						number: props.passportNumber,
						plan: props.planName,
						returned: props.returnedOn,
						due: props.dueDate,
						workingDays: props.workingDays,
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
					{
						label: t('email.field.passportDue'),
						value: <strong>{props.dueDate}</strong>,
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

PassportDue.PreviewProps = {
	locale: 'vi',
	recipientName: 'Lê Văn Đức',
	planName: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	statusLabel: 'Đã về, chờ báo cáo',
	holderName: 'Nguyễn Văn An',
	passportNumber: 'C1234567',
	returnedOn: '04/02/2027',
	dueDate: '16/02/2027',
	workingDays: 5,
	days: 3,
	escalation: false,
	drafterName: 'Lê Văn Đức',
	passportUrl:
		'http://localhost:3000/passports/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b',
} satisfies PassportReminderProps
