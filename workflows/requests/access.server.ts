import { z } from 'zod'
import { type Db } from '#db/client.server.ts'
import { getRequest, type RequestRow } from '#db/repos/report-request.server.ts'
import {
	getResponse,
	type ResponseRow,
} from '#db/repos/report-response.server.ts'
import { type ReportTemplate } from '#lib/report-template.ts'
import { notFound } from '#workflows/access/errors.ts'
import { type SessionUser } from '#workflows/access/user.ts'

/** Users of a domestic organisation with a role; partners and role-less accounts see no requests. */
export function requireRequestUser<U extends SessionUser>(user: U) {
	if (user.organisationKind === 'foreign_partner' || user.roles.length === 0)
		throw notFound()
	return user
}

/** The board asks every federation and sector union; any other organisation those under it. */
export function isBoard(user: SessionUser) {
	return user.organisationKind === 'vgcl_board'
}

export type LoadedRequest = Omit<RequestRow, 'template'> & {
	template: ReportTemplate
}

async function loadRequest(db: Db, requestId: string | undefined) {
	const id = z.uuid().safeParse(requestId)
	const row = id.success ? await getRequest(db, id.data) : undefined
	if (!row) throw notFound()
	return { ...row, template: row.template as ReportTemplate }
}

/** A request of the user's organisation (the issuer); anyone else gets 404. */
export async function requireIssuedRequest<U extends SessionUser>(
	db: Db,
	signedIn: U,
	requestId: string | undefined,
) {
	const user = requireRequestUser(signedIn)
	const request = await loadRequest(db, requestId)
	if (request.organisation_id !== user.organisationId) throw notFound()
	return { user, request }
}

/**
 * An answer and its request, for the organisation that answers it or the one that asked;
 * 404 for anyone else (also for an answer id of another request).
 */
export async function requireResponse<U extends SessionUser>(
	db: Db,
	signedIn: U,
	requestId: string | undefined,
	responseId: string | undefined,
): Promise<{
	user: U
	request: LoadedRequest
	response: ResponseRow
	role: 'answerer' | 'issuer'
}> {
	const user = requireRequestUser(signedIn)
	const request = await loadRequest(db, requestId)
	const id = z.uuid().safeParse(responseId)
	const response = id.success
		? await getResponse(db, request.id, id.data)
		: undefined
	if (!response) throw notFound()
	const role =
		response.organisation_id === user.organisationId
			? 'answerer'
			: request.organisation_id === user.organisationId
				? 'issuer'
				: null
	if (!role) throw notFound()
	return { user, request, response, role }
}

/** The answering organisation's drafters and approvers edit and submit; admins only read. */
export function mayAnswer(user: SessionUser) {
	return user.roles.includes('drafter') || user.roles.includes('approver')
}
