import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Pagination } from '#app/components/list.tsx'
import { db } from '#db/client.server.ts'
import { listInbox } from '#db/repos/plan.server.ts'
import { countryName } from '#lib/countries.ts'
import { formatDateTime } from '#lib/format.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { pageFrom } from '#app/utils/misc.ts'
import { forbidden } from '#workflows/access/permissions.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { pageDecisionActor } from '#app/utils/access.server.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { web } from '#app/utils/domain.server.ts'

const DAY = 24 * 60 * 60 * 1000

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			// Approvers, and today's substitutes of an approver of the organisation (same inbox).
			const { actor } = await pageDecisionActor(user, todayIso(), request)
			if (!actor.roles.includes('approver')) throw forbidden()
			const page = pageFrom(new URL(request.url))
			const { rows, total } = await listInbox(db, user.organisationId, page)
			const now = Date.now()
			return json({
				rows: rows.map(row => ({
					...row,
					waitingDays: Math.floor(
						(now - new Date(row.status_changed_at).getTime()) / DAY,
					),
				})),
				total,
				page,
			})
		},
	)

export default function InboxRoute() {
	const { rows, total, page } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<h1>{t('inbox.title')}</h1>
			{rows.length === 0 ? (
				<p className="panel muted">{t('inbox.empty')}</p>
			) : (
				<div className="table-wrap">
					<table>
						<thead>
							<tr>
								<th>{t('plan.name')}</th>
								<th>{t('plan.organisation')}</th>
								<th>{t('plan.year')}</th>
								<th>{t('plan.direction')}</th>
								<th>{t('plan.country')}</th>
								<th>{t('plan.waiting')}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map(plan => (
								<tr key={plan.id}>
									<td>
										<Link to={`/plans/${plan.id}`}>
											{plan.name || t('plan.notSet')}
										</Link>
									</td>
									<td>{plan.organisation_short_name}</td>
									<td>{plan.plan_year}</td>
									<td>{t(`plan.direction.${plan.direction}`)}</td>
									<td>
										{plan.country ? countryName(plan.country, locale) : ''}
									</td>
									<td
										title={formatDateTime(plan.status_changed_at)}
										className={plan.waitingDays >= 5 ? 'late' : undefined}
									>
										{plan.waitingDays === 0
											? t('plan.waitingToday')
											: t('plan.waitingDays', { days: plan.waitingDays })}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<Pagination total={total} page={page} />
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
