import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>) {
	await db.schema
		.createTable('annual_report')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('organisation_id', 'uuid', c =>
			c.notNull().references('organisation.id').onDelete('cascade'),
		)
		.addColumn('year', 'integer', c =>
			c.notNull().check(sql`year BETWEEN 2000 AND 2100`),
		)
		.addColumn('number_symbol', 'text', c => c.notNull().defaultTo(''))
		.addColumn('place', 'text', c => c.notNull().defaultTo(''))
		.addColumn('report_date', 'date')
		.addColumn('request_text', 'text', c => c.notNull().defaultTo(''))
		.addColumn('results', 'text', c => c.notNull().defaultTo(''))
		.addColumn('difficulties', 'text', c => c.notNull().defaultTo(''))
		.addColumn('plan_intro', 'text', c => c.notNull().defaultTo(''))
		.addColumn('recipients', 'text', c => c.notNull().defaultTo(''))
		.addColumn('signature_on_behalf', 'text', c => c.notNull().defaultTo(''))
		.addColumn('signature_title', 'text', c => c.notNull().defaultTo(''))
		.addColumn('signer_name', 'text', c => c.notNull().defaultTo(''))
		.addColumn('version', 'integer', c => c.notNull().defaultTo(1))
		.addColumn('created_by', 'uuid', c => c.notNull().references('app_user.id'))
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addColumn('updated_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addUniqueConstraint('annual_report_org_year_key', [
			'organisation_id',
			'year',
		])
		.execute()
	// The report's tables read a year's plans of one organisation.
	await sql`CREATE INDEX IF NOT EXISTS plan_org_year_idx ON plan (organisation_id, plan_year)`.execute(
		db,
	)
}

export async function down(db: Kysely<any>) {
	await db.schema.dropTable('annual_report').execute()
	await sql`DROP INDEX IF EXISTS plan_org_year_idx`.execute(db)
}
