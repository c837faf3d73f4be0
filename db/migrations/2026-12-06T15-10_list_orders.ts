import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// Every paged list orders by a unique key last (rows sharing a timestamp no longer swap places
// between pages); these indexes carry the same keys, so a page is still read in index order.
const replaced = [
	[
		'notification_user_idx',
		'notification_user_page_idx',
		sql`notification (user_id, created_at DESC, id DESC)`,
		sql`notification (user_id, created_at)`,
	],
	[
		'email_message_created_idx',
		'email_message_page_idx',
		sql`email_message (created_at DESC, id DESC)`,
		sql`email_message (created_at)`,
	],
	[
		'email_message_org_idx',
		'email_message_org_page_idx',
		sql`email_message (organisation_id, created_at DESC, id DESC)`,
		sql`email_message (organisation_id, created_at)`,
	],
	[
		'plan_inbox_idx',
		'plan_inbox_page_idx',
		sql`plan (current_step_organisation_id, status_changed_at, id)`,
		sql`plan (current_step_organisation_id, status_changed_at)`,
	],
	[
		'organisation_name_idx',
		'organisation_name_page_idx',
		sql`organisation (name_vi COLLATE vi, id)`,
		sql`organisation (name_vi COLLATE vi)`,
	],
] as const

const added = [
	['plan_time_page_idx', sql`plan (plan_year DESC, created_at DESC, id DESC)`],
	['plan_name_page_idx', sql`plan (name COLLATE vi, id)`],
	['plan_status_page_idx', sql`plan (status, status_changed_at DESC, id DESC)`],
] as const

export async function up(db: Kysely<any>) {
	for (const [oldName, newName, on] of replaced) {
		await sql`CREATE INDEX ${sql.id(newName)} ON ${on}`.execute(db)
		await sql`DROP INDEX IF EXISTS ${sql.id(oldName)}`.execute(db)
	}
	for (const [name, on] of added)
		await sql`CREATE INDEX ${sql.id(name)} ON ${on}`.execute(db)
}

export async function down(db: Kysely<any>) {
	for (const [name] of added)
		await sql`DROP INDEX IF EXISTS ${sql.id(name)}`.execute(db)
	for (const [oldName, newName, , oldOn] of replaced) {
		await sql`CREATE INDEX ${sql.id(oldName)} ON ${oldOn}`.execute(db)
		await sql`DROP INDEX IF EXISTS ${sql.id(newName)}`.execute(db)
	}
}
