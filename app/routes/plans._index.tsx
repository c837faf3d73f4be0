import {
	type MetaFunction,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterBar, ListTable, Pagination } from '#app/components/list.tsx'
import { db } from '#db/client.server.ts'
import { listPlans } from '#db/repos/plan.server.ts'
import {
	DIRECTIONS,
	PLAN_SORTS,
	PLAN_STATUS_FILTERS as STATUS_FILTERS,
} from '#lib/enums.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { countryName } from '#lib/countries.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { pageFrom } from '#app/utils/misc.ts'
import { planViewer } from '#workflows/access/plan-access.server.ts'
import { timingText } from '#workflows/plans/plan-display.ts'
import { StatusBadge } from '../components/plan-view.tsx'
import { pageTitle } from '#app/utils/meta.ts'
import { web } from '#app/utils/domain.server.ts'
import { PlanFilterSchema } from '#app/utils/list-filters.server.ts'

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			const url = new URL(request.url)
			const filter = PlanFilterSchema.parse(
				Object.fromEntries(url.searchParams),
			)
			const page = pageFrom(url)
			const { rows, total } = await listPlans(db, planViewer(user), {
				...filter,
				query: filter.q,
				page,
			})
			return json({
				rows,
				total,
				page,
				canCreate: user.roles.includes('drafter'),
			})
		},
	)

export default function PlansRoute() {
	const { rows, total, page, canCreate } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	const thisYear = new Date().getFullYear()
	return (
		<>
			<div className="toolbar">
				<h1>{t('plan.list')}</h1>
				{canCreate ? (
					<Link className="button" to="/plans/new">
						{t('plan.new')}
					</Link>
				) : null}
			</div>
			<FilterBar
				submitLabel={t('plan.filter.apply')}
				selects={[
					{
						name: 'year',
						label: t('plan.year'),
						all: t('plan.filter.allYears'),
						options: Array.from({ length: 12 }, (_, i) => {
							const year = String(thisYear + 1 - i)
							return { value: year, label: year }
						}),
					},
					{
						name: 'direction',
						label: t('plan.direction'),
						all: t('plan.filter.allDirections'),
						options: DIRECTIONS.map(d => ({
							value: d,
							label: t(`plan.direction.${d}`),
						})),
					},
					{
						name: 'status',
						label: t('plan.status'),
						all: t('plan.filter.allStatuses'),
						options: STATUS_FILTERS.map(s => ({
							value: s,
							label: t(`status.${s}`),
						})),
					},
					{
						name: 'sort',
						label: t('plan.sort'),
						fallback: 'time',
						options: PLAN_SORTS.map(s => ({
							value: s,
							label: t(`plan.sort.${s}`),
						})),
					},
				]}
			/>
			<ListTable
				searchable
				headings={[
					t('plan.name'),
					t('plan.timing'),
					t('plan.direction'),
					t('plan.country'),
					t('plan.partner'),
					t('plan.organisation'),
					t('plan.status'),
				]}
				empty={t('plan.none')}
			>
				{rows.map(plan => (
					<tr key={plan.id}>
						<td>
							<Link to={`/plans/${plan.id}`}>
								{plan.name || t('plan.notSet')}
							</Link>
						</td>
						<td>{timingText(plan, t)}</td>
						<td>{t(`plan.direction.${plan.direction}`)}</td>
						<td>{plan.country ? countryName(plan.country, locale) : ''}</td>
						<td>{plan.partner_org_name ?? plan.partner_name}</td>
						<td>{plan.organisation_short_name}</td>
						<td>
							<StatusBadge
								status={plan.status}
								stepLabel={plan.step_organisation}
							/>
						</td>
					</tr>
				))}
			</ListTable>
			<Pagination total={total} page={page} />
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('nav.plans')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
