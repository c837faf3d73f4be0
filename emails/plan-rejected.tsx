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
	return emailTranslator(props.locale)('email.planRejected.subject', {
		plan: props.planName,
	})
}

export default function PlanRejected(props: PlanEmailProps) {
	const t = emailTranslator(props.locale)
	return (
		<EmailLayout
			locale={props.locale}
			preview={subject(props)}
			informational={props.informational}
		>
			<Title>{t('email.planRejected.heading')}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>
				{t('email.planRejected.intro', {
					actor: props.actorName,
					actorOrg: props.actorOrganisation,
					plan: props.planName,
					org: props.organisationName,
				})}
			</Paragraph>
			{props.comment ? (
				<Comment label={t('email.field.reason')} text={props.comment} />
			) : null}
			<Paragraph>{t('email.planRejected.after')}</Paragraph>
			<PlanDetails
				locale={props.locale}
				planName={props.planName}
				organisationName={props.organisationName}
				statusLabel={props.statusLabel}
				stepLabel={props.stepLabel}
			/>
			<ActionButton locale={props.locale} href={props.planUrl}>
				{t('email.viewPlan')}
			</ActionButton>
		</EmailLayout>
	)
}

PlanRejected.PreviewProps = {
	locale: 'vi',
	recipientName: 'Lê Văn Đức',
	planName: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	statusLabel: 'Không phê duyệt',
	stepLabel: 'Tỉnh ủy',
	actorName: 'Phạm Thị Lan',
	actorOrganisation: 'Tỉnh ủy Quảng Trị',
	comment:
		'Nội dung làm việc trùng với đoàn đã đi trong quý I; không bố trí được kinh phí năm nay.',
	planUrl: 'http://localhost:3000/plans/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b',
	informational: false,
} satisfies PlanEmailProps
