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
import { Form, useActionData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors } from '#app/components/forms.tsx'
import { db } from '#db/client.server.ts'
import { insertPartner } from '#db/repos/partner.server.ts'
import { PARTNER_TYPES } from '#lib/enums.ts'
import { COUNTRY_CODES, countryName } from '#lib/countries.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { forbidden } from '#workflows/access/permissions.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { canRecord } from '#workflows/partners/partner-access.server.ts'
import { requirePartnerReader } from '#app/utils/access.server.ts'
import { web } from '#app/utils/domain.server.ts'

import { pageTitle } from '#app/utils/meta.ts'
import { tooLong } from '#lib/form-errors.ts'
const text = (max: number) =>
	z
		.string({ error: 'error.required' })
		.trim()
		.max(max, { error: tooLong(max) })

const PartnerSchema = z.object({
	name_vi: text(300).min(1, { error: 'error.required' }),
	name_en: text(300).optional(),
	name_original: text(300).optional(),
	short_name: text(100).min(1, { error: 'error.required' }),
	country: z.enum(COUNTRY_CODES, { error: 'error.invalidChoice' }),
	partner_type: z.enum(PARTNER_TYPES, { error: 'error.invalidChoice' }),
})

async function requireRecorder(request: Request) {
	const user = await requirePartnerReader(request)
	if (!canRecord(user)) throw forbidden()
	return user
}

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			await requireRecorder(request)
			return json({})
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: ActionFunctionArgs) => {
			await requireRecorder(request)
			const submission = parseWithZod(await request.formData(), {
				schema: PartnerSchema,
			})
			if (submission.status !== 'success')
				return json({ result: submission.reply() }, { status: 400 })
			const v = submission.value
			const { id } = await insertPartner(db, {
				...v,
				name_en: v.name_en ?? '',
				name_original: v.name_original ?? '',
			})
			return redirectWithToast(`/partners/${id}`, {
				type: 'success',
				message: 'partner.created',
			})
		},
	)

export default function NewPartnerRoute() {
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	const [form, fields] = useForm({
		id: 'partner',
		lastResult: actionData?.result,
		constraint: getZodConstraint(PartnerSchema),
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) =>
			parseWithZod(formData, { schema: PartnerSchema }),
	})
	const textField = (
		name: 'name_vi' | 'name_en' | 'name_original' | 'short_name',
		label: string,
	) => (
		<Field label={label} errors={fields[name].errors}>
			{props => (
				<input {...getInputProps(fields[name], { type: 'text' })} {...props} />
			)}
		</Field>
	)
	return (
		<>
			<h1>{t('partner.new')}</h1>
			<Form method="post" className="panel" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<div className="grid-2">
					{textField('name_vi', t('partner.nameVi'))}
					{textField('name_original', t('partner.nameOriginal'))}
					{textField('name_en', t('partner.nameEn'))}
					{textField('short_name', t('partner.shortName'))}
					<Field label={t('partner.country')} errors={fields.country.errors}>
						{props => (
							<select {...getSelectProps(fields.country)} {...props}>
								<option value="" />
								{COUNTRY_CODES.filter(c => c !== 'VN').map(code => (
									<option key={code} value={code}>
										{countryName(code, locale)}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field label={t('partner.type')} errors={fields.partner_type.errors}>
						{props => (
							<select {...getSelectProps(fields.partner_type)} {...props}>
								<option value="" />
								{PARTNER_TYPES.map(type => (
									<option key={type} value={type}>
										{t(`partner.type.${type}`)}
									</option>
								))}
							</select>
						)}
					</Field>
				</div>
				<button type="submit" className="button">
					{t('common.save')}
				</button>
			</Form>
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('partner.new'), t('nav.partners')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
