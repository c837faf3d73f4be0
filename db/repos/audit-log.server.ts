import { sql } from 'kysely'
import { type Db } from '../client.server.ts'
import { type AuditAction } from '../schema.ts'
import { PAGE_SIZE, pageOf, pageOffset } from '#lib/pagination.ts'

export type AuditEntry = {
	actorId: string
	/** The organisation the action concerns: its admins see the entry. */
	organisationId: string
	action: AuditAction
	subjectId: string
	before?: Record<string, unknown> | null
	after?: Record<string, unknown> | null
}

/** Of the fields being saved, those that change: their old and their new values. */
export function changedValues(
	before: Record<string, unknown>,
	after: Record<string, unknown>,
) {
	const changed = Object.keys(after).filter(
		key =>
			JSON.stringify(before[key] ?? null) !==
			JSON.stringify(after[key] ?? null),
	)
	return {
		before: Object.fromEntries(changed.map(key => [key, before[key] ?? null])),
		after: Object.fromEntries(changed.map(key => [key, after[key] ?? null])),
	}
}

/** Called with the transaction of the action itself, so the entry exists exactly when the change does. */
export async function recordAudit(db: Db, entry: AuditEntry) {
	await db
		.insertInto('audit_log')
		.values({
			actor_id: entry.actorId,
			organisation_id: entry.organisationId,
			action: entry.action,
			subject_id: entry.subjectId,
			before: entry.before ?? null,
			after: entry.after ?? null,
		})
		.execute()
}

/** The entry's subject as a uuid when it is one (a user's or an organisation's id), so the key is used. */
const subjectUuid = sql`(CASE WHEN a.subject_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
	THEN a.subject_id::uuid END)`

/** Newest first (id breaks ties within a transaction); every organisation when none is given. */
export async function listAuditLog(
	db: Db,
	{ organisationId, page }: { organisationId?: string; page: number },
) {
	let q = db
		.selectFrom('audit_log as a')
		.innerJoin('app_user as u', 'u.id', 'a.actor_id')
		.innerJoin('organisation as o', 'o.id', 'a.organisation_id')
	if (organisationId) q = q.where('a.organisation_id', '=', organisationId)
	const rows = await q
		.select([
			'a.id',
			'a.created_at',
			'a.action',
			'a.subject_id',
			'a.before',
			'a.after',
			'u.full_name as actor_name',
			'u.email as actor_email',
			'o.short_name as organisation_short_name',
		])
		// Whom or what the entry is about, when it is a user or an organisation (subject_id is text).
		.select(
			sql<string | null>`coalesce(
				(SELECT su.full_name || ' (' || su.email || ')' FROM app_user su WHERE su.id = ${subjectUuid}),
				(SELECT so.short_name FROM organisation so WHERE so.id = ${subjectUuid}))`.as(
				'subject_name',
			),
		)
		.select(eb => eb.fn.countAll<string>().over().as('total'))
		.orderBy('a.created_at', 'desc')
		.orderBy('a.id', 'desc')
		.limit(PAGE_SIZE)
		.offset(pageOffset(page))
		.execute()
	return pageOf(rows)
}
