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
import { registerCells } from '#workflows/passports/register-document.ts'

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
			return json({
				year,
				thisYear,
				organisation: document.organisationName,
				governingBody: document.governingBody,
				columns: document.sections[0]?.table?.columns ?? [],
				rows: rows.map((row, i) => ({ id: row.id, cells: registerCells(row, i) })),
			})
		},
	)

export default function PassportRegisterRoute() {
	const { year, thisYear, organisation, governingBody, columns, rows } =
		useLoaderData<typeof loader>()
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
			{/* On a phone the sheet scrolls sideways: a keyboard must reach it too. */}
			<div
				className="ar-sheet"
				tabIndex={0}
				role="region"
				aria-label={t('passport.register')}
			>
				<div className="ar-page">
					<p className="ar-org">
						{governingBody ? (
							<>
								{governingBody.toUpperCase()}
								<br />
							</>
						) : null}
						<strong>{organisation.toUpperCase()}</strong>
					</p>
					<h1 className="ar-title">
						SỔ THEO DÕI GIAO, NHẬN HỘ CHIẾU
						<span>
							<br />
							Năm {year}
						</span>
					</h1>
					<div className="ar-table ar-fit">
						<table>
							<thead>
								<tr>
									{columns.map(c => (
										<th key={c} scope="col">
											{c}
										</th>
									))}
								</tr>
							</thead>
							<tbody>
								{rows.length ? (
									rows.map(row => (
										<tr key={row.id}>
											{row.cells.map((cell, i) => (
												<td key={i}>
													{cell.map((line, j) => (
														<div key={j}>{line}</div>
													))}
												</td>
											))}
										</tr>
									))
								) : (
									<tr>
										<td colSpan={columns.length}>
											{t('passport.register.empty')}
										</td>
									</tr>
								)}
							</tbody>
						</table>
					</div>
				</div>
			</div>
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
