import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>) {
	// A report request (công văn yêu cầu báo cáo): who asks, by which document, by when, with which template.
	await db.schema
		.createTable('report_request')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('organisation_id', 'uuid', c =>
			c.notNull().references('organisation.id'),
		)
		.addColumn('number_symbol', 'text', c => c.notNull())
		.addColumn('issued_on', 'date', c => c.notNull())
		.addColumn('outgoing_document_id', 'uuid', c =>
			c.references('outgoing_document.id').onDelete('set null'),
		)
		.addColumn('title', 'text', c => c.notNull())
		.addColumn('audience', 'text', c =>
			c
				.notNull()
				.check(sql`audience in ('all', 'provinces', 'sectors', 'chosen')`),
		)
		.addColumn('due_on', 'date', c => c.notNull())
		/** A copy of the template at issue: what was asked never changes afterwards. */
		.addColumn('template', 'jsonb', c => c.notNull())
		.addColumn('letter_name', 'text')
		.addColumn('letter_size', 'integer')
		.addColumn('letter_sha256', 'text')
		.addColumn('letter_data', 'bytea')
		.addColumn('created_by', 'uuid', c => c.notNull().references('app_user.id'))
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.execute()
	await db.schema
		.createIndex('report_request_org_idx')
		.on('report_request')
		.columns(['organisation_id', 'issued_on'])
		.execute()

	// One organisation's answer to a request: created for every organisation asked, at issue.
	await db.schema
		.createTable('report_response')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('request_id', 'uuid', c =>
			c.notNull().references('report_request.id').onDelete('cascade'),
		)
		.addColumn('organisation_id', 'uuid', c =>
			c.notNull().references('organisation.id'),
		)
		.addColumn('status', 'text', c =>
			c
				.notNull()
				.defaultTo('not_started')
				.check(
					sql`status in ('not_started', 'draft', 'submitted', 'returned')`,
				),
		)
		.addColumn('content', 'jsonb')
		.addColumn('number_symbol', 'text', c => c.notNull().defaultTo(''))
		.addColumn('report_date', 'date')
		.addColumn('signer_name', 'text', c => c.notNull().defaultTo(''))
		.addColumn('signature_title', 'text', c => c.notNull().defaultTo(''))
		.addColumn('submitted_at', 'timestamptz')
		.addColumn('version', 'integer', c => c.notNull().defaultTo(1))
		.addColumn('updated_by', 'uuid', c => c.references('app_user.id'))
		.addColumn('updated_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addUniqueConstraint('report_response_once', [
			'request_id',
			'organisation_id',
		])
		.execute()
	await db.schema
		.createIndex('report_response_org_idx')
		.on('report_response')
		.columns(['organisation_id', 'status'])
		.execute()

	// Every save, submission and return of an answer: who, when, from which state to which, why.
	await db.schema
		.createTable('report_response_event')
		.addColumn('id', 'bigserial', c => c.primaryKey())
		.addColumn('response_id', 'uuid', c =>
			c.notNull().references('report_response.id').onDelete('cascade'),
		)
		.addColumn('event', 'text', c => c.notNull())
		.addColumn('from_status', 'text', c => c.notNull())
		.addColumn('to_status', 'text', c => c.notNull())
		.addColumn('comment', 'text')
		.addColumn('actor_id', 'uuid', c => c.notNull().references('app_user.id'))
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.execute()
	await db.schema
		.createIndex('report_response_event_idx')
		.on('report_response_event')
		.columns(['response_id', 'id'])
		.execute()
}

export async function down(db: Kysely<any>) {
	await db.schema.dropTable('report_response_event').execute()
	await db.schema.dropTable('report_response').execute()
	await db.schema.dropTable('report_request').execute()
}
