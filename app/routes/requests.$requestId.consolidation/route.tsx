import {
	type LoaderFunctionArgs,
	type MetaFunction,
	json,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import { pageTitle } from '#app/utils/meta.ts'
import { formatNumber } from '#lib/format.ts'
import { cellDisplay, fixedRows } from '#lib/report-template.ts'
import {
	type Aggregate,
	type Consolidation,
} from '#workflows/requests/consolidation.ts'
import { loadConsolidation } from '#workflows/requests/consolidation.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const { request: r, consolidation } = await loadConsolidation(
				user,
				params.requestId,
			)
			return json({ id: r.id, title: r.title, consolidation })
		},
	)

export default function ConsolidationRoute() {
	const { id, title, consolidation: c } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<h1>{t('request.consolidationOf', { title })}</h1>
			<div className="panel">
				<p>
					{t('request.submittedOf', {
						all: c.submitted.all,
						asked: c.asked.all,
						provinces: c.submitted.provinces,
						provincesAsked: c.asked.provinces,
						sectors: c.submitted.sectors,
						sectorsAsked: c.asked.sectors,
					})}
				</p>
				<div className="actions">
					<a
						className="button"
						href={`/requests/${id}/consolidation.xlsx`}
						download
					>
						{t('request.xlsx')}
					</a>
					<a
						className="button secondary"
						href={`/requests/${id}/consolidation.docx`}
						download
					>
						{t('request.consolidationDocx')}
					</a>
					<Link className="button secondary" to={`/requests/${id}`}>
						{t('request.backToTracking')}
					</Link>
				</div>
			</div>
			{c.tables.map(table => (
				<section
					className="panel"
					key={table.table.id}
					aria-labelledby={`c-${table.table.id}`}
				>
					<h2 id={`c-${table.table.id}`}>
						{table.table.title}. {table.table.subtitle}
					</h2>
					{fixedRows(table.table) ? (
						<>
							<div className="table-wrap cards">
								<table>
									<thead>
										<tr>
											<th>{table.table.rowHeading}</th>
											{table.table.columns.map(col => (
												<th key={col.id}>{col.label}</th>
											))}
										</tr>
									</thead>
									<tbody>
										{table.rows.map(row => (
											<tr key={row.label}>
												<td>{row.label}</td>
												{table.table.columns.map(col => (
													<td key={col.id} data-label={col.label}>
														<AggregateText
															aggregate={row.cells[col.id]!}
															c={c}
														/>
													</td>
												))}
											</tr>
										))}
									</tbody>
								</table>
							</div>
							{table.byOrganisation.length ? (
								<details>
									<summary>{t('request.byOrganisation')}</summary>
									<ul>
										{table.byOrganisation.map(org => (
											<li key={org.organisation}>
												<strong>{org.organisation}</strong>:{' '}
												{org.rows
													.map(
														(cells, r) =>
															`${table.rows[r]?.label}: ${table.table.columns
																.map(
																	col =>
																		`${col.label} ${cellDisplay(col, cells[col.id]) || '—'}`,
																)
																.join('; ')}`,
													)
													.join(' | ')}
											</li>
										))}
									</ul>
								</details>
							) : null}
						</>
					) : table.entries.length ? (
						<div className="table-wrap cards">
							<table>
								<thead>
									<tr>
										<th>{t('request.organisation')}</th>
										{table.table.columns.map(col => (
											<th key={col.id}>{col.label}</th>
										))}
									</tr>
								</thead>
								<tbody>
									{table.entries.map((e, i) => (
										<tr key={i}>
											<td>{e.organisation}</td>
											{table.table.columns.map(col => (
												<td key={col.id} data-label={col.label}>
													{cellDisplay(col, e.cells[col.id])}
												</td>
											))}
										</tr>
									))}
								</tbody>
							</table>
						</div>
					) : (
						<p className="muted">{t('request.noRows')}</p>
					)}
				</section>
			))}
		</>
	)
}

function AggregateText({
	aggregate: a,
	c,
}: {
	aggregate: Aggregate
	c: Consolidation
}) {
	const t = useT()
	if (a.type === 'number')
		return (
			<>
				<strong>{formatNumber(a.sum.all)}</strong>
				<br />
				<span className="muted">
					{t('request.sumByGroup', {
						provinces: formatNumber(a.sum.provinces),
						sectors: formatNumber(a.sum.sectors),
					})}
				</span>
			</>
		)
	if (a.type === 'yesno')
		return (
			<>
				{c.submitted.provinces ? (
					<span>
						{t('request.yesProvinces', {
							yes: a.yes.provinces,
							of: c.submitted.provinces,
						})}
					</span>
				) : null}
				{c.submitted.provinces && c.submitted.sectors ? <br /> : null}
				{c.submitted.sectors ? (
					<span>
						{t('request.yesSectors', {
							yes: a.yes.sectors,
							of: c.submitted.sectors,
						})}
					</span>
				) : null}
			</>
		)
	if (a.type === 'choice')
		return (
			<>
				{Object.entries(a.counts)
					.map(([choice, n]) => `${choice}: ${n.all}`)
					.join('; ')}
			</>
		)
	return <>{t('request.filledCount', { count: a.filled })}</>
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
	pageTitle(matches, t => [
		data ? t('request.consolidationOf', { title: data.title }) : null,
		t('request.list'),
	])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
