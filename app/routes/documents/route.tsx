import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors } from '#app/components/forms.tsx'
import { ListTable } from '#app/components/list.tsx'
import { db } from '#db/client.server.ts'
import { formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { forbidden } from '#workflows/access/permissions.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { changeDocumentNotation } from '#workflows/documents/register.server.ts'
import { loadRegister, registerRowLink } from './register.server.ts'
import { web } from '#app/utils/domain.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { tooLong } from '#lib/form-errors.ts'

const NotationSchema = z.object({
	notation: z
		.string({ error: 'error.required' })
		.trim()
		.min(1, { error: 'error.required' })
		.max(60, { error: tooLong(60) }),
})

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const { user, year, rows, years, organisation } =
				await loadRegister(request)
			return json({
				year,
				years,
				notation: organisation.document_notation,
				canEditNotation: user.roles.includes('admin'),
				rows: rows.map(r => ({
					id: r.id,
					notation: r.notation,
					kind: r.kind,
					subject: r.subject,
					issued_on: formatIsoDate(r.issued_on),
					issued_by: r.issued_by_name ?? '',
					link: registerRowLink(r),
				})),
			})
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: ActionFunctionArgs) => {
			const { user } = await loadRegister(request)
			if (!user.roles.includes('admin')) throw forbidden()
			const submission = parseWithZod(await request.formData(), {
				schema: NotationSchema,
			})
			if (submission.status !== 'success')
				return json({ result: submission.reply() }, { status: 400 })
			const changed = await changeDocumentNotation(
				db,
				user.organisationId,
				submission.value.notation,
			)
			if (!changed.ok)
				return json(
					{
						result: submission.reply({
							fieldErrors: { notation: [changed.error] },
						}),
					},
					{ status: 400 },
				)
			return redirectWithToast('/documents', {
				type: 'success',
				message: 'documents.notationSaved',
			})
		},
	)

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [data && t('documents.title', { year: data.year })])

export default function DocumentsRoute() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const [form, fields] = useForm({
		id: 'document-notation',
		lastResult: actionData?.result,
		defaultValue: { notation: data.notation },
		constraint: getZodConstraint(NotationSchema),
		shouldRevalidate: 'onInput',
	})
	return (
		<>
			<h1>{t('documents.title', { year: data.year })}</h1>
			<div className="toolbar">
				<Form method="get" className="inline-form">
					<label htmlFor="register-year">{t('documents.year')}</label>{' '}
					<select id="register-year" name="year" defaultValue={data.year}>
						{data.years.map(y => (
							<option key={y} value={y}>
								{y}
							</option>
						))}
					</select>{' '}
					<button type="submit" className="secondary">
						{t('documents.show')}
					</button>
				</Form>
				<a
					className="button secondary"
					href={`/documents.xlsx?year=${data.year}`}
					download
				>
					{t('documents.xlsx')}
				</a>
			</div>
			<ListTable
				headings={[
					t('documents.number'),
					t('documents.date'),
					t('documents.subject'),
					t('documents.issuedBy'),
				]}
				empty={t('documents.none')}
			>
				{data.rows.map(r => (
					<tr key={r.id}>
						<td>{r.notation}</td>
						<td>{r.issued_on}</td>
						<td>{r.link ? <Link to={r.link}>{r.subject}</Link> : r.subject}</td>
						<td>{r.issued_by}</td>
					</tr>
				))}
			</ListTable>
			{data.canEditNotation ? (
				<Form method="post" className="panel" {...getFormProps(form)}>
					<h2>{t('documents.notation')}</h2>
					<FormErrors id={form.errorId} errors={form.errors} />
					<Field
						label={t('documents.notation')}
						errors={fields.notation.errors}
						hint={t('documents.notationHint')}
					>
						{props => (
							<input
								{...getInputProps(fields.notation, { type: 'text' })}
								{...props}
							/>
						)}
					</Field>
					<button type="submit">{t('documents.notationSave')}</button>
				</Form>
			) : null}
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
