import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>) {
	await db.schema
		.alterTable('chain_step')
		.addColumn('approval_rule', 'text', c =>
			c
				.notNull()
				.defaultTo('any')
				.check(sql`approval_rule in ('any', 'all', 'min')`),
		)
		.addColumn('min_approvals', 'integer', c =>
			c.check(sql`min_approvals >= 1`),
		)
		.execute()
	await sql`alter table chain_step add constraint chain_step_min_rule check ((approval_rule = 'min') = (min_approvals is not null))`.execute(
		db,
	)
	// One approval per approver per round: a round is the plan's version while it waits at the
	// step (a partial approval does not bump it; a return, resubmission or move does).
	await db.schema
		.createTable('step_approval')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('plan_id', 'uuid', c =>
			c.notNull().references('plan.id').onDelete('cascade'),
		)
		.addColumn('status', 'text', c => c.notNull())
		.addColumn('plan_version', 'integer', c => c.notNull())
		.addColumn('approver_id', 'uuid', c =>
			c.notNull().references('app_user.id'),
		)
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addUniqueConstraint('step_approval_once', [
			'plan_id',
			'status',
			'plan_version',
			'approver_id',
		])
		.execute()
}

export async function down(db: Kysely<any>) {
	await db.schema.dropTable('step_approval').execute()
	await db.schema
		.alterTable('chain_step')
		.dropColumn('approval_rule')
		.dropColumn('min_approvals')
		.execute()
}
