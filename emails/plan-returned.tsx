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
	return emailTranslator(props.locale)('email.planReturned.subject', {
		plan: props.planName,
	})
}

export default function PlanReturned(props: PlanEmailProps) {
	const t = emailTranslator(props.locale)
	return (
		<EmailLayout
			locale={props.locale}
			preview={subject(props)}
			informational={props.informational}
		>
			<Title>{t('email.planReturned.heading')}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>
				{t('email.planReturned.intro', {
					actor: props.actorName,
					actorOrg: props.actorOrganisation,
					plan: props.planName,
				})}
			</Paragraph>
			{props.comment ? (
				<Comment label={t('email.field.comment')} text={props.comment} />
			) : null}
			<Paragraph>{t('email.planReturned.after')}</Paragraph>
			<PlanDetails
				locale={props.locale}
				planName={props.planName}
				organisationName={props.organisationName}
				statusLabel={props.statusLabel}
				stepLabel={props.stepLabel}
			/>
			<ActionButton locale={props.locale} href={props.planUrl}>
				{t('email.planReturned.button')}
			</ActionButton>
		</EmailLayout>
	)
}

PlanReturned.PreviewProps = {
	locale: 'vi',
	recipientName: 'Lê Văn Đức',
	planName: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	statusLabel: 'Bị trả lại',
	stepLabel: 'Tỉnh ủy',
	actorName: 'Phạm Thị Lan',
	actorOrganisation: 'Tỉnh ủy Quảng Trị',
	comment:
		'Đề nghị bổ sung dự toán kinh phí chi tiết.\nGiảm số thành viên đoàn xuống còn 5 người theo Quy định 144-QĐ/TW.',
	planUrl: 'http://localhost:3000/plans/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b',
	informational: false,
} satisfies PlanEmailProps
