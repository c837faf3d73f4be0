import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useT } from '#app/utils/i18n.tsx'

/** Expected failures (thrown 403/404/409 with a catalogue key) show their message; anything else a generic one. */
export function GeneralErrorBoundary() {
	const error = useRouteError()
	const t = useT()
	let title = t('error.generic')
	let detail: string | null = null
	if (isRouteErrorResponse(error)) {
		const message = (error.data as { message?: string } | null)?.message
		if (error.status === 404) {
			title = t('error.notFound')
			detail = t('error.notFoundHint')
		} else if (message) {
			title = t(message)
		}
	} else if (typeof document === 'undefined') {
		console.error(error)
	}
	return (
		<div className="panel error-page">
			<h1>{title}</h1>
			{detail ? <p>{detail}</p> : null}
			<p>
				<Link to="/">{t('error.backHome')}</Link>
			</p>
		</div>
	)
}
