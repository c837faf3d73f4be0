// The plan page's timeline when it shows only the latest events (spread into vi.ts).
export const timelineVi = {
	'timeline.latest':
		'Đang hiển thị {shown} sự kiện gần nhất trong tổng số {total}.',
	'timeline.showAll': 'Xem toàn bộ lịch sử ({total} sự kiện)',
}
