import { planEventEmail } from './components/plan-event.tsx'
import { type PlanEmailProps } from './index.ts'

const email = planEventEmail({
	subject: 'email.planReturned.subject',
	heading: 'email.planReturned.heading',
	intro: 'email.planReturned.intro',
	after: 'email.planReturned.after',
	button: 'email.planReturned.button',
	showStep: true,
})

export const subject = email.subject

export default function PlanReturned(props: PlanEmailProps) {
	return <email.Component {...props} />
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
