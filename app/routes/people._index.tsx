import {
	type MetaFunction,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ListTable, Pagination, SearchForm } from '#app/components/list.tsx'
import { formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { web } from '#app/utils/domain.server.ts'
import { loadPeople } from '#workflows/people/people.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			return json(await loadPeople(user, new URL(request.url).searchParams))
		},
	)

export default function PeopleRoute() {
	const { rows, total, page, canEdit } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<div className="toolbar">
				<h1>{t('person.list')}</h1>
				{canEdit ? (
					<Link className="button" to="/people/new">
						{t('person.new')}
					</Link>
				) : null}
			</div>
			<SearchForm />
			<ListTable
				searchable
				headings={[
					t('person.fullName'),
					t('person.position'),
					t('person.unit'),
					t('person.bornOn'),
					t('person.passports'),
				]}
				empty={t('common.none')}
			>
				{rows.map(p => (
					<tr key={p.id}>
						<td>
							<Link to={`/people/${p.id}`}>{p.full_name}</Link>
						</td>
						<td>{p.position}</td>
						<td>{p.unit}</td>
						<td>{formatIsoDate(p.born_on)}</td>
						<td>
							{p.passports.map(pp => (
								<div key={pp.id}>
									<Link to={`/passports/${pp.id}`}>{pp.number}</Link> (
									{t(`passport.${pp.kind}`)}, {t(`passport.state.${pp.state}`)})
								</div>
							))}
						</td>
					</tr>
				))}
			</ListTable>
			<Pagination total={total} page={page} />
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('person.list')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
