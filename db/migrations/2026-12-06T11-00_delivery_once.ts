import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// 'sending': the message was claimed for SMTP (claimed_at) and may have left; a job that runs
// again after a crash sees it. job_worker: the job-queue worker pools alive, each checking in
// every few seconds, so that the jobs locked by one that stopped checking in (a crash) are
// released at once instead of after graphile-worker's 4 hours.
export async function up(db: Kysely<any>) {
	await sql`ALTER TABLE email_message DROP CONSTRAINT email_message_status_check`.execute(
		db,
	)
	await sql`ALTER TABLE email_message ADD CONSTRAINT email_message_status_check
		CHECK (status IN ('queued', 'sending', 'sent', 'stored', 'failed'))`.execute(db)
	await db.schema
		.alterTable('email_message')
		.addColumn('claimed_at', 'timestamptz')
		.execute()
	await db.schema
		.createTable('job_worker')
		.addColumn('id', 'text', c => c.primaryKey())
		.addColumn('started_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addColumn('seen_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
		.execute()
}

export async function down(db: Kysely<any>) {
	await db.schema.dropTable('job_worker').execute()
	await db.schema.alterTable('email_message').dropColumn('claimed_at').execute()
	await sql`ALTER TABLE email_message DROP CONSTRAINT email_message_status_check`.execute(
		db,
	)
	await sql`ALTER TABLE email_message ADD CONSTRAINT email_message_status_check
		CHECK (status IN ('queued', 'sent', 'stored', 'failed'))`.execute(db)
}
