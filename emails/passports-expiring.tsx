import { Section, Text } from '@react-email/components'
import { ActionButton, Paragraph, Title } from './components/blocks.tsx'
import { emailTranslator } from './components/i18n.ts'
import { EmailLayout } from './components/layout.tsx'
import { colors } from './components/styles.ts'
import { type PassportsExpiringProps } from './index.ts'

export function subject(props: PassportsExpiringProps) {
	const t = emailTranslator(props.locale)
	if (props.toHolder)
		return props.passports.every(p => p.expired)
			? t('email.passportsExpiring.holderSubjectExpired')
			: t('email.passportsExpiring.holderSubject')
	return t('email.passportsExpiring.subject', {
		count: props.passports.length,
		org: props.organisationName,
	})
}

const block = {
	margin: '0 0 12px',
	padding: '10px 14px',
	background: colors.panel,
	border: `1px solid ${colors.border}`,
	borderRadius: '6px',
}
const line = {
	margin: '2px 0',
	fontSize: '14px',
	lineHeight: '21px',
	color: colors.text,
}
const expired = { color: '#b42318', fontWeight: 700 }

/**
 * Once a week: to an organisation's admins (who keep the passports), its passports that expire
 * within 6 months or have expired, with where each one is now; to a holder with an email, theirs.
 */
export default function PassportsExpiring(props: PassportsExpiringProps) {
	const t = emailTranslator(props.locale)
	return (
		<EmailLayout locale={props.locale} preview={subject(props)}>
			<Title>
				{props.toHolder
					? t('email.passportsExpiring.holderHeading')
					: t('email.passportsExpiring.heading', { until: props.until })}
			</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>
				{props.toHolder
					? t('email.passportsExpiring.holderIntro', {
							org: props.organisationName,
							until: props.until,
						})
					: t('email.passportsExpiring.intro', {
							count: props.passports.length,
							org: props.organisationName,
							today: props.today,
							until: props.until,
						})}
			</Paragraph>
			{/* One block per passport rather than a six-column table: it fits a phone. */}
			{props.passports.map(p => (
				<Section key={p.number} style={block}>
					<Text style={line}>
						<strong>{p.holderName}</strong>
						{' · '}
						{t('email.passportsExpiring.col.number')}:{' '}
						<strong>{p.number}</strong>
						{' · '}
						{t('email.passportsExpiring.col.kind')}: {p.kind}
					</Text>
					<Text style={line}>
						{t('email.passportsExpiring.col.expires')}: {p.expiresOn}
						{' · '}
						<span style={p.expired ? expired : undefined}>{p.timeLeft}</span>
					</Text>
					<Text style={line}>
						{t('email.passportsExpiring.col.where')}: {p.whereabouts}
					</Text>
				</Section>
			))}
			{props.listUrl ? (
				<ActionButton locale={props.locale} href={props.listUrl}>
					{t('email.passportsExpiring.button')}
				</ActionButton>
			) : (
				<Paragraph>{t('email.passport.holderOutro')}</Paragraph>
			)}
		</EmailLayout>
	)
}

PassportsExpiring.PreviewProps = {
	locale: 'vi',
	recipientName: 'Trần Thị Quản Trị',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	today: '01/02/2027',
	until: '01/08/2027',
	passports: [
		{
			holderName: 'Lê Văn Bình',
			number: 'B7654321',
			kind: 'Công vụ',
			expiresOn: '20/01/2027',
			timeLeft: 'Đã hết hạn',
			expired: true,
			whereabouts: 'Trong tủ',
		},
		{
			holderName: 'Nguyễn Văn An',
			number: 'C1234567',
			kind: 'Ngoại giao',
			expiresOn: '13/06/2027',
			timeLeft: 'còn 4 tháng 12 ngày',
			expired: false,
			whereabouts:
				'Đang giao cho chuyến đi “Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)”',
		},
	],
	toHolder: false,
	listUrl: 'http://localhost:3000/passports',
} satisfies PassportsExpiringProps
