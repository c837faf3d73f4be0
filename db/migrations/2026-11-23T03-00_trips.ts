import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>) {
	await db.schema
		.alterTable('organisation')
		// Days after a trip's return within which its report is due.
		.addColumn('report_due_days', 'integer', c =>
			c
				.notNull()
				.defaultTo(15)
				.check(sql`report_due_days BETWEEN 1 AND 365`),
		)
		// Days a plan may wait at one of this organisation's steps before its approvers are reminded.
		.addColumn('approval_reminder_days', 'integer', c =>
			c
				.notNull()
				.defaultTo(5)
				.check(sql`approval_reminder_days BETWEEN 1 AND 365`),
		)
		.execute()

	await db.schema
		.alterTable('plan')
		.addColumn('departed_on', 'date')
		.addColumn('returned_on', 'date')
		.addColumn('report_due_on', 'date')
		.addColumn('cancel_reason', 'text')
		.execute()
	await sql`CREATE INDEX plan_report_due_idx ON plan (report_due_on) WHERE status IN ('trip_done', 'report_returned')`.execute(
		db,
	)

	await db.schema
		.createTable('trip_report')
		.addColumn('plan_id', 'uuid', c =>
			c.primaryKey().references('plan.id').onDelete('cascade'),
		)
		.addColumn('summary', 'text', c => c.notNull().defaultTo(''))
		.addColumn('results', 'text', c => c.notNull().defaultTo(''))
		.addColumn('activities_done', 'text', c => c.notNull().defaultTo(''))
		.addColumn('proposals', 'text', c => c.notNull().defaultTo(''))
		.addColumn('participants', 'jsonb', c => c.notNull().defaultTo(sql`'[]'`))
		.addColumn('version', 'integer', c => c.notNull().defaultTo(1))
		.addColumn('submitted_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addColumn('updated_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.execute()

	await db.schema
		.alterTable('plan_attachment')
		.addColumn('purpose', 'text', c =>
			c
				.notNull()
				.defaultTo('plan')
				.check(sql`purpose IN ('plan', 'report')`),
		)
		.execute()
}

export async function down(db: Kysely<any>) {
	await db.schema.alterTable('plan_attachment').dropColumn('purpose').execute()
	await db.schema.dropTable('trip_report').ifExists().execute()
	await sql`DROP INDEX IF EXISTS plan_report_due_idx`.execute(db)
	await db.schema
		.alterTable('plan')
		.dropColumn('departed_on')
		.dropColumn('returned_on')
		.dropColumn('report_due_on')
		.dropColumn('cancel_reason')
		.execute()
	await db.schema
		.alterTable('organisation')
		.dropColumn('report_due_days')
		.dropColumn('approval_reminder_days')
		.execute()
}
