import { type ExpressionBuilder, sql } from 'kysely'
import { type Db } from '../client.server.ts'
import { type DB, type EmailStatus } from '../schema.ts'
import { paginate } from './pagination.ts'
import { insertDecisionTokens } from './decision-token.server.ts'
import { substitutesQuery } from './substitution.server.ts'

export const EMAIL_MAX_ATTEMPTS = 6

export interface Recipient {
	id: string
	email: string
	full_name: string
	locale: 'vi' | 'en'
	email_info: boolean
	organisation_id: string
	roles: string[]
}

export interface RecipientCriteria {
	approverOrgIds: string[]
	drafterOrgIds?: string[]
	adminOrgIds?: string[]
	userIds: string[]
}

/** Active users who are approvers (or drafters) of these organisations, or these users (one query). */
export async function findRecipients(db: Db, criteria: RecipientCriteria) {
	const query = recipientsQuery(db, criteria)
	return query ? (query.execute() as Promise<Recipient[]>) : []
}

/**
 * `findRecipients` and, for the approvers' organisations, the substitutes in force today who
 * stand in for their approvers (`substitutesForApproversOf`), in one query.
 */
export async function findRecipientsAndSubstitutes(
	db: Db,
	criteria: RecipientCriteria,
	today: string,
): Promise<RecipientsAndSubstitutes> {
	const query = recipientsAndSubstitutesQuery(db, criteria, today)
	return splitRecipients(query ? await query.execute() : [])
}

export interface RecipientsAndSubstitutes {
	recipients: Recipient[]
	substitutes: (Recipient & { principal_id: string })[]
}

/**
 * The rows `findRecipientsAndSubstitutes` reads, as a query to run inside another statement
 * (`splitRecipients` sorts them); null when no one is asked for.
 */
export function recipientsAndSubstitutesQuery(
	db: Db,
	criteria: RecipientCriteria,
	today: string,
) {
	const people = recipientsQuery(db, criteria)
	if (!people) return null
	return criteria.approverOrgIds.length
		? people
				.select(sql<string | null>`NULL::uuid`.as('principal_id'))
				.unionAll(substitutesQuery(db, criteria.approverOrgIds, today))
		: people.select(sql<string | null>`NULL::uuid`.as('principal_id'))
}

/** The recipients, and the substitutes standing in today (with whom they stand in for). */
export function splitRecipients(
	rows: readonly unknown[],
): RecipientsAndSubstitutes {
	const recipients: Recipient[] = []
	const substitutes: (Recipient & { principal_id: string })[] = []
	for (const { principal_id, ...row } of rows as (Recipient & {
		principal_id: string | null
	})[])
		if (principal_id) substitutes.push({ ...row, principal_id })
		else recipients.push(row)
	return { recipients, substitutes }
}

function recipientsQuery(
	db: Db,
	{
		approverOrgIds,
		drafterOrgIds = [],
		adminOrgIds = [],
		userIds,
	}: RecipientCriteria,
) {
	if (
		!approverOrgIds.length &&
		!drafterOrgIds.length &&
		!adminOrgIds.length &&
		!userIds.length
	)
		return null
	return db
		.selectFrom('app_user')
		.select([
			'id',
			'email',
			'full_name',
			'locale',
			'email_info',
			'organisation_id',
			'roles',
		])
		.where('active', '=', true)
		.where(eb =>
			eb.or([
				...(approverOrgIds.length
					? [
							eb.and([
								eb('organisation_id', 'in', approverOrgIds),
								eb(sql.lit('approver'), '=', eb.fn.any('roles')),
							]),
						]
					: []),
				...(drafterOrgIds.length
					? [
							eb.and([
								eb('organisation_id', 'in', drafterOrgIds),
								eb(sql.lit('drafter'), '=', eb.fn.any('roles')),
							]),
						]
					: []),
				...(adminOrgIds.length
					? [
							eb.and([
								eb('organisation_id', 'in', adminOrgIds),
								eb(sql.lit('admin'), '=', eb.fn.any('roles')),
							]),
						]
					: []),
				...(userIds.length ? [eb('id', 'in', userIds)] : []),
			]),
		)
}

