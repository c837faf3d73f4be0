const ACCENTED =
	'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ'
const PLAIN =
	'aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy'
const FOLD = new Map([...ACCENTED].map((ch, i) => [ch, PLAIN[i]]))

/** The same folding as the SQL function vn_fold: lower case, no tone marks, đ → d. */
export function foldVietnamese(text: string) {
	return [...text.normalize('NFC').toLowerCase()]
		.map(ch => FOLD.get(ch) ?? ch)
		.join('')
}

/** Turns what a user typed into a LIKE pattern over vn_fold()'d text. */
export function searchPattern(query: string) {
	// Control characters (a NUL byte from a crafted URL) cannot be sent to PostgreSQL in text.
	const typed = query.replace(/\p{Cc}/gu, ' ').trim()
	const folded = foldVietnamese(typed).replace(/[\\%_]/g, m => `\\${m}`)
	return `%${folded.replace(/\s+/g, '%')}%`
}

const collator = new Intl.Collator('vi', { sensitivity: 'base' })

/** Vietnamese alphabetical order (Đ after D), for lists already in memory. */
export function compareVietnamese(a: string, b: string) {
	return collator.compare(a, b)
}
