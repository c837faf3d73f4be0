import { Button, Section } from '@react-email/components'
import {
	ActionButton,
	Comment,
	Paragraph,
	PlanDetails,
	Title,
} from './components/blocks.tsx'
import { emailTranslator } from './components/i18n.ts'
import { EmailLayout } from './components/layout.tsx'
import { colors } from './components/styles.ts'
import { type PlanEmailProps } from './index.ts'

export function subject(props: PlanEmailProps) {
	const t = emailTranslator(props.locale)
	return t(
		props.resubmitted
			? 'email.planSubmitted.subjectResubmitted'
			: 'email.planSubmitted.subject',
		{
			plan: props.planName,
		},
	)
}

export default function PlanSubmitted(props: PlanEmailProps) {
	const t = emailTranslator(props.locale)
	const heading = props.stepLabel
		? t('email.planSubmitted.heading', {
				plan: props.planName,
				step: props.stepLabel,
			})
		: t('email.planSubmitted.headingNoStep', { plan: props.planName })
	return (
		<EmailLayout
			locale={props.locale}
			preview={heading}
			informational={props.informational}
		>
			<Title>{heading}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>
				{t('email.planSubmitted.intro', {
					actor: props.actorName,
					actorOrg: props.actorOrganisation,
					org: props.organisationName,
				})}
			</Paragraph>
			{props.resubmitted ? (
				<Paragraph>{t('email.planSubmitted.resubmitted')}</Paragraph>
			) : null}
			{props.comment ? (
				<Comment label={t('email.field.comment')} text={props.comment} />
			) : null}
			<PlanDetails
				locale={props.locale}
				planName={props.planName}
				organisationName={props.organisationName}
				statusLabel={props.statusLabel}
				stepLabel={props.stepLabel}
				extra={[
					{
						label: t('email.field.submittedBy'),
						value: `${props.actorName} (${props.actorOrganisation})`,
					},
				]}
			/>
			<ActionButton locale={props.locale} href={props.planUrl}>
				{t('email.planSubmitted.button')}
			</ActionButton>
			{props.decideUrls ? (
				<Section style={decideBox}>
					<Paragraph>{t('email.planSubmitted.decideIntro')}</Paragraph>
					<Button href={props.decideUrls.approve} style={approveButton}>
						{t('email.planSubmitted.approve')}
					</Button>{' '}
					<Button href={props.decideUrls.return} style={returnButton}>
						{t('email.planSubmitted.return')}
					</Button>
				</Section>
			) : null}
		</EmailLayout>
	)
}

const decideBox = {
	margin: '0 0 8px',
	padding: '14px 16px 16px',
	border: `1px solid ${colors.border}`,
	borderRadius: '6px',
}

const decideButton = {
	display: 'inline-block',
	fontSize: '15px',
	lineHeight: '20px',
	fontWeight: 700,
	textDecoration: 'none',
	textAlign: 'center' as const,
	borderRadius: '6px',
	padding: '11px 22px',
	margin: '4px 8px 0 0',
}

const approveButton = {
	...decideButton,
	backgroundColor: colors.brand,
	color: '#ffffff',
}

const returnButton = {
	...decideButton,
	backgroundColor: '#ffffff',
	color: colors.brand,
	border: `2px solid ${colors.brand}`,
}

PlanSubmitted.PreviewProps = {
	locale: 'vi',
	recipientName: 'Nguyễn Thị Hương',
	planName: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	statusLabel: 'Chờ Tỉnh ủy duyệt',
	stepLabel: 'Tỉnh ủy',
	actorName: 'Lê Văn Đức',
	actorOrganisation: 'Liên đoàn Lao động tỉnh Quảng Trị',
	comment:
		'Đã bổ sung dự toán kinh phí và danh sách thành viên theo ý kiến của Tỉnh ủy.',
	resubmitted: true,
	planUrl: 'http://localhost:3000/plans/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b',
	informational: false,
	decideUrls: {
		approve:
			'http://localhost:3000/decide/Qm9jLWR1eWV0LW1hdS1jaG8teGVtLXRydW9jLWtoaS1kdXlldA',
		return:
			'http://localhost:3000/decide/VHJhLWxhaS1tYXUtY2hvLXhlbS10cnVvYy1raGktdHJhLWxhaQ',
	},
} satisfies PlanEmailProps
