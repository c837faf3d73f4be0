import {
	getFormProps,
	getInputProps,
	getTextareaProps,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
	type ActionFunctionArgs,
	json,
	type LinksFunction,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import arStyles from '#app/annual-report/annual-report.css'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors } from '#app/components/forms.tsx'
import { IssueButton } from '#app/components/issue-button.tsx'
import { db } from '#db/client.server.ts'
import { formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { workflowActor } from '#workflows/access/plan-access.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { issuePlanDocument } from '#workflows/documents/plan-document.server.ts'
import { DocumentSheet } from '#app/components/annual-report-view.tsx'
import { loadPlanDocument } from './plan-document.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { tooLong } from '#lib/form-errors.ts'

const IssueSchema = z.object({
	version: z.coerce.number().int(),
	signer_title: z
		.string({ error: 'error.required' })
		.trim()
		.min(1, { error: 'error.required' })
		.max(100, { error: tooLong(100) }),
	signer_name: z
		.string({ error: 'error.required' })
		.trim()
		.min(1, { error: 'error.required' })
		.max(100, { error: tooLong(100) }),
	recipients: z
		.string({ error: 'error.required' })
		.trim()
		.min(1, { error: 'error.required' })
		.max(2000, { error: tooLong(2000) }),
})

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: arStyles },
]

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const { user, record, input, versions, chosen, document } =
				await loadPlanDocument(request, params.planId)
			const canIssue =
				user.organisationId === record.organisation_id &&
				user.roles.includes('drafter') &&
				!versions.some(v => v.plan_version === record.version)
			return json({
				plan: { id: record.id, name: record.name, version: record.version },
				versions: versions.map(v => ({
					id: v.id,
					notation: v.notation,
					issued_on: formatIsoDate(v.issued_on),
				})),
				chosenId: chosen?.id ?? null,
				document,
				canIssue,
				defaults: {
					signer_title: input.signature.title,
					signer_name: input.signature.name,
					recipients: input.signature.recipients,
				},
			})
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: ActionFunctionArgs) => {
			const { user, record } = await loadPlanDocument(request, params.planId)
			const submission = parseWithZod(await request.formData(), {
				schema: IssueSchema,
			})
			if (submission.status !== 'success')
				return json({ result: submission.reply() }, { status: 400 })
			const v = submission.value
			const result = await issuePlanDocument(db, {
				actor: workflowActor(user),
				planId: record.id,
				expectedVersion: v.version,
				issuedOn: todayIso(),
				signature: {
					title: v.signer_title,
					name: v.signer_name,
					recipients: v.recipients,
				},
			})
			if (result.status === 'ok')
				return redirectWithToast(
					`/plans/${record.id}/document?v=${result.documentId}`,
					{
						type: 'success',
						message: 'planDocument.issued',
						params: { notation: result.notation },
					},
				)
			const message = {
				not_found: 'error.notFound',
				forbidden: 'error.forbidden',
				wrong_state: 'plan.wrongState',
				conflict: 'plan.conflictNoEvent',
				already_issued: 'planDocument.alreadyIssued',
			}[result.status]
			return json(
				{ result: submission.reply({ formErrors: [message] }) },
				{ status: result.status === 'forbidden' ? 403 : 409 },
			)
		},
	)

export default function PlanDocumentRoute() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const [form, fields] = useForm({
		id: 'issue-plan-document',
		lastResult: actionData?.result,
		defaultValue: data.defaults,
		constraint: getZodConstraint(IssueSchema),
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) =>
			parseWithZod(formData, { schema: IssueSchema }),
	})
	const chosen = data.versions.find(v => v.id === data.chosenId)
	const docxHref = `/plans/${data.plan.id}/document.docx${chosen ? `?v=${chosen.id}` : ''}`
	return (
		<>
			<div className="ar-toolbar no-print" style={{ marginTop: 16 }}>
				<Link to={`/plans/${data.plan.id}`}>{t('planDocument.back')}</Link>
				<button type="button" onClick={() => window.print()}>
					{t('planDocument.print')}
				</button>
				<a className="button secondary" href={docxHref} download>
					{t('planDocument.download')}
				</a>
			</div>
			<p className="muted no-print">
				{chosen
					? t('planDocument.issuedVersion', {
							notation: chosen.notation,
							date: chosen.issued_on,
						})
					: t('planDocument.preview')}
			</p>
			{data.versions.length ? (
				<nav className="no-print" aria-label={t('planDocument.versions')}>
					<h2>{t('planDocument.versions')}</h2>
					<ul>
						{data.versions.map(v => (
							<li key={v.id}>
								<Link to={`?v=${v.id}`}>
									{v.notation} · {v.issued_on}
								</Link>
							</li>
						))}
					</ul>
				</nav>
			) : null}
			{data.canIssue ? (
				<Form method="post" className="panel no-print" {...getFormProps(form)}>
					<h2>{t('planDocument.issue')}</h2>
					<p className="muted">{t('planDocument.issueHint')}</p>
					<FormErrors id={form.errorId} errors={form.errors} />
					<input type="hidden" name="version" value={data.plan.version} />
					<Field
						label={t('planDocument.signerTitle')}
						required
						errors={fields.signer_title.errors}
					>
						{props => (
							<input
								{...getInputProps(fields.signer_title, { type: 'text' })}
								{...props}
							/>
						)}
					</Field>
					<Field
						label={t('planDocument.signerName')}
						required
						errors={fields.signer_name.errors}
					>
						{props => (
							<input
								{...getInputProps(fields.signer_name, { type: 'text' })}
								{...props}
							/>
						)}
					</Field>
					<Field
						label={t('planDocument.recipients')}
						required
						errors={fields.recipients.errors}
					>
						{props => (
							<textarea
								{...getTextareaProps(fields.recipients)}
								rows={4}
								{...props}
							/>
						)}
					</Field>
					<IssueButton />
				</Form>
			) : null}
			<DocumentSheet report={data.document} />
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [
		t('planDocument.title', { name: data?.plan.name ?? '' }),
		t('nav.plans'),
	])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
