import {
	ActionButton,
	DecideButtons,
	Paragraph,
	PlanDetails,
	Title,
} from './components/blocks.tsx'
import { emailTranslator } from './components/i18n.ts'
import { EmailLayout } from './components/layout.tsx'
import { type ApprovalWaitingProps } from './index.ts'

export function subject(props: ApprovalWaitingProps) {
	return emailTranslator(props.locale)('email.approvalWaiting.subject', {
		plan: props.planName,
		days: props.days,
	})
}

/** To a step's approvers: the plan has waited at their step for the organisation's number of days (and every as many days after). */
export default function ApprovalWaiting(props: ApprovalWaitingProps) {
	const t = emailTranslator(props.locale)
	const heading = props.stepLabel
		? t('email.approvalWaiting.heading', {
				step: props.stepLabel,
				days: props.days,
			})
		: t('email.approvalWaiting.headingNoStep', { days: props.days })
	return (
		<EmailLayout locale={props.locale} preview={subject(props)}>
			<Title>{heading}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>
				{t('email.approvalWaiting.intro', {
					plan: props.planName,
					org: props.organisationName,
					since: props.waitingSince,
					days: props.days,
				})}
			</Paragraph>
			<Paragraph>{t('email.approvalWaiting.after')}</Paragraph>
			<PlanDetails
				locale={props.locale}
				planName={props.planName}
				organisationName={props.organisationName}
				statusLabel={props.statusLabel}
				stepLabel={props.stepLabel}
				extra={[
					{ label: t('email.field.waitingSince'), value: props.waitingSince },
					{
						label: t('email.field.daysWaiting'),
						value: (
							<strong>{t('email.workingDays', { days: props.days })}</strong>
						),
					},
				]}
			/>
			<ActionButton locale={props.locale} href={props.planUrl}>
				{t('email.approvalWaiting.button')}
			</ActionButton>
			{props.decideUrls ? (
				<DecideButtons locale={props.locale} urls={props.decideUrls} />
			) : null}
		</EmailLayout>
	)
}

ApprovalWaiting.PreviewProps = {
	locale: 'vi',
	recipientName: 'Phạm Thị Lan',
	planName: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	statusLabel: 'Chờ Tỉnh ủy duyệt',
	stepLabel: 'Tỉnh ủy',
	waitingSince: '10/03/2027',
	days: 5,
	planUrl: 'http://localhost:3000/plans/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b',
	decideUrls: {
		approve:
			'http://localhost:3000/decide/Qm9jLWR1eWV0LW1hdS1jaG8teGVtLXRydW9jLWtoaS1kdXlldA',
		return:
			'http://localhost:3000/decide/VHJhLWxhaS1tYXUtY2hvLXhlbS10cnVvYy1raGktdHJhLWxhaQ',
	},
} satisfies ApprovalWaitingProps
