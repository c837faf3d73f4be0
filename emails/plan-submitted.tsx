import {
	ActionButton,
	Comment,
	DecideButtons,
	Paragraph,
	PlanDetails,
	Title,
} from './components/blocks.tsx'
import { emailTranslator } from './components/i18n.ts'
import { EmailLayout } from './components/layout.tsx'
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
				<DecideButtons locale={props.locale} urls={props.decideUrls} />
			) : null}
		</EmailLayout>
	)
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
