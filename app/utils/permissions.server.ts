import { json } from '@remix-run/node'
import { type Role } from '#db/schema.ts'
import { requireUser, type SessionUser } from './auth.server.ts'

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
export function requireOrganisationInScope(user: SessionUser, organisationId: string) {
	if (!isBoardAdmin(user) && user.organisationId !== organisationId) throw notFound()
}
