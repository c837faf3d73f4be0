import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>) {
	// The organisation's notation of its outgoing documents: "{n}/{kind}-LĐLĐ" gives "12/KH-LĐLĐ".
	await db.schema
		.alterTable('organisation')
		.addColumn('document_notation', 'text', c =>
			c.notNull().defaultTo('{n}/{kind}'),
		)
		.execute()
	await sql`update organisation set document_notation = '{n}/{kind}-' || split_part(short_name, ' ', 1) where kind <> 'foreign_partner'`.execute(
		db,
	)
	// The last number given per organisation, year and kind: the row is the lock that keeps the numbers gapless.
	await db.schema
		.createTable('document_counter')
		.addColumn('organisation_id', 'uuid', c =>
			c.notNull().references('organisation.id').onDelete('cascade'),
		)
		.addColumn('year', 'integer', c => c.notNull())
		.addColumn('kind', 'text', c => c.notNull())
		.addColumn('last_number', 'integer', c => c.notNull())
		.addPrimaryKeyConstraint('document_counter_pk', [
			'organisation_id',
			'year',
			'kind',
		])
		.execute()
	// The register of outgoing documents (sổ văn bản đi): one row per number given.
	await db.schema
		.createTable('outgoing_document')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('organisation_id', 'uuid', c =>
			c.notNull().references('organisation.id').onDelete('cascade'),
		)
		.addColumn('year', 'integer', c => c.notNull())
		.addColumn('kind', 'text', c => c.notNull())
		.addColumn('number', 'integer', c => c.notNull().check(sql`number >= 1`))
		.addColumn('notation', 'text', c => c.notNull())
		.addColumn('subject', 'text', c => c.notNull())
		.addColumn('issued_on', 'date', c => c.notNull())
		.addColumn('plan_id', 'uuid', c =>
			c.references('plan.id').onDelete('set null'),
		)
		.addColumn('annual_report_id', 'uuid', c =>
			c.references('annual_report.id').onDelete('set null'),
		)
		.addColumn('plan_version', 'integer')
		/** What the document said when it was issued (for a plan: the built document). */
		.addColumn('content', 'jsonb')
		.addColumn('issued_by', 'uuid', c => c.notNull().references('app_user.id'))
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addUniqueConstraint('outgoing_document_number_once', [
			'organisation_id',
			'year',
			'kind',
			'number',
		])
		.execute()
	await db.schema
		.createIndex('outgoing_document_plan_idx')
		.on('outgoing_document')
		.columns(['plan_id', 'created_at'])
		.where('plan_id', 'is not', null)
		.execute()

	// Written answers of the chain's steps (the công văn, quyết định or thông báo that goes with a decision).
	await db.schema
		.alterTable('chain_step')
		.addColumn('requires_written_answer', 'boolean', c =>
			c.notNull().defaultTo(false),
		)
		.execute()
	await db.schema
		.createTable('written_answer')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('plan_id', 'uuid', c =>
			c.notNull().references('plan.id').onDelete('cascade'),
		)
		.addColumn('plan_event_id', 'bigint', c =>
			c.notNull().references('plan_event.id').onDelete('cascade'),
		)
		.addColumn('organisation_id', 'uuid', c =>
			c.notNull().references('organisation.id'),
		)
		.addColumn('kind', 'text', c =>
			c.notNull().check(sql`kind in ('cong_van', 'quyet_dinh', 'thong_bao')`),
		)
		.addColumn('number', 'text', c => c.notNull())
		.addColumn('issued_on', 'date', c => c.notNull())
		.addColumn('signer', 'text', c => c.notNull())
		.addColumn('file_name', 'text', c => c.notNull())
		.addColumn('size', 'integer', c => c.notNull())
		.addColumn('sha256', 'text', c => c.notNull())
		.addColumn('data', 'bytea', c => c.notNull())
		.addColumn('created_by', 'uuid', c => c.notNull().references('app_user.id'))
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.execute()
	await db.schema
		.createIndex('written_answer_plan_idx')
		.on('written_answer')
		.columns(['plan_id', 'created_at'])
		.execute()
}

export async function down(db: Kysely<any>) {
	await db.schema.dropTable('written_answer').execute()
	await db.schema
		.alterTable('chain_step')
		.dropColumn('requires_written_answer')
		.execute()
	await db.schema.dropTable('outgoing_document').execute()
	await db.schema.dropTable('document_counter').execute()
	await db.schema
		.alterTable('organisation')
		.dropColumn('document_notation')
		.execute()
}
