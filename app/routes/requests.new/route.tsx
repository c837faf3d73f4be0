import {
	getFormProps,
	getInputProps,
	getSelectProps,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
	json,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, Field, FormErrors } from '#app/components/forms.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { respond, web } from '#app/utils/domain.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import { pageTitle } from '#app/utils/meta.ts'
import { parseUploadForm } from '#app/utils/uploads.server.ts'
import { db } from '#db/client.server.ts'
import { BUILT_IN_TEMPLATES } from '#lib/report-template.ts'
import { forbidden } from '#workflows/access/errors.ts'
import { blankNotation } from '#workflows/documents/register.server.ts'
import {
	askableOrganisations,
	issueRequest,
} from '#workflows/requests/issue.server.ts'
import { AUDIENCES, RequestSchema } from '#workflows/requests/request-schema.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const organisations = await askableOrganisations(user)
			if (!organisations.length) throw forbidden()
			return json({
				organisations: organisations.map(o => ({
					id: o.id,
					name: o.short_name,
				})),
				notation: await blankNotation(db, user.organisationId, 'CV'),
				templates: BUILT_IN_TEMPLATES.map(t => ({ key: t.key })),
			})
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: ActionFunctionArgs) => {
			const user = await requireUser(request)
			return respond(await issueRequest(user, await parseUploadForm(request)))
		},
	)

export default function NewRequestRoute() {
	const { organisations, notation, templates } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const [form, fields] = useForm({
		id: 'new-request',
		lastResult: actionData?.result,
		defaultValue: { number_from: 'register', audience: 'all' },
		constraint: getZodConstraint(RequestSchema),
		shouldRevalidate: 'onBlur',
		onValidate: ({ formData }) =>
			parseWithZod(formData, { schema: RequestSchema }),
	})
	const chosen = new Set<unknown>([fields.organisation_ids.value ?? []].flat())
	return (
		<>
			<h1>{t('request.new')}</h1>
			<Form
				method="post"
				encType="multipart/form-data"
				className="panel"
				{...getFormProps(form)}
			>
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field label={t('request.title')} errors={fields.title.errors} required>
					{props => (
						<input
							{...getInputProps(fields.title, { type: 'text' })}
							{...props}
						/>
					)}
				</Field>
				<Field
					label={t('request.template')}
					errors={fields.template.errors}
					required
				>
					{props => (
						<select {...getSelectProps(fields.template)} {...props}>
							{templates.map(tp => (
								<option key={tp.key} value={tp.key}>
									{t(`request.templateName.${tp.key}`)}
								</option>
							))}
						</select>
					)}
				</Field>
				<fieldset className="field">
					<legend>{t('request.numberFrom')}</legend>
					<div className="checks">
						{(['register', 'typed'] as const).map(v => (
							<label key={v}>
								<input
									type="radio"
									name={fields.number_from.name}
									value={v}
									defaultChecked={
										(fields.number_from.value ?? 'register') === v
									}
								/>
								{v === 'register'
									? t('request.numberFromRegister', { notation })
									: t('request.numberTyped')}
							</label>
						))}
					</div>
					<ErrorList errors={fields.number_from.errors} />
				</fieldset>
				<div className="grid-2">
					<Field
						label={t('request.numberSymbol')}
						errors={fields.number_symbol.errors}
						hint={t('request.numberSymbolHint')}
					>
						{props => (
							<input
								{...getInputProps(fields.number_symbol, { type: 'text' })}
								{...props}
							/>
						)}
					</Field>
					<Field
						label={t('request.issuedOn')}
						errors={fields.issued_on.errors}
						hint={t('request.dateHint')}
					>
						{props => (
							<input
								{...getInputProps(fields.issued_on, { type: 'text' })}
								inputMode="numeric"
								{...props}
							/>
						)}
					</Field>
				</div>
				<Field
					label={t('request.due')}
					errors={fields.due_on.errors}
					hint={t('request.dateHint')}
					required
				>
					{props => (
						<input
							{...getInputProps(fields.due_on, { type: 'text' })}
							inputMode="numeric"
							{...props}
						/>
					)}
				</Field>
				<fieldset className="field">
					<legend>{t('request.audience')}</legend>
					<div className="checks">
						{AUDIENCES.map(a => (
							<label key={a}>
								<input
									type="radio"
									name={fields.audience.name}
									value={a}
									defaultChecked={(fields.audience.value ?? 'all') === a}
								/>
								{t(`request.audience.${a}`)}
							</label>
						))}
					</div>
					<ErrorList errors={fields.audience.errors} />
				</fieldset>
				<fieldset className="field">
					<legend>{t('request.chosenOrganisations')}</legend>
					<div className="checks">
						{organisations.map(o => (
							<label key={o.id}>
								<input
									type="checkbox"
									name={fields.organisation_ids.name}
									value={o.id}
									defaultChecked={chosen.has(o.id)}
								/>
								{o.name}
							</label>
						))}
					</div>
					<ErrorList errors={fields.organisation_ids.errors} />
				</fieldset>
				<Field
					label={t('request.letter')}
					errors={fields.letter?.errors}
					hint={t('request.letterHint')}
				>
					{props => (
						<input
							type="file"
							name="letter"
							accept="application/pdf,.pdf"
							{...props}
						/>
					)}
				</Field>
				<button type="submit">{t('request.issue')}</button>
			</Form>
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('request.new'), t('request.list')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
