// ISO 3166-1 alpha-2 codes with Vietnamese and English names; the countries unions most often deal with.
export const COUNTRIES = {
	VN: ['Việt Nam', 'Vietnam'],
	LA: ['Lào', 'Laos'],
	KH: ['Campuchia', 'Cambodia'],
	TH: ['Thái Lan', 'Thailand'],
	CN: ['Trung Quốc', 'China'],
	JP: ['Nhật Bản', 'Japan'],
	KR: ['Hàn Quốc', 'South Korea'],
	KP: ['Triều Tiên', 'North Korea'],
	SG: ['Singapore', 'Singapore'],
	MY: ['Malaysia', 'Malaysia'],
	ID: ['Indonesia', 'Indonesia'],
	PH: ['Philippines', 'Philippines'],
	MM: ['Myanmar', 'Myanmar'],
	IN: ['Ấn Độ', 'India'],
	AU: ['Úc', 'Australia'],
	NZ: ['New Zealand', 'New Zealand'],
	RU: ['Liên bang Nga', 'Russia'],
	CU: ['Cu Ba', 'Cuba'],
	FR: ['Pháp', 'France'],
	DE: ['Đức', 'Germany'],
	GB: ['Vương quốc Anh', 'United Kingdom'],
	IT: ['Italia', 'Italy'],
	SE: ['Thụy Điển', 'Sweden'],
	BE: ['Bỉ', 'Belgium'],
	CH: ['Thụy Sĩ', 'Switzerland'],
	US: ['Hoa Kỳ', 'United States'],
	CA: ['Canada', 'Canada'],
	BR: ['Brazil', 'Brazil'],
	ZA: ['Nam Phi', 'South Africa'],
} as const satisfies Record<string, readonly [string, string]>

export type CountryCode = keyof typeof COUNTRIES
export const COUNTRY_CODES = Object.keys(COUNTRIES) as [
	CountryCode,
	...CountryCode[],
]

export function countryName(code: string, locale: 'vi' | 'en') {
	const names = COUNTRIES[code as CountryCode]
	return names ? names[locale === 'vi' ? 0 : 1] : code
}
