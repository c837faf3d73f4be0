export const emailVi = {
	'email.subjectPrefix': '[Đối ngoại]',
	'email.greeting': 'Kính gửi {name},',
	'email.footer.automatic':
		'Email tự động từ hệ thống {app}, vui lòng không trả lời.',
	'email.footer.informational':
		'Đây là email để biết. Bạn có thể tắt các email để biết trong phần Cài đặt thông báo của tài khoản; các email cần bạn xử lý vẫn được gửi.',
	'email.linkFallback':
		'Nếu nút không mở được, hãy sao chép liên kết sau vào trình duyệt:',
	'email.field.plan': 'Kế hoạch',
	'email.field.organisation': 'Đơn vị',
	'email.field.status': 'Trạng thái',
	'email.field.step': 'Bước duyệt',
	'email.field.submittedBy': 'Người gửi',
	'email.field.comment': 'Ý kiến',
	'email.field.reason': 'Lý do',
	'email.field.email': 'Email đăng nhập',
	'email.field.roles': 'Vai trò',
	'email.viewPlan': 'Xem kế hoạch',

	'email.planSubmitted.subject': 'Kế hoạch "{plan}" chờ bạn phê duyệt',
	'email.planSubmitted.subjectResubmitted':
		'Kế hoạch "{plan}" đã sửa, chờ bạn phê duyệt',
	'email.planSubmitted.heading': 'Kế hoạch “{plan}” đang chờ {step} phê duyệt',
	'email.planSubmitted.headingNoStep': 'Kế hoạch “{plan}” đang chờ phê duyệt',
	'email.planSubmitted.intro':
		'{actor} ({actorOrg}) đã gửi kế hoạch của {org}. Mời bạn xem và cho ý kiến phê duyệt.',
	'email.planSubmitted.resubmitted':
		'Đây là bản đã sửa: kế hoạch bị trả lại trước đó, đơn vị soạn thảo đã chỉnh sửa và gửi duyệt lại.',
	'email.planSubmitted.button': 'Xem và phê duyệt',

	'email.planStepApproved.subject': 'Kế hoạch "{plan}" đã qua bước {step}',
	'email.planStepApproved.heading': 'Kế hoạch đã qua bước {step}',
	'email.planStepApproved.intro':
		'{actor} ({actorOrg}) đã duyệt kế hoạch “{plan}” ở bước {step}.',
	'email.planStepApproved.next': 'Kế hoạch đang chờ bước tiếp theo: {next}.',

	'email.planReturned.subject': 'Kế hoạch "{plan}" bị trả lại để sửa',
	'email.planReturned.heading': 'Kế hoạch bị trả lại để sửa',
	'email.planReturned.intro':
		'{actor} ({actorOrg}) đã trả lại kế hoạch “{plan}” với ý kiến sau:',
	'email.planReturned.after':
		'Hãy sửa kế hoạch theo ý kiến trên rồi gửi duyệt lại.',
	'email.planReturned.button': 'Sửa kế hoạch',

	'email.planRejected.subject': 'Kế hoạch "{plan}" không được phê duyệt',
	'email.planRejected.heading': 'Kế hoạch không được phê duyệt',
	'email.planRejected.intro':
		'{actor} ({actorOrg}) đã không phê duyệt kế hoạch “{plan}” của {org}.',
	'email.planRejected.after':
		'Kế hoạch đã kết thúc và không thể gửi duyệt lại.',

	'email.planApproved.subject': 'Kế hoạch "{plan}" đã được phê duyệt',
	'email.planApproved.heading': 'Kế hoạch đã được phê duyệt',
	'email.planApproved.intro':
		'Kế hoạch “{plan}” của {org} đã được phê duyệt đầy đủ. Bước cuối cùng do {actor} ({actorOrg}) duyệt.',

	'email.accountCreated.subject': 'Tài khoản của bạn đã được tạo',
	'email.accountCreated.heading': 'Tài khoản của bạn đã sẵn sàng',
	'email.accountCreated.intro':
		'Quản trị viên đã tạo cho bạn một tài khoản trên hệ thống {app}.',
	'email.accountCreated.password':
		'Quản trị viên sẽ gửi riêng cho bạn một mật khẩu dùng một lần. Bạn phải đổi mật khẩu này khi đăng nhập lần đầu.',
	'email.accountCreated.button': 'Đăng nhập',

	'email.passwordReset.subject': 'Đặt lại mật khẩu',
	'email.passwordReset.heading': 'Đặt lại mật khẩu',
	'email.passwordReset.intro':
		'Hệ thống nhận được yêu cầu đặt lại mật khẩu cho tài khoản của bạn. Bấm nút dưới đây để chọn mật khẩu mới.',
	'email.passwordReset.validity':
		'Liên kết có hiệu lực trong {minutes} phút và chỉ dùng được một lần.',
	'email.passwordReset.ignore':
		'Nếu bạn không yêu cầu đặt lại mật khẩu, hãy bỏ qua email này; mật khẩu của bạn vẫn giữ nguyên.',
	'email.passwordReset.button': 'Đặt lại mật khẩu',
} as const

export type EmailMessageKey = keyof typeof emailVi
