import { describe, expect, test } from 'vitest'
import { compareVietnamese, foldVietnamese, searchPattern } from '#lib/vietnamese.ts'

/** What SQL's `folded LIKE pattern` does, for checking patterns without a database. */
function likeMatches(text: string, pattern: string) {
	const source = pattern
		.replace(/\\([\\%_])|([%_])|([^\\%_]+)/g, (_m, escaped: string, wildcard: string, plain: string) => {
			if (escaped) return escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
			if (wildcard) return wildcard === '%' ? '.*' : '.'
			return plain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
		})
	return new RegExp(`^${source}$`, 's').test(foldVietnamese(text))
}

describe('foldVietnamese', () => {
	test('drops tone marks and vowel hats, and lowers case', () => {
		expect(foldVietnamese('Quảng Trị')).toBe('quang tri')
		expect(foldVietnamese('Liên đoàn Lao động')).toBe('lien doan lao dong')
		expect(foldVietnamese('Ưu tiên Ở Ấp Ỷ')).toBe('uu tien o ap y')
	})

	test('folds Đ and đ to d', () => {
		expect(foldVietnamese('Đồng Nai')).toBe('dong nai')
		expect(foldVietnamese('đường')).toBe('duong')
	})

	test('treats decomposed input (combining marks, as some keyboards send) like composed input', () => {
		const decomposed = 'Quảng Trị'.normalize('NFD')
		expect(decomposed).not.toBe('Quảng Trị')
		expect(foldVietnamese(decomposed)).toBe('quang tri')
	})
})

describe('searchPattern', () => {
	test('"quang tri" finds "Quảng Trị" and "dong" finds "Đồng"', () => {
		expect(likeMatches('Liên đoàn Lao động tỉnh Quảng Trị', searchPattern('quang tri'))).toBe(true)
		expect(likeMatches('Đồng Tháp', searchPattern('dong'))).toBe(true)
		expect(likeMatches('Công đoàn Công Thương', searchPattern('  CONG   thuong '))).toBe(true)
	})

	test('typing the marks still matches, and a different word does not', () => {
		expect(likeMatches('Quảng Trị', searchPattern('Quảng Trị'))).toBe(true)
		expect(likeMatches('Quảng Ngãi', searchPattern('quang tri'))).toBe(false)
	})

	test('words may have text between them but stay in order', () => {
		expect(likeMatches('Liên đoàn Lao động tỉnh Quảng Trị', searchPattern('lien quang'))).toBe(true)
		expect(likeMatches('Liên đoàn Lao động tỉnh Quảng Trị', searchPattern('quang lien'))).toBe(false)
	})

	test('LIKE wildcards the user types are literal', () => {
		expect(searchPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%')
		expect(likeMatches('giảm 50%', searchPattern('50%'))).toBe(true)
		expect(likeMatches('giảm 500', searchPattern('50%'))).toBe(false)
		expect(likeMatches('a_b', searchPattern('a_b'))).toBe(true)
		expect(likeMatches('axb', searchPattern('a_b'))).toBe(false)
	})
})

describe('compareVietnamese', () => {
	test('sorts Đ after every D word, not among them', () => {
		const names = ['Đà Nẵng', 'Đồng Nai', 'Điện Biên', 'Dak Lak', 'Duyên Hải', 'Cà Mau', 'Gia Lai']
		expect([...names].sort(compareVietnamese)).toEqual([
			'Cà Mau',
			'Dak Lak',
			'Duyên Hải',
			'Đà Nẵng',
			'Điện Biên',
			'Đồng Nai',
			'Gia Lai',
		])
	})

	test('orders the Vietnamese letters a < ă < â and o < ô < ơ', () => {
		expect(['ân', 'an', 'ăn'].sort(compareVietnamese)).toEqual(['an', 'ăn', 'ân'])
		expect(['ơn', 'ôn', 'on'].sort(compareVietnamese)).toEqual(['on', 'ôn', 'ơn'])
	})

	test('tone marks alone do not separate words (same base letters compare equal)', () => {
		expect(compareVietnamese('Hà', 'ha')).toBe(0)
		expect(compareVietnamese('Hà Nội', 'Hà Tĩnh')).toBeLessThan(0)
	})
})

describe('the lookalike Ð/ð (U+00D0/U+00F0) of pasted text', () => {
	test('folds to d and sorts with Đ', () => {
		expect(foldVietnamese('Ðồng Ðức')).toBe('dong duc')
		expect(likeMatches('Ðồng Tháp', searchPattern('Đồng'))).toBe(true)
		expect(['Ðồng', 'Dương', 'Đào', 'Em'].sort(compareVietnamese)).toEqual(['Dương', 'Đào', 'Ðồng', 'Em'])
	})
})
