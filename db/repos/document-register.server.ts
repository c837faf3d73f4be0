import { sql } from 'kysely'
import { type Db } from '../client.server.ts'

/**
 * The next number of the organisation's register for the year and kind. The counter row stays
 * locked until the caller's transaction ends, so parallel issues wait for each other, and a
 * rolled-back issue gives its number back: never twice, never skipped.
 */
export async function takeNextNumber(
	trx: Db,
	key: { organisation_id: string; year: number; kind: string },
) {
	const row = await trx
		.insertInto('document_counter')
		.values({ ...key, last_number: 1 })
		.onConflict(oc =>
			oc.columns(['organisation_id', 'year', 'kind']).doUpdateSet({
				last_number: sql`document_counter.last_number + 1`,
			}),
		)
		.returning('last_number')
		.executeTakeFirstOrThrow()
	return row.last_number
}

export async function insertOutgoingDocument(
	trx: Db,
	values: {
		organisation_id: string
		year: number
		kind: string
		number: number
		notation: string
		subject: string
		issued_on: string
		issued_by: string
		plan_id?: string | null
		plan_version?: number | null
		annual_report_id?: string | null
		content?: unknown
	},
) {
	return trx
		.insertInto('outgoing_document')
		.values({ ...values, content: values.content ?? null })
		.returning(['id', 'number', 'notation', 'issued_on'])
		.executeTakeFirstOrThrow()
}

export async function getDocumentNotation(db: Db, organisationId: string) {
	const row = await db
		.selectFrom('organisation')
		.select(['document_notation', 'name_vi', 'short_name'])
		.where('id', '=', organisationId)
		.executeTakeFirst()
	return row
}

export async function setDocumentNotation(
	db: Db,
	organisationId: string,
	pattern: string,
) {
	await db
		.updateTable('organisation')
		.set({ document_notation: pattern, updated_at: sql`now()` })
		.where('id', '=', organisationId)
		.execute()
}

/** The register of one organisation for one year, in the order numbers were given. */
export async function listRegister(
	db: Db,
	organisationId: string,
	year: number,
) {
	return db
		.selectFrom('outgoing_document as d')
		.leftJoin('app_user as u', 'u.id', 'd.issued_by')
		.leftJoin('plan as p', 'p.id', 'd.plan_id')
		.select([
			'd.id',
			'd.kind',
			'd.number',
			'd.notation',
			'd.subject',
			'd.issued_on',
			'd.plan_id',
			'd.annual_report_id',
			'd.plan_version',
			'u.full_name as issued_by_name',
			'p.name as plan_name',
		])
		.where('d.organisation_id', '=', organisationId)
		.where('d.year', '=', year)
		.orderBy('d.kind')
		.orderBy('d.number')
		.orderBy('d.id')
		.execute()
}

/** The years the organisation's register has entries in, newest first. */
export async function listRegisterYears(db: Db, organisationId: string) {
	const rows = await db
		.selectFrom('document_counter')
		.select('year')
		.distinct()
		.where('organisation_id', '=', organisationId)
		.orderBy('year', 'desc')
		.execute()
	return rows.map(r => r.year)
}

/** A plan's issued documents (each version of the plan document, and its report's), oldest first. */
export async function listPlanDocuments(
	db: Db,
	planId: string,
	organisationId: string,
) {
	return db
		.selectFrom('outgoing_document')
		.select([
			'id',
			'kind',
			'number',
			'notation',
			'subject',
			'issued_on',
			'plan_version',
			'content',
			'created_at',
		])
		.where('plan_id', '=', planId)
		.where('organisation_id', '=', organisationId)
		.orderBy('created_at')
		.orderBy('id')
		.execute()
}

export async function getPlanDocument(
	db: Db,
	planId: string,
	documentId: string,
) {
	return db
		.selectFrom('outgoing_document')
		.select([
			'id',
			'kind',
			'number',
			'notation',
			'subject',
			'issued_on',
			'plan_version',
			'content',
			'organisation_id',
		])
		.where('plan_id', '=', planId)
		.where('id', '=', documentId)
		.executeTakeFirst()
}

/** The register entry of an annual report, if its number has been given. */
export async function getAnnualReportEntry(db: Db, annualReportId: string) {
	return db
		.selectFrom('outgoing_document')
		.select(['id', 'notation', 'issued_on'])
		.where('annual_report_id', '=', annualReportId)
		.orderBy('created_at')
		.executeTakeFirst()
}

/** Writes the given number and date into the report, unless it changed since `expectedVersion`. */
export async function setAnnualReportNumber(
	db: Db,
	id: string,
	expectedVersion: number,
	values: { number_symbol: string; report_date: string },
) {
	return db
		.updateTable('annual_report')
		.set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
		.where('id', '=', id)
		.where('version', '=', expectedVersion)
		.returning('version')
		.executeTakeFirst()
}
