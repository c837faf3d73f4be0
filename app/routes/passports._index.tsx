import {
	type MetaFunction,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterBar, ListTable, Pagination } from '#app/components/list.tsx'
import { PASSPORT_STATES } from '#lib/enums.ts'
import { formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { pageTitle } from '#app/utils/meta.ts'
import { web } from '#app/utils/domain.server.ts'
import { loadPassports } from '#workflows/passports/passports.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			return json(await loadPassports(user, new URL(request.url).searchParams))
		},
	)

export default function PassportsRoute() {
	const { rows, total, page, today } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<div className="toolbar">
				<h1>{t('passport.list')}</h1>
				<Link className="button secondary" to="/passports/register">
					{t('passport.register')}
				</Link>
			</div>
			<FilterBar
				submitLabel={t('common.search')}
				selects={[
					{
						name: 'state',
						label: t('passport.state'),
						all: t('passport.allStates'),
						options: PASSPORT_STATES.map(s => ({
							value: s,
							label: t(`passport.state.${s}`),
						})),
					},
				]}
			/>
			<ListTable
				searchable
				headings={[
					t('passport.number'),
					t('passport.holder'),
					t('passport.kind'),
					t('passport.expiresOn'),
					t('passport.state'),
				]}
				empty={t('common.none')}
			>
				{rows.map(p => (
					<tr key={p.id}>
						<td>
							<Link to={`/passports/${p.id}`}>{p.number}</Link>
						</td>
						<td>
							<Link to={`/people/${p.person_id}`}>{p.holder_name}</Link>
						</td>
						<td>{t(`passport.${p.kind}`)}</td>
						<td>{formatIsoDate(p.expires_on)}</td>
						<td>
							{p.state === 'out' && p.plan_name
								? t('passport.outFor', { plan: p.plan_name })
								: t(`passport.state.${p.state}`)}
							{p.state === 'out' && p.due_on ? (
								<div
									className={
										p.returned_on && p.due_on < today ? 'form-error' : 'muted'
									}
								>
									{t('passport.dueShort', { date: formatIsoDate(p.due_on) })}
									{p.returned_on && p.due_on < today
										? ` (${t('passport.overdue')})`
										: null}
								</div>
							) : null}
						</td>
					</tr>
				))}
			</ListTable>
			<Pagination total={total} page={page} />
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('passport.list')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
