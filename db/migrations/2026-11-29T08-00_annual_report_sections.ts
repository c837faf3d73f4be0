import { type Kysely } from 'kysely'

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>) {
	await db.schema
		.alterTable('annual_report')
		.addColumn('governing_body', 'text', c => c.notNull().defaultTo(''))
		.addColumn('proposals', 'text', c => c.notNull().defaultTo(''))
		.execute()
	// The board's list reads every organisation's reports, newest year first.
	await db.schema
		.createIndex('annual_report_year_idx')
		.on('annual_report')
		.column('year')
		.execute()
}

export async function down(db: Kysely<any>) {
	await db.schema.dropIndex('annual_report_year_idx').execute()
	await db.schema
		.alterTable('annual_report')
		.dropColumn('governing_body')
		.dropColumn('proposals')
		.execute()
}
