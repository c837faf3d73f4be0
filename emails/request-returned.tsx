import {
	ActionButton,
	Comment,
	Paragraph,
	RequestDetails,
	Title,
} from './components/blocks.tsx'
import { emailTranslator } from './components/i18n.ts'
import { EmailLayout } from './components/layout.tsx'
import { type RequestReturnedProps } from './index.ts'

export function subject(props: RequestReturnedProps) {
	return emailTranslator(props.locale)('email.requestReturned.subject', {
		title: props.title,
	})
}

/** To the answering organisation's drafters: the issuer returned their submitted answer with a comment. */
export default function RequestReturned(props: RequestReturnedProps) {
	const t = emailTranslator(props.locale)
	return (
		<EmailLayout locale={props.locale} preview={subject(props)}>
			<Title>{subject(props)}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>
				{t('email.requestReturned.intro', {
					issuer: props.issuerName,
					title: props.title,
				})}
			</Paragraph>
			<Comment
				label={t('email.requestReturned.comment')}
				text={props.comment}
			/>
			<RequestDetails
				locale={props.locale}
				title={props.title}
				numberSymbol={props.numberSymbol}
				dueDate={props.dueDate}
			/>
			<ActionButton locale={props.locale} href={props.answerUrl}>
				{t('email.requestReturned.button')}
			</ActionButton>
		</EmailLayout>
	)
}

RequestReturned.PreviewProps = {
	locale: 'vi',
	recipientName: 'Nguyễn Thị Hương',
	title: 'Báo cáo tổng kết 10 năm thực hiện Nghị quyết 03/NQ-ĐCT',
	numberSymbol: '2749/TLĐ',
	issuerName: 'Ban Đối ngoại Tổng Liên đoàn Lao động Việt Nam',
	dueDate: '15/10/2021',
	comment: 'Phụ lục IV: đề nghị ghi rõ số đoàn ra theo từng năm.',
	answerUrl:
		'http://localhost:3000/requests/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b/responses/0b6c1d2e-2222-4c7b-9a51-0c1d2e3f4a5b',
} satisfies RequestReturnedProps
