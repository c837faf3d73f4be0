import { z } from 'zod'
import { db } from '#db/client.server.ts'
import { getOrganisation } from '#db/repos/organisation.server.ts'
import { type Role } from '#lib/enums.ts'
import { notFound } from './errors.ts'
import { type SessionUser } from './user.ts'

export { forbidden, notFound } from './errors.ts'

export function hasRole(user: SessionUser, role: Role) {
	return user.roles.includes(role)
}

/** The VGCL foreign-affairs board's admins manage every organisation; other admins only their own. */
export function isBoardAdmin(user: SessionUser) {
	return hasRole(user, 'admin') && user.organisationKind === 'vgcl_board'
}

/** An organisation outside the admin's reach answers 404, as if it did not exist. */
export function requireOrganisationInScope(
	user: SessionUser,
	organisationId: string,
) {
	if (!isBoardAdmin(user) && user.organisationId !== organisationId)
		throw notFound()
}

/** An organisation this admin manages, from a route's id param; anything else is 404. */
export async function organisationForAdmin(
	user: SessionUser,
	organisationId: string | undefined,
) {
	const parsed = z.uuid().safeParse(organisationId)
	if (!parsed.success) throw notFound()
	requireOrganisationInScope(user, parsed.data)
	const organisation = await getOrganisation(db, parsed.data)
	if (!organisation) throw notFound()
	return organisation
}
