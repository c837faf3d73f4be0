import { Form, Link, useSearchParams } from '@remix-run/react'
import {
	Children,
	cloneElement,
	isValidElement,
	type ReactElement,
	type ReactNode,
} from 'react'
import { pageCount } from '#lib/pagination.ts'
import { useT } from '#app/utils/i18n.tsx'

/** The search box alone (lists without filters). */
export function SearchForm() {
	const t = useT()
	return (
		<FilterBar
			selects={[]}
			submitLabel={t('common.search')}
			className="search"
		/>
	)
}

export type FilterSelect = {
	name: string
	label: string
	/** The first option, for "no filter" (value ''); none when the select always has a value. */
	all?: string
	/** Selected when the URL does not name one. */
	fallback?: string
	options: { value: string; label: string }[]
}

/** The search box, the list's filters and an apply button, read from and written to the URL. */
export function FilterBar({
	selects,
	submitLabel,
	className = 'filters',
}: {
	selects: FilterSelect[]
	submitLabel: string
	className?: string
}) {
	const t = useT()
	const [params] = useSearchParams()
	return (
		<Form method="get" className={className} role="search">
			<input
				type="search"
				name="q"
				defaultValue={params.get('q') ?? ''}
				placeholder={t('common.searchPlaceholder')}
				aria-label={t('common.search')}
			/>
			{selects.map(select => (
				<select
					key={select.name}
					name={select.name}
					defaultValue={params.get(select.name) ?? select.fallback ?? ''}
					aria-label={select.label}
				>
					{select.all !== undefined ? (
						<option value="">{select.all}</option>
					) : null}
					{select.options.map(o => (
						<option key={o.value} value={o.value}>
							{o.label}
						</option>
					))}
				</select>
			))}
			<button type="submit">{submitLabel}</button>
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
	// An empty list says so itself; "0 in all, page 1 of 1" under it would say nothing more.
	if (total === 0 && page === 1) return null
	return (
		<nav className="pagination" aria-label={t('common.pagination')}>
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

/** Each cell of a row gets its column's heading, which it shows as a label when the table is cards. */
function labelCells(row: ReactNode, headings: string[]) {
	if (!isValidElement<{ children?: ReactNode }>(row)) return row
	const cells = Children.toArray(row.props.children)
	return cloneElement(
		row,
		{},
		cells.map((cell, i) =>
			isValidElement(cell) && headings[i]
				? cloneElement(cell as ReactElement<{ 'data-label'?: string }>, {
						'data-label': headings[i],
					})
				: cell,
		),
	)
}

/**
 * A list table with its headings, and one muted row when there is nothing to list (or nothing
 * matches the search and filters in the URL). Below 640 px
 * every row is a card (the first cell, the name, on top; the others labelled), never a table
 * that scrolls sideways.
 */
export function ListTable({
	headings,
	empty,
	searchable = false,
	children,
}: {
	headings: string[]
	empty: string
	/** The list has a search box and filters (a FilterBar) that write to the URL. */
	searchable?: boolean
	children: ReactNode[]
}) {
	const t = useT()
	const [params] = useSearchParams()
	// "No plans yet" would be wrong when a search or a filter left nothing.
	const narrowed =
		searchable &&
		[...params].some(
			([name, value]) => value !== '' && name !== 'page' && name !== 'sort',
		)
	return (
		<div className="table-wrap cards">
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
								{narrowed ? t('common.noMatch') : empty}
							</td>
						</tr>
					) : (
						children.map(row => labelCells(row, headings))
					)}
				</tbody>
			</table>
		</div>
	)
}
