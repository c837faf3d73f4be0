import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>) {
	await db.schema
		.alterTable('organisation')
		.addColumn('name_original', 'text', c => c.notNull().defaultTo(''))
		.addColumn('partner_type', 'text', c =>
			c.check(
				sql`partner_type IN ('trade_union', 'federation', 'international_organisation', 'ngo', 'government', 'other')`,
			),
		)
		.execute()
	await sql`CREATE INDEX organisation_partner_country_idx ON organisation (country, name_vi COLLATE vi) WHERE kind = 'foreign_partner'`.execute(
		db,
	)

	await db.schema
		.createTable('agreement')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('organisation_id', 'uuid', c =>
			c.notNull().references('organisation.id'),
		)
		.addColumn('partner_id', 'uuid', c =>
			c.notNull().references('organisation.id'),
		)
		.addColumn('title', 'text', c => c.notNull())
		.addColumn('kind', 'text', c =>
			c
				.notNull()
				.check(
					sql`kind IN ('mou', 'cooperation_agreement', 'cooperation_plan', 'other')`,
				),
		)
		.addColumn('signed_on', 'date')
		.addColumn('valid_from', 'date')
		.addColumn('valid_to', 'date')
		.addColumn('file_name', 'text')
		.addColumn('file_content_type', 'text')
		.addColumn('file_size', 'integer')
		.addColumn('file_sha256', 'text')
		.addColumn('file_data', 'bytea')
		.addColumn('version', 'integer', c => c.notNull().defaultTo(1))
		.addColumn('created_by', 'uuid', c => c.notNull().references('app_user.id'))
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addColumn('updated_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addCheckConstraint(
			'agreement_period_check',
			sql`valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to`,
		)
		.execute()
	await db.schema
		.createIndex('agreement_partner_idx')
		.on('agreement')
		.columns(['partner_id', 'organisation_id'])
		.execute()
	await db.schema
		.createIndex('agreement_org_valid_to_idx')
		.on('agreement')
		.columns(['organisation_id', 'valid_to'])
		.execute()

	await db.schema
		.createTable('partner_support')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('organisation_id', 'uuid', c =>
			c.notNull().references('organisation.id'),
		)
		.addColumn('partner_id', 'uuid', c =>
			c.notNull().references('organisation.id'),
		)
		.addColumn('amount', 'numeric(14, 2)', c =>
			c.notNull().check(sql`amount > 0`),
		)
		.addColumn('currency', 'text', c => c.notNull())
		.addColumn('given_on', 'date', c => c.notNull())
		.addColumn('purpose', 'text', c => c.notNull().defaultTo(''))
		.addColumn('created_by', 'uuid', c => c.notNull().references('app_user.id'))
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.execute()
	await db.schema
		.createIndex('partner_support_partner_idx')
		.on('partner_support')
		.columns(['partner_id', 'organisation_id', 'given_on'])
		.execute()
	await db.schema
		.createIndex('plan_partner_idx')
		.on('plan')
		.columns(['partner_id', 'plan_year'])
		.execute()
}

export async function down(db: Kysely<any>) {
	await db.schema.dropIndex('plan_partner_idx').ifExists().execute()
	await db.schema.dropTable('partner_support').ifExists().execute()
	await db.schema.dropTable('agreement').ifExists().execute()
	await sql`DROP INDEX IF EXISTS organisation_partner_country_idx`.execute(db)
	await db.schema
		.alterTable('organisation')
		.dropColumn('partner_type')
		.dropColumn('name_original')
		.execute()
}
