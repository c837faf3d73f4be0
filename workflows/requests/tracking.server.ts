import { db } from '#db/client.server.ts'
import { getRequestLetter } from '#db/repos/report-request.server.ts'
import { findResponseId } from '#db/repos/report-response.server.ts'
import {
	countByStatus,
	listTracking,
} from '#db/repos/report-response-summary.server.ts'
import { type ResponseStatus } from '#db/schema.ts'
import { type SessionUser } from '#workflows/access/user.ts'
import { z } from 'zod'
import { notFound } from '#workflows/access/errors.ts'
import { requireIssuedRequest, requireRequestUser } from './access.server.ts'

/** An answer not submitted by its due date is late ("quá hạn"), whatever else its state. */
export function isLate(status: ResponseStatus, dueOn: string, today: string) {
	return status !== 'submitted' && dueOn < today
}

/**
 * Where a request's page leads: the tracking for the organisation that issued it, the answer for
 * an organisation asked; 404 for anyone else.
 */
export async function requestPageFor(
	signedIn: SessionUser,
	requestId: string | undefined,
): Promise<{ tracking: true } | { answer: string }> {
	const user = requireRequestUser(signedIn)
	const id = z.uuid().safeParse(requestId)
	if (!id.success) throw notFound()
	const responseId = await findResponseId(db, id.data, user.organisationId)
	if (responseId)
		return { answer: `/requests/${id.data}/responses/${responseId}` }
	return { tracking: true }
}

/** The issuer's view of a request: every organisation asked (a page of them) with its state, and the counts. Three queries. */
export async function loadTracking(
	signedIn: SessionUser,
	requestId: string | undefined,
	page: number,
	today: string,
) {
	const { request } = await requireIssuedRequest(db, signedIn, requestId)
	const [{ rows, total }, counts] = await Promise.all([
		listTracking(db, request.id, page),
		countByStatus(db, request.id),
	])
	const asked = Object.values(counts).reduce((a, n) => a + (n ?? 0), 0)
	return {
		request,
		rows: rows.map(r => ({
			...r,
			late: isLate(r.status, request.due_on, today),
		})),
		total,
		counts,
		late: request.due_on < today ? asked - (counts.submitted ?? 0) : 0,
	}
}

/** The request's letter, for the issuer and the organisations asked; 404 for anyone else or when there is none. */
export async function loadLetter(
	signedIn: SessionUser,
	requestId: string | undefined,
) {
	const user = requireRequestUser(signedIn)
	const id = z.uuid().safeParse(requestId)
	if (!id.success) throw notFound()
	const [letter, responseId] = await Promise.all([
		getRequestLetter(db, id.data),
		findResponseId(db, id.data, user.organisationId),
	])
	if (
		!letter?.letter_data ||
		(letter.organisation_id !== user.organisationId && !responseId)
	)
		throw notFound()
	return {
		name: letter.letter_name ?? 'cong-van.pdf',
		data: letter.letter_data,
	}
}
