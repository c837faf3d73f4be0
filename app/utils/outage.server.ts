import { type RequestHandler } from 'express'
import { isDatabaseDown } from '#db/availability.ts'
import { type Locale } from '#db/schema.ts'
import { translate } from '#lib/i18n/index.ts'
import { localeCookie, parseLocale } from './locale.server.ts'

/** The reader's language without the database: the language cookie, else Accept-Language. */
export async function outageLocale(
	cookie: string | undefined,
	acceptLanguage: string | undefined,
): Promise<Locale> {
	const chosen = await localeCookie.parse(cookie ?? null).catch(() => null)
	if (chosen) return parseLocale(chosen)
	const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? ''
	return first.startsWith('en') ? 'en' : 'vi'
}

export function outagePage(locale: Locale) {
	const t = (key: string) => translate(locale, key)
	return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('outage.title')}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1f2937}a{display:inline-block;min-height:44px;line-height:44px;color:#1d4ed8}</style>
</head><body><h1>${t('outage.title')}</h1><p>${t('outage.body')}</p>
<p><a href="">${t('outage.retry')}</a></p></body></html>`
}

/**
 * While the database cannot be reached, pages answer at once with a plain 503 page in the
 * reader's language instead of an error from every loader; the app serves again as soon as the
 * database answers (db/availability.ts probes it).
 */
export const answerDuringOutage: RequestHandler = (req, res, next) => {
	if (!isDatabaseDown()) return next()
	void outageLocale(req.get('cookie'), req.get('accept-language')).then(
		locale =>
			res
				.status(503)
				.set({ 'Retry-After': '10', 'Cache-Control': 'no-store' })
				.type('html')
				.send(outagePage(locale)),
	)
}
