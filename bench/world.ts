/** Names the benchmark's generator draws from: real provinces, sector unions and partner countries. */

/** The 63 provinces and cities (before the 2025 merger); Quảng Trị is the demo federation. */
export const PROVINCES = [
	'Hà Nội',
	'Thành phố Hồ Chí Minh',
	'Hải Phòng',
	'Đà Nẵng',
	'Cần Thơ',
	'An Giang',
	'Bà Rịa - Vũng Tàu',
	'Bắc Giang',
	'Bắc Kạn',
	'Bạc Liêu',
	'Bắc Ninh',
	'Bến Tre',
	'Bình Định',
	'Bình Dương',
	'Bình Phước',
	'Bình Thuận',
	'Cà Mau',
	'Cao Bằng',
	'Đắk Lắk',
	'Đắk Nông',
	'Điện Biên',
	'Đồng Nai',
	'Đồng Tháp',
	'Gia Lai',
	'Hà Giang',
	'Hà Nam',
	'Hà Tĩnh',
	'Hải Dương',
	'Hậu Giang',
	'Hòa Bình',
	'Hưng Yên',
	'Khánh Hòa',
	'Kiên Giang',
	'Kon Tum',
	'Lai Châu',
	'Lâm Đồng',
	'Lạng Sơn',
	'Lào Cai',
	'Long An',
	'Nam Định',
	'Nghệ An',
	'Ninh Bình',
	'Ninh Thuận',
	'Phú Thọ',
	'Phú Yên',
	'Quảng Bình',
	'Quảng Nam',
	'Quảng Ngãi',
	'Quảng Ninh',
	'Sóc Trăng',
	'Sơn La',
	'Tây Ninh',
	'Thái Bình',
	'Thái Nguyên',
	'Thanh Hóa',
	'Thừa Thiên Huế',
	'Tiền Giang',
	'Trà Vinh',
	'Tuyên Quang',
	'Vĩnh Long',
	'Vĩnh Phúc',
	'Yên Bái',
] as const

/** Centrally-run cities: "Thành ủy", and "LĐLĐ thành phố". */
export const CITIES = new Set([
	'Hà Nội',
	'Thành phố Hồ Chí Minh',
	'Hải Phòng',
	'Đà Nẵng',
	'Cần Thơ',
])

/** 20 sector unions with the party committee above each; CĐCTVN is the demo one. */
export const SECTORS = [
	['Công đoàn Giáo dục Việt Nam', 'CĐGDVN', 'Đảng ủy Bộ Giáo dục và Đào tạo'],
	['Công đoàn Y tế Việt Nam', 'CĐYTVN', 'Đảng ủy Bộ Y tế'],
	[
		'Công đoàn Giao thông Vận tải Việt Nam',
		'CĐGTVTVN',
		'Đảng ủy Bộ Giao thông Vận tải',
	],
	['Công đoàn Xây dựng Việt Nam', 'CĐXDVN', 'Đảng ủy Bộ Xây dựng'],
	[
		'Công đoàn Nông nghiệp và Phát triển nông thôn Việt Nam',
		'CĐNNVN',
		'Đảng ủy Bộ Nông nghiệp và Phát triển nông thôn',
	],
	['Công đoàn Ngân hàng Việt Nam', 'CĐNHVN', 'Đảng ủy Ngân hàng Nhà nước'],
	[
		'Công đoàn Viên chức Việt Nam',
		'CĐVCVN',
		'Đảng ủy Khối các cơ quan Trung ương',
	],
	['Công đoàn Dệt May Việt Nam', 'CĐDMVN', 'Đảng ủy Tập đoàn Dệt May Việt Nam'],
	[
		'Công đoàn Điện lực Việt Nam',
		'CĐĐLVN',
		'Đảng ủy Tập đoàn Điện lực Việt Nam',
	],
	['Công đoàn Dầu khí Việt Nam', 'CĐDKVN', 'Đảng ủy Tập đoàn Dầu khí Việt Nam'],
	[
		'Công đoàn Than - Khoáng sản Việt Nam',
		'CĐTKSVN',
		'Đảng ủy Tập đoàn Than - Khoáng sản Việt Nam',
	],
	[
		'Công đoàn Bưu điện Việt Nam',
		'CĐBĐVN',
		'Đảng ủy Tổng công ty Bưu điện Việt Nam',
	],
	[
		'Công đoàn Cao su Việt Nam',
		'CĐCSVN',
		'Đảng ủy Tập đoàn Công nghiệp Cao su Việt Nam',
	],
	[
		'Công đoàn Hàng không Việt Nam',
		'CĐHKVN',
		'Đảng ủy Tổng công ty Hàng không Việt Nam',
	],
	[
		'Công đoàn Đường sắt Việt Nam',
		'CĐĐSVN',
		'Đảng ủy Tổng công ty Đường sắt Việt Nam',
	],
	['Công đoàn Công an nhân dân', 'CĐCAND', 'Đảng ủy Công an Trung ương'],
	['Công đoàn Quốc phòng', 'CĐQP', 'Đảng ủy Quân sự Trung ương'],
	['Công đoàn Tài chính Việt Nam', 'CĐTCVN', 'Đảng ủy Bộ Tài chính'],
	[
		'Công đoàn Thông tin và Truyền thông Việt Nam',
		'CĐTTTTVN',
		'Đảng ủy Bộ Thông tin và Truyền thông',
	],
] as const

