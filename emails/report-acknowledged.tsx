import { planEventEmail } from './components/plan-event.tsx'
import { type PlanEmailProps } from './index.ts'

const email = planEventEmail({
	subject: 'email.reportAcknowledged.subject',
	heading: 'email.reportAcknowledged.heading',
	intro: 'email.reportAcknowledged.intro',
})

export const subject = email.subject

/** To the drafter, for information: the report was acknowledged and the plan is closed. */
export default function ReportAcknowledged(props: PlanEmailProps) {
	return <email.Component {...props} />
}

ReportAcknowledged.PreviewProps = {
	locale: 'vi',
	recipientName: 'Lê Văn Đức',
	planName: 'Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)',
	organisationName: 'Liên đoàn Lao động tỉnh Quảng Trị',
	statusLabel: 'Đã kết thúc',
	actorName: 'Trần Quốc Bảo',
	actorOrganisation: 'Ban Đối ngoại TLĐ',
	comment: 'Đã tiếp nhận. Cảm ơn đơn vị.',
	planUrl: 'http://localhost:3000/plans/3f1c2a9e-1111-4c7b-9a51-0c1d2e3f4a5b',
	informational: true,
} satisfies PlanEmailProps
