export const substitutesVi = {
	'substitutes.title': 'Ủy quyền phê duyệt',
	'substitutes.intro':
		'Khi vắng mặt, người phê duyệt có thể ủy quyền cho một người cùng đơn vị phê duyệt thay trong khoảng ngày đã chọn.',
	'substitutes.row': '{substitute} thay mặt {principal}, từ {from} đến {to}',
	'substitutes.end': 'Kết thúc sớm',
	'substitutes.none': 'Chưa có ủy quyền nào đang hoặc sắp có hiệu lực.',
	'substitutes.new': 'Ủy quyền mới',
	'substitutes.principal': 'Người phê duyệt',
	'substitutes.substitute': 'Người được ủy quyền',
	'substitutes.from': 'Từ ngày',
	'substitutes.to': 'Đến ngày',
	'substitutes.saved': 'Đã lưu ủy quyền.',
	'substitutes.ended': 'Đã kết thúc ủy quyền.',
	'substitutes.errors.date': 'Nhập ngày theo dạng dd/mm/yyyy.',
	'substitutes.onBehalf': '{substitute} thay mặt {principal}',
	'substitutes.stepTook': 'Bước này mất {duration}',
	'substitutes.days': '{n} ngày',
	'substitutes.hours': '{n} giờ',
	'substitutes.underHour': 'dưới 1 giờ',
	'substitutes.errors.overlap':
		'Khoảng thời gian này trùng với một ủy quyền khác của người này.',
	'substitutes.errors.past': 'Ngày bắt đầu không được ở trong quá khứ.',
	'substitutes.errors.order': 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.',
	'substitutes.errors.self': 'Không thể ủy quyền cho chính mình.',
	'substitutes.errors.substitute':
		'Người được ủy quyền phải là người dùng đang hoạt động của cùng đơn vị.',
} as const
