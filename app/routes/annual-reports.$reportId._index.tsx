import { MAX_INT } from '#lib/column-limits.ts'
import {
	getFormProps,
	getInputProps,
	getTextareaProps,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LinksFunction,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import arStyles from '#app/annual-report/annual-report.css'
import { buildReport } from '#workflows/annual-report/report.ts'
import { AnnualReportSchema } from '#app/annual-report/schema.ts'
import { IssueButton } from '#app/components/issue-button.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors } from '#app/components/forms.tsx'
import { db } from '#db/client.server.ts'
import { saveAnnualReport } from '#db/repos/annual-report.server.ts'
import { getAnnualReportEntry } from '#db/repos/document-register.server.ts'
import { formatDateTime, formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { ReportTableView } from '../components/annual-report-view.tsx'
import { loadReportInput } from '#app/utils/access.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { issueAnnualReportNumber } from '#workflows/documents/annual-report-number.server.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: arStyles },
]

type TextName =
	| 'governing_body'
	| 'number_symbol'
	| 'place'
	| 'report_date'
	| 'signature_on_behalf'
	| 'signature_title'
	| 'signer_name'
type AreaName =
	| 'request_text'
	| 'results'
	| 'difficulties'
	| 'proposals'
	| 'plan_intro'
	| 'recipients'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const { report, organisation, plans } = await loadReportInput(
				request,
				params.reportId,
			)
			const built = buildReport({ report, organisation, plans })
			const entry = await getAnnualReportEntry(db, report.id)
			return json({
				numbered: entry?.notation ?? null,
				report: {
					...report,
					report_date: formatIsoDate(report.report_date),
					updated_at: formatDateTime(report.updated_at),
				},
				organisationName: organisation.name_vi,
				tables: built.sections.flatMap(s => (s.table ? [s.table] : [])),
			})
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: ActionFunctionArgs) => {
			const { user, report } = await loadReportInput(request, params.reportId)
			const formData = await request.formData()
			if (formData.get('intent') === 'issue-number') {
				// A version that is not one (a hand-made post) matches no report: a conflict.
				const version = Number(formData.get('version'))
				const issued = await issueAnnualReportNumber(db, {
					report,
					expectedVersion:
						Number.isInteger(version) && version >= 0 && version <= MAX_INT
							? version
							: -1,
					issuedBy: user.id,
					issuedOn: todayIso(),
				})
				if (issued.status === 'ok')
					return redirectWithToast(`/annual-reports/${report.id}`, {
						type: 'success',
						message: 'planDocument.issued',
						params: { notation: issued.notation },
					})
				return json(
					{
						result: {
							status: 'error' as const,
							error: {
								'': [
									issued.status === 'conflict'
										? 'annualReport.conflict'
										: 'planDocument.alreadyIssued',
								],
							},
						},
					},
					{ status: 409 },
				)
			}
			formData.set('year', String(report.year))
			const submission = parseWithZod(formData, { schema: AnnualReportSchema })
			if (submission.status !== 'success')
				return json({ result: submission.reply() }, { status: 400 })
			const { version, year: _year, ...fields } = submission.value
			// A number from the register is not retyped by hand.
			const entry = await getAnnualReportEntry(db, report.id)
			if (entry) {
				// Nor its date: the report keeps the number and date the register gave it.
				fields.number_symbol = entry.notation
				fields.report_date = entry.issued_on
			}
			const saved = await saveAnnualReport(db, report.id, version, fields)
			if (!saved)
				return json(
					{
						result: submission.reply({ formErrors: ['annualReport.conflict'] }),
						staleVersion: version,
					},
					{ status: 409 },
				)
			return redirectWithToast(`/annual-reports/${report.id}`, {
				type: 'success',
				message: 'annualReport.saved',
			})
		},
	)

export default function AnnualReportEditorRoute() {
	const { report, organisationName, tables, numbered } =
		useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const [form, fields] = useForm({
		id: 'annual-report',
		lastResult: actionData?.result,
		defaultValue: report,
		constraint: getZodConstraint(AnnualReportSchema),
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) =>
			parseWithZod(formData, { schema: AnnualReportSchema }),
	})
	const input = (name: TextName, hint?: string, readOnly = false) => (
		<Field
			label={t(`annualReport.field.${name}`)}
			errors={fields[name].errors}
			hint={hint}
		>
			{props => (
				<input
					{...getInputProps(fields[name], { type: 'text' })}
					{...props}
					readOnly={readOnly}
				/>
			)}
		</Field>
	)
	const area = (name: AreaName, rows: number, hint?: string) => (
		<Field
			label={t(`annualReport.field.${name}`)}
			errors={fields[name].errors}
			hint={hint}
		>
			{props => (
				<textarea {...getTextareaProps(fields[name])} rows={rows} {...props} />
			)}
		</Field>
	)
	return (
		<>
			<h1>
				{t('annualReport.editTitle', {
					year: report.year,
					next: report.year + 1,
				})}
			</h1>
			<div className="toolbar">
				<p className="muted">
					{organisationName} ·{' '}
					{t('annualReport.lastSaved', { when: report.updated_at })}
				</p>
				<div className="ar-toolbar">
					<Link className="button secondary" to="print">
						{t('annualReport.print')}
					</Link>
					<a
						className="button secondary"
						href={`/annual-reports/${report.id}/docx`}
						download
					>
						{t('annualReport.download')}
					</a>
				</div>
			</div>
			{numbered ? null : (
				<Form method="post" className="panel">
					<input type="hidden" name="intent" value="issue-number" />
					<input type="hidden" name="version" value={report.version} />
					<p className="muted">{t('annualReport.issueHint')}</p>
					<IssueButton secondary />
				</Form>
			)}
			<Form method="post" className="panel" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="year" value={report.year} />
				<input
					type="hidden"
					name="version"
					value={
						(actionData as { staleVersion?: number } | undefined)
							?.staleVersion ?? report.version
					}
				/>
				<h2>{t('annualReport.header')}</h2>
				<div className="grid-2">
					{input('governing_body')}
					{input(
						'number_symbol',
						t(
							numbered
								? 'annualReport.hint.issued'
								: 'annualReport.hint.number',
						),
						Boolean(numbered),
					)}
					{input('place')}
					{input(
						'report_date',
						t(numbered ? 'annualReport.hint.issued' : 'annualReport.hint.date'),
						Boolean(numbered),
					)}
				</div>
				{area('request_text', 3, t('annualReport.hint.request'))}
				<h2>{t('annualReport.sections')}</h2>
				{area('results', 10, t('annualReport.hint.results'))}
				{area('difficulties', 5)}
				{area('proposals', 4)}
				{area('plan_intro', 3, t('annualReport.hint.planIntro'))}
				<h2>{t('annualReport.closing')}</h2>
				<div className="grid-2">
					{area('recipients', 4, t('annualReport.hint.recipients'))}
					<div>
						{input('signature_on_behalf')}
						{input('signature_title')}
						{input('signer_name')}
					</div>
				</div>
				<div className="actions">
					<button type="submit">{t('annualReport.save')}</button>
				</div>
			</Form>
			<section className="panel">
				<h2>{t('annualReport.tables')}</h2>
				<p className="muted">{t('annualReport.tablesHint')}</p>
				{tables.map(table => (
					<ReportTableView key={table.title} table={table} />
				))}
			</section>
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [
		data &&
			`${data.organisationName} – ${t('annualReport.titleOf', { year: data.report.year, next: data.report.year + 1 })}`,
		t('nav.annualReports'),
	])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
