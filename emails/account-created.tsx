import {
	ActionButton,
	Details,
	Paragraph,
	Title,
} from './components/blocks.tsx'
import { APP_NAME, emailTranslator } from './components/i18n.ts'
import { EmailLayout } from './components/layout.tsx'
import { type AccountCreatedProps } from './index.ts'

export function subject(props: AccountCreatedProps) {
	return emailTranslator(props.locale)('email.accountCreated.subject')
}

export default function AccountCreated(props: AccountCreatedProps) {
	const t = emailTranslator(props.locale)
	return (
		<EmailLayout locale={props.locale} preview={subject(props)}>
			<Title>{t('email.accountCreated.heading')}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>
				{t('email.accountCreated.intro', { app: APP_NAME[props.locale] })}
			</Paragraph>
			<Details
				fields={[
					{
						label: t('email.field.email'),
						value: <strong>{props.email}</strong>,
					},
					{
						label: t('email.field.organisation'),
						value: props.organisationName,
					},
					{ label: t('email.field.roles'), value: props.roles.join(', ') },
				]}
			/>
			<Paragraph>{t('email.accountCreated.password')}</Paragraph>
			<ActionButton locale={props.locale} href={props.signInUrl}>
				{t('email.accountCreated.button')}
			</ActionButton>
		</EmailLayout>
	)
}

AccountCreated.PreviewProps = {
	locale: 'vi',
	recipientName: 'Hoàng Minh Tuấn',
	email: 'tuan.hm@ldld-quangtri.vn',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	roles: ['Soạn thảo', 'Phê duyệt'],
	signInUrl: 'http://localhost:3000/login',
} satisfies AccountCreatedProps
