import { db } from '#db/client.server.ts'
import {
	ANSWERING_KINDS,
	listAskedRequests,
	listIssuedRequests,
	listOpenRequestsFor,
} from '#db/repos/report-request.server.ts'
import { type SessionUser } from '#workflows/access/user.ts'
import { askableOrganisations } from './issue.server.ts'
import { requireRequestUser } from './access.server.ts'

/**
 * The requests page: those the organisation issued, or those sent to it. An organisation that
 * may ask others (the board, a parent) opens on the first, any other on the second.
 */
export async function loadRequestList(
	signedIn: SessionUser,
	view: string | null,
	page: number,
) {
	const user = requireRequestUser(signedIn)
	const canIssue = (await askableOrganisations(user)).length > 0
	const shown =
		view === 'asked' || (view !== 'issued' && !canIssue) ? 'asked' : 'issued'
	if (shown === 'issued')
		return {
			canIssue,
			view: shown,
			issued: await listIssuedRequests(db, user.organisationId, page),
			asked: null,
		}
	return {
		canIssue,
		view: shown,
		issued: null,
		asked: await listAskedRequests(db, user.organisationId, page),
	}
}

/**
 * What the organisation still has to answer, for the home page and the inbox (one query; none
 * for the board, party committees and partners, which are never asked).
 */
export async function openRequestsFor(user: SessionUser) {
	if (!ANSWERING_KINDS.includes(user.organisationKind) || !user.roles.length)
		return []
	return listOpenRequestsFor(db, user.organisationId)
}
