import {
	type MetaFunction,
	json,
	type LinksFunction,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import arStyles from '#app/annual-report/annual-report.css'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/utils/i18n.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { web } from '#app/utils/domain.server.ts'
import { loadPassportRegister } from '#workflows/passports/passports.server.ts'
import { DocumentSheet } from '#app/components/annual-report-view.tsx'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: arStyles },
]

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const { year, thisYear, rows, document } = await loadPassportRegister(
				user,
				new URL(request.url).searchParams,
			)
			return json({ year, thisYear, rows: rows.length, document })
		},
	)

export default function PassportRegisterRoute() {
	const { year, thisYear, rows, document } = useLoaderData<typeof loader>()
	const t = useT()
	const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i)
	return (
		<>
			<div className="ar-toolbar" style={{ marginTop: 16 }}>
				<Link to="/passports">{t('passport.list')}</Link>
				<Form method="get" className="inline">
					<label>
						{t('passport.register.yearLabel')}{' '}
						<select name="year" defaultValue={year}>
							{years.map(y => (
								<option key={y} value={y}>
									{y}
								</option>
							))}
						</select>
					</label>{' '}
					<button type="submit" className="secondary">
						{t('common.search')}
					</button>
				</Form>
				<button type="button" onClick={() => window.print()}>
					{t('passport.register.print')}
				</button>
				<a
					className="button secondary"
					href={`/passports/register.docx?year=${year}`}
					download
				>
					{t('passport.register.docx')}
				</a>
			</div>
			{rows ? null : <p className="muted">{t('passport.register.empty')}</p>}
			{/* The same document as the DOCX: header, motto, the book's table on landscape A4. */}
			<DocumentSheet report={document} />
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [
		data && `${t('passport.register')} ${data.year}`,
		t('passport.list'),
	])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
