import {
	type MetaFunction,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ListTable, Pagination, SearchForm } from '#app/components/list.tsx'
import { db } from '#db/client.server.ts'
import { listOrganisations } from '#db/repos/organisation.server.ts'
import { countryName } from '#lib/countries.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { pageFrom } from '#app/utils/misc.ts'
import { isBoardAdmin } from '#workflows/access/permissions.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { requireRole } from '#app/utils/access.server.ts'
import { web } from '#app/utils/domain.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireRole(request, 'admin')
			const url = new URL(request.url)
			const page = pageFrom(url)
			const { rows, total } = await listOrganisations(db, {
				query: url.searchParams.get('q') ?? undefined,
				page,
				onlyId: isBoardAdmin(user) ? undefined : user.organisationId,
			})
			return json({ rows, total, page, canCreate: isBoardAdmin(user) })
		},
	)

export default function OrganisationsRoute() {
	const { rows, total, page, canCreate } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<h1>{t('org.list')}</h1>
			<div className="toolbar">
				<SearchForm />
				{canCreate ? (
					<Link className="button" to="/admin/organisations/new">
						{t('org.new')}
					</Link>
				) : null}
			</div>
			<ListTable
				searchable
				headings={[
					t('org.nameVi'),
					t('org.shortName'),
					t('org.kind'),
					t('org.country'),
					t('common.actions'),
				]}
				empty={t('common.none')}
			>
				{rows.map(org => (
					<tr key={org.id}>
						<td>
							<Link to={`/admin/organisations/${org.id}`}>
								{locale === 'en' && org.name_en ? org.name_en : org.name_vi}
							</Link>
						</td>
						<td>{org.short_name}</td>
						<td>{t(`kind.${org.kind}`)}</td>
						<td>
							{[org.province, countryName(org.country, locale)]
								.filter(Boolean)
								.join(', ')}
						</td>
						<td>
							{org.kind === 'foreign_partner' ? null : (
								<Link to={`/admin/organisations/${org.id}/chain`}>
									{t('org.chain')}
								</Link>
							)}
						</td>
					</tr>
				))}
			</ListTable>
			<Pagination total={total} page={page} />
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('nav.organisations')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
