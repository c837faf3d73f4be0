import { emailEn } from '#lib/i18n/email-en.ts'
import { type EmailMessageKey, emailVi } from '#lib/i18n/email-vi.ts'
import { en } from '#lib/i18n/en.ts'
import { type Catalogue, translateIn } from '#lib/i18n/message.ts'
import { vi } from '#lib/i18n/vi.ts'

export type EmailLocale = 'vi' | 'en'

export const APP_NAME: Record<EmailLocale, string> = {
	vi: vi['app.name'],
	en: en['app.name'],
}

const catalogues: Record<EmailLocale, Record<EmailMessageKey, string>> = {
	vi: emailVi,
	en: emailEn,
}

/** Emails read their own catalogue directly, so a template never depends on the app's catalogue being wired up. */
export function emailTranslator(locale: EmailLocale) {
	const catalogue = catalogues[locale] as unknown as Catalogue
	return (key: EmailMessageKey, params?: Record<string, string | number>) =>
		translateIn(catalogue, locale, key, params)
}
