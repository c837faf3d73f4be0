import { deadlineVi } from './deadline-vi.ts'

export const emailVi = {
	...deadlineVi,
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

	'email.field.returnedOn': 'Ngày về',
	'email.field.reportDue': 'Hạn nộp báo cáo',
	'email.field.daysLate': 'Số ngày quá hạn',
	'email.field.drafter': 'Người soạn thảo',
	'email.field.waitingSince': 'Chờ duyệt từ ngày',
	'email.field.daysWaiting': 'Số ngày làm việc đã chờ',
	'email.days': '{days} ngày',
	'email.workingDays': '{days} ngày làm việc',

	'email.reportDue.subject':
		'Còn {days} ngày đến hạn báo cáo kết quả chuyến đi "{plan}"',
	'email.reportDue.subjectToday':
		'Hôm nay đến hạn báo cáo kết quả chuyến đi "{plan}"',
	'email.reportDue.heading': 'Còn {days} ngày đến hạn nộp báo cáo kết quả',
	'email.reportDue.subjectWorking':
		'Còn {days} ngày làm việc đến hạn báo cáo kết quả chuyến đi "{plan}"',
	'email.reportDue.headingWorking':
		'Còn {days} ngày làm việc đến hạn nộp báo cáo kết quả',
	'email.reportDue.headingToday': 'Hôm nay là hạn nộp báo cáo kết quả',
	'email.reportDue.intro':
		'Đoàn “{plan}” của {org} đã về ngày {returned}. Báo cáo kết quả chuyến đi phải nộp chậm nhất ngày {due}.',
	'email.reportDue.introNoReturn':
		'Báo cáo kết quả chuyến đi của đoàn “{plan}” ({org}) phải nộp chậm nhất ngày {due}.',
	'email.reportDue.after':
		'Mời bạn lập báo cáo (tóm tắt, kết quả, hoạt động đã thực hiện, kiến nghị, thành viên tham gia) và nộp cho các cơ quan trong quy trình duyệt.',
	'email.reportDue.button': 'Lập báo cáo',

	'email.reportOverdue.subject':
		'Báo cáo kết quả chuyến đi "{plan}" đã quá hạn {days} ngày',
	'email.reportOverdue.heading': 'Báo cáo kết quả đã quá hạn {days} ngày',
	'email.reportOverdue.intro':
		'Báo cáo kết quả chuyến đi của đoàn “{plan}” đến hạn ngày {due} nhưng đến nay vẫn chưa được nộp.',
	'email.reportOverdue.after':
		'Đề nghị bạn hoàn thành và nộp báo cáo ngay. Hệ thống sẽ tiếp tục nhắc mỗi 7 ngày cho đến khi báo cáo được nộp.',
	'email.reportOverdue.escalationIntro':
		'Báo cáo kết quả chuyến đi của đoàn “{plan}” thuộc {org} đến hạn ngày {due}, đã quá hạn {days} ngày mà chưa được nộp, dù người soạn thảo ({drafter}) đã được nhắc.',
	'email.reportOverdue.escalationAfter':
		'Email này gửi đến lãnh đạo duyệt của đơn vị để đôn đốc việc nộp báo cáo.',
	'email.reportOverdue.button': 'Lập báo cáo',

	'email.tripEnd.subject':
		'Đoàn "{plan}" đã qua ngày kết thúc {end}: cần ghi nhận kết thúc chuyến đi',
	'email.tripEnd.heading': 'Đoàn đã qua ngày kết thúc {end}',
	'email.tripEnd.intro':
		'Theo kế hoạch, chuyến đi của đoàn “{plan}” kết thúc ngày {end}, nhưng hệ thống vẫn ghi nhận đoàn đang thực hiện chuyến đi.',
	'email.tripEnd.after':
		'Khi chuyến đi đã kết thúc, mời bạn mở kế hoạch và bấm “{action}” với ngày kết thúc thực tế: hạn nộp báo cáo kết quả được tính từ ngày đó. Hệ thống sẽ nhắc mỗi 7 ngày cho đến khi chuyến đi được ghi nhận kết thúc.',
	'email.tripEnd.escalationIntro':
		'Chuyến đi của đoàn “{plan}” thuộc {org} kết thúc ngày {end} theo kế hoạch, đã qua {days} ngày mà chưa được ghi nhận kết thúc, dù người soạn thảo ({drafter}) đã được nhắc.',
	'email.tripEnd.escalationAfter':
		'Email này gửi đến lãnh đạo duyệt của đơn vị để đôn đốc việc ghi nhận kết thúc chuyến đi và nộp báo cáo kết quả.',
	'email.field.departedOn': 'Ngày xuất phát',
	'email.field.endDate': 'Ngày kết thúc theo kế hoạch',

	'email.approvalWaiting.subject':
		'Kế hoạch "{plan}" đã chờ bạn phê duyệt {days} ngày làm việc',
	'email.approvalWaiting.heading':
		'Kế hoạch đã chờ {step} duyệt {days} ngày làm việc',
	'email.approvalWaiting.headingNoStep':
		'Kế hoạch đã chờ duyệt {days} ngày làm việc',
	'email.approvalWaiting.intro':
		'Kế hoạch “{plan}” của {org} được chuyển đến đơn vị bạn ngày {since} và đến nay đã chờ {days} ngày làm việc.',
	'email.approvalWaiting.after':
		'Mời bạn xem và cho ý kiến: phê duyệt, trả lại để sửa hoặc không phê duyệt.',
	'email.approvalWaiting.button': 'Xem và phê duyệt',

	'email.reportSubmitted.subject':
		'Báo cáo kết quả chuyến đi "{plan}" chờ bạn tiếp nhận',
	'email.reportSubmitted.subjectResubmitted':
		'Báo cáo kết quả chuyến đi "{plan}" đã bổ sung, chờ bạn tiếp nhận',
	'email.reportSubmitted.subjectInformational':
		'Báo cáo kết quả chuyến đi "{plan}" đã được nộp',
	'email.reportSubmitted.heading': 'Báo cáo kết quả chuyến đi đã được nộp',
	'email.reportSubmitted.intro':
		'{actor} ({actorOrg}) đã nộp báo cáo kết quả chuyến đi của đoàn “{plan}” ({org}).',
	'email.reportSubmitted.resubmitted':
		'Đây là bản đã bổ sung: báo cáo bị trả lại trước đó, đơn vị đã bổ sung và nộp lại.',
	'email.reportSubmitted.action':
		'Mời bạn xem báo cáo và xác nhận đã tiếp nhận, hoặc trả lại kèm ý kiến nếu cần bổ sung.',
	'email.reportSubmitted.info':
		'Báo cáo được gửi đến đơn vị bạn để biết; nếu cần bổ sung, bạn có thể trả lại kèm ý kiến.',
	'email.reportSubmitted.button': 'Xem báo cáo',

	'email.reportReturned.subject':
		'Báo cáo kết quả chuyến đi "{plan}" bị trả lại để bổ sung',
	'email.reportReturned.heading': 'Báo cáo kết quả bị trả lại để bổ sung',
	'email.reportReturned.intro':
		'{actor} ({actorOrg}) đã trả lại báo cáo kết quả chuyến đi của đoàn “{plan}” với ý kiến sau:',
	'email.reportReturned.after':
		'Hãy bổ sung báo cáo theo ý kiến trên rồi nộp lại.',
	'email.reportReturned.button': 'Bổ sung báo cáo',

	'email.reportAcknowledged.subject':
		'Báo cáo kết quả chuyến đi "{plan}" đã được tiếp nhận',
	'email.reportAcknowledged.heading': 'Báo cáo kết quả đã được tiếp nhận',
	'email.reportAcknowledged.intro':
		'{actor} ({actorOrg}) đã tiếp nhận báo cáo kết quả chuyến đi của đoàn “{plan}”. Kế hoạch đã kết thúc.',
	'email.planSubmitted.decideIntro':
		'Bạn cũng có thể quyết định ngay từ email này. Liên kết chỉ dành cho bạn, dùng được một lần trong 7 ngày, và trang mở ra sẽ hỏi bạn xác nhận trước khi ghi nhận.',
	'email.planSubmitted.approve': 'Phê duyệt',
	'email.planSubmitted.return': 'Trả lại',
	'email.reportReminder.drafterInactive':
		'Người soạn thảo kế hoạch ({drafter}) không còn hoạt động trong hệ thống, nên nhắc nhở này được gửi đến những người soạn thảo của đơn vị.',
	'email.field.passport': 'Hộ chiếu',
	'email.field.passportDue': 'Hạn nộp lại hộ chiếu',
	'email.passport.button': 'Xem hộ chiếu',
	'email.passportDue.subject':
		'Còn {days} ngày làm việc đến hạn nộp lại hộ chiếu của {holder}',
	'email.passportDue.subjectToday':
		'Hôm nay là hạn nộp lại hộ chiếu của {holder}',
	'email.passportDue.heading':
		'Còn {days} ngày làm việc đến hạn nộp lại hộ chiếu',
	'email.passportDue.headingToday': 'Hôm nay là hạn nộp lại hộ chiếu',
	'email.passportDue.intro':
		'Hộ chiếu {number} của {holder} đã được giao cho chuyến đi “{plan}”, về ngày {returned}. Theo Quyết định 58/2012/QĐ-TTg, hộ chiếu phải được nộp lại cho cơ quan quản lý trước {due}, {workingDays} ngày làm việc sau ngày về.',
	'email.passportOverdue.subject':
		'Hộ chiếu của {holder} đã quá hạn nộp lại {days} ngày',
	'email.passportOverdue.heading': 'Hộ chiếu đã quá hạn nộp lại {days} ngày',
	'email.passportOverdue.intro':
		'Hộ chiếu {number} của {holder} (chuyến đi “{plan}”) phải được nộp lại trước {due} nhưng chưa được nhận lại. Đề nghị nhắc người mang hộ chiếu nộp lại ngay.',
	'email.passportOverdue.escalationIntro':
		'Hộ chiếu {number} của {holder} (chuyến đi “{plan}”, người soạn thảo: {drafter}) đã quá hạn nộp lại {days} ngày (hạn {due}). Đề nghị đồng chí đôn đốc việc nộp lại.',
	'email.passportDue.holderIntro':
		'Hộ chiếu {number} của đồng chí đã được giao cho chuyến đi “{plan}”, về ngày {returned}. Theo Quyết định 58/2012/QĐ-TTg, đồng chí cần nộp lại hộ chiếu cho cơ quan quản lý trước {due}, {workingDays} ngày làm việc sau ngày về.',
	'email.passportOverdue.holderIntro':
		'Hộ chiếu {number} của đồng chí (chuyến đi “{plan}”) phải được nộp lại trước {due} nhưng cơ quan quản lý chưa nhận lại, đã quá hạn {days} ngày. Đề nghị đồng chí nộp lại ngay.',
	'email.passport.holderOutro':
		'Đồng chí nhận được thư này vì địa chỉ email của đồng chí có trong danh bạ cán bộ của đơn vị. Nếu có điều gì chưa đúng, xin liên hệ bộ phận quản lý hộ chiếu của đơn vị.',
	'email.passportsExpiring.subject':
		'{count} hộ chiếu của {org} hết hạn trong 6 tháng tới',
	'email.passportsExpiring.holderSubject': 'Hộ chiếu của đồng chí sắp hết hạn',
	'email.passportsExpiring.holderSubjectExpired':
		'Hộ chiếu của đồng chí đã hết hạn',
	'email.passportsExpiring.heading': 'Hộ chiếu hết hạn trước {until}',
	'email.passportsExpiring.holderHeading': 'Hộ chiếu sắp hết hạn',
	'email.passportsExpiring.intro':
		'Danh sách hằng tuần ngày {today}: {count} hộ chiếu do {org} quản lý hết hạn trước {until} (trong vòng 6 tháng) hoặc đã hết hạn. Theo Quyết định 58/2012/QĐ-TTg, hộ chiếu còn hạn dưới 6 tháng cần được báo cho người mang hộ chiếu để làm thủ tục gia hạn hoặc cấp mới.',
	'email.passportsExpiring.holderIntro':
		'Hộ chiếu dưới đây của đồng chí, do {org} quản lý, hết hạn trước {until} (còn hạn dưới 6 tháng) hoặc đã hết hạn. Đề nghị đồng chí liên hệ bộ phận quản lý hộ chiếu để làm thủ tục gia hạn hoặc cấp mới.',
	'email.passportsExpiring.col.number': 'Số hộ chiếu',
	'email.passportsExpiring.col.kind': 'Loại',
	'email.passportsExpiring.col.expires': 'Ngày hết hạn',
	'email.passportsExpiring.col.left': 'Thời hạn còn lại',
	'email.passportsExpiring.col.where': 'Hiện ở đâu',
	'email.passportsExpiring.button': 'Xem danh sách hộ chiếu',
	'email.passportsExpiring.expired': 'Đã hết hạn',
	'email.passportsExpiring.expiresToday': 'Hết hạn hôm nay',
	'email.passportsExpiring.leftDays': 'còn {days} ngày',
	'email.passportsExpiring.leftMonths': 'còn {months} tháng',
	'email.passportsExpiring.leftMonthsDays': 'còn {months} tháng {days} ngày',
	'email.passportsExpiring.inSafe': 'Trong tủ',
	'email.passportsExpiring.out': 'Đang giao cho chuyến đi “{plan}”',
	'email.field.request': 'Yêu cầu báo cáo',
	'email.field.requestNumber': 'Số công văn',
	'email.field.requestDue': 'Hạn nộp báo cáo',
	'email.requestReminder.subject':
		'Còn {days} ngày đến hạn nộp báo cáo "{title}"',
	'email.requestReminder.subjectToday': 'Hôm nay đến hạn nộp báo cáo "{title}"',
	'email.requestReminder.subjectOverdue':
		'Báo cáo "{title}" đã quá hạn {days} ngày',
	'email.requestReminder.intro':
		'Thực hiện Công văn số {number} của {issuer} về việc “{title}”, đơn vị cần nộp báo cáo chậm nhất ngày {due}.',
	'email.requestReminder.button': 'Lập báo cáo',
	'email.requestReturned.subject': 'Báo cáo "{title}" bị trả lại',
	'email.requestReturned.intro':
		'{issuer} đã trả lại báo cáo “{title}” của đơn vị để bổ sung, chỉnh sửa. Đơn vị sửa theo ý kiến dưới đây và nộp lại.',
	'email.requestReturned.comment': 'Ý kiến',
	'email.requestReturned.button': 'Sửa và nộp lại báo cáo',
} as const

export type EmailMessageKey = keyof typeof emailVi
