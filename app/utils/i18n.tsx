import { useMatches, useRouteLoaderData } from '@remix-run/react'
import { translator } from '#lib/i18n/index.ts'
import { type Locale } from '#lib/enums.ts'

/**
 * The visitor's language, unless the page speaks to a known reader in theirs: a route whose
 * `handle` has `readerLocale: true` and whose loader returns `locale` (e.g. a decision link).
 */
export function useLocale(): Locale {
	const data = useRouteLoaderData('root') as { locale?: Locale } | undefined
	const reader = useMatches().findLast(
		m => (m.handle as { readerLocale?: boolean } | undefined)?.readerLocale,
	)?.data as { locale?: Locale | null } | undefined
	return reader?.locale ?? data?.locale ?? 'vi'
}

export function useT() {
	return translator(useLocale())
}
