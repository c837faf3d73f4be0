import { parseWithZod } from '@conform-to/zod/v4'
import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
	unstable_parseMultipartFormData as parseMultipartFormData,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { db } from '#db/client.server.ts'
import {
	getAgreement,
	insertAgreement,
	insertSupport,
	updateAgreement,
} from '#db/repos/partner.server.ts'
import { countryName } from '#lib/countries.ts'
import { formatNumber } from '#lib/format.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { forbidden, notFound } from '#app/utils/permissions.server.ts'
import { uploadHandler } from '#app/utils/plan-form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { todayIso } from '#lib/trip-dates.ts'
import {
	canRecord,
	requirePartner,
	requirePartnerReader,
} from '../../utils/partner-access.server.ts'
import {
	AgreementForm,
	AgreementSchema,
	SupportForm,
	SupportSchema,
} from './partner-forms.tsx'
import { loadPartnerPage, readFile } from './partner-page.server.ts'
import { AgreementsTable, SupportTable, VisitsTable } from './partner-view.tsx'
import { pageTitle } from '#app/utils/meta.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	return json(await loadPartnerPage(request, params.partnerId, todayIso()))
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePartnerReader(request)
	const partner = await requirePartner(params.partnerId)
	if (!canRecord(user)) throw forbidden()
	const formData = await parseMultipartFormData(request, uploadHandler)
	const owner = {
		organisation_id: user.organisationId,
		partner_id: partner.id,
		created_by: user.id,
	}

	if (formData.get('intent') === 'support') {
		const submission = parseWithZod(formData, { schema: SupportSchema })
		if (submission.status !== 'success')
			return json(
				{
					form: 'support' as const,
					result: submission.reply(),
					fileError: null,
				},
				{ status: 400 },
			)
		const { intent: _intent, ...values } = submission.value
		await insertSupport(db, { ...values, ...owner })
		return redirectWithToast(`/partners/${partner.id}`, {
			type: 'success',
			message: 'partner.supportSaved',
		})
	}

	const upload = await readFile(formData)
	const submission = parseWithZod(formData, { schema: AgreementSchema })
	if (submission.status !== 'success' || 'error' in upload)
		return json(
			{
				form: 'agreement' as const,
				result: submission.reply(),
				fileError: 'error' in upload ? (upload.error ?? null) : null,
			},
			{ status: 400 },
		)
	const { agreement_id, version, intent: _intent, ...values } = submission.value
	const file = upload.file ?? {}
	if (agreement_id) {
		const existing = await getAgreement(db, partner.id, agreement_id)
		if (!existing || existing.organisation_id !== user.organisationId)
			throw notFound()
		const saved = await updateAgreement(db, agreement_id, version ?? 0, {
			...values,
			...file,
		})
		if (!saved)
			return json(
				{
					form: 'agreement' as const,
					result: submission.reply({
						formErrors: ['partner.agreementConflict'],
					}),
					fileError: null,
				},
				{ status: 409 },
			)
	} else {
		await insertAgreement(db, { ...values, ...file, ...owner })
	}
	return redirectWithToast(`/partners/${partner.id}`, {
		type: 'success',
		message: 'partner.agreementSaved',
	})
}

export default function PartnerRoute() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	const { partner, editing } = data
	const agreementResult =
		actionData?.form === 'agreement' ? actionData.result : undefined
	return (
		<>
			<p>
				<Link to="/partners">← {t('partner.list')}</Link>
			</p>
			<h1>
				{locale === 'en' && partner.name_en ? partner.name_en : partner.name_vi}
			</h1>
			<dl className="panel facts">
				<dt>{t('partner.nameOriginal')}</dt>
				<dd>{partner.name_original || '—'}</dd>
				<dt>{t('partner.shortName')}</dt>
				<dd>{partner.short_name}</dd>
				<dt>{t('partner.country')}</dt>
				<dd>{countryName(partner.country, locale)}</dd>
				<dt>{t('partner.type')}</dt>
				<dd>
					{partner.partner_type
						? t(`partner.type.${partner.partner_type}`)
						: '—'}
				</dd>
			</dl>

			<h2>{t('partner.agreements')}</h2>
			<AgreementsTable data={data} />

			{data.canRecord ? (
				<section id="agreement-form">
					<h2>
						{editing ? t('partner.editAgreement') : t('partner.addAgreement')}
					</h2>
					<AgreementForm
						key={editing?.agreement_id ?? `new-${data.agreements.length}`}
						lastResult={agreementResult}
						defaultValue={
							editing
								? (({ file_name: _f, ...rest }) => rest)(editing)
								: undefined
						}
						currentFile={editing?.file_name}
						fileErrors={
							actionData?.form === 'agreement' && actionData.fileError
								? [actionData.fileError]
								: undefined
						}
					/>
				</section>
			) : null}

			<h2>{t('partner.support')}</h2>
			<SupportTable data={data} />
			{data.supportTotals.length ? (
				<p>
					<strong>{t('partner.supportTotal')}:</strong>{' '}
					{data.supportTotals
						.map(x => `${formatNumber(x.amount)} ${x.currency}`)
						.join(' · ')}
				</p>
			) : null}
			{data.canRecord ? (
				<details open={actionData?.form === 'support'}>
					<summary>{t('partner.addSupport')}</summary>
					<SupportForm
						key={data.support.length}
						lastResult={
							actionData?.form === 'support' ? actionData.result : undefined
						}
					/>
				</details>
			) : null}

			<h2>{t('partner.visits')}</h2>
			<VisitsTable data={data} />
		</>
	)
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [data?.partner.name_vi, t('nav.partners')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