export async function insertNotifications(
	db: Db,
	rows: {
		user_id: string
		plan_id: string | null
		kind: string
		params: unknown
		dedupe_key: string
	}[],
) {
	if (!rows.length) return
	await db
		.insertInto('notification')
		.values(rows)
		.onConflict(oc => oc.column('dedupe_key').doNothing())
		.execute()
}

/**
 * Queues one email inside the caller's transaction: the message row and its graphile-worker
 * job commit or roll back with the change that caused them. A message whose dedupe key was
 * already queued is not queued again.
 */
export async function enqueueEmail(
	db: Db,
	message: {
		recipient_id: string | null
		to_address: string
		template: string
		props: unknown
		plan_id?: string | null
		organisation_id?: string | null
		/** To a person of the directory who is not a user (recipient_id null). */
		person_id?: string | null
		dedupe_key: string
	},
) {
	const row = await db
		.insertInto('email_message')
		.values(message)
		.onConflict(oc => oc.column('dedupe_key').doNothing())
		.returning('id')
		.executeTakeFirst()
	if (row) await addEmailJob(db, row.id)
	return row?.id ?? null
}

async function addEmailJob(db: Db, messageId: string) {
	await sql`SELECT graphile_worker.add_job(
		'send_email',
		json_build_object('messageId', ${messageId}::text),
		job_key := ${`email:${messageId}`}::text,
		max_attempts := ${EMAIL_MAX_ATTEMPTS}::int
	)`.execute(db)
}

/**
 * The send_email jobs of every message in the `queued` CTE, added in one call of graphile-worker's
 * add_jobs (what add_job does for one), evaluated once per statement (an uncorrelated subquery).
 */
const sendJobsOfQueued = sql<number>`(SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
	SELECT ROW('send_email', json_build_object('messageId', q.id::text), NULL, NULL,
		${EMAIL_MAX_ATTEMPTS}::smallint, 'email:' || q.id::text, NULL, NULL)::graphile_worker.job_spec
	FROM queued q)))`

/**
 * Queues many emails in one statement, inside the caller's transaction: the message rows whose
 * dedupe key is new are inserted, and each of those (and only those) gets its send_email job,
 * exactly as `enqueueEmail` does one by one. Returns the messages queued now (id, dedupe key).
 */
export async function enqueueEmails(
	db: Db,
	messages: {
		recipient_id: string | null
		to_address: string
		template: string
		props: unknown
		plan_id?: string | null
		organisation_id?: string | null
		/** To a person of the directory who is not a user (recipient_id null). */
		person_id?: string | null
		dedupe_key: string
	}[],
) {
	if (!messages.length) return []
	const rows = await db
		.with('queued', qb =>
			qb
				.insertInto('email_message')
				.values(messages)
				.onConflict(oc => oc.column('dedupe_key').doNothing())
				.returning(['id', 'dedupe_key']),
		)
		.selectFrom('queued')
		.select(['queued.id', 'queued.dedupe_key', sendJobsOfQueued.as('jobs')])
		.execute()
	return rows.map(r => ({ id: r.id, dedupe_key: r.dedupe_key }))
}

/**
 * In-app notifications and queued emails (with their send_email jobs) in one statement, inside
 * the caller's transaction; rows whose dedupe key exists are skipped, as in `insertNotifications`
 * and `enqueueEmails`. Returns the messages queued now (id, dedupe key).
 */
