import {
	ActionButton,
	Paragraph,
	RequestDetails,
	Title,
} from './components/blocks.tsx'
import { emailTranslator } from './components/i18n.ts'
import { EmailLayout } from './components/layout.tsx'
import { type RequestReminderProps } from './index.ts'

export function subject(props: RequestReminderProps) {
	const t = emailTranslator(props.locale)
	if (props.overdue)
		return t('email.requestReminder.subjectOverdue', {
			title: props.title,
			days: props.days,
		})
	return props.days > 0
		? t('email.requestReminder.subject', {
				title: props.title,
				days: props.days,
			})
		: t('email.requestReminder.subjectToday', { title: props.title })
}

/** To an asked organisation's drafters (later its approvers too): a report request is due soon, today, or overdue. */
export default function RequestReminder(props: RequestReminderProps) {
	const t = emailTranslator(props.locale)
	return (
		<EmailLayout locale={props.locale} preview={subject(props)}>
			<Title>{subject(props)}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>
				{t('email.requestReminder.intro', {
					number: props.numberSymbol,
					issuer: props.issuerName,
					title: props.title,
					due: props.dueDate,
				})}
			</Paragraph>
			<RequestDetails
				locale={props.locale}
				title={props.title}
				numberSymbol={props.numberSymbol}
				dueDate={props.dueDate}
			/>
			<ActionButton locale={props.locale} href={props.answerUrl}>
				{t('email.requestReminder.button')}
			</ActionButton>
		</EmailLayout>
	)
}

RequestReminder.PreviewProps = {
	locale: 'vi',
	recipientName: 'Lê Văn Đức',
	title: 'Báo cáo tổng kết 10 năm thực hiện Nghị quyết 03/NQ-ĐCT',
	numberSymbol: '2749/TLĐ',
	issuerName: 'Ban Đối ngoại Tổng Liên đoàn Lao động Việt Nam',
	dueDate: '15/10/2021',
	days: 3,
	overdue: false,
	answerUrl:
		'http://localhost:3000/requests/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b',
} satisfies RequestReminderProps
