import { planEventEmail } from './components/plan-event.tsx'
import { type PlanEmailProps } from './index.ts'

const email = planEventEmail({
	subject: 'email.planRejected.subject',
	heading: 'email.planRejected.heading',
	intro: 'email.planRejected.intro',
	commentLabel: 'email.field.reason',
	after: 'email.planRejected.after',
	showStep: true,
})

export const subject = email.subject

export default function PlanRejected(props: PlanEmailProps) {
	return <email.Component {...props} />
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
