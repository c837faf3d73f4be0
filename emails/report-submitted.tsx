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
	const t = emailTranslator(props.locale)
	return t(
		props.informational
			? 'email.reportSubmitted.subjectInformational'
			: props.resubmitted
				? 'email.reportSubmitted.subjectResubmitted'
				: 'email.reportSubmitted.subject',
		{ plan: props.planName },
	)
}

/**
 * To the approvers of the organisations the report goes to: the last of them acknowledges it
 * (asked to act); the others receive it for information and may return it.
 */
export default function ReportSubmitted(props: PlanEmailProps) {
	const t = emailTranslator(props.locale)
	return (
		<EmailLayout
			locale={props.locale}
			preview={subject(props)}
			informational={props.informational}
		>
			<Title>{t('email.reportSubmitted.heading')}</Title>
			<Paragraph>
				{t('email.greeting', { name: props.recipientName })}
			</Paragraph>
			<Paragraph>
				{t('email.reportSubmitted.intro', {
					actor: props.actorName,
					actorOrg: props.actorOrganisation,
					plan: props.planName,
					org: props.organisationName,
				})}
			</Paragraph>
			{props.resubmitted ? (
				<Paragraph>{t('email.reportSubmitted.resubmitted')}</Paragraph>
			) : null}
			{props.comment ? (
				<Comment label={t('email.field.comment')} text={props.comment} />
			) : null}
			<Paragraph>
				{props.informational
					? t('email.reportSubmitted.info')
					: t('email.reportSubmitted.action')}
			</Paragraph>
			<PlanDetails
				locale={props.locale}
				planName={props.planName}
				organisationName={props.organisationName}
				statusLabel={props.statusLabel}
				extra={[
					{
						label: t('email.field.submittedBy'),
						value: `${props.actorName} (${props.actorOrganisation})`,
					},
				]}
			/>
			<ActionButton locale={props.locale} href={props.planUrl}>
				{t('email.reportSubmitted.button')}
			</ActionButton>
		</EmailLayout>
	)
}

ReportSubmitted.PreviewProps = {
	locale: 'vi',
	recipientName: 'Trần Quốc Bảo',
	planName: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	statusLabel: 'Đã nộp báo cáo',
	actorName: 'Lê Văn Đức',
	actorOrganisation: 'LĐLĐ tỉnh Quảng Trị',
	comment: null,
	resubmitted: false,
	planUrl: 'http://localhost:3000/plans/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b',
	informational: false,
} satisfies PlanEmailProps
