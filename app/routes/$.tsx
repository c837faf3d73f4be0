import { type MetaFunction, json } from '@remix-run/node'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { pageTitle } from '#app/utils/meta.ts'

/**
 * An address no route matches. Answering from a route (rather than letting Remix fall to the
 * root's boundary, which runs no loader) keeps the header and the reader's language.
 */
export async function loader() {
	throw json({ message: 'error.notFound' }, { status: 404 })
}

export default function NotFoundRoute() {
	return null
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('error.notFound')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
