import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>) {
	await db.schema
		.createTable('substitution')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('organisation_id', 'uuid', c =>
			c.notNull().references('organisation.id'),
		)
		.addColumn('principal_id', 'uuid', c =>
			c.notNull().references('app_user.id'),
		)
		.addColumn('substitute_id', 'uuid', c =>
			c.notNull().references('app_user.id'),
		)
		// Asia/Ho_Chi_Minh days, both included.
		.addColumn('starts_on', 'date', c => c.notNull())
		.addColumn('ends_on', 'date', c => c.notNull())
		.addColumn('created_by', 'uuid', c => c.notNull().references('app_user.id'))
		.addColumn('ended_early_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addColumn('updated_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addCheckConstraint('substitution_range_check', sql`starts_on <= ends_on`)
		.addCheckConstraint(
			'substitution_not_self_check',
			sql`principal_id <> substitute_id`,
		)
		.execute()
	// Overlaps for the same principal are refused by the app under a lock on the principal's row
	// (an exclusion constraint would need btree_gist, which not every server here has).
	await sql`CREATE INDEX substitution_principal_idx ON substitution (principal_id, starts_on)`.execute(
		db,
	)
	await sql`CREATE INDEX substitution_substitute_idx ON substitution (substitute_id, ends_on)`.execute(
		db,
	)
	await sql`CREATE INDEX substitution_organisation_idx ON substitution (organisation_id, starts_on DESC)`.execute(
		db,
	)

	await db.schema
		.createTable('decision_token')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('token_hash', 'text', c => c.notNull().unique())
		.addColumn('approver_id', 'uuid', c =>
			c.notNull().references('app_user.id'),
		)
		.addColumn('plan_id', 'uuid', c => c.notNull().references('plan.id'))
		.addColumn('step_status', 'text', c => c.notNull())
		.addColumn('plan_version', 'integer', c => c.notNull())
		.addColumn('action', 'text', c =>
			c.notNull().check(sql`action IN ('approve', 'return')`),
		)
		.addColumn('expires_at', 'timestamptz', c => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.execute()
	await sql`CREATE INDEX decision_token_plan_idx ON decision_token (plan_id)`.execute(
		db,
	)

	await db.schema
		.alterTable('plan_event')
		.addColumn('on_behalf_of', 'uuid', c => c.references('app_user.id'))
		.execute()
}

export async function down(db: Kysely<any>) {
	await db.schema.alterTable('plan_event').dropColumn('on_behalf_of').execute()
	await db.schema.dropTable('decision_token').execute()
	await db.schema.dropTable('substitution').execute()
}
