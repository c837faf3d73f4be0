import {
	Body,
	Container,
	Head,
	Html,
	Preview,
	Section,
	Text,
} from '@react-email/components'
import { type ReactNode } from 'react'
import { APP_NAME, type EmailLocale, emailTranslator } from './i18n.ts'
import { colors, fontFamily } from './styles.ts'

export interface EmailLayoutProps {
	locale: EmailLocale
	preview: string
	/** For-information emails tell the reader they can turn them off; emails that ask them to act cannot be. */
	informational?: boolean
	children: ReactNode
}

export function EmailLayout({
	locale,
	preview,
	informational = false,
	children,
}: EmailLayoutProps) {
	const t = emailTranslator(locale)
	return (
		<Html lang={locale}>
			<Head>
				<meta name="color-scheme" content="light" />
				<meta name="supported-color-schemes" content="light" />
			</Head>
			<Preview>{preview}</Preview>
			<Body style={body}>
				<Container style={container}>
					<Section style={header}>
						<Text style={appName}>{APP_NAME[locale]}</Text>
					</Section>
					<Section style={content}>{children}</Section>
					<Section style={footer}>
						<Text style={footerText}>
							{t('email.footer.automatic', { app: APP_NAME[locale] })}
						</Text>
						{informational ? (
							<Text style={footerText}>{t('email.footer.informational')}</Text>
						) : null}
					</Section>
				</Container>
			</Body>
		</Html>
	)
}

const body = {
	backgroundColor: colors.page,
	margin: '0',
	padding: '24px 8px',
	fontFamily,
	color: colors.text,
}

const container = {
	width: '100%',
	maxWidth: '600px',
	margin: '0 auto',
	backgroundColor: '#ffffff',
	border: `1px solid ${colors.border}`,
	borderRadius: '8px',
	overflow: 'hidden',
}

const header = { backgroundColor: colors.brand, padding: '18px 24px' }

const appName = {
	margin: '0',
	color: '#ffffff',
	fontSize: '18px',
	lineHeight: '24px',
	fontWeight: 700,
}

const content = { padding: '24px 24px 8px' }

const footer = {
	backgroundColor: colors.panel,
	borderTop: `1px solid ${colors.border}`,
	padding: '12px 24px',
}

const footerText = {
	margin: '4px 0',
	color: colors.muted,
	fontSize: '12px',
	lineHeight: '18px',
}
