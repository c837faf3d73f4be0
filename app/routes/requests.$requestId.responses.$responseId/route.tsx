import { blankReportNumber } from '#lib/document-notation.ts'
import {
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
	json,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, FormErrors } from '#app/components/forms.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { respond, web } from '#app/utils/domain.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import { pageTitle } from '#app/utils/meta.ts'
import { formatDateTime, formatIsoDate } from '#lib/format.ts'
import { type ReportContent } from '#lib/report-template.ts'
import { todayIso } from '#lib/trip-dates.ts'
import {
	type AnswerRefusal,
	loadAnswer,
	returnAnswer,
	saveAnswer,
} from '#workflows/requests/answer.server.ts'
import { citation } from '#workflows/requests/docx.server.ts'
import { isLate } from '#workflows/requests/tracking.server.ts'
import { AppendixEditor, AppendixView } from './appendix-table.tsx'
import { AnswerHeader, ReturnForm } from './answer-parts.tsx'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const loaded = await loadAnswer(user, params.requestId, params.responseId)
			const { request: r, response: x } = loaded
			return json({
				request: {
					id: r.id,
					title: r.title,
					number_symbol: r.number_symbol,
					issued_on: formatIsoDate(r.issued_on),
					due_on: formatIsoDate(r.due_on),
					issuer: r.issuer_short_name,
					letter: r.letter_name,
				},
				template: r.template,
				response: {
					id: x.id,
					status: x.status,
					version: x.version,
					organisation: x.organisation_short_name,
					// A first answer starts from the organisation's own notation, as its other reports do.
					number_symbol:
						x.number_symbol ||
						(loaded.editable
							? blankReportNumber(x.organisation_short_name)
							: ''),
					report_date: formatIsoDate(x.report_date),
					signer_name: x.signer_name,
					signature_title: x.signature_title,
					submitted_at: x.submitted_at ? formatDateTime(x.submitted_at) : '',
					return_comment: x.status === 'returned' ? x.return_comment : null,
					late: isLate(x.status, r.due_on, todayIso()),
				},
				citation: citation(loaded),
				content: loaded.content as ReportContent,
				editable: loaded.editable,
				canReturn: loaded.canReturn,
				role: loaded.role,
			})
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: ActionFunctionArgs) => {
			const user = await requireUser(request)
			const formData = await request.formData()
			if (formData.get('intent') === 'return')
				return respond(
					await returnAnswer(
						user,
						params.requestId,
						params.responseId,
						formData,
					),
				)
			return respond(
				await saveAnswer(user, params.requestId, params.responseId, formData),
			)
		},
	)

export default function AnswerRoute() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	// A refused save gives back what was typed and each cell's problem (workflows/requests/answer.server.ts).
	const refusal =
		actionData && 'problems' in actionData
			? (actionData as unknown as AnswerRefusal)
			: null
	const result = actionData?.result
	const { template, content, response, request: r } = data
	return (
		<>
			<h1>{r.title}</h1>
			<AnswerHeader data={data} />
			{data.editable ? (
				<Form method="post" aria-label={t('request.answerForm')}>
					<input type="hidden" name="version" value={response.version} />
					<FormErrors errors={result?.error?.[''] ?? null} />
					<HeaderFields
						values={refusal?.raw ?? response}
						errors={result?.error ?? {}}
					/>
					{template.sections.map(s => (
						<section className="panel field" key={s.id}>
							<label htmlFor={`section-${s.id}`}>
								<strong>{s.title}</strong>
							</label>
							<textarea
								id={`section-${s.id}`}
								name={`s.${s.id}`}
								rows={6}
								defaultValue={
									refusal?.sections[s.id] ?? content.sections[s.id] ?? ''
								}
							/>
						</section>
					))}
					{template.tables.map(table => (
						<AppendixEditor
							key={table.id}
							table={table}
							rows={content.tables[table.id] ?? []}
							raw={refusal?.raw ?? null}
							problems={refusal?.problems ?? {}}
							rowCount={refusal?.rowCounts[table.id] ?? null}
						/>
					))}
					<FormErrors errors={result?.error?.[''] ?? null} />
					<div className="actions sticky-actions">
						<button
							type="submit"
							name="intent"
							value="save"
							className="secondary"
						>
							{t('request.saveDraft')}
						</button>
						<button type="submit" name="intent" value="submit">
							{t('request.submit')}
						</button>
					</div>
				</Form>
			) : (
				<>
					{template.sections.map(s => (
						<section className="panel" key={s.id}>
							<h2>{s.title}</h2>
							<p className="pre">
								{content.sections[s.id] || t('request.empty')}
							</p>
						</section>
					))}
					{template.tables.map(table => (
						<AppendixView
							key={table.id}
							table={table}
							rows={content.tables[table.id] ?? []}
						/>
					))}
				</>
			)}
			{data.canReturn ? (
				<ReturnForm version={response.version} errors={result?.error ?? {}} />
			) : null}
		</>
	)
}

function HeaderFields({
	values,
	errors,
}: {
	values: Record<string, string | null | undefined | number | boolean>
	errors: Record<string, string[] | null>
}) {
	const t = useT()
	const field = (name: string, label: string, hint?: string) => (
		<div className="field">
			<label htmlFor={`answer-${name}`}>{label}</label>
			<input
				id={`answer-${name}`}
				name={name}
				type="text"
				defaultValue={String(values[name] ?? '')}
				aria-invalid={errors[name]?.length ? true : undefined}
				aria-describedby={
					errors[name]?.length ? `answer-${name}-error` : undefined
				}
			/>
			{hint ? <p className="hint">{hint}</p> : null}
			<ErrorList id={`answer-${name}-error`} errors={errors[name]} />
		</div>
	)
	return (
		<section className="panel">
			<h2>{t('request.documentHeader')}</h2>
			<div className="grid-2">
				{field(
					'number_symbol',
					t('request.answerNumber'),
					t('request.answerNumberHint'),
				)}
				{field('report_date', t('request.answerDate'), t('request.dateHint'))}
				{field('signature_title', t('request.signatureTitle'))}
				{field('signer_name', t('request.signerName'))}
			</div>
		</section>
	)
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
	pageTitle(matches, t => [
		data ? `${data.response.organisation}: ${data.request.title}` : null,
		t('request.list'),
	])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