/** Partner countries: ISO code and Vietnamese name. */
export const COUNTRIES = [
	['LA', 'Lào'],
	['KH', 'Campuchia'],
	['CN', 'Trung Quốc'],
	['JP', 'Nhật Bản'],
	['KR', 'Hàn Quốc'],
	['TH', 'Thái Lan'],
	['SG', 'Singapore'],
	['MY', 'Ma-lai-xi-a'],
	['ID', 'In-đô-nê-xi-a'],
	['PH', 'Phi-líp-pin'],
	['MM', 'Mi-an-ma'],
	['IN', 'Ấn Độ'],
	['RU', 'Liên bang Nga'],
	['BY', 'Bê-la-rút'],
	['CU', 'Cu-ba'],
	['FR', 'Pháp'],
	['DE', 'Đức'],
	['IT', 'I-ta-li-a'],
	['SE', 'Thụy Điển'],
	['AU', 'Ô-xtrây-li-a'],
	['US', 'Hoa Kỳ'],
	['BR', 'Bra-xin'],
	['ZA', 'Nam Phi'],
	['KP', 'Triều Tiên'],
	['MN', 'Mông Cổ'],
] as const

export const PARTNER_KINDS = [
	['Tổng Công đoàn', 'federation'],
	['Liên hiệp Công đoàn vùng', 'trade_union'],
	['Công đoàn ngành Giáo dục', 'trade_union'],
	['Công đoàn ngành Y tế', 'trade_union'],
	['Công đoàn ngành Công nghiệp', 'trade_union'],
	['Tổ chức Hữu nghị', 'ngo'],
] as const

export const ACTIVITIES = [
	'thăm và làm việc',
	'trao đổi kinh nghiệm hoạt động công đoàn',
	'dự Đại hội Công đoàn',
	'tham dự hội thảo quốc tế về an toàn lao động',
	'khảo sát mô hình thương lượng tập thể',
	'học tập kinh nghiệm phát triển đoàn viên',
] as const

export const TITLES = [
	'Chủ tịch',
	'Phó Chủ tịch',
	'Trưởng ban Tổ chức',
	'Trưởng ban Chính sách - Pháp luật',
	'Chánh Văn phòng',
	'Chuyên viên',
	'Ủy viên Ban Thường vụ',
] as const

export const RETURN_COMMENTS = [
	'Đề nghị bổ sung danh sách thành viên đoàn.',
	'Đề nghị làm rõ nguồn kinh phí và nội dung làm việc.',
	'Thời gian đi chưa phù hợp, đề nghị điều chỉnh.',
	'Đề nghị bổ sung thư mời của phía bạn.',
] as const

export const REPORT_COMMENTS = [
	'Đề nghị bổ sung kết quả cụ thể của chuyến đi.',
	'Báo cáo chưa nêu kiến nghị, đề xuất.',
] as const
