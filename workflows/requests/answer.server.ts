import { type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { type Db, db } from '#db/client.server.ts'
import {
	insertResponseEvent,
	listPartnersWithAgreements,
	lockResponse,
	type ResponseRow,
	updateResponse,
} from '#db/repos/report-response.server.ts'
import {
	findRecipients,
	insertNotifications,
	notifyAndEnqueue,
} from '#db/repos/notification.server.ts'
import { type StoredRequestReturned } from '#workflows/notify/render.server.ts'
import { type ResponseStatus } from '#db/schema.ts'
import { countryName } from '#lib/countries.ts'
import { parseDate } from '#lib/format.ts'
import {
	cellName,
	type CellProblem,
	emptyContent,
	fixedRows,
	readContentForm,
	type ReportContent,
	type ReportTemplate,
} from '#lib/report-template.ts'
import { forbidden } from '#workflows/access/errors.ts'
import { type SessionUser } from '#workflows/access/user.ts'
import { done, refused } from '#workflows/outcome.ts'
import {
	type LoadedRequest,
	mayAnswer,
	requireResponse,
} from './access.server.ts'
import { ReturnSchema } from './request-schema.ts'
import { tooLong } from '#lib/form-errors.ts'

/** States in which the answering organisation may still change its answer. */
const EDITABLE: ResponseStatus[] = ['not_started', 'draft', 'returned']

/** The answer with its content: what was saved, or (never saved) the template prefilled from the organisation's data. */
export async function loadAnswer(
	signedIn: SessionUser,
	requestId: string | undefined,
	responseId: string | undefined,
) {
	const loaded = await requireResponse(db, signedIn, requestId, responseId)
	const { request, response, role, user } = loaded
	// The organisation's own data prefills its form; the issuer sees a never-saved answer empty.
	const content =
		(response.content as ReportContent | null) ??
		(role === 'answerer'
			? await prefill(request.template, response.organisation_id)
			: emptyContent(request.template))
	return {
		...loaded,
		content,
		editable:
			role === 'answerer' &&
			mayAnswer(user) &&
			EDITABLE.includes(response.status),
		canReturn: role === 'issuer' && response.status === 'submitted',
	}
}

async function prefill(template: ReportTemplate, organisationId: string) {
	const content = emptyContent(template)
	const partnerTables = template.tables.filter(t => t.prefill === 'partners')
	if (!partnerTables.length) return content
	const partners = await listPartnersWithAgreements(db, organisationId)
	for (const table of partnerTables)
		content.tables[table.id] = partners.map(p => ({
			...Object.fromEntries(table.columns.map(c => [c.id, null])),
			now: `${p.short_name} (${countryName(p.country, 'vi')})`,
			agreements: p.titles.join('; '),
		}))
	return content
}

const HeaderSchema = z.object({
	intent: z.enum(['save', 'submit']),
	version: z.coerce.number().int(),
	number_symbol: z
		.string()
		.trim()
		.max(60, { error: tooLong(60) })
		.default(''),
	report_date: z
		.string()
		.trim()
		.optional()
		.transform((value, ctx) => {
			if (!value) return null
			const iso = parseDate(value)
			if (!iso) ctx.addIssue({ code: 'custom', message: 'plan.dateInvalid' })
			return iso
		}),
	signer_name: z
		.string()
		.trim()
		.max(200, { error: tooLong(200) })
		.default(''),
	signature_title: z
		.string()
		.trim()
		.max(200, { error: tooLong(200) })
		.default(''),
})

const HEADER_FIELDS = [
	'number_symbol',
	'report_date',
	'signer_name',
	'signature_title',
] as const

export interface AnswerRefusal {
	result: SubmissionResult<string[]>
	/** Per cell's field name, what is wrong with it. */
	problems: Record<string, CellProblem>
	/** What was typed, per field name, for the form to show again. */
	raw: Record<string, string>
	sections: Record<string, string>
	/** How many rows each free table had. */
	rowCounts: Record<string, number>
	message?: string
}

/**
 * Saves the answer as a draft, or submits it: every cell checked against its column's type
 * (numbers whole and not negative, a total equal to its parts), and on submitting, every number
 * of a fixed row filled in. Nothing is saved while a cell is wrong. The change and its history in
 * one transaction, refused if the answer changed since the form was loaded.
 */
export async function saveAnswer(
	signedIn: SessionUser,
	requestId: string | undefined,
	responseId: string | undefined,
	formData: FormData,
) {
	const { user, request, response, role } = await requireResponse(
		db,
		signedIn,
		requestId,
		responseId,
	)
	if (role !== 'answerer' || !mayAnswer(user)) throw forbidden()
	const submission = parseWithZod(formData, { schema: HeaderSchema })
	const { content, problems, raw } = readContentForm(request.template, formData)
	for (const name of HEADER_FIELDS) {
		const value = formData.get(name)
		if (typeof value === 'string' && value) raw[name] = value
	}
	const intent = formData.get('intent') === 'submit' ? 'submit' : 'save'
	if (intent === 'submit') requireNumbers(request.template, content, problems)
	const refusal = (kind: 'invalid' | 'conflict', message?: string) =>
		refused(kind, {
			result: submission.reply(message ? { formErrors: [message] } : {}),
			problems,
			raw,
			sections: content.sections,
			rowCounts: Object.fromEntries(
				request.template.tables.map(t => [
					t.id,
					Number(formData.get(`rows.${t.id}`)) || content.tables[t.id]!.length,
				]),
			),
		} satisfies AnswerRefusal)
	if (submission.status !== 'success' || Object.keys(problems).length)
		return refusal(
			'invalid',
			Object.keys(problems).length ? 'request.fixCells' : undefined,
		)
	const header = submission.value
	const to: ResponseStatus = intent === 'submit' ? 'submitted' : 'draft'
	const outcome = await db.transaction().execute(async trx => {
		const locked = await lockResponse(trx, response.id)
		if (!locked || !EDITABLE.includes(locked.status))
			return 'submitted' as const
		if (locked.version !== header.version) return 'stale' as const
		await updateResponse(trx, response.id, locked.version, {
			status: to,
			updated_by: user.id,
			content,
			number_symbol: header.number_symbol,
			report_date: header.report_date,
			signer_name: header.signer_name,
			signature_title: header.signature_title,
			submitted_at: to === 'submitted' ? new Date() : null,
		})
		await insertResponseEvent(trx, {
			response_id: response.id,
			event: intent,
			from_status: locked.status,
			to_status: to,
			actor_id: user.id,
		})
		if (to === 'submitted') await tellIssuer(trx, request, response, locked)
		return 'ok' as const
	})
	if (outcome === 'stale') return refusal('conflict', 'request.stale')
	if (outcome === 'submitted')
		return refusal('conflict', 'request.alreadySubmitted')
	return done(
		response.id,
		intent === 'submit' ? 'request.submitted' : 'request.saved',
		undefined,
		`/requests/${request.id}/responses/${response.id}`,
	)
}

/**
 * The issuing organisation hears in the app of each answer submitted (or submitted again after
 * a return): the one who issued the request and its drafters. No email: a request to every
 * federation would send dozens.
 */
async function tellIssuer(
	trx: Db,
	request: LoadedRequest,
	response: ResponseRow,
	locked: { status: ResponseStatus; version: number },
) {
	const issuers = await findRecipients(trx, {
		approverOrgIds: [],
		drafterOrgIds: [request.organisation_id],
		userIds: [request.created_by],
	})
	await insertNotifications(
		trx,
		issuers.map(u => ({
			user_id: u.id,
			plan_id: null,
			kind: 'request-submitted',
			params: {
				requestId: request.id,
				responseId: response.id,
				title: request.title,
				organisationName: response.organisation_short_name,
				resubmitted: locked.status === 'returned',
			},
			dedupe_key: `request-submitted:${response.id}:${locked.version}:${u.id}`,
		})),
	)
}

function requireNumbers(
	template: ReportTemplate,
	content: ReportContent,
	problems: Record<string, CellProblem>,
) {
	for (const table of template.tables) {
		if (!fixedRows(table)) continue
		content.tables[table.id]!.forEach((row, r) => {
			for (const column of table.columns) {
				const name = cellName(table.id, r, column.id)
				if (
					column.type === 'number' &&
					row[column.id] === null &&
					!problems[name]
				)
					problems[name] = 'request.cell.required'
			}
		})
	}
}

/**
 * The issuing organisation returns a submitted answer with a comment: it goes back to the
 * answering organisation (state "returned", editable again), whose drafters are told in the app
 * and by email, in the same transaction.
 */
export async function returnAnswer(
	signedIn: SessionUser,
	requestId: string | undefined,
	responseId: string | undefined,
	formData: FormData,
) {
	const { user, request, response, role } = await requireResponse(
		db,
		signedIn,
		requestId,
		responseId,
	)
	if (role !== 'issuer') throw forbidden()
	const submission = parseWithZod(formData, { schema: ReturnSchema })
	if (submission.status !== 'success')
		return refused('invalid', { result: submission.reply() })
	const { comment, version } = submission.value
	const outcome = await db.transaction().execute(async trx => {
		const locked = await lockResponse(trx, response.id)
		if (!locked || locked.status !== 'submitted') return 'state' as const
		if (locked.version !== version) return 'stale' as const
		await updateResponse(trx, response.id, locked.version, {
			status: 'returned',
			updated_by: user.id,
		})
		await insertResponseEvent(trx, {
			response_id: response.id,
			event: 'return',
			from_status: 'submitted',
			to_status: 'returned',
			comment,
			actor_id: user.id,
		})
		const drafters = await findRecipients(trx, {
			approverOrgIds: [],
			drafterOrgIds: [response.organisation_id],
			userIds: [],
		})
		const stored: StoredRequestReturned = {
			requestId: request.id,
			responseId: response.id,
			title: request.title,
			numberSymbol: request.number_symbol,
			issuerName: request.issuer_name,
			dueOn: request.due_on,
			comment,
		}
		const key = (userId: string) =>
			`request-returned:${response.id}:${locked.version}:${userId}`
		await notifyAndEnqueue(trx, {
			notifications: drafters.map(d => ({
				user_id: d.id,
				plan_id: null,
				kind: 'request-returned',
				params: {
					requestId: request.id,
					responseId: response.id,
					title: request.title,
					organisationName: request.issuer_short_name,
					comment,
				},
				dedupe_key: key(d.id),
			})),
			emails: drafters.map(d => ({
				recipient_id: d.id,
				to_address: d.email,
				template: 'request-returned',
				props: stored,
				organisation_id: response.organisation_id,
				dedupe_key: key(d.id),
			})),
		})
		return 'ok' as const
	})
	if (outcome !== 'ok')
		return refused('conflict', {
			result: submission.reply({
				formErrors: [
					outcome === 'stale' ? 'request.stale' : 'request.notSubmitted',
				],
			}),
		})
	return done(
		response.id,
		'request.returned',
		undefined,
		`/requests/${request.id}`,
	)
}
