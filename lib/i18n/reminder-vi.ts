// In-app notification texts of the report events and the reminders (spread into vi.ts).
// Dates arrive as dd/mm/yyyy; see workflows/notify/notification-text.ts for the variants.
export const reminderVi = {
	'notify.report-due':
		'Còn {days} ngày đến hạn nộp báo cáo kết quả chuyến đi của đoàn “{planName}” (hạn {dueDate}).',
	'notify.report-due-today':
		'Hôm nay ({dueDate}) là hạn nộp báo cáo kết quả chuyến đi của đoàn “{planName}”.',
	'notify.report-overdue':
		'Báo cáo kết quả chuyến đi của đoàn “{planName}” đã quá hạn {days} ngày (hạn {dueDate}).',
	'notify.report-overdue-escalation':
		'Báo cáo kết quả chuyến đi của đoàn “{planName}” ({organisationName}) đã quá hạn {days} ngày (hạn {dueDate}), người soạn thảo: {drafterName}.',
	'notify.trip-end-overdue':
		'Đoàn “{planName}” đã qua ngày kết thúc {endDate} {days} ngày nhưng chưa được ghi nhận kết thúc chuyến đi.',
	'notify.trip-end-overdue-escalation':
		'Đoàn “{planName}” ({organisationName}) đã qua ngày kết thúc {endDate} {days} ngày nhưng chưa được ghi nhận kết thúc chuyến đi, người soạn thảo: {drafterName}.',
	'notify.approval-waiting':
		'Kế hoạch “{planName}” của {organisationName} đã chờ {stepLabel} duyệt {days} ngày (từ {waitingSinceDate}).',
	'notify.approval-waiting-no-step':
		'Kế hoạch “{planName}” của {organisationName} đã chờ đơn vị bạn duyệt {days} ngày (từ {waitingSinceDate}).',
	'notify.approval-waiting-working':
		'Kế hoạch “{planName}” của {organisationName} đã chờ {stepLabel} duyệt {days} ngày làm việc (từ {waitingSinceDate}).',
	'notify.approval-waiting-no-step-working':
		'Kế hoạch “{planName}” của {organisationName} đã chờ đơn vị bạn duyệt {days} ngày làm việc (từ {waitingSinceDate}).',
	'notify.report-due-working':
		'Còn {days} ngày làm việc đến hạn nộp báo cáo kết quả chuyến đi của đoàn “{planName}” (hạn {dueDate}).',
	'notify.report-submitted':
		'{actorName} ({actorOrganisation}) đã nộp báo cáo kết quả chuyến đi của đoàn “{planName}”.',
	'notify.report-resubmitted':
		'{actorName} ({actorOrganisation}) đã nộp lại báo cáo kết quả chuyến đi của đoàn “{planName}” sau khi bổ sung.',
	'notify.report-returned':
		'{actorName} ({actorOrganisation}) đã trả lại báo cáo kết quả chuyến đi của đoàn “{planName}”: {comment}',
	'notify.report-acknowledged':
		'{actorName} ({actorOrganisation}) đã tiếp nhận báo cáo kết quả chuyến đi của đoàn “{planName}”; kế hoạch đã kết thúc.',
	'notify.passport-due':
		'Còn {days} ngày làm việc đến hạn nộp lại hộ chiếu {passportNumber} của {holderName} (chuyến đi “{planName}”, hạn {dueDate}).',
	'notify.passport-due-today':
		'Hôm nay ({dueDate}) là hạn nộp lại hộ chiếu {passportNumber} của {holderName} (chuyến đi “{planName}”).',
	'notify.passport-overdue':
		'Hộ chiếu {passportNumber} của {holderName} (chuyến đi “{planName}”) đã quá hạn nộp lại {days} ngày (hạn {dueDate}).',
	'notify.passport-overdue-escalation':
		'Hộ chiếu {passportNumber} của {holderName} (chuyến đi “{planName}”, người soạn thảo: {drafterName}) đã quá hạn nộp lại {days} ngày (hạn {dueDate}).',
	'notify.passports-expiring':
		'Danh sách tuần {weekDate}: {count} hộ chiếu do {organisationName} quản lý hết hạn trước {untilDate} (trong vòng 6 tháng).',
	'notify.passports-expiring-expired':
		'Danh sách tuần {weekDate}: {count} hộ chiếu do {organisationName} quản lý hết hạn trước {untilDate} (trong vòng 6 tháng), trong đó {expired} hộ chiếu đã hết hạn.',
} as const
