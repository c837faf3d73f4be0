export const approvalsVi = {
	'approvals.title': 'Người phê duyệt ở bước hiện tại',
	'approvals.rule.any': 'Chỉ cần 1 người đồng ý',
	'approvals.rule.all': 'Tất cả {total} người cần đồng ý',
	'approvals.rule.min': '{required}/{total} người cần đồng ý',
	'approvals.progress': 'Đã có {approved}/{required} người đồng ý',
	'approvals.approvedAt': 'đã đồng ý lúc {time}',
	'approvals.waiting': 'chưa quyết định',
	'approvals.none': 'Tổ chức này chưa có người phê duyệt nào đang hoạt động.',
	'approvals.already':
		'Bạn đã đồng ý ở bước này; đang chờ những người phê duyệt khác.',
	'approvals.partialDone':
		'Đã ghi nhận ý kiến đồng ý của bạn ({approved}/{required}). Kế hoạch chờ thêm người phê duyệt khác.',
	'event.APPROVE_PARTIAL': 'Đồng ý (chờ người phê duyệt khác)',
	'event.APPROVE_PARTIAL.count':
		'Đồng ý ({approved}/{required}), chờ người phê duyệt khác',
	'approvals.ruleLabel': 'Số người cần đồng ý',
	'approvals.ruleOption.any': 'Một người bất kỳ',
	'approvals.ruleOption.all': 'Tất cả người phê duyệt',
	'approvals.ruleOption.min': 'Tối thiểu một số người',
	'approvals.minLabel': 'Số người tối thiểu',
	'approvals.minRequired': 'Nhập số người tối thiểu (từ 1 trở lên)',
	'approvals.minTooMany':
		'Số tối thiểu lớn hơn số người phê duyệt đang hoạt động của tổ chức này',
	'approvals.ruleBadge.all': 'tất cả đồng ý',
	'approvals.ruleBadge.min': 'tối thiểu {n} người',
	'confirm.title': 'Xác nhận quyết định',
	'confirm.question.APPROVE': 'Bạn chắc chắn phê duyệt kế hoạch “{name}”?',
	'confirm.question.RETURN': 'Bạn chắc chắn trả lại kế hoạch “{name}” để sửa?',
	'confirm.question.REJECT':
		'Bạn chắc chắn không phê duyệt kế hoạch “{name}”? Không thể hoàn tác.',
	'confirm.comment': 'Ý kiến của bạn: {comment}',
	'confirm.yes.APPROVE': 'Có, phê duyệt',
	'confirm.yes.RETURN': 'Có, trả lại',
	'confirm.yes.REJECT': 'Có, không phê duyệt',
	'confirm.cancel': 'Không, quay lại',
	'confirm.changed':
		'Kế hoạch đã thay đổi sau khi bạn mở trang nên quyết định chưa được ghi nhận. Hãy xem lại những thay đổi dưới đây rồi quyết định lại.',
	'confirm.changesTitle': 'Những thay đổi kể từ khi bạn mở trang',
} as const
