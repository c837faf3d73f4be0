import {
	ActionButton,
	Comment,
	Paragraph,
	PlanDetails,
	Title,
} from './components/blocks.tsx'
import { emailTranslator } from './components/i18n.ts'
import { EmailLayout } from './components/layout.tsx'
import { type PlanEmailProps } from './index.ts'

export function subject(props: PlanEmailProps) {
	return emailTranslator(props.locale)('email.planStepApproved.subject', {
		plan: props.planName,
		step: props.stepLabel ?? props.actorOrganisation,
	})
}

export default function PlanStepApproved(props: PlanEmailProps) {
	const t = emailTranslator(props.locale)
	const step = props.stepLabel ?? props.actorOrganisation
	const heading = t('email.planStepApproved.heading', { step })
	return (
		<EmailLayout
			locale={props.locale}
			preview={subject(props)}
			informational={props.informational}
		>
			<Title>{heading}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>
				{t('email.planStepApproved.intro', {
					actor: props.actorName,
					actorOrg: props.actorOrganisation,
					plan: props.planName,
					step,
				})}
			</Paragraph>
			{props.nextStepLabel ? (
				<Paragraph>
					{t('email.planStepApproved.next', { next: props.nextStepLabel })}
				</Paragraph>
			) : null}
			{props.comment ? (
				<Comment label={t('email.field.comment')} text={props.comment} />
			) : null}
			<PlanDetails
				locale={props.locale}
				planName={props.planName}
				organisationName={props.organisationName}
				statusLabel={props.statusLabel}
			/>
			<ActionButton locale={props.locale} href={props.planUrl}>
				{t('email.viewPlan')}
			</ActionButton>
		</EmailLayout>
	)
}

PlanStepApproved.PreviewProps = {
	locale: 'vi',
	recipientName: 'Lê Văn Đức',
	planName: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	statusLabel: 'Chờ Tỉnh ủy duyệt',
	stepLabel: 'Ban Thường vụ LĐLĐ tỉnh',
	nextStepLabel: 'Tỉnh ủy',
	actorName: 'Trần Quốc Bảo',
	actorOrganisation: 'Liên đoàn Lao động tỉnh Quảng Trị',
	comment: null,
	planUrl: 'http://localhost:3000/plans/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b',
	informational: true,
} satisfies PlanEmailProps
