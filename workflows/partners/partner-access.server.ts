import { z } from 'zod'
import { db } from '#db/client.server.ts'
import { getPartner, type RecordScope } from '#db/repos/partner.server.ts'
import { notFound } from '#workflows/access/errors.ts'
import { hasRole } from '#workflows/access/permissions.server.ts'
import { type SessionUser } from '#workflows/access/user.ts'

/** Signed-in users of domestic organisations see the partner directory. */
export function requirePartnerReader<U extends SessionUser>(user: U) {
	if (user.organisationKind === 'foreign_partner') throw notFound()
	return user
}

/** Whose agreements and support the user sees: their organisation's, or all for the VGCL board. */
export function recordScope(user: SessionUser): RecordScope {
	return user.organisationKind === 'vgcl_board'
		? { all: true }
		: { organisationId: user.organisationId }
}

/** Drafters and admins record agreements and support for their own organisation. */
export function canRecord(user: SessionUser) {
	return hasRole(user, 'drafter') || hasRole(user, 'admin')
}

export function canSeeRecord(user: SessionUser, organisationId: string) {
	return (
		user.organisationKind === 'vgcl_board' ||
		user.organisationId === organisationId
	)
}

export async function requirePartner(partnerId: string | undefined) {
	const id = z.uuid().safeParse(partnerId)
	const partner = id.success ? await getPartner(db, id.data) : undefined
	if (!partner) throw notFound()
	return partner
}
