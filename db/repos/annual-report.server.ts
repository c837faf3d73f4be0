import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { type Db } from '../client.server.ts'
import { approvalAnswers } from './written-answer.server.ts'
import { paginate } from './pagination.ts'
import {
	type AnswerKind,
	type AnnualReportTable,
	type Direction,
	type FundingSource,
	type TimingKind,
} from '../schema.ts'
import { type Insertable, type Selectable } from 'kysely'

/** What the report needs of a plan (one row of the grouped query). */
export interface ReportPlan {
	id: string
	plan_year: number
	direction: Direction
	status: string
	name: string
	in_name_of: string
	head_title: string
	head_name: string
	member_count: number | null
	country: string | null
	partner_name: string
	activities: string[]
	days_min: number | null
	days_max: number | null
	timing_kind: TimingKind
	timing_month: number | null
	start_date: string | null
	end_date: string | null
	departed_on: string | null
	returned_on: string | null
	cancel_reason: string | null
	budget: { payer: string; item: string; source: FundingSource }[]
	/** The written answers recorded with the plan's approvals, oldest first. */
	answers: {
		kind: AnswerKind
		number: string
		issued_on: string
		signer: string
		organisation_name: string
	}[]
}

export type AnnualReport = Selectable<AnnualReportTable>
export type AnnualReportFields = Omit<
	Insertable<AnnualReportTable>,
	| 'id'
	| 'organisation_id'
	| 'year'
	| 'version'
	| 'created_by'
	| 'created_at'
	| 'updated_at'
>

/** A page of reports, newest year first: one organisation's, or every one's (`organisationId` null, for the VGCL board). */
export async function listAnnualReports(
	db: Db,
	{ organisationId, page }: { organisationId: string | null; page: number },
) {
	let q = db
		.selectFrom('annual_report')
		.innerJoin(
			'organisation',
			'organisation.id',
			'annual_report.organisation_id',
		)
		.select(eb => [
			'annual_report.id',
			'annual_report.year',
			'annual_report.number_symbol',
			'annual_report.report_date',
			'annual_report.updated_at',
			'organisation.short_name',
			eb.fn.countAll<string>().over().as('total'),
		])
		.orderBy('annual_report.year', 'desc')
		.orderBy(sql`organisation.short_name COLLATE vi`)
		.orderBy('annual_report.id')
	if (organisationId)
		q = q.where('annual_report.organisation_id', '=', organisationId)
	return paginate(q, page)
}

/**
 * Where each federation's and sector union's report on `year` stands, for the VGCL board, in
 * Vietnamese order: its report (if any), and whether it is issued: numbered from the register, or
 * with a number typed in (issued outside the app; a new report's "/BC-…" has none).
 * One query, however many organisations.
 */
export async function annualReportProgress(db: Db, year: number) {
	return db
		.selectFrom('organisation as o')
		.leftJoin('annual_report as r', join =>
			join.onRef('r.organisation_id', '=', 'o.id').on('r.year', '=', year),
		)
		.select(eb => [
			'o.id',
			'o.short_name',
			'r.id as report_id',
			'r.number_symbol',
			'r.report_date',
			eb
				.or([
					eb.exists(
						eb
							.selectFrom('outgoing_document as d')
							.select('d.id')
							.whereRef('d.annual_report_id', '=', 'r.id'),
					),
					sql<boolean>`r.number_symbol ~ '^[0-9]'`,
				])
				.as('issued'),
		])
		.where('o.kind', 'in', ['provincial_federation', 'sector_union'])
		.orderBy(sql`o.short_name COLLATE vi`)
		.orderBy('o.id')
		.execute()
}

/** The report with its organisation's names, or undefined. */
export async function getAnnualReport(db: Db, id: string) {
	return db
		.selectFrom('annual_report')
		.innerJoin(
			'organisation',
			'organisation.id',
			'annual_report.organisation_id',
		)
		.selectAll('annual_report')
		.select([
			'organisation.name_vi as organisation_name',
			'organisation.short_name as organisation_short_name',
		])
		.where('annual_report.id', '=', id)
		.executeTakeFirst()
}

export async function findAnnualReportId(
	db: Db,
	organisationId: string,
	year: number,
) {
	const row = await db
		.selectFrom('annual_report')
		.select('id')
		.where('organisation_id', '=', organisationId)
		.where('year', '=', year)
		.executeTakeFirst()
	return row?.id
}

export async function insertAnnualReport(
	db: Db,
	values: AnnualReportFields & {
		organisation_id: string
		year: number
		created_by: string
	},
) {
	return db
		.insertInto('annual_report')
		.values(values)
		.onConflict(oc => oc.columns(['organisation_id', 'year']).doNothing())
		.returning('id')
		.executeTakeFirst()
}

/** Saves the draft unless someone saved it since `expectedVersion`; null then. */
export async function saveAnnualReport(
	db: Db,
	id: string,
	expectedVersion: number,
	values: AnnualReportFields,
) {
	return db
		.updateTable('annual_report')
		.set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
		.where('id', '=', id)
		.where('version', '=', expectedVersion)
		.returning('version')
		.executeTakeFirst()
}

/** The organisation (with its parent's name) and its plans of `year` and `year + 1`: two queries, whatever the number of plans. */
export async function getReportData(
	db: Db,
	organisationId: string,
	year: number,
) {
	const [organisation, plans] = await Promise.all([
		db
			.selectFrom('organisation as o')
			.leftJoin('organisation as parent', 'parent.id', 'o.parent_id')
			.select([
				'o.id',
				'o.name_vi',
				'o.short_name',
				'o.province',
				'o.kind',
				'parent.name_vi as parent_name',
			])
			.where('o.id', '=', organisationId)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('plan')
			.leftJoin('organisation as partner', 'partner.id', 'plan.partner_id')
			.select(eb => [
				'plan.id',
				'plan.plan_year',
				'plan.direction',
				'plan.status',
				'plan.name',
				'plan.in_name_of',
				'plan.head_title',
				'plan.head_name',
				// Members entered as a list (the usual way) count when no number was typed.
				sql<
					number | null
				>`coalesce(plan.member_count, nullif((SELECT count(*) FROM plan_member m WHERE m.plan_id = plan.id), 0))::int`.as(
					'member_count',
				),
				'plan.country',
				sql<string>`coalesce(nullif(plan.partner_name, ''), partner.name_vi, '')`.as(
					'partner_name',
				),
				'plan.activities',
				'plan.days_min',
				'plan.days_max',
				'plan.timing_kind',
				'plan.timing_month',
				'plan.start_date',
				'plan.end_date',
				'plan.departed_on',
				'plan.returned_on',
				'plan.cancel_reason',
				jsonArrayFrom(
					eb
						.selectFrom('plan_budget_line as b')
						.select(['b.payer', 'b.item', 'b.source'])
						.whereRef('b.plan_id', '=', 'plan.id')
						.orderBy('b.position'),
				).as('budget'),
				approvalAnswers(eb).as('answers'),
			])
			.where('plan.organisation_id', '=', organisationId)
			.where('plan.plan_year', 'in', [year, year + 1])
			.orderBy('plan.plan_year')
			.orderBy('plan.created_at')
			.orderBy('plan.id')
			.execute(),
	])
	return { organisation, plans: plans as ReportPlan[] }
}
