export const decideVi = {
	'decide.meta': 'Quyết định từ email',
	'decide.title.approve': 'Phê duyệt kế hoạch',
	'decide.title.return': 'Trả lại kế hoạch',
	'decide.for': 'Liên kết trong email gửi {name}.',
	'decide.onBehalf': 'Bạn quyết định thay mặt {principal} (ủy quyền).',
	'decide.question.approve':
		'Bạn có chắc chắn muốn phê duyệt kế hoạch “{name}” ở bước {step}?',
	'decide.question.return':
		'Bạn có chắc chắn muốn trả lại kế hoạch “{name}” để đơn vị soạn thảo sửa?',
	'decide.comment.approve': 'Ý kiến (không bắt buộc)',
	'decide.comment.return': 'Lý do trả lại (bắt buộc)',
	'decide.confirm.approve': 'Xác nhận phê duyệt',
	'decide.confirm.return': 'Xác nhận trả lại',
	'decide.hint':
		'Chưa có gì được ghi nhận cho đến khi bạn bấm nút xác nhận. Liên kết chỉ dùng được một lần.',
	'decide.summary': 'Tóm tắt kế hoạch',
	'decide.direction': 'Loại đoàn',
	'decide.step': 'Bước duyệt',
	'decide.current': 'Trạng thái hiện tại của kế hoạch',
	'decide.viewPlan': 'Mở kế hoạch (cần đăng nhập)',
	'decide.done.approve': 'Đã phê duyệt kế hoạch “{name}”.',
	'decide.done.approvePartial':
		'Đã ghi nhận phê duyệt của bạn ({approved}/{required}). Kế hoạch chờ thêm ý kiến của người phê duyệt khác ở bước này.',
	'decide.done.return': 'Đã trả lại kế hoạch “{name}” cho đơn vị soạn thảo.',
	'decide.problem.title': 'Liên kết này không còn dùng được',
	'decide.problem.invalid':
		'Liên kết không hợp lệ. Hãy mở lại liên kết trong email, hoặc đăng nhập để xử lý kế hoạch.',
	'decide.problem.used':
		'Bạn đã quyết định qua một liên kết trong email này: mỗi email chỉ dùng để quyết định một lần. Không có gì thay đổi; kế hoạch hiện ở trạng thái dưới đây.',
	'decide.problem.expired':
		'Liên kết này đã hết hạn (sau 7 ngày). Không có gì thay đổi; hãy đăng nhập để xử lý kế hoạch.',
	'decide.problem.decided':
		'Kế hoạch đã được xử lý sau khi email này được gửi. Không có gì thay đổi.',
	'decide.problem.moved':
		'Kế hoạch đã chuyển sang bước duyệt khác sau khi email này được gửi. Không có gì thay đổi.',
	'decide.problem.changed':
		'Kế hoạch đã thay đổi sau khi email này được gửi (ví dụ đã bị trả lại, sửa và gửi lại). Không có gì thay đổi; hãy xem bản mới trước khi quyết định.',
	'decide.problem.notAllowed':
		'Bạn không còn quyền quyết định ở bước này (vai trò hoặc ủy quyền đã thay đổi). Không có gì thay đổi.',
	'decide.problem.already':
		'Bạn đã phê duyệt kế hoạch này ở bước hiện tại. Không có gì thay đổi.',
} as const
