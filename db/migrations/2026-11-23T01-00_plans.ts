import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>) {
	await db.schema
		.createTable('plan')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('organisation_id', 'uuid', c =>
			c.notNull().references('organisation.id'),
		)
		.addColumn('plan_year', 'integer', c =>
			c.notNull().check(sql`plan_year BETWEEN 2000 AND 2100`),
		)
		.addColumn('direction', 'text', c =>
			c.notNull().check(sql`direction IN ('out', 'in')`),
		)
		.addColumn('name', 'text', c => c.notNull().defaultTo(''))
		.addColumn('in_name_of', 'text', c => c.notNull().defaultTo(''))
		.addColumn('head_title', 'text', c => c.notNull().defaultTo(''))
		.addColumn('head_name', 'text', c => c.notNull().defaultTo(''))
		.addColumn('member_count', 'integer', c => c.check(sql`member_count > 0`))
		.addColumn('country', 'text')
		.addColumn('partner_id', 'uuid', c => c.references('organisation.id'))
		.addColumn('partner_name', 'text', c => c.notNull().defaultTo(''))
		.addColumn('activities', sql`text[]`, c => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('days_min', 'integer', c => c.check(sql`days_min > 0`))
		.addColumn('days_max', 'integer', c => c.check(sql`days_max >= days_min`))
		.addColumn('timing_kind', 'text', c =>
			c
				.notNull()
				.defaultTo('year')
				.check(sql`timing_kind IN ('year', 'month', 'dates')`),
		)
		.addColumn('timing_month', 'integer', c =>
			c.check(sql`timing_month BETWEEN 1 AND 12`),
		)
		.addColumn('start_date', 'date')
		.addColumn('end_date', 'date', c => c.check(sql`end_date >= start_date`))
		.addColumn('optional_step_ids', sql`uuid[]`, c =>
			c.notNull().defaultTo(sql`'{}'`),
		)
		.addColumn('status', 'text', c => c.notNull().defaultTo('drafting'))
		// The chain version the plan was first submitted under, and the steps it climbs.
		.addColumn('chain_id', 'uuid', c => c.references('chain.id'))
		.addColumn('current_step_organisation_id', 'uuid', c =>
			c.references('organisation.id'),
		)
		.addColumn('workflow_snapshot', 'jsonb')
		.addColumn('workflow_version', 'integer', c => c.notNull().defaultTo(1))
		.addColumn('version', 'integer', c => c.notNull().defaultTo(1))
		.addColumn('created_by', 'uuid', c => c.notNull().references('app_user.id'))
		.addColumn('status_changed_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addColumn('updated_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addColumn('search_text', 'text', c =>
			c
				.generatedAlwaysAs(
					sql`vn_fold(name || ' ' || in_name_of || ' ' || head_title || ' ' || head_name || ' ' || partner_name)`,
				)
				.stored(),
		)
		.execute()
	await db.schema
		.createIndex('plan_org_year_idx')
		.on('plan')
		.columns(['organisation_id', 'plan_year', 'created_at'])
		.execute()
	await db.schema
		.createIndex('plan_inbox_idx')
		.on('plan')
		.columns(['current_step_organisation_id', 'status_changed_at'])
		.execute()
	await db.schema
		.createIndex('plan_status_idx')
		.on('plan')
		.columns(['status', 'created_at'])
		.execute()
	await sql`CREATE INDEX plan_search_idx ON plan USING gin (search_text gin_trgm_ops)`.execute(
		db,
	)

	await db.schema
		.createTable('plan_member')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('plan_id', 'uuid', c =>
			c.notNull().references('plan.id').onDelete('cascade'),
		)
		.addColumn('position', 'integer', c => c.notNull())
		.addColumn('full_name', 'text', c => c.notNull())
		.addColumn('title', 'text', c => c.notNull().defaultTo(''))
		.addColumn('organisation_name', 'text', c => c.notNull().defaultTo(''))
		.addColumn('passport_type', 'text', c =>
			c.check(sql`passport_type IN ('diplomatic', 'official', 'ordinary')`),
		)
		.execute()
	await db.schema
		.createIndex('plan_member_plan_idx')
		.on('plan_member')
		.columns(['plan_id', 'position'])
		.execute()

	await db.schema
		.createTable('plan_budget_line')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('plan_id', 'uuid', c =>
			c.notNull().references('plan.id').onDelete('cascade'),
		)
		.addColumn('position', 'integer', c => c.notNull())
		.addColumn('payer', 'text', c => c.notNull())
		.addColumn('item', 'text', c => c.notNull())
		.addColumn('source', 'text', c =>
			c.notNull().check(sql`source IN ('union_budget', 'partner', 'other')`),
		)
		.addColumn('amount', 'numeric(14, 2)', c => c.check(sql`amount >= 0`))
		.addColumn('currency', 'text', c =>
			c.check(sql`currency IN ('VND', 'USD')`),
		)
		.execute()
	await db.schema
		.createIndex('plan_budget_line_plan_idx')
		.on('plan_budget_line')
		.columns(['plan_id', 'position'])
		.execute()

	await db.schema
		.createTable('plan_attachment')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('plan_id', 'uuid', c =>
			c.notNull().references('plan.id').onDelete('cascade'),
		)
		.addColumn('file_name', 'text', c => c.notNull())
		.addColumn('content_type', 'text', c => c.notNull())
		.addColumn('size', 'integer', c => c.notNull())
		.addColumn('sha256', 'text', c => c.notNull())
		.addColumn('data', 'bytea', c => c.notNull())
		.addColumn('uploaded_by', 'uuid', c =>
			c.notNull().references('app_user.id'),
		)
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.execute()
	await db.schema
		.createIndex('plan_attachment_plan_idx')
		.on('plan_attachment')
		.column('plan_id')
		.execute()

	// Append-only: one row per workflow transition, with the plan as it was at that moment.
	await db.schema
		.createTable('plan_event')
		.addColumn('id', 'bigserial', c => c.primaryKey())
		.addColumn('plan_id', 'uuid', c =>
			c.notNull().references('plan.id').onDelete('cascade'),
		)
		.addColumn('event', 'text', c => c.notNull())
		.addColumn('actor_id', 'uuid', c => c.notNull().references('app_user.id'))
		.addColumn('actor_organisation_id', 'uuid', c =>
			c.notNull().references('organisation.id'),
		)
		.addColumn('from_status', 'text', c => c.notNull())
		.addColumn('to_status', 'text', c => c.notNull())
		.addColumn('comment', 'text')
		.addColumn('plan_version', 'integer', c => c.notNull())
		.addColumn('plan_snapshot', 'jsonb', c => c.notNull())
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.execute()
	await db.schema
		.createIndex('plan_event_plan_idx')
		.on('plan_event')
		.columns(['plan_id', 'id'])
		.execute()
}

export async function down(db: Kysely<any>) {
	for (const table of [
		'plan_event',
		'plan_attachment',
		'plan_budget_line',
		'plan_member',
		'plan',
	]) {
		await db.schema.dropTable(table).ifExists().execute()
	}
}
