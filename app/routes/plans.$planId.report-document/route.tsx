import {
	json,
	type LinksFunction,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import arStyles from '#app/annual-report/annual-report.css'
import { DocumentSheet } from '#app/components/annual-report-view.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { web } from '#app/utils/domain.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import { pageTitle } from '#app/utils/meta.ts'
import { requireTripReportDocument } from './trip-report-document.server.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: arStyles },
]

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const { record, document, entry } = await requireTripReportDocument(
				request,
				params.planId,
			)
			return json({
				plan: { id: record.id, name: record.name },
				notation: entry?.notation ?? null,
				document,
			})
		},
	)

export default function TripReportDocumentRoute() {
	const data = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<div className="ar-toolbar no-print" style={{ marginTop: 16 }}>
				<Link to={`/plans/${data.plan.id}/report`}>
					{t('reportDocument.back')}
				</Link>
				<button type="button" onClick={() => window.print()}>
					{t('planDocument.print')}
				</button>
				<a
					className="button secondary"
					href={`/plans/${data.plan.id}/report-document.docx`}
					download
				>
					{t('planDocument.download')}
				</a>
			</div>
			<p className="muted no-print">
				{data.notation
					? t('reportDocument.numbered', { notation: data.notation })
					: t('reportDocument.preview')}
			</p>
			<DocumentSheet report={data.document} />
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [
		t('reportDocument.title'),
		data?.plan.name,
		t('nav.plans'),
	])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
