import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// How a decision was taken (through an email link or on a signed-in page); the recipient's own
// mail, listed by recipient; and no copy of a one-time link left in a message's rendered body
// (the recipient's in-app copy is rendered from the props, which keep the links until sent).
export async function up(db: Kysely<any>) {
	await sql`ALTER TABLE plan_event ADD COLUMN via text NOT NULL DEFAULT 'page'
		CHECK (via IN ('page', 'link'))`.execute(db)
	await sql`CREATE INDEX email_message_recipient_idx
		ON email_message (recipient_id, created_at DESC, id)`.execute(db)
	await sql`UPDATE email_message SET html = NULL, text = NULL
		WHERE props ? 'decidePaths' OR props ? 'resetPath'`.execute(db)
}

export async function down(db: Kysely<any>) {
	await sql`DROP INDEX email_message_recipient_idx`.execute(db)
	await sql`ALTER TABLE plan_event DROP COLUMN via`.execute(db)
}
