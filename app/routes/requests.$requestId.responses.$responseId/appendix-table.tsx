import { useEffect, useState } from 'react'
import { useT } from '#app/utils/i18n.tsx'
import {
	type Cell,
	cellDisplay,
	cellName,
	cellText,
	fixedRows,
	type TemplateColumn,
	type TemplateTable,
} from '#lib/report-template.ts'

/** Blank rows a free table offers beyond those filled (more after each save). */
export const BLANK_ROWS = 3

/**
 * One appendix table of the answer: inputs typed by column (a number, Có/Không, a choice, a date,
 * text), each with its own label and its error under it; fixed rows keep their labels, free rows
 * end with a few blank ones. Below 640 px every row is a card.
 */
export function AppendixEditor({
	table,
	rows,
	raw,
	problems,
	rowCount,
}: {
	table: TemplateTable
	rows: Record<string, Cell>[]
	/** What was typed, after a refused save: shown instead of the saved cells. */
	raw: Record<string, string> | null
	problems: Record<string, string>
	rowCount: number | null
}) {
	const t = useT()
	const labels = fixedRows(table)
	const maxRows = 'maxRows' in table.rows ? table.rows.maxRows : 0
	// Rows added in the browser, until the next save or refusal brings the rows from the server.
	const [added, setAdded] = useState(0)
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	useEffect(() => setAdded(0), [rows.length, raw])
	const count = labels
		? labels.length
		: Math.min(
				maxRows,
				(rowCount ?? rows.length) + (raw ? 0 : BLANK_ROWS) + added,
			)
	// The new row's first cell takes the focus, for the keyboard.
	useEffect(() => {
		if (!added || !table.columns[0]) return
		const name = cellName(table.id, count - 1, table.columns[0].id)
		document.querySelector<HTMLElement>(`[name="${name}"]`)?.focus()
	}, [added, count, table])
	const headings = [
		t('request.rowNumber'),
		...(labels ? [table.rowHeading ?? ''] : []),
		...table.columns.map(c => c.label),
	]
	return (
		<section className="panel" aria-labelledby={`table-${table.id}`}>
			<h2 id={`table-${table.id}`}>
				{table.title}. {table.subtitle}
			</h2>
			{labels ? null : (
				<>
					<p className="muted">{t('request.freeRowsHint')}</p>
					<input type="hidden" name={`rows.${table.id}`} value={count} />
				</>
			)}
			<div className="table-wrap cards">
				<table>
					<thead>
						<tr>
							{headings.map((h, i) => (
								<th key={i}>{h}</th>
							))}
						</tr>
					</thead>
					<tbody>
						{Array.from({ length: count }, (_, r) => {
							const rowLabel = labels?.[r] ?? t('request.row', { n: r + 1 })
							return (
								<tr key={r}>
									<td data-label={headings[0]}>{r + 1}</td>
									{labels ? (
										<td data-label={headings[1]}>{labels[r]}</td>
									) : null}
									{table.columns.map(column => {
										const name = cellName(table.id, r, column.id)
										const value = raw
											? (raw[name] ?? '')
											: cellText(column, rows[r]?.[column.id])
										const problem = problems[name]
										return (
											<td key={column.id} data-label={column.label}>
												<CellInput
													column={column}
													name={name}
													value={value}
													label={`${rowLabel}: ${column.label}`}
													error={problem ? t(problem) : null}
												/>
											</td>
										)
									})}
								</tr>
							)
						})}
					</tbody>
				</table>
			</div>
			{!labels && hydrated && count < maxRows ? (
				<button
					type="button"
					className="secondary"
					onClick={() => setAdded(n => n + 1)}
				>
					{t('request.addRow')}
				</button>
			) : null}
		</section>
	)
}

function CellInput({
	column,
	name,
	value,
	label,
	error,
}: {
	column: TemplateColumn
	name: string
	value: string
	label: string
	error: string | null
}) {
	const t = useT()
	const errorId = error ? `${name}-error` : undefined
	const common = {
		name,
		'aria-label': label,
		'aria-invalid': error ? true : undefined,
		'aria-describedby': errorId,
	}
	let input
	if (column.type === 'yesno' || column.type === 'choice') {
		const options =
			column.type === 'yesno'
				? [
						{ value: 'yes', label: t('request.yes') },
						{ value: 'no', label: t('request.no') },
					]
				: (column.choices ?? []).map(c => ({ value: c, label: c }))
		input = (
			<select {...common} defaultValue={value}>
				<option value="">—</option>
				{options.map(o => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
		)
	} else
		input = (
			<input
				{...common}
				type="text"
				defaultValue={value}
				inputMode={column.type === 'number' ? 'numeric' : undefined}
				placeholder={column.type === 'date' ? 'dd/mm/yyyy' : undefined}
			/>
		)
	return (
		<>
			{input}
			{error ? (
				<span id={errorId} className="field-errors" role="alert">
					{error}
				</span>
			) : null}
		</>
	)
}

/** An appendix table as read (the issuer's view, or a submitted answer). */
export function AppendixView({
	table,
	rows,
}: {
	table: TemplateTable
	rows: Record<string, Cell>[]
}) {
	const t = useT()
	const labels = fixedRows(table)
	const headings = [
		t('request.rowNumber'),
		...(labels ? [table.rowHeading ?? ''] : []),
		...table.columns.map(c => c.label),
	]
	return (
		<section className="panel" aria-labelledby={`table-${table.id}`}>
			<h2 id={`table-${table.id}`}>
				{table.title}. {table.subtitle}
			</h2>
			<div className="table-wrap cards">
				<table>
					<thead>
						<tr>
							{headings.map((h, i) => (
								<th key={i}>{h}</th>
							))}
						</tr>
					</thead>
					<tbody>
						{rows.length === 0 ? (
							<tr>
								<td colSpan={headings.length} className="muted">
									{t('request.noRows')}
								</td>
							</tr>
						) : (
							rows.map((row, r) => (
								<tr key={r}>
									<td data-label={headings[0]}>{r + 1}</td>
									{labels ? (
										<td data-label={headings[1]}>{labels[r]}</td>
									) : null}
									{table.columns.map(c => (
										<td key={c.id} data-label={c.label}>
											{cellDisplay(c, row[c.id])}
										</td>
									))}
								</tr>
							))
						)}
					</tbody>
				</table>
			</div>
		</section>
	)
}