export async function notifyAndEnqueue(
	db: Db,
	{
		notifications,
		emails,
		tokens = [],
	}: {
		notifications: Parameters<typeof insertNotifications>[1]
		emails: Parameters<typeof enqueueEmails>[1]
		/** Decision links' rows (`insertDecisionTokens`), inserted in the same statement. */
		tokens?: Parameters<typeof insertDecisionTokens>[1]
	},
) {
	if (!emails.length || !notifications.length) {
		await insertDecisionTokens(db, tokens)
		if (!emails.length) {
			await insertNotifications(db, notifications)
			return []
		}
		return enqueueEmails(db, emails)
	}
	let query = db.with('told', qb =>
		qb
			.insertInto('notification')
			.values(notifications)
			.onConflict(oc => oc.column('dedupe_key').doNothing())
			.returning('id'),
	)
	if (tokens.length)
		query = query.with('links', qb =>
			qb.insertInto('decision_token').values(tokens).returning('token_hash'),
		) as unknown as typeof query
	const rows = await query
		.with('queued', qb =>
			qb
				.insertInto('email_message')
				.values(emails)
				.onConflict(oc => oc.column('dedupe_key').doNothing())
				.returning(['id', 'dedupe_key']),
		)
		.selectFrom('queued')
		.select(['queued.id', 'queued.dedupe_key', sendJobsOfQueued.as('jobs')])
		.execute()
	return rows.map(r => ({ id: r.id, dedupe_key: r.dedupe_key }))
}

/**
 * One send_emails job for every message in the `queued` CTE (none when it is empty): the worker
 * then adds each its send_email job (`addSendJobs`), so a statement queuing hundreds of emails
 * writes one job row, not hundreds (graphile-worker's add_jobs cost about as much as the rows).
 */
const sendEmailsJobOfQueued = sql<number>`(SELECT count(graphile_worker.add_job('send_emails',
	json_build_object('messageIds', q.ids), max_attempts := ${EMAIL_MAX_ATTEMPTS}::int))
	FROM (SELECT json_agg(id) AS ids FROM queued) q WHERE q.ids IS NOT NULL)`

/**
 * The send_email jobs of these messages, those still queued only (a send_emails job run twice
 * adds none for a message already sent), as `enqueueEmail` adds one.
 */
export async function addSendJobs(db: Db, messageIds: string[]) {
	await sql`SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
	SELECT ROW('send_email', json_build_object('messageId', m.id::text), NULL, NULL,
		${EMAIL_MAX_ATTEMPTS}::smallint, 'email:' || m.id::text, NULL, NULL)::graphile_worker.job_spec
	FROM email_message m WHERE m.id = ANY(${messageIds}::uuid[]) AND m.status = 'queued'))`.execute(
		db,
	)
}

/** A message told both in the app and by email, with the same facts (a reminder). */
export interface NotifiedMessage {
	/** The user told; null for a person of the directory who is not a user: an email only. */
	user_id: string | null
	person_id?: string | null
	to_address: string
	template: string
	/** The notification's params, and the email's props. */
	props: unknown
	/** Added to the email's props only (one-time links never go in the app). */
	email_props?: Record<string, unknown> | null
	plan_id: string | null
	organisation_id: string | null
	/** Shared by the notification and the email: a key already used sends nothing. */
	dedupe_key: string
	/** Decision links' rows (`insertDecisionTokens`), inserted only if the email is queued now. */
	tokens?: Parameters<typeof insertDecisionTokens>[1]
}

/**
 * Notifications, emails with one send_emails job for all of them, and the decision links of the
 * emails queued now, in one statement inside the caller's transaction; messages whose dedupe key
 * exists are skipped, as in `notifyAndEnqueue`. The messages travel as one JSON parameter (hundreds of rows
 * as bind parameters cost more to build, send and parse than to insert). Returns how many emails
 * were queued now.
 */
