import { type OrganisationKind } from '#lib/enums.ts'
import {
	type Cell,
	fixedRows,
	type ReportContent,
	type ReportTemplate,
	type TemplateColumn,
	type TemplateTable,
} from '#lib/report-template.ts'

export const GROUPS = ['provinces', 'sectors'] as const
export type Group = (typeof GROUPS)[number]
type ByGroup = Record<Group | 'all', number>

export function groupOf(kind: OrganisationKind): Group | null {
	return kind === 'provincial_federation'
		? 'provinces'
		: kind === 'sector_union'
			? 'sectors'
			: null
}

const zero = (): ByGroup => ({ all: 0, provinces: 0, sectors: 0 })

export type Aggregate =
	| { type: 'number'; sum: ByGroup }
	| { type: 'yesno'; yes: ByGroup; no: ByGroup }
	| { type: 'choice'; counts: Record<string, ByGroup> }
	| { type: 'text' | 'date'; filled: number }

export interface Answered {
	organisation: string
	kind: OrganisationKind
	content: ReportContent
}

export interface ConsolidatedTable {
	table: TemplateTable
	/** Fixed rows: each row's label and, per column, its aggregate. */
	rows: { label: string; cells: Record<string, Aggregate> }[]
	/** Free rows: every row of every organisation, with the organisation's name. */
	entries: { organisation: string; cells: Record<string, Cell> }[]
	/** Fixed rows: each organisation's own cells (the figures behind the sums). */
	byOrganisation: {
		organisation: string
		kind: OrganisationKind
		rows: Record<string, Cell>[]
	}[]
}

export interface Consolidation {
	/** How many submitted answers each group has (the denominators of "42/63"). */
	submitted: ByGroup
	asked: ByGroup
	tables: ConsolidatedTable[]
}

function emptyAggregate(column: TemplateColumn): Aggregate {
	switch (column.type) {
		case 'number':
			return { type: 'number', sum: zero() }
		case 'yesno':
			return { type: 'yesno', yes: zero(), no: zero() }
		case 'choice':
			return {
				type: 'choice',
				counts: Object.fromEntries(
					(column.choices ?? []).map(c => [c, zero()]),
				),
			}
		default:
			return { type: column.type, filled: 0 }
	}
}

function add(target: ByGroup, group: Group | null, n: number) {
	target.all += n
	if (group) target[group] += n
}

function addCell(
	aggregate: Aggregate,
	value: Cell | undefined,
	group: Group | null,
) {
	if (value === null || value === undefined) return
	if (aggregate.type === 'number' && typeof value === 'number')
		add(aggregate.sum, group, value)
	else if (aggregate.type === 'yesno' && typeof value === 'boolean')
		add(value ? aggregate.yes : aggregate.no, group, 1)
	else if (aggregate.type === 'choice' && typeof value === 'string') {
		const counts = aggregate.counts[value]
		if (counts) add(counts, group, 1)
	} else if (aggregate.type === 'text' || aggregate.type === 'date')
		aggregate.filled += 1
}

/**
 * The national picture of a request's submitted answers: per fixed table, each number column
 * summed (in all and by group: provinces, sector unions), each yes/no counted, each choice
 * counted; free tables listed row by row with their organisation. Pure.
 */
export function consolidate(
	template: ReportTemplate,
	answers: Answered[],
	askedByKind: Partial<Record<OrganisationKind, number>>,
): Consolidation {
	const submitted = zero()
	for (const a of answers) add(submitted, groupOf(a.kind), 1)
	const asked = zero()
	for (const [kind, n] of Object.entries(askedByKind))
		add(asked, groupOf(kind as OrganisationKind), n ?? 0)
	const tables = template.tables.map(table => {
		const labels = fixedRows(table)
		const result: ConsolidatedTable = {
			table,
			rows: (labels ?? []).map(label => ({
				label,
				cells: Object.fromEntries(
					table.columns.map(c => [c.id, emptyAggregate(c)]),
				),
			})),
			entries: [],
			byOrganisation: [],
		}
		for (const answer of answers) {
			const rows = answer.content.tables[table.id] ?? []
			const group = groupOf(answer.kind)
			if (!labels) {
				for (const cells of rows)
					result.entries.push({ organisation: answer.organisation, cells })
				continue
			}
			result.byOrganisation.push({
				organisation: answer.organisation,
				kind: answer.kind,
				rows,
			})
			result.rows.forEach((row, r) => {
				for (const column of table.columns)
					addCell(row.cells[column.id]!, rows[r]?.[column.id], group)
			})
		}
		return result
	})
	return { submitted, asked, tables }
}
