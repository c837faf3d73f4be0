import { describe, expect, test } from 'vitest'
import { en } from '#lib/i18n/en.ts'
import { isMessageKey, translate, translator } from '#lib/i18n/index.ts'
import { vi } from '#lib/i18n/vi.ts'
import { splitErrorParams, tooLong } from '#lib/form-errors.ts'
import { BUILT_IN_TEMPLATES } from '#lib/report-template.ts'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort()

describe('catalogues', () => {
	test('every Vietnamese key has an English text, and English has no extra keys', () => {
		const missing = Object.keys(vi).filter(key => !(key in en) || !(en as Record<string, string>)[key]?.trim())
		expect(missing).toEqual([])
		expect(Object.keys(en).filter(key => !(key in vi))).toEqual([])
	})

	test('no Vietnamese text is empty', () => {
		expect(Object.entries(vi).filter(([, text]) => !text.trim())).toEqual([])
	})

	test('both languages use the same {placeholders} for each key', () => {
		const mismatched = Object.keys(vi).filter(
			key => placeholders(vi[key as keyof typeof vi]).join() !== placeholders(en[key as keyof typeof en]).join(),
		)
		expect(mismatched).toEqual([])
	})
})

describe('translate', () => {
	test('looks the key up in the chosen language', () => {
		expect(translate('vi', 'login.title')).toBe('Đăng nhập')
		expect(translate('en', 'login.title')).toBe(en['login.title'])
		expect(translate('en', 'login.title')).not.toBe(vi['login.title'])
	})

	test('fills in parameters', () => {
		expect(translate('vi', 'home.greeting', { name: 'Lê Văn Đức' })).toBe('Xin chào, Lê Văn Đức')
		expect(translate('vi', 'common.page', { page: 2, pages: 5 })).toBe('Trang 2/5')
	})

	test('leaves a placeholder without a parameter visible rather than printing "undefined"', () => {
		expect(translate('vi', 'common.page', { page: 2 })).toBe('Trang 2/{pages}')
	})

	test('passes text that is not a key through (e.g. a Zod message)', () => {
		expect(isMessageKey('Không phải khoá')).toBe(false)
		expect(translate('en', 'Không phải khoá')).toBe('Không phải khoá')
		expect(translator('en')('login.title')).toBe(en['login.title'])
	})
})

describe('plurals', () => {
	test('English says "1 item is" and "2 items are"; Vietnamese has one form', () => {
		expect(translate('en', 'home.inbox', { count: 1 })).toBe('1 item is waiting for your organisation.')
		expect(translate('en', 'home.inbox', { count: 2 })).toBe('2 items are waiting for your organisation.')
		expect(translate('en', 'trip.daysLate', { days: 1 })).toBe('1 day late')
		expect(translate('en', 'trip.daysLate', { days: 0 })).toBe('0 days late')
	})

	test('no page text names a configuration setting', () => {
		for (const catalogue of [vi, en])
			expect(Object.values(catalogue).filter(text => /SMTP|[A-Z]+_[A-Z_]+/.test(text))).toEqual([])
	})
})

test('a text too long says its limit, in both languages', () => {
	const [key, params] = splitErrorParams(tooLong(20000))
	expect(translator('vi')(key, params)).toBe('Nội dung quá dài: tối đa 20.000 ký tự')
	expect(translator('en')(key, params)).toBe('This is too long: at most 20.000 characters')
})

test('every built-in report template is named in both languages', () => {
	for (const { key } of BUILT_IN_TEMPLATES)
		for (const locale of ['vi', 'en'] as const) {
			const name = `request.templateName.${key}`
			expect(translator(locale)(name), `${locale} ${key}`).not.toBe(name)
		}
	expect(translator('en')('request.templateName.general')).toBe('Report on the letter’s subject (3 parts, no appendix)')
})
