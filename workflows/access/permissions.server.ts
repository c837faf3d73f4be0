import { json } from '@remix-run/node'
import { z } from 'zod'
import { db } from '#db/client.server.ts'
import { getOrganisation } from '#db/repos/organisation.server.ts'
import { type Role } from '#lib/enums.ts'
import { requireUser, type SessionUser } from '#app/utils/auth.server.ts'

export function hasRole(user: SessionUser, role: Role) {
	return user.roles.includes(role)
}

/** The VGCL foreign-affairs board's admins manage every organisation; other admins only their own. */
export function isBoardAdmin(user: SessionUser) {
	return hasRole(user, 'admin') && user.organisationKind === 'vgcl_board'
}

export function forbidden() {
	return json({ message: 'error.forbidden' }, { status: 403 })
}

export function notFound() {
	return json({ message: 'error.notFound' }, { status: 404 })
}

export async function requireRole(request: Request, role: Role) {
	const user = await requireUser(request)
	if (!hasRole(user, role)) throw forbidden()
	return user
}

/** An organisation outside the admin's reach answers 404, as if it did not exist. */
export function requireOrganisationInScope(
	user: SessionUser,
	organisationId: string,
) {
	if (!isBoardAdmin(user) && user.organisationId !== organisationId)
		throw notFound()
}

/** An admin and an organisation they manage, from a route's id param; anything else is 404. */
export async function requireOrganisationForAdmin(
	request: Request,
	organisationId: string | undefined,
) {
	const user = await requireRole(request, 'admin')
	const parsed = z.uuid().safeParse(organisationId)
	if (!parsed.success) throw notFound()
	requireOrganisationInScope(user, parsed.data)
	const organisation = await getOrganisation(db, parsed.data)
	if (!organisation) throw notFound()
	return { user, organisation }
}
