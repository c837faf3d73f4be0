import { isRouteErrorResponse } from '@remix-run/react'
import { type MetaDescriptor } from '@remix-run/node'
import { type Translate } from '#lib/i18n/message.ts'
import { translator } from './i18n.tsx'
import { type Locale } from '#lib/enums.ts'

type Matches = { id: string; data: unknown; error?: unknown }[]

/**
 * The page's <title>: the most specific part first, then its section and the app's name,
 * e.g. "Đoàn … – Kế hoạch đoàn – Quản lý đối ngoại công đoàn". Parts left empty are skipped.
 */
export function pageTitle(
	matches: Matches,
	parts: (t: Translate) => (string | null | undefined)[],
): MetaDescriptor[] {
	const root = matches.find(m => m.id === 'root')?.data as
		{ locale?: Locale } | undefined
	const t = translator(root?.locale ?? 'vi')
	// A page that could not be shown is titled by what happened, not by the page refused.
	const failed = matches.find(m => m.error != null)
	if (failed) {
		const status = isRouteErrorResponse(failed.error)
			? failed.error.status
			: 500
		const what =
			status === 404
				? 'error.notFound'
				: status === 403
					? 'error.forbidden'
					: 'error.generic'
		return [{ title: `${t(what)} – ${t('app.name')}` }]
	}
	const title = [...parts(t), t('app.name')].filter(Boolean)
	return [{ title: [...new Set(title)].join(' – ') }]
}
