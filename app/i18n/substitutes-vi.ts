export const substitutesVi = {
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
