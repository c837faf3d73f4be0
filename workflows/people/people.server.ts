import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { db } from '#db/client.server.ts'
import { listPersonPassports } from '#db/repos/passport.server.ts'
import {
	getPerson,
	insertPerson,
	listPeople,
	listPersonPlans,
	pickPeople,
	updatePerson,
} from '#db/repos/person.server.ts'
import { parseDate } from '#lib/format.ts'
import { MAX_INT } from '#lib/column-limits.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { forbidden, notFound } from '#workflows/access/errors.ts'
import { hasRole } from '#workflows/access/permissions.server.ts'
import { type SessionUser } from '#workflows/access/user.ts'
import { done, refused } from '#workflows/outcome.ts'
import { tooLong } from '#lib/form-errors.ts'

/** Typed as dd/mm/yyyy; kept as an ISO date. Empty is allowed where `optional`. */
export const dateField = z
	.string()
	.trim()
	.optional()
	.transform((value, ctx) => {
		if (!value) return undefined
		const iso = parseDate(value)
		if (!iso) ctx.addIssue({ code: 'custom', message: 'plan.dateInvalid' })
		return iso ?? undefined
	})

const text = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: tooLong(max) })
		.optional()

export const PersonSchema = z.object({
	version: z.number().int().min(0).max(MAX_INT).optional(),
	full_name: z
		.string({ error: 'error.required' })
		.trim()
		.min(1, { error: 'error.required' })
		.max(200, { error: tooLong(200) }),
	position: text(200),
	unit: text(300),
	email: z
		.string()
		.trim()
		.toLowerCase()
		.max(200, { error: tooLong(200) })
		.email({ error: 'error.email' })
		.optional(),
	born_on: dateField.refine(d => !d || (d >= '1900-01-01' && d <= todayIso()), {
		error: 'person.bornInvalid',
	}),
})

/** Domestic organisations keep a directory; every signed-in user of one reads their own. */
export function requireDirectoryReader(user: SessionUser) {
	if (user.organisationKind === 'foreign_partner') throw notFound()
	return user
}

/** Drafters and admins keep the directory and the passports. */
export function canKeepDirectory(user: SessionUser) {
	return (
		user.organisationKind !== 'foreign_partner' &&
		(hasRole(user, 'drafter') || hasRole(user, 'admin'))
	)
}

export function requireDirectoryKeeper(user: SessionUser) {
	requireDirectoryReader(user)
	if (!canKeepDirectory(user)) throw forbidden()
	return user
}

export async function loadPeople(user: SessionUser, params: URLSearchParams) {
	requireDirectoryReader(user)
	const page = Number(params.get('page') ?? '1')
	const current =
		Number.isInteger(page) && page > 0 && page <= 100_000 ? page : 1
	const query = params.get('q')?.slice(0, 200) ?? undefined
	const { rows, total } = await listPeople(db, user.organisationId, {
		query,
		page: current,
	})
	return { rows, total, page: current, canEdit: canKeepDirectory(user) }
}

/** The people the plan form's picker offers for `query` (up to 10), of the user's organisation. */
export async function pickFromDirectory(user: SessionUser, query: string) {
	requireDirectoryReader(user)
	const q = query.trim().slice(0, 200)
	if (!q) return []
	return pickPeople(db, user.organisationId, q)
}

/** A person of the user's organisation; anyone else's (or no such id) is 404. */
export async function requirePerson(user: SessionUser, personId: unknown) {
	requireDirectoryReader(user)
	const id = z.uuid().safeParse(personId)
	const person = id.success
		? await getPerson(db, user.organisationId, id.data)
		: undefined
	if (!person) throw notFound()
	return person
}

export async function loadPersonPage(user: SessionUser, personId: unknown) {
	const person = await requirePerson(user, personId)
	const [passports, plans] = await Promise.all([
		listPersonPassports(db, person.id),
		listPersonPlans(db, person.id),
	])
	return { person, passports, plans, canEdit: canKeepDirectory(user) }
}

function personFields(value: z.infer<typeof PersonSchema>) {
	return {
		full_name: value.full_name,
		position: value.position ?? '',
		unit: value.unit ?? '',
		born_on: value.born_on ?? null,
		email: value.email || null,
	}
}

export async function createPerson(user: SessionUser, formData: FormData) {
	requireDirectoryKeeper(user)
	const submission = parseWithZod(formData, { schema: PersonSchema })
	if (submission.status !== 'success')
		return refused('invalid', { result: submission.reply() })
	const { id } = await insertPerson(
		db,
		user.organisationId,
		user.id,
		personFields(submission.value),
	)
	return done(id, 'person.created', undefined, `/people/${id}`)
}

export async function editPerson(
	user: SessionUser,
	personId: unknown,
	formData: FormData,
) {
	requireDirectoryKeeper(user)
	const person = await requirePerson(user, personId)
	const submission = parseWithZod(formData, { schema: PersonSchema })
	if (submission.status !== 'success')
		return refused('invalid', { result: submission.reply() })
	const saved = await updatePerson(
		db,
		user.organisationId,
		person.id,
		submission.value.version ?? -1,
		personFields(submission.value),
	)
	if (!saved)
		return refused('conflict', {
			result: submission.reply({ formErrors: ['error.conflict'] }),
		})
	return done(person.id, 'person.saved', undefined, `/people/${person.id}`)
}
