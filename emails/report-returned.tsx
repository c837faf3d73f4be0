import { planEventEmail } from './components/plan-event.tsx'
import { type PlanEmailProps } from './index.ts'

const email = planEventEmail({
	subject: 'email.reportReturned.subject',
	heading: 'email.reportReturned.heading',
	intro: 'email.reportReturned.intro',
	after: 'email.reportReturned.after',
	button: 'email.reportReturned.button',
})

export const subject = email.subject

/** To the drafter: a receiving organisation returned the report, asking for more. */
export default function ReportReturned(props: PlanEmailProps) {
	return <email.Component {...props} />
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
