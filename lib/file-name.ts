/** "ke-hoach-doan-ldld-tinh-quang-tri-2020.docx": ASCII, so every browser keeps it. */
export function documentFileName(prefix: string, name: string, ext: string) {
	const slug = `${prefix} ${name}`
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
	// At most 80 characters, cut between words.
	const short =
		slug.length > 80 ? slug.slice(0, 81).replace(/-[^-]*$/, '') : slug
	return `${short || 'van-ban'}.${ext}`
}