export async function notifyAndEnqueueMessages(
	db: Db,
	messages: NotifiedMessage[],
) {
	if (!messages.length) return 0
	const { rows } = await sql<{ queued: number }>`WITH m AS (
		SELECT * FROM jsonb_to_recordset(${JSON.stringify(messages)}::text::jsonb) AS m (
			user_id uuid, person_id uuid, to_address text, template text, props jsonb,
			email_props jsonb, plan_id uuid, organisation_id uuid, dedupe_key text, tokens jsonb)
	), told AS (
		INSERT INTO notification (user_id, plan_id, kind, params, dedupe_key)
		SELECT user_id, plan_id, template, props, dedupe_key FROM m WHERE user_id IS NOT NULL
		ON CONFLICT (dedupe_key) DO NOTHING
	), queued AS (
		INSERT INTO email_message (recipient_id, person_id, to_address, template, props,
			plan_id, organisation_id, dedupe_key)
		SELECT user_id, person_id, to_address, template, props || coalesce(email_props, '{}'),
			plan_id, organisation_id, dedupe_key FROM m
		ON CONFLICT (dedupe_key) DO NOTHING
		RETURNING id, dedupe_key
	), links AS (
		INSERT INTO decision_token (token_hash, approver_id, plan_id, step_status, plan_version,
			action, expires_at)
		SELECT t.token_hash, t.approver_id, t.plan_id, t.step_status, t.plan_version, t.action,
			t.expires_at
		FROM queued q JOIN m USING (dedupe_key),
			jsonb_populate_recordset(NULL::decision_token, m.tokens) t
	)
	SELECT (SELECT count(*)::int FROM queued) AS queued, ${sendEmailsJobOfQueued} AS jobs`.execute(
		db,
	)
	return rows[0]!.queued
}

export async function getEmailForSending(db: Db, id: string) {
	return db
		.selectFrom('email_message as m')
		.leftJoin('app_user as u', 'u.id', 'm.recipient_id')
		.leftJoin('person as p', 'p.id', 'm.person_id')
		.select([
			'm.id',
			'm.to_address',
			'm.template',
			'm.props',
			'm.status',
			// To a person of the directory who is not a user: their name (and Vietnamese).
			sql<string | null>`coalesce(u.full_name, p.full_name)`.as(
				'recipient_name',
			),
			'u.locale as recipient_locale',
		])
		.where('m.id', '=', id)
		.executeTakeFirst()
}

/**
 * Marks the message 'sending' before it is handed to SMTP, if it is still in the state the
 * sender read (so two runs of one job cannot both claim it). False if it changed meanwhile.
 */
export async function claimEmailForSending(
	db: Db,
	id: string,
	seenStatus: EmailStatus,
) {
	const row = await db
		.updateTable('email_message')
		.set({ status: 'sending', claimed_at: sql`now()` })
		.where('id', '=', id)
		.where('status', '=', seenStatus)
		.returning('id')
		.executeTakeFirst()
	return Boolean(row)
}

export async function markEmailDelivered(
	db: Db,
	id: string,
	{
		status,
		subject,
		html,
		text,
		props,
	}: {
		status: Extract<EmailStatus, 'sent' | 'stored'>
		subject: string
		html: string
		text: string
		/** Replaces the stored props (to drop secrets once sent). */
		props?: unknown
	},
) {
	await db
		.updateTable('email_message')
		.set({
			status,
			subject,
			html,
			text,
			...(props ? { props } : {}),
			sent_at: sql`now()`,
			last_error: null,
			attempts: sql`attempts + 1`,
		})
		.where('id', '=', id)
		.execute()
}

export async function markEmailAttemptFailed(
	db: Db,
	id: string,
	error: string,
	final: boolean,
) {
	await db
		.updateTable('email_message')
		.set({
			attempts: sql`attempts + 1`,
			last_error: error.slice(0, 2000),
			// Not handed over: back to the queue (a claim for SMTP ends here).
			status: final ? 'failed' : 'queued',
		})
		.where('id', '=', id)
		.execute()
}

/** A failed message goes back in the queue with a fresh job; returns false if it had not failed. */
export async function requeueFailedEmail(
	db: Db,
	id: string,
	organisationId?: string,
) {
	let q = db
		.updateTable('email_message')
		.set({ status: 'queued', last_error: null })
		.where('id', '=', id)
		.where('status', '=', 'failed')
	if (organisationId) q = q.where(recipientIn(organisationId))
	const row = await q
		.returning(['id', 'organisation_id', 'to_address', 'template', 'subject'])
		.executeTakeFirst()
	if (row) await addEmailJob(db, row.id)
	return row
}

/**
 * Messages to users of this organisation, or to people of its directory who are not users (a
 * passport's holder): an admin sees only those of the users and people they keep.
 */
