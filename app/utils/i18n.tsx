import { useRouteLoaderData } from '@remix-run/react'
import { translator } from '#app/i18n/index.ts'
import { type Locale } from '#db/schema.ts'

export function useLocale(): Locale {
	const data = useRouteLoaderData('root') as { locale?: Locale } | undefined
	return data?.locale ?? 'vi'
}

export function useT() {
	return translator(useLocale())
}
