import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>) {
	await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db)
	// Accent-insensitive matching key: NFC, lower case, tone marks and Đ/đ folded.
	await sql`
		CREATE OR REPLACE FUNCTION vn_fold(input text) RETURNS text
		LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
			SELECT translate(
				lower(normalize(input, NFC)),
				'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ',
				'aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy'
			)
		$$`.execute(db)
	await sql`
		DO $$ BEGIN
			IF NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'vi') THEN
				CREATE COLLATION vi (provider = icu, locale = 'vi');
			END IF;
		END $$`.execute(db)

	await db.schema
		.createTable('organisation')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('kind', 'text', c =>
			c
				.notNull()
				.check(
					sql`kind IN ('provincial_federation', 'sector_union', 'party_committee', 'vgcl_board', 'foreign_partner')`,
				),
		)
		.addColumn('name_vi', 'text', c => c.notNull())
		.addColumn('name_en', 'text', c => c.notNull().defaultTo(''))
		.addColumn('short_name', 'text', c => c.notNull())
		.addColumn('province', 'text')
		.addColumn('country', 'text', c => c.notNull().defaultTo('VN'))
		.addColumn('parent_id', 'uuid', c => c.references('organisation.id'))
		.addColumn('search_text', 'text', c =>
			c
				.generatedAlwaysAs(
					sql`vn_fold(name_vi || ' ' || short_name || ' ' || name_en)`,
				)
				.stored(),
		)
		.addColumn('version', 'integer', c => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addColumn('updated_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.execute()
	await sql`CREATE INDEX organisation_search_idx ON organisation USING gin (search_text gin_trgm_ops)`.execute(
		db,
	)
	await sql`CREATE INDEX organisation_name_idx ON organisation (name_vi COLLATE vi)`.execute(
		db,
	)
	await db.schema
		.createIndex('organisation_parent_idx')
		.on('organisation')
		.column('parent_id')
		.execute()

	await db.schema
		.createTable('app_user')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('email', 'text', c => c.notNull())
		.addColumn('password_hash', 'text', c => c.notNull())
		.addColumn('full_name', 'text', c => c.notNull())
		.addColumn('title', 'text', c => c.notNull().defaultTo(''))
		.addColumn('organisation_id', 'uuid', c =>
			c.notNull().references('organisation.id'),
		)
		.addColumn('roles', sql`text[]`, c =>
			c
				.notNull()
				.defaultTo(sql`'{}'`)
				.check(sql`roles <@ ARRAY['drafter', 'approver', 'admin']::text[]`),
		)
		.addColumn('locale', 'text', c =>
			c
				.notNull()
				.defaultTo('vi')
				.check(sql`locale IN ('vi', 'en')`),
		)
		.addColumn('active', 'boolean', c => c.notNull().defaultTo(true))
		.addColumn('must_change_password', 'boolean', c =>
			c.notNull().defaultTo(false),
		)
		.addColumn('search_text', 'text', c =>
			c
				.generatedAlwaysAs(
					sql`vn_fold(full_name || ' ' || email || ' ' || title)`,
				)
				.stored(),
		)
		.addColumn('version', 'integer', c => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addColumn('updated_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.execute()
	await sql`CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email))`.execute(
		db,
	)
	await db.schema
		.createIndex('app_user_org_idx')
		.on('app_user')
		.column('organisation_id')
		.execute()
	await sql`CREATE INDEX app_user_search_idx ON app_user USING gin (search_text gin_trgm_ops)`.execute(
		db,
	)

	await db.schema
		.createTable('session')
		.addColumn('id', 'text', c => c.primaryKey())
		.addColumn('user_id', 'uuid', c =>
			c.notNull().references('app_user.id').onDelete('cascade'),
		)
		.addColumn('expires_at', 'timestamptz', c => c.notNull())
		.execute()
	await db.schema
		.createIndex('session_user_idx')
		.on('session')
		.column('user_id')
		.execute()

	await db.schema
		.createTable('login_attempt')
		.addColumn('id', 'bigserial', c => c.primaryKey())
		.addColumn('email', 'text', c => c.notNull())
		.addColumn('ip', 'text', c => c.notNull())
		.addColumn('succeeded', 'boolean', c => c.notNull())
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.execute()
	await db.schema
		.createIndex('login_attempt_email_idx')
		.on('login_attempt')
		.columns(['email', 'created_at'])
		.execute()
	await db.schema
		.createIndex('login_attempt_ip_idx')
		.on('login_attempt')
		.columns(['ip', 'created_at'])
		.execute()

	// One row per version of an organisation's approval chain; the highest version is current.
	await db.schema
		.createTable('chain')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('organisation_id', 'uuid', c =>
			c.notNull().references('organisation.id'),
		)
		.addColumn('version', 'integer', c => c.notNull())
		.addColumn('created_by', 'uuid', c => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', c =>
			c.notNull().defaultTo(sql`now()`),
		)
		.addUniqueConstraint('chain_org_version_key', [
			'organisation_id',
			'version',
		])
		.execute()

	await db.schema
		.createTable('chain_step')
		.addColumn('id', 'uuid', c =>
			c.primaryKey().defaultTo(sql`gen_random_uuid()`),
		)
		.addColumn('chain_id', 'uuid', c =>
			c.notNull().references('chain.id').onDelete('cascade'),
		)
		.addColumn('position', 'integer', c => c.notNull())
		.addColumn('organisation_id', 'uuid', c =>
			c.notNull().references('organisation.id'),
		)
		.addColumn('label_vi', 'text', c => c.notNull())
		.addColumn('label_en', 'text', c => c.notNull().defaultTo(''))
		.addColumn('optional', 'boolean', c => c.notNull().defaultTo(false))
		.addUniqueConstraint('chain_step_position_key', ['chain_id', 'position'])
		.execute()
	await db.schema
		.createIndex('chain_step_org_idx')
		.on('chain_step')
		.column('organisation_id')
		.execute()
}

export async function down(db: Kysely<any>) {
	for (const table of [
		'chain_step',
		'chain',
		'login_attempt',
		'session',
		'app_user',
		'organisation',
	]) {
		await db.schema.dropTable(table).ifExists().execute()
	}
	await sql`DROP FUNCTION IF EXISTS vn_fold(text)`.execute(db)
}
