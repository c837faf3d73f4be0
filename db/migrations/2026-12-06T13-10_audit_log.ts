import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// Who did what to accounts, organisations, chains, substitutions and emails, with the values
// before and after. Rows are only ever added: the triggers refuse UPDATE and DELETE.
export async function up(db: Kysely<any>) {
	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'bigserial', c => c.primaryKey())
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addColumn('actor_id', 'uuid', c => c.notNull().references('app_user.id'))
		.addColumn('organisation_id', 'uuid', c =>
			c.notNull().references('organisation.id'),
		)
		.addColumn('action', 'text', c => c.notNull())
		.addColumn('subject_id', 'text', c => c.notNull())
		.addColumn('before', 'jsonb')
		.addColumn('after', 'jsonb')
		.execute()
	await sql`CREATE INDEX audit_log_time_idx ON audit_log (created_at DESC, id DESC)`.execute(
		db,
	)
	await sql`CREATE INDEX audit_log_organisation_time_idx ON audit_log (organisation_id, created_at DESC, id DESC)`.execute(
		db,
	)
	await sql`
		CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
		END $$`.execute(db)
	await sql`
		CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
		FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db)
}

export async function down(db: Kysely<any>) {
	await db.schema.dropTable('audit_log').execute()
	await sql`DROP FUNCTION audit_log_append_only()`.execute(db)
}
