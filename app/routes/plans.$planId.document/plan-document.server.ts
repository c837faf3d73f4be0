import { z } from 'zod'
import { db } from '#db/client.server.ts'
import { listPlanDocuments } from '#db/repos/document-register.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { notFound } from '#workflows/access/permissions.server.ts'
import { requireVisiblePlan } from '#workflows/access/plan-access.server.ts'
import { type OfficialDocument } from '#workflows/documents/official-document.ts'
import {
	isSubmitted,
	previewPlanDocument,
} from '#workflows/documents/plan-document.server.ts'

/**
 * The plan document for the page and the download: a submitted plan the user may see (404
 * otherwise), its issued versions, and the one asked for by `?v=` or else the unnumbered preview.
 */
export async function loadPlanDocument(
	request: Request,
	planId: string | undefined,
) {
	const user = await requireUser(request)
	const id = await requireVisiblePlan(user, planId)
	const preview = await previewPlanDocument(db, id)
	if (!preview || !isSubmitted(preview.record.status)) throw notFound()
	const versions = (
		await listPlanDocuments(db, id, preview.record.organisation_id)
	).filter(d => d.kind === 'KH')
	const wanted = new URL(request.url).searchParams.get('v')
	const chosen = wanted
		? versions.find(v => v.id === z.uuid().safeParse(wanted).data)
		: undefined
	if (wanted && !chosen) throw notFound()
	return {
		user,
		record: preview.record,
		input: preview.input,
		versions,
		chosen,
		document: chosen ? (chosen.content as OfficialDocument) : preview.document,
	}
}
