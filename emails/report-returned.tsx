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
	return emailTranslator(props.locale)('email.reportReturned.subject', {
		plan: props.planName,
	})
}

/** To the drafter: a receiving organisation returned the report, asking for more. */
export default function ReportReturned(props: PlanEmailProps) {
	const t = emailTranslator(props.locale)
	return (
		<EmailLayout
			locale={props.locale}
			preview={subject(props)}
			informational={props.informational}
		>
			<Title>{t('email.reportReturned.heading')}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>
				{t('email.reportReturned.intro', {
					actor: props.actorName,
					actorOrg: props.actorOrganisation,
					plan: props.planName,
				})}
			</Paragraph>
			{props.comment ? (
				<Comment label={t('email.field.comment')} text={props.comment} />
			) : null}
			<Paragraph>{t('email.reportReturned.after')}</Paragraph>
			<PlanDetails
				locale={props.locale}
				planName={props.planName}
				organisationName={props.organisationName}
				statusLabel={props.statusLabel}
			/>
			<ActionButton locale={props.locale} href={props.planUrl}>
				{t('email.reportReturned.button')}
			</ActionButton>
		</EmailLayout>
	)
}

ReportReturned.PreviewProps = {
	locale: 'vi',
	recipientName: 'Lê Văn Đức',
	planName: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	statusLabel: 'Báo cáo bị trả lại',
	actorName: 'Trần Quốc Bảo',
	actorOrganisation: 'Ban Đối ngoại TLĐ',
	comment:
		'Đề nghị bổ sung kết quả hội đàm và danh sách thành viên thực tế tham gia đoàn.',
	planUrl: 'http://localhost:3000/plans/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b',
	informational: false,
} satisfies PlanEmailProps
