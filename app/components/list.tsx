import { Form, Link, useSearchParams } from '@remix-run/react'
import { type ReactNode } from 'react'
import { pageCount } from '#db/repos/pagination.ts'
import { useT } from '#app/utils/i18n.tsx'

export function SearchForm() {
	const t = useT()
	const [params] = useSearchParams()
	return (
		<Form method="get" className="search" role="search">
			<input
				type="search"
				name="q"
				defaultValue={params.get('q') ?? ''}
				placeholder={t('common.searchPlaceholder')}
				aria-label={t('common.search')}
			/>
			<button type="submit">{t('common.search')}</button>
		</Form>
	)
}

export function Pagination({ total, page }: { total: number; page: number }) {
	const t = useT()
	const [params] = useSearchParams()
	const pages = pageCount(total)
	const href = (n: number) => {
		const next = new URLSearchParams(params)
		next.set('page', String(n))
		return `?${next}`
	}
	return (
		<nav className="pagination" aria-label="pagination">
			<span>{t('common.total', { count: total })}</span>
			{page > 1 ? (
				<Link to={href(page - 1)}>{t('common.previous')}</Link>
			) : null}
			<span>{t('common.page', { page, pages })}</span>
			{page < pages ? (
				<Link to={href(page + 1)}>{t('common.next')}</Link>
			) : null}
		</nav>
	)
}

/** A list table with its headings, and one muted row when there is nothing to list. */
export function ListTable({
	headings,
	empty,
	children,
}: {
	headings: string[]
	empty: string
	children: ReactNode[]
}) {
	return (
		<div className="table-wrap">
			<table>
				<thead>
					<tr>
						{headings.map(heading => (
							<th key={heading}>{heading}</th>
						))}
					</tr>
				</thead>
				<tbody>
					{children.length === 0 ? (
						<tr>
							<td colSpan={headings.length} className="muted">
								{empty}
							</td>
						</tr>
					) : (
						children
					)}
				</tbody>
			</table>
		</div>
	)
}
