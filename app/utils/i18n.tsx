import { useMatches, useRouteLoaderData } from '@remix-run/react'
import { useSyncExternalStore } from 'react'
import {
	type Catalogue,
	type Translate,
	translateIn,
} from '#lib/i18n/message.ts'
import { type Locale } from '#lib/enums.ts'
import { serverCatalogues } from './catalogues.server.ts'

/**
 * The catalogues at hand: on the server both (a .server module), in the browser the one
 * entry.client loaded before hydrating (the page's language, about half the strings' bytes),
 * and the other one once a page asks for it (a change of language reloads the document anyway).
 */
const loaded: Partial<Record<Locale, Catalogue>> = {
	...(serverCatalogues as typeof serverCatalogues | undefined),
}
const listeners = new Set<() => void>()
let version = 0

/** Loads a language's catalogue in the browser (entry.client awaits it before hydrating). */
export async function loadCatalogue(locale: Locale) {
	if (loaded[locale]) return
	loaded[locale] =
		locale === 'en'
			? (await import('#lib/i18n/en.ts')).en
			: (await import('#lib/i18n/vi.ts')).vi
	version++
	for (const listener of listeners) listener()
}

/** A translator for a language; a catalogue not loaded yet falls back to the one that is. */
export function translator(locale: Locale): Translate {
	return (key, params) => {
		const catalogue = loaded[locale] ?? loaded.vi ?? loaded.en
		return catalogue ? translateIn(catalogue, locale, key, params) : key
	}
}

function subscribe(listener: () => void) {
	listeners.add(listener)
	return () => void listeners.delete(listener)
}

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
	const locale = useLocale()
	// Re-renders when a catalogue arrives; on the server and after hydration it is already there.
	useSyncExternalStore(
		subscribe,
		() => version,
		() => version,
	)
	if (!loaded[locale]) void loadCatalogue(locale)
	return translator(locale)
}
