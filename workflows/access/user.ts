import { type Locale, type OrganisationKind } from '#lib/enums.ts'
import { type ActingUser } from './actor.server.ts'

/** The signed-in user as the domain's rules see them (the page reads them from the session). */
export interface SessionUser extends ActingUser {
	organisationKind: OrganisationKind
	locale: Locale
}
