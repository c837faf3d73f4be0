import { ActionButton, Paragraph, Title } from './components/blocks.tsx'
import { emailTranslator } from './components/i18n.ts'
import { EmailLayout } from './components/layout.tsx'
import { type PasswordResetProps } from './index.ts'

export function subject(props: PasswordResetProps) {
	return emailTranslator(props.locale)('email.passwordReset.subject')
}

export default function PasswordReset(props: PasswordResetProps) {
	const t = emailTranslator(props.locale)
	return (
		<EmailLayout locale={props.locale} preview={t('email.passwordReset.intro')}>
			<Title>{t('email.passwordReset.heading')}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>{t('email.passwordReset.intro')}</Paragraph>
			<ActionButton locale={props.locale} href={props.resetUrl}>
				{t('email.passwordReset.button')}
			</ActionButton>
			<Paragraph>
				{t('email.passwordReset.validity', { minutes: props.expiresMinutes })}
			</Paragraph>
			<Paragraph>{t('email.passwordReset.ignore')}</Paragraph>
		</EmailLayout>
	)
}

PasswordReset.PreviewProps = {
	locale: 'vi',
	recipientName: 'Hoàng Minh Tuấn',
	resetUrl:
		'http://localhost:3000/reset-password?token=4q9Xw2mJr7VbT1sKcZ8nLp3eHy6uAg0d',
	expiresMinutes: 60,
} satisfies PasswordResetProps
