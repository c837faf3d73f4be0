import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here.
// A person of the directory may have an email address: the passport reminders about their own
// passport go to them too. A message to a person who is not a user names the person, so the
// Outbox of the person's organisation (and only that one) shows it.
export async function up(db: Kysely<any>) {
	await sql`ALTER TABLE person ADD COLUMN email text
		CHECK (email IS NULL OR (length(email) <= 200 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'))`.execute(
		db,
	)
	await sql`ALTER TABLE email_message ADD COLUMN person_id uuid REFERENCES person (id)`.execute(
		db,
	)
	// The weekly list of passports expiring within 6 months reads them by expiry date.
	await sql`CREATE INDEX passport_expiring_idx ON passport (expires_on) WHERE state IN ('in_safe', 'out')`.execute(
		db,
	)
	await sql`CREATE INDEX email_message_person_idx ON email_message (person_id) WHERE person_id IS NOT NULL`.execute(
		db,
	)
}

export async function down(db: Kysely<any>) {
	await sql`DROP INDEX passport_expiring_idx`.execute(db)
	await sql`ALTER TABLE email_message DROP COLUMN person_id`.execute(db)
	await sql`ALTER TABLE person DROP COLUMN email`.execute(db)
}
