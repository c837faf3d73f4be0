import { type Locale } from '#lib/enums.ts'
import { en } from './en.ts'
import { type MessageKey, vi } from './vi.ts'

export type { MessageKey }
const catalogues: Record<Locale, Record<MessageKey, string>> = { vi, en }

export type Params = Record<string, string | number>

export function isMessageKey(key: string): key is MessageKey {
	return key in vi
}

const pluralRules = new Map<Locale, Intl.PluralRules>()

/** `{count|plan is|plans are}` in a message: the words for one or for any other number. */
function pluralOf(locale: Locale, n: number, one: string, other: string) {
	let rules = pluralRules.get(locale)
	if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)))
	return rules.select(n) === 'one' ? one : other
}

/** Looks a key up in the locale's catalogue; text that is not a key (e.g. a Zod default) passes through. */
export function translate(locale: Locale, key: string, params?: Params) {
	const template = isMessageKey(key) ? catalogues[locale][key] : key
	if (!params) return template
	return template
		.replace(
			/\{(\w+)\|([^|}]*)\|([^}]*)\}/g,
			(match, name: string, one, other) =>
				name in params
					? pluralOf(locale, Number(params[name]), one, other)
					: match,
		)
		.replace(/\{(\w+)\}/g, (match, name: string) =>
			name in params ? String(params[name]) : match,
		)
}

export type Translate = (
	key: MessageKey | (string & {}),
	params?: Params,
) => string

export function translator(locale: Locale): Translate {
	return (key, params) => translate(locale, key, params)
}
