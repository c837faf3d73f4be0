import { z } from 'zod'
import { db } from '#db/client.server.ts'
import {
	type AgreementFile,
	endsSoon,
	getAgreement,
	getPartnerRecords,
	supportTotals,
} from '#db/repos/partner.server.ts'
import { checkUpload } from '#workflows/plans/attachments.server.ts'
import { formatIsoDate } from '#lib/format.ts'
import { notFound } from '#workflows/access/permissions.server.ts'
import { daysBetween } from '#lib/trip-dates.ts'
import {
	canRecord,
	recordScope,
	requirePartner,
} from '#workflows/partners/partner-access.server.ts'
import { requirePartnerReader } from '#app/utils/access.server.ts'
import { web } from '#app/utils/domain.server.ts'

/** `today` is injectable for tests; the page otherwise uses today's date in Vietnam. */
export const loadPartnerPage = web(readPartnerPage)

async function readPartnerPage(
	request: Request,
	partnerId: string | undefined,
	today: string,
) {
	const user = await requirePartnerReader(request)
	const partner = await requirePartner(partnerId)
	const editId = new URL(request.url).searchParams.get('agreement')
	const [records, editing] = await Promise.all([
		getPartnerRecords(db, partner.id, recordScope(user)),
		editId && canRecord(user) && z.uuid().safeParse(editId).success
			? getAgreement(db, partner.id, editId)
			: undefined,
	])
	if (editId && (!editing || editing.organisation_id !== user.organisationId))
		throw notFound()
	return {
		partner,
		today,
		agreements: records.agreements.map(a => ({
			...a,
			endingSoon: endsSoon(a.valid_to, today),
			daysLeft: a.valid_to ? daysBetween(today, a.valid_to) : null,
		})),
		support: records.support,
		supportTotals: supportTotals(records.support),
		visits: records.visits,
		canRecord: canRecord(user),
		organisationId: user.organisationId,
		editing: editing
			? {
					agreement_id: editing.id,
					version: String(editing.version),
					title: editing.title,
					kind: editing.kind,
					signed_on: formatIsoDate(editing.signed_on),
					valid_from: formatIsoDate(editing.valid_from),
					valid_to: formatIsoDate(editing.valid_to),
					file_name: editing.file_name,
				}
			: null,
	}
}

export type PartnerPage = Awaited<ReturnType<typeof loadPartnerPage>>

/** The agreement's file from a multipart form, checked by type and size. */
export async function readFile(formData: FormData) {
	const file = formData.get('file')
	formData.delete('file')
	if (!(file instanceof File) || !file.name) return { file: undefined }
	const check = await checkUpload(file)
	if (!check.ok)
		return {
			error: `${check.message}::${JSON.stringify({ name: check.name })}`,
		}
	const upload: AgreementFile = {
		file_name: check.file_name,
		file_content_type: check.content_type,
		file_size: check.size,
		file_sha256: check.sha256,
		file_data: check.data,
	}
	return { file: upload }
}
