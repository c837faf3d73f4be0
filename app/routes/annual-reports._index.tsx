import {
	getFormProps,
	getInputProps,
	getSelectProps,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { prefillReport } from '#workflows/annual-report/report.ts'
import { findAnnualReportRequest } from '#db/repos/report-request.server.ts'
import { requestReference } from '#workflows/requests/docx.server.ts'
import { CreateReportSchema } from '#app/annual-report/schema.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors } from '#app/components/forms.tsx'
import { ListTable, Pagination } from '#app/components/list.tsx'
import { db } from '#db/client.server.ts'
import {
	annualReportProgress,
	findAnnualReportId,
	getReportData,
	insertAnnualReport,
	listAnnualReports,
} from '#db/repos/annual-report.server.ts'
import { ReportProgress } from '#app/components/annual-report-progress.tsx'
import { listOrganisationChoices } from '#db/repos/organisation.server.ts'
import { formatDateTime, formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { pageFrom } from '#app/utils/misc.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { isBoard } from '#workflows/annual-report/access.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { requireReportUser } from '#app/utils/access.server.ts'
import { web } from '#app/utils/domain.server.ts'

const REPORTING_KINDS: string[] = [
	'provincial_federation',
	'sector_union',
	'vgcl_board',
]

/** Reports on year N are written late in N or early in N + 1. */
function reportYear(today: string) {
	const year = Number(today.slice(0, 4))
	return today.slice(5) < '07-01' ? year - 1 : year
}

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireReportUser(request)
			const board = isBoard(user)
			const url = new URL(request.url)
			const page = pageFrom(url)
			const defaultYear = reportYear(todayIso())
			// The board follows who has reported on a year (?progress=N, this report year by default).
			const asked = Number(url.searchParams.get('progress') ?? defaultYear)
			const progressYear =
				Number.isInteger(asked) && asked >= 2000 && asked <= 2100
					? asked
					: defaultYear
			const [{ rows, total }, organisations, progress] = await Promise.all([
				listAnnualReports(db, {
					organisationId: board ? null : user.organisationId,
					page,
				}),
				board ? listOrganisationChoices(db) : Promise.resolve([]),
				board ? annualReportProgress(db, progressYear) : Promise.resolve(null),
			])
			return json({
				rows: rows.map(r => ({
					...r,
					report_date: formatIsoDate(r.report_date),
					updated_at: formatDateTime(r.updated_at),
				})),
				total,
				page,
				board,
				organisations: organisations
					.filter(o => REPORTING_KINDS.includes(o.kind))
					.map(o => ({ id: o.id, name: o.short_name })),
				defaultYear,
				progress: progress && {
					year: progressYear,
					rows: progress.map(o => ({
						...o,
						report_date: formatIsoDate(o.report_date),
						issued: Boolean(o.issued),
					})),
				},
			})
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: ActionFunctionArgs) => {
			const user = await requireReportUser(request)
			const submission = parseWithZod(await request.formData(), {
				schema: CreateReportSchema,
			})
			if (submission.status !== 'success')
				return json({ result: submission.reply() }, { status: 400 })
			const { year } = submission.value
			const organisationId = isBoard(user)
				? (submission.value.organisation_id ?? user.organisationId)
				: user.organisationId
			const existing = await findAnnualReportId(db, organisationId, year)
			if (existing)
				return redirectWithToast(`/annual-reports/${existing}`, {
					type: 'success',
					message: 'annualReport.exists',
				})
			const [data, asked] = await Promise.all([
				getReportData(db, organisationId, year).catch(() => null),
				findAnnualReportRequest(db, organisationId, year),
			])
			if (!data || !REPORTING_KINDS.includes(data.organisation.kind))
				return json(
					{
						result: submission.reply({
							fieldErrors: { organisation_id: ['error.invalidChoice'] },
						}),
					},
					{ status: 400 },
				)
			const created = await insertAnnualReport(db, {
				organisation_id: organisationId,
				year,
				created_by: user.id,
				...prefillReport(
					data.organisation,
					data.plans,
					year,
					todayIso(),
					asked ? requestReference(asked) : undefined,
				),
			})
			const id =
				created?.id ?? (await findAnnualReportId(db, organisationId, year))
			return redirectWithToast(`/annual-reports/${id}`, {
				type: 'success',
				message: created ? 'annualReport.created' : 'annualReport.exists',
			})
		},
	)

export default function AnnualReportsRoute() {
	const { rows, total, page, board, organisations, defaultYear, progress } =
		useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const [form, fields] = useForm({
		id: 'new-annual-report',
		lastResult: actionData?.result,
		defaultValue: { year: String(defaultYear) },
		constraint: getZodConstraint(CreateReportSchema),
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) =>
			parseWithZod(formData, { schema: CreateReportSchema }),
	})
	return (
		<>
			<h1>{t('annualReport.list')}</h1>
			<Form method="post" className="panel" {...getFormProps(form)}>
				<h2>{t('annualReport.new')}</h2>
				<p className="muted">{t('annualReport.newHint')}</p>
				<FormErrors id={form.errorId} errors={form.errors} />
				<div className="grid-4" style={{ maxWidth: 640 }}>
					{board ? (
						<Field
							label={t('annualReport.organisation')}
							errors={fields.organisation_id.errors}
						>
							{props => (
								<select {...getSelectProps(fields.organisation_id)} {...props}>
									{organisations.map(o => (
										<option key={o.id} value={o.id}>
											{o.name}
										</option>
									))}
								</select>
							)}
						</Field>
					) : null}
					<Field label={t('annualReport.year')} errors={fields.year.errors}>
						{props => (
							<input
								{...getInputProps(fields.year, { type: 'text' })}
								inputMode="numeric"
								{...props}
							/>
						)}
					</Field>
				</div>
				<button type="submit">{t('annualReport.create')}</button>
			</Form>
			{progress ? (
				<ReportProgress
					year={progress.year}
					reportYear={defaultYear}
					rows={progress.rows}
				/>
			) : null}
			<ListTable
				headings={[
					t('annualReport.year'),
					...(board ? [t('annualReport.organisation')] : []),
					t('annualReport.number'),
					t('annualReport.date'),
					t('annualReport.updated'),
				]}
				empty={t('annualReport.none')}
			>
				{rows.map(r => (
					<tr key={r.id}>
						<td>
							<Link to={`/annual-reports/${r.id}`}>
								{t('annualReport.titleOf', { year: r.year, next: r.year + 1 })}
							</Link>
						</td>
						{board ? <td>{r.short_name}</td> : null}
						<td>{r.number_symbol}</td>
						<td>{r.report_date}</td>
						<td>{r.updated_at}</td>
					</tr>
				))}
			</ListTable>
			<Pagination total={total} page={page} />
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('nav.annualReports')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
