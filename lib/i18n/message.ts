import { type Locale } from '#lib/enums.ts'
import { type MessageKey } from './vi.ts'

/** One language's messages: the pages' (lib/i18n/vi.ts or en.ts), with the emails' on the server. */
export type Catalogue = Readonly<Partial<Record<MessageKey, string>>>
export type Params = Record<string, string | number>

const pluralRules = new Map<Locale, Intl.PluralRules>()

/** `{count|plan is|plans are}` in a message: the words for one or for any other number. */
function pluralOf(locale: Locale, n: number, one: string, other: string) {
	let rules = pluralRules.get(locale)
	if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)))
	return rules.select(n) === 'one' ? one : other
}

/**
 * Looks a key up in a catalogue; text that is not a key (e.g. a Zod default) passes through.
 * Imports no catalogue itself, so the browser can load only the language it shows.
 */
export function translateIn(
	catalogue: Catalogue,
	locale: Locale,
	key: string,
	params?: Params,
) {
	const template =
		(Object.hasOwn(catalogue, key) && catalogue[key as MessageKey]) || key
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
