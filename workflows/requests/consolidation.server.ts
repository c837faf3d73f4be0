import { db } from '#db/client.server.ts'
import {
	countAskedByKind,
	listSubmittedContents,
} from '#db/repos/report-response-summary.server.ts'
import { type ReportContent } from '#lib/report-template.ts'
import { type SessionUser } from '#workflows/access/user.ts'
import { requireIssuedRequest } from './access.server.ts'
import { consolidate } from './consolidation.ts'

/** The consolidation of a request and its answers, for the organisation that issued it: three queries, however many answers. */
export async function loadConsolidation(
	signedIn: SessionUser,
	requestId: string | undefined,
) {
	const { request } = await requireIssuedRequest(db, signedIn, requestId)
	const [answers, asked] = await Promise.all([
		listSubmittedContents(db, request.id),
		countAskedByKind(db, request.id),
	])
	const answered = answers.map(a => ({
		organisation: a.short_name,
		kind: a.kind,
		content: a.content as ReportContent,
	}))
	return {
		request,
		/** The submitted answers, for the consolidated report's narrative sections. */
		answers: answered,
		consolidation: consolidate(request.template, answered, asked),
	}
}