function recipientIn(organisationId: string) {
	return (eb: ExpressionBuilder<DB, 'email_message'>) =>
		eb.or([
			eb(
				'email_message.recipient_id',
				'in',
				eb
					.selectFrom('app_user')
					.select('app_user.id')
					.where('app_user.organisation_id', '=', organisationId),
			),
			eb(
				'email_message.person_id',
				'in',
				eb
					.selectFrom('person')
					.select('person.id')
					.where('person.organisation_id', '=', organisationId),
			),
		])
}

/**
 * The Outbox: what was sent to whom, its subject and status; never the body, which may hold
 * one-time links. Without `organisationId` (the board's admin), every message.
 */
export async function listEmails(
	db: Db,
	{
		page,
		organisationId,
		status,
	}: { page: number; organisationId?: string; status?: EmailStatus },
) {
	let q = db.selectFrom('email_message')
	if (organisationId) q = q.where(recipientIn(organisationId))
	if (status) q = q.where('status', '=', status)
	return paginate(
		q
			.select([
				'id',
				'to_address',
				'template',
				'subject',
				'status',
				'attempts',
				'last_error',
				'created_at',
				'sent_at',
			])
			.select(eb => eb.fn.countAll<string>().over().as('total'))
			.orderBy('created_at', 'desc')
			.orderBy('id', 'desc'),
		page,
	)
}

/** One Outbox message for an admin: its facts, not its body. */
export async function getEmail(db: Db, id: string, organisationId?: string) {
	let q = db.selectFrom('email_message').where('id', '=', id)
	if (organisationId) q = q.where(recipientIn(organisationId))
	return q
		.select([
			'id',
			'to_address',
			'template',
			'subject',
			'status',
			'attempts',
			'last_error',
			'created_at',
			'sent_at',
		])
		.executeTakeFirst()
}

/** "Thư của tôi": the messages to this user, newest first. */
export async function listMyEmails(db: Db, userId: string, page: number) {
	return paginate(
		db
			.selectFrom('email_message')
			.select(['id', 'template', 'subject', 'status', 'created_at'])
			.select(eb => eb.fn.countAll<string>().over().as('total'))
			.where('recipient_id', '=', userId)
			.orderBy('created_at', 'desc')
			.orderBy('id', 'desc'),
		page,
	)
}

/** One message to this user, with what it takes to render it for them (links included while unsent). */
export async function getMyEmail(db: Db, id: string, userId: string) {
	return db
		.selectFrom('email_message as m')
		.innerJoin('app_user as u', 'u.id', 'm.recipient_id')
		.select([
			'm.id',
			'm.template',
			'm.props',
			'm.subject',
			'm.html',
			'm.status',
			'm.created_at',
			'u.full_name as recipient_name',
			'u.locale as recipient_locale',
		])
		.where('m.id', '=', id)
		.where('m.recipient_id', '=', userId)
		.executeTakeFirst()
}

export async function countUnreadNotifications(db: Db, userId: string) {
	const row = await db
		.selectFrom('notification')
		.select(eb => eb.fn.countAll<string>().as('n'))
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
		.executeTakeFirstOrThrow()
	return Number(row.n)
}

export async function listNotifications(db: Db, userId: string, page: number) {
	return paginate(
		db
			.selectFrom('notification')
			.select(['id', 'plan_id', 'kind', 'params', 'read_at', 'created_at'])
			.select(eb => eb.fn.countAll<string>().over().as('total'))
			.where('user_id', '=', userId)
			.orderBy('created_at', 'desc')
			.orderBy('id', 'desc'),
		page,
	)
}

/** Marks one notification (or, without an id, all) of this user as read; returns the plan it points to. */
export async function markNotificationsRead(
	db: Db,
	userId: string,
	id?: string,
) {
	let q = db
		.updateTable('notification')
		.set({ read_at: sql`now()` })
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
	if (id) q = q.where('id', '=', id)
	await q.execute()
	if (!id) return null
	const row = await db
		.selectFrom('notification')
		.select(['plan_id', 'params'])
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.executeTakeFirst()
	return row ?? null
}
