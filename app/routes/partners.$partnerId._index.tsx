import { parseWithZod } from '@conform-to/zod/v4'
import {
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
	unstable_parseMultipartFormData as parseMultipartFormData,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ListTable } from '#app/components/list.tsx'
import { db } from '#db/client.server.ts'
import {
	type AgreementFile,
	endsSoon,
	getAgreement,
	getPartnerRecords,
	insertAgreement,
	insertSupport,
	supportTotals,
	updateAgreement,
} from '#db/repos/partner.server.ts'
import { checkUpload } from '#app/utils/attachments.server.ts'
import { countryName } from '#app/utils/countries.ts'
import { formatIsoDate, formatNumber } from '#app/utils/format.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { notFound } from '#app/utils/permissions.server.ts'
import { uploadHandler } from '#app/utils/plan-form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { daysBetween, todayIso } from '#app/utils/trip-dates.ts'
import {
	canRecord,
	recordScope,
	requirePartner,
	requirePartnerReader,
} from './__partner-access.server.ts'
import {
	AgreementForm,
	AgreementSchema,
	SupportForm,
	SupportSchema,
} from './__partner-forms.tsx'

/** `today` is injectable for tests; the page otherwise uses today's date in Vietnam. */
export async function loadPartnerPage(
	request: Request,
	partnerId: string | undefined,
	today: string,
) {
	const user = await requirePartnerReader(request)
	const partner = await requirePartner(partnerId)
	const editId = new URL(request.url).searchParams.get('agreement')
	const [records, editing] = await Promise.all([
		getPartnerRecords(db, partner.id, recordScope(user)),
		editId && canRecord(user) && z.uuid().safeParse(editId).success
			? getAgreement(db, partner.id, editId)
			: undefined,
	])
	if (editId && (!editing || editing.organisation_id !== user.organisationId))
		throw notFound()
	return {
		partner,
		today,
		agreements: records.agreements.map(a => ({
			...a,
			endingSoon: endsSoon(a.valid_to, today),
			daysLeft: a.valid_to ? daysBetween(today, a.valid_to) : null,
		})),
		support: records.support,
		supportTotals: supportTotals(records.support),
		visits: records.visits,
		canRecord: canRecord(user),
		editing: editing
			? {
					agreement_id: editing.id,
					version: String(editing.version),
					title: editing.title,
					kind: editing.kind,
					signed_on: formatIsoDate(editing.signed_on),
					valid_from: formatIsoDate(editing.valid_from),
					valid_to: formatIsoDate(editing.valid_to),
					file_name: editing.file_name,
				}
			: null,
	}
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	return json(await loadPartnerPage(request, params.partnerId, todayIso()))
}

async function readFile(formData: FormData) {
	const file = formData.get('file')
	formData.delete('file')
	if (!(file instanceof File) || !file.name) return { file: undefined }
	const check = await checkUpload(file)
	if (!check.ok)
		return {
			error: `${check.message}::${JSON.stringify({ name: check.name })}`,
		}
	const upload: AgreementFile = {
		file_name: check.file_name,
		file_content_type: check.content_type,
		file_size: check.size,
		file_sha256: check.sha256,
		file_data: check.data,
	}
	return { file: upload }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePartnerReader(request)
	const partner = await requirePartner(params.partnerId)
	if (!canRecord(user)) throw notFound()
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

const flagStyle = {
	background: '#fff1e5',
	color: '#9a3412',
	fontWeight: 600,
} as const

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
			<ListTable
				headings={[
					t('partner.agreementTitle'),
					t('partner.agreementKind'),
					t('partner.ourOrganisation'),
					t('partner.signedOn'),
					t('partner.period'),
					t('partner.file'),
				]}
				empty={t('partner.noAgreements')}
			>
				{data.agreements.map(a => (
					<tr
						key={a.id}
						data-ending-soon={a.endingSoon ? 'true' : undefined}
						style={a.endingSoon ? { background: '#fff8f2' } : undefined}
					>
						<td>
							{a.title}
							{data.canRecord ? (
								<>
									{' '}
									<Link to={`?agreement=${a.id}#agreement-form`}>
										{t('partner.editAgreement')}
									</Link>
								</>
							) : null}
						</td>
						<td>{t(`partner.kind.${a.kind}`)}</td>
						<td>{a.organisation_short_name}</td>
						<td>{formatIsoDate(a.signed_on)}</td>
						<td>
							{formatIsoDate(a.valid_from)} – {formatIsoDate(a.valid_to)}
							{a.endingSoon ? (
								<>
									{' '}
									<span className="badge" style={flagStyle} role="status">
										⚠ {t('partner.endingSoon')} ·{' '}
										{t('partner.endingSoonDays', { days: a.daysLeft ?? 0 })}
									</span>
								</>
							) : a.valid_to && a.valid_to < data.today ? (
								<>
									{' '}
									<span className="badge">{t('partner.expired')}</span>
								</>
							) : null}
						</td>
						<td>
							{a.file_name ? (
								<a
									href={`/partners/${partner.id}/agreements/${a.id}/file`}
									download
								>
									{a.file_name}
								</a>
							) : (
								''
							)}
						</td>
					</tr>
				))}
			</ListTable>

			{data.canRecord ? (
				<section id="agreement-form">
					<h2>
						{editing ? t('partner.editAgreement') : t('partner.addAgreement')}
					</h2>
					<AgreementForm
						key={editing?.agreement_id ?? 'new'}
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
			<ListTable
				headings={[
					t('partner.givenOn'),
					t('partner.ourOrganisation'),
					t('partner.amount'),
					t('partner.purpose'),
				]}
				empty={t('partner.noSupport')}
			>
				{data.support.map(s => (
					<tr key={s.id}>
						<td>{formatIsoDate(s.given_on)}</td>
						<td>{s.organisation_short_name}</td>
						<td>
							{formatNumber(Number(s.amount))} {s.currency}
						</td>
						<td>{s.purpose}</td>
					</tr>
				))}
			</ListTable>
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
						lastResult={
							actionData?.form === 'support' ? actionData.result : undefined
						}
					/>
				</details>
			) : null}

			<h2>{t('partner.visits')}</h2>
			<ListTable
				headings={[
					t('partner.year'),
					t('partner.direction'),
					t('partner.plan'),
					t('partner.ourOrganisation'),
					t('partner.status'),
				]}
				empty={t('partner.noVisits')}
			>
				{data.visits.map(v => (
					<tr key={v.id}>
						<td>{v.plan_year}</td>
						<td>
							{v.direction === 'out'
								? t('partner.visitOut')
								: t('partner.visitIn')}
						</td>
						<td>
							<Link to={`/plans/${v.id}`}>{v.name || '—'}</Link>
						</td>
						<td>{v.organisation_short_name}</td>
						<td>{t(`status.${v.status}`)}</td>
					</tr>
				))}
			</ListTable>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
