import {
	type MetaFunction,
	json,
	type LinksFunction,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import arStyles from '#app/annual-report/annual-report.css'
import { buildReport } from '#workflows/annual-report/report.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/utils/i18n.tsx'
import { DocumentSheet } from '../components/annual-report-view.tsx'
import { loadReportInput } from '#app/utils/access.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { web } from '#app/utils/domain.server.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: arStyles },
]

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const { report, organisation, plans } = await loadReportInput(
				request,
				params.reportId,
			)
			return json({
				id: report.id,
				year: report.year,
				organisationName: organisation.name_vi,
				built: buildReport({ report, organisation, plans }),
			})
		},
	)

export default function AnnualReportPrintRoute() {
	const { id, built } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<div className="ar-toolbar" style={{ marginTop: 16 }}>
				<Link to={`/annual-reports/${id}`}>
					{t('annualReport.backToEditor')}
				</Link>
				<button type="button" onClick={() => window.print()}>
					{t('annualReport.printNow')}
				</button>
				<a
					className="button secondary"
					href={`/annual-reports/${id}/docx`}
					download
				>
					{t('annualReport.download')}
				</a>
			</div>
			<DocumentSheet report={built} />
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [
		t('annualReport.print'),
		data &&
			`${data.organisationName} – ${t('annualReport.titleOf', { year: data.year, next: data.year + 1 })}`,
		t('nav.annualReports'),
	])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
