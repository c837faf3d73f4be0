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
	return emailTranslator(props.locale)('email.planApproved.subject', {
		plan: props.planName,
	})
}

export default function PlanApproved(props: PlanEmailProps) {
	const t = emailTranslator(props.locale)
	return (
		<EmailLayout
			locale={props.locale}
			preview={subject(props)}
			informational={props.informational}
		>
			<Title>{t('email.planApproved.heading')}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>
				{t('email.planApproved.intro', {
					plan: props.planName,
					org: props.organisationName,
					actor: props.actorName,
					actorOrg: props.actorOrganisation,
				})}
			</Paragraph>
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

PlanApproved.PreviewProps = {
	locale: 'vi',
	recipientName: 'Lê Văn Đức',
	planName: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	statusLabel: 'Đã phê duyệt',
	stepLabel: 'Tỉnh ủy',
	actorName: 'Phạm Thị Lan',
	actorOrganisation: 'Tỉnh ủy Quảng Trị',
	comment:
		'Đồng ý. Đề nghị báo cáo kết quả chuyến đi trong vòng 15 ngày sau khi về nước.',
	planUrl: 'http://localhost:3000/plans/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b',
	informational: true,
} satisfies PlanEmailProps
