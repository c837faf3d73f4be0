import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>) {
	await db.schema
		.alterTable('app_user')
		// For-information emails can be turned off; emails that ask the user to act cannot.
		.addColumn('email_info', 'boolean', c => c.notNull().defaultTo(true))
		.execute()

	await db.schema
		.createTable('notification')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('user_id', 'uuid', c =>
			c.notNull().references('app_user.id').onDelete('cascade'),
		)
		.addColumn('plan_id', 'uuid', c =>
			c.references('plan.id').onDelete('cascade'),
		)
		.addColumn('kind', 'text', c => c.notNull())
		.addColumn('params', 'jsonb', c => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('dedupe_key', 'text', c => c.notNull().unique())
		.addColumn('read_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.execute()
	await db.schema
		.createIndex('notification_user_idx')
		.on('notification')
		.columns(['user_id', 'created_at'])
		.execute()
	await sql`CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL`.execute(
		db,
	)

	await db.schema
		.createTable('email_message')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('recipient_id', 'uuid', c =>
			c.references('app_user.id').onDelete('set null'),
		)
		.addColumn('to_address', 'text', c => c.notNull())
		.addColumn('template', 'text', c => c.notNull())
		.addColumn('props', 'jsonb', c => c.notNull())
		.addColumn('plan_id', 'uuid', c =>
			c.references('plan.id').onDelete('set null'),
		)
		.addColumn('organisation_id', 'uuid', c => c.references('organisation.id'))
		// One message per (event, recipient), however often the event is replayed.
		.addColumn('dedupe_key', 'text', c => c.notNull().unique())
		.addColumn('status', 'text', c =>
			c
				.notNull()
				.defaultTo('queued')
				.check(sql`status IN ('queued', 'sent', 'stored', 'failed')`),
		)
		.addColumn('attempts', 'integer', c => c.notNull().defaultTo(0))
		.addColumn('last_error', 'text')
		.addColumn('subject', 'text')
		.addColumn('html', 'text')
		.addColumn('text', 'text')
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addColumn('sent_at', 'timestamptz')
		.execute()
	await db.schema
		.createIndex('email_message_created_idx')
		.on('email_message')
		.columns(['created_at'])
		.execute()
	await db.schema
		.createIndex('email_message_org_idx')
		.on('email_message')
		.columns(['organisation_id', 'created_at'])
		.execute()

	await db.schema
		.createTable('password_reset')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('user_id', 'uuid', c =>
			c.notNull().references('app_user.id').onDelete('cascade'),
		)
		.addColumn('token_hash', 'text', c => c.notNull().unique())
		.addColumn('expires_at', 'timestamptz', c => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.execute()
	await db.schema
		.createIndex('password_reset_user_idx')
		.on('password_reset')
		.column('user_id')
		.execute()
}

export async function down(db: Kysely<any>) {
	for (const table of ['password_reset', 'email_message', 'notification'])
		await db.schema.dropTable(table).ifExists().execute()
	await db.schema.alterTable('app_user').dropColumn('email_info').execute()
}
