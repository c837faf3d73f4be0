import { parseWithZod } from '@conform-to/zod/v4'
import { db } from '#db/client.server.ts'
import {
	insertRequest,
	insertResponses,
	listAskableOrganisations,
} from '#db/repos/report-request.server.ts'
import { errorWithParams } from '#lib/form-errors.ts'
import { builtInTemplate, templateForRequest } from '#lib/report-template.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { forbidden } from '#workflows/access/errors.ts'
import { type SessionUser } from '#workflows/access/user.ts'
import { issueDocument } from '#workflows/documents/register.server.ts'
import { checkUpload } from '#workflows/plans/attachments.server.ts'
import { done, refused } from '#workflows/outcome.ts'
import { isBoard, requireRequestUser } from './access.server.ts'
import { RequestSchema } from './request-schema.ts'

/** Who may issue: the board, or an organisation with organisations under it (its drafters, approvers and admins). */
export async function askableOrganisations(signedIn: SessionUser) {
	const user = requireRequestUser(signedIn)
	return listAskableOrganisations(db, {
		issuerId: user.organisationId,
		board: isBoard(user),
	})
}

/**
 * Issues a request: its number from the organisation's register (a CV, with today's date) or as
 * typed, its letter if one is attached (a real PDF), and an empty answer for every organisation
 * asked, all in one transaction.
 */
export async function issueRequest(signedIn: SessionUser, formData: FormData) {
	const user = requireRequestUser(signedIn)
	const askable = await askableOrganisations(user)
	if (!askable.length) throw forbidden()
	const submission = parseWithZod(formData, { schema: RequestSchema })
	const letter = formData.get('letter')
	const check =
		letter instanceof File && letter.name ? await checkUpload(letter) : null
	const letterError =
		check && !check.ok
			? errorWithParams(check.message, { name: check.name })
			: check?.ok && check.content_type !== 'application/pdf'
				? errorWithParams('request.letterPdf', { name: check.file_name })
				: null
	if (submission.status !== 'success' || letterError)
		return refused('invalid', {
			result: submission.reply({
				fieldErrors: letterError ? { letter: [letterError] } : undefined,
			}),
		})
	const value = submission.value
	const today = todayIso()
	const issuedOn = value.number_from === 'register' ? today : value.issued_on!
	const fieldError = (field: string, message: string) =>
		refused('invalid', {
			result: submission.reply({ fieldErrors: { [field]: [message] } }),
		})
	if (value.due_on! < issuedOn)
		return fieldError('due_on', 'request.dueBeforeIssue')
	const known = new Map(askable.map(o => [o.id, o]))
	const asked =
		value.audience === 'chosen'
			? value.organisation_ids.map(id => known.get(id))
			: askable.filter(
					o =>
						value.audience === 'all' ||
						(value.audience === 'provinces'
							? o.kind === 'provincial_federation'
							: o.kind === 'sector_union'),
				)
	if (asked.some(o => !o))
		return fieldError('organisation_ids', 'error.invalidChoice')
	if (!asked.length) return fieldError('audience', 'request.nobodyAsked')
	const template = templateForRequest(
		builtInTemplate(value.template)!,
		value.title,
	)

	const id = await db.transaction().execute(async trx => {
		const entry =
			value.number_from === 'register'
				? await issueDocument(trx, {
						organisationId: user.organisationId,
						kind: 'CV',
						subject: value.title,
						issuedOn,
						issuedBy: user.id,
					})
				: null
		const requestId = await insertRequest(trx, {
			organisation_id: user.organisationId,
			number_symbol: entry?.notation ?? value.number_symbol!,
			issued_on: issuedOn,
			outgoing_document_id: entry?.id ?? null,
			title: value.title,
			audience: value.audience,
			due_on: value.due_on!,
			template,
			letter_name: check?.ok ? check.file_name : null,
			letter_size: check?.ok ? check.size : null,
			letter_sha256: check?.ok ? check.sha256 : null,
			letter_data: check?.ok ? check.data : null,
			created_by: user.id,
		})
		await insertResponses(trx, requestId, [...new Set(asked.map(o => o!.id))])
		return requestId
	})
	return done(id, 'request.issued', undefined, `/requests/${id}`)
}
