export const securityVi = {
	'csrf.title': 'Yêu cầu bị từ chối',
	'csrf.message':
		'Yêu cầu này không xuất phát từ một trang của ứng dụng nên không được thực hiện. Không có gì thay đổi. Hãy mở lại trang và thử lại.',
	'csrf.home': 'Về trang chủ',
	'mail.title': 'Thư của tôi',
	'mail.hint':
		'Các email hệ thống gửi cho bạn. Khi chưa cấu hình máy chủ thư (SMTP_URL), bạn đọc chúng tại đây; liên kết trong thư chỉ dùng được cho chính bạn.',
	'mail.back': 'Quay lại thư của tôi',
	'mail.sentHint':
		'Thư đã được gửi tới hộp thư email của bạn; bản lưu ở đây không chứa các liên kết dùng một lần.',
	'outbox.hintPrivate':
		'Email hệ thống gửi tới người dùng của tổ chức bạn quản trị: người nhận, tiêu đề và trạng thái. Nội dung và liên kết trong thư chỉ người nhận đọc được (mục “Thư của tôi”, hoặc hộp thư email khi đã cấu hình SMTP_URL).',
	'outbox.bodyPrivate':
		'Nội dung thư chỉ người nhận đọc được, vì có thể chứa liên kết dùng một lần (phê duyệt, đặt lại mật khẩu).',
	'decide.problem.otherUser':
		'Liên kết này được gửi cho {name}, nhưng bạn đang đăng nhập với tài khoản khác. Liên kết chỉ dùng được cho người nhận email. Không có gì thay đổi.',
	'decide.problem.ownSubmission':
		'Người gửi duyệt kế hoạch không được tự phê duyệt hoặc trả lại kế hoạch đó. Không có gì thay đổi.',
	'plan.ownSubmission':
		'Bạn là người gửi duyệt kế hoạch này nên không thể phê duyệt, trả lại hoặc không phê duyệt nó (tách bạch người lập và người duyệt).',
	'plan.ownReport':
		'Bạn là người nộp báo cáo sau chuyến đi này nên không thể xác nhận hoặc trả lại báo cáo đó.',
	'timeline.viaLink': 'qua liên kết trong email',
} as const
