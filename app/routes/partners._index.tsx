import {
	type MetaFunction,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterBar, ListTable, Pagination } from '#app/components/list.tsx'
import { db } from '#db/client.server.ts'
import {
	listAgreementsEndingSoon,
	listPartnerCountries,
	listPartnerDirectory,
} from '#db/repos/partner.server.ts'
import { COUNTRY_CODES, countryName } from '#lib/countries.ts'
import { formatIsoDate } from '#lib/format.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { pageFrom } from '#app/utils/misc.ts'
import { todayIso } from '#lib/trip-dates.ts'
import {
	canRecord,
	recordScope,
} from '#workflows/partners/partner-access.server.ts'
import { requirePartnerReader } from '#app/utils/access.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { web } from '#app/utils/domain.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requirePartnerReader(request)
			const url = new URL(request.url)
			const page = pageFrom(url)
			// An unknown country (a hand-edited URL) lists every country.
			const country = COUNTRY_CODES.find(
				code => code === url.searchParams.get('country'),
			)
			const [{ rows, total }, countries, endingSoon] = await Promise.all([
				listPartnerDirectory(db, {
					query: url.searchParams.get('q') ?? undefined,
					country,
					page,
				}),
				listPartnerCountries(db),
				listAgreementsEndingSoon(db, recordScope(user), todayIso()),
			])
			return json({
				rows,
				total,
				page,
				countries,
				endingSoon,
				canCreate: canRecord(user),
				allOrganisations: user.organisationKind === 'vgcl_board',
			})
		},
	)

export default function PartnersRoute() {
	const {
		rows,
		total,
		page,
		countries,
		endingSoon,
		canCreate,
		allOrganisations,
	} = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<div className="toolbar">
				<h1>{t('partner.list')}</h1>
				{canCreate ? (
					<Link className="button" to="/partners/new">
						{t('partner.new')}
					</Link>
				) : null}
			</div>
			{endingSoon.length ? (
				<div className="panel callout callout-returned" role="status">
					<strong>{t('partner.endingNotice')}</strong>
					<ul>
						{endingSoon.map(a => (
							<li key={a.id}>
								<Link to={`/partners/${a.partner_id}`}>
									{allOrganisations ? `${a.organisation_short_name}: ` : ''}
									{t('partner.endingNoticeItem', {
										title: a.title,
										partner: a.partner_name,
										date: formatIsoDate(a.valid_to),
									})}
								</Link>
							</li>
						))}
					</ul>
				</div>
			) : null}
			<FilterBar
				submitLabel={t('common.search')}
				selects={[
					{
						name: 'country',
						label: t('partner.country'),
						all: t('partner.allCountries'),
						options: countries.map(code => ({
							value: code,
							label: countryName(code, locale),
						})),
					},
				]}
			/>
			<ListTable
				searchable
				headings={[
					t('partner.nameVi'),
					t('partner.nameOriginal'),
					t('partner.type'),
					t('partner.country'),
				]}
				empty={t('common.none')}
			>
				{rows.map(p => (
					<tr key={p.id}>
						<td>
							<Link to={`/partners/${p.id}`}>
								{locale === 'en' && p.name_en ? p.name_en : p.name_vi}
							</Link>{' '}
							<span className="muted">({p.short_name})</span>
						</td>
						<td lang="">{p.name_original}</td>
						<td>{p.partner_type ? t(`partner.type.${p.partner_type}`) : ''}</td>
						<td>{countryName(p.country, locale)}</td>
					</tr>
				))}
			</ListTable>
			<Pagination total={total} page={page} />
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('nav.partners')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
