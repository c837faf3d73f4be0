export const annualReportVi = {
	'nav.annualReports': 'Báo cáo năm',
	'annualReport.list': 'Báo cáo công tác đối ngoại hằng năm',
	'annualReport.new': 'Lập báo cáo năm',
	'annualReport.newHint':
		'Báo cáo kết quả công tác đối ngoại năm N và kế hoạch năm N+1. Các bảng và số liệu được lấy từ kế hoạch đoàn; phần lời văn được điền sẵn để bạn sửa.',
	'annualReport.create': 'Lập báo cáo',
	'annualReport.created':
		'Đã lập báo cáo, nội dung được điền sẵn từ kế hoạch đoàn.',
	'annualReport.exists': 'Báo cáo của năm này đã có, mở bản đang soạn.',
	'annualReport.organisation': 'Đơn vị',
	'annualReport.year': 'Năm báo cáo (N)',
	'annualReport.number': 'Số, ký hiệu',
	'annualReport.date': 'Ngày báo cáo',
	'annualReport.updated': 'Lưu lần cuối',
	'annualReport.none': 'Chưa có báo cáo năm nào.',
	'annualReport.progress': 'Tình hình báo cáo năm {year} của các đơn vị',
	'annualReport.progressYear': 'Năm báo cáo',
	'annualReport.progressShow': 'Xem',
	'annualReport.progress.missing': 'Chưa lập báo cáo: {count} đơn vị',
	'annualReport.progress.drafting': 'Đang soạn, chưa phát hành: {count} đơn vị',
	'annualReport.progress.issued': 'Đã phát hành: {count} đơn vị',
	'annualReport.progress.issuedAs': 'Số {number}, ngày {date}',
	'annualReport.titleOf': 'Năm {year} và kế hoạch năm {next}',
	'annualReport.yearInvalid': 'Năm phải là số từ 2000 đến 2100',
	'annualReport.editTitle':
		'Báo cáo công tác đối ngoại năm {year} và kế hoạch năm {next}',
	'annualReport.lastSaved': 'lưu lần cuối lúc {when}',
	'annualReport.print': 'Bản in',
	'annualReport.printNow': 'In báo cáo',
	'annualReport.backToEditor': 'Quay lại soạn thảo',
	'annualReport.download': 'Tải DOCX',
	'annualReport.header': 'Phần đầu văn bản',
	'annualReport.sections': 'Nội dung',
	'annualReport.closing': 'Nơi nhận và chữ ký',
	'annualReport.save': 'Lưu bản nháp',
	'annualReport.saved': 'Đã lưu báo cáo.',
	'annualReport.conflict':
		'Báo cáo đã được người khác lưu sau khi bạn mở trang, nên bản của bạn chưa được lưu. Nội dung bạn nhập vẫn ở dưới đây: hãy sao chép phần cần giữ, tải lại trang rồi lưu lại.',
	'annualReport.numberInvalid':
		'Số, ký hiệu phải có dạng 323/BC-LĐLĐ (có thể để trống phần số: /BC-LĐLĐ)',
	'annualReport.dateInvalid':
		'Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy',
	'annualReport.dateYear': 'Ngày báo cáo phải thuộc năm {from} hoặc năm {to}',
	'annualReport.tables': 'Các bảng tự động lập từ kế hoạch đoàn',
	'annualReport.tablesHint':
		'Các bảng này được lập lại từ kế hoạch đoàn mỗi khi xem, in hoặc tải báo cáo; muốn đổi nội dung, hãy sửa kế hoạch đoàn.',
	'annualReport.field.governing_body': 'Cơ quan chủ quản',
	'annualReport.field.number_symbol': 'Số, ký hiệu',
	'annualReport.field.place': 'Địa danh',
	'annualReport.field.report_date': 'Ngày ban hành',
	'annualReport.field.request_text': 'Căn cứ (văn bản yêu cầu báo cáo)',
	'annualReport.field.results': '1. Kết quả đạt được',
	'annualReport.field.difficulties': '2. Khó khăn, hạn chế',
	'annualReport.field.proposals': '3. Kiến nghị, đề xuất',
	'annualReport.field.plan_intro':
		'II. Kế hoạch năm sau: lời dẫn trước các bảng',
	'annualReport.field.recipients': 'Nơi nhận',
	'annualReport.field.signature_on_behalf': 'Thẩm quyền ký (TM., KT.)',
	'annualReport.field.signature_title': 'Chức vụ người ký',
	'annualReport.field.signer_name': 'Họ và tên người ký',
	'annualReport.hint.issued':
		'Đã cấp số trong Sổ văn bản đi: số và ngày giữ như đã cấp.',
	'annualReport.hint.number':
		'Ví dụ 323/BC-LĐLĐ; để trống phần số nếu văn thư cấp số sau.',
	'annualReport.hint.planIntro':
		'Câu “Năm …, … dự kiến tổ chức … đoàn ra …” trước các bảng được viết tự động từ các kế hoạch đã gửi; ở đây chỉ ghi phần dẫn thêm (nếu có).',
	'annualReport.hint.date': 'dd/mm/yyyy',
	'annualReport.hint.request':
		'Ví dụ: Thực hiện Công văn số 1068/SNgv-VP ngày 17/10/2019 của Sở Ngoại vụ về việc …',
	'annualReport.hint.results':
		'Đã điền sẵn các đoàn đã thực hiện và các đoàn không thực hiện (kèm lý do) trong năm; mỗi dòng là một đoạn.',
	'annualReport.hint.recipients': 'Mỗi dòng một nơi nhận.',
} as const
