import { planEventEmail } from './components/plan-event.tsx'
import { type PlanEmailProps } from './index.ts'

const email = planEventEmail({
	subject: 'email.planApproved.subject',
	heading: 'email.planApproved.heading',
	intro: 'email.planApproved.intro',
})

export const subject = email.subject

export default function PlanApproved(props: PlanEmailProps) {
	return <email.Component {...props} />
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
