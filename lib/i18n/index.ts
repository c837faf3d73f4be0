import { type Locale } from '#lib/enums.ts'
import { emailEn } from './email-en.ts'
import { emailVi } from './email-vi.ts'
import { en } from './en.ts'
import {
	type Catalogue,
	type Params,
	type Translate,
	translateIn,
} from './message.ts'
import { type MessageKey, vi } from './vi.ts'

// Both languages with the emails' texts, for the server, jobs and tests. Pages in the browser load
// one language's page texts only (app/utils/i18n.tsx), so nothing the browser runs imports this module.
export type { MessageKey, Params, Translate }
const catalogues: Record<Locale, Catalogue> = {
	vi: { ...vi, ...emailVi },
	en: { ...en, ...emailEn },
}

export function isMessageKey(key: string): key is MessageKey {
	return key in catalogues.vi
}

/** Looks a key up in the locale's catalogue; text that is not a key (e.g. a Zod default) passes through. */
export function translate(locale: Locale, key: string, params?: Params) {
	return translateIn(catalogues[locale], locale, key, params)
}

export function translator(locale: Locale): Translate {
	return (key, params) => translate(locale, key, params)
}
