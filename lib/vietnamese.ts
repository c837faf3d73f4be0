// ð is the lookalike of đ that text pasted from old documents carries (Ð, U+00D0, lower-cased).
const ACCENTED =
	'àáảãạăằắẳẵặâầấẩẫậđðèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ'
const PLAIN =
	'aaaaaaaaaaaaaaaaaddeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy'
const FOLD = new Map([...ACCENTED].map((ch, i) => [ch, PLAIN[i]]))

/** The same folding as the SQL function vn_fold: lower case, no tone marks, đ (and ð) → d. */
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

/** The lookalike Ð/ð (Icelandic eth) written as the Vietnamese Đ/đ it stands for. */
export function fixLookalikes(text: string) {
	return text.replace(/[Ðð]/g, ch => (ch === 'Ð' ? 'Đ' : 'đ'))
}

/** Vietnamese alphabetical order (Đ, and its lookalike Ð, after D), for lists already in memory. */
export function compareVietnamese(a: string, b: string) {
	return collator.compare(fixLookalikes(a), fixLookalikes(b))
}
