import {
	type MetaFunction,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Pagination } from '#app/components/list.tsx'
import { db } from '#db/client.server.ts'
import { listInbox } from '#db/repos/work.server.ts'
import { PlanFacts } from '#app/components/plan-facts.tsx'
import { RequestWork } from '#app/components/request-work.tsx'
import { openRequestsFor } from '#workflows/requests/list.server.ts'
import { formatDateTime, formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'
import { pageFrom } from '#app/utils/misc.ts'
import { forbidden } from '#workflows/access/permissions.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { pageDecisionActor } from '#app/utils/access.server.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { web } from '#app/utils/domain.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

const DAY = 24 * 60 * 60 * 1000

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request }: LoaderFunctionArgs) => {
			const user = await requireUser(request)
			// Approvers, and today's substitutes of an approver of the organisation (same inbox).
			const { actor } = await pageDecisionActor(user, todayIso(), request)
			if (!actor.roles.includes('approver')) throw forbidden()
			const page = pageFrom(new URL(request.url))
			const today = todayIso()
			const [rows, requests] = await Promise.all([
				listInbox(db, user.organisationId, page, user.id, today),
				openRequestsFor(user),
			])
			const now = Date.now()
			return json({
				rows: rows.map(row => ({
					...row,
					waitingDays: Math.floor(
						(now - new Date(row.status_changed_at).getTime()) / DAY,
					),
				})),
				// Counted for the nav by the session query of this request: the same plans.
				total: user.inboxCount,
				page,
				requests,
				today,
			})
		},
	)

export default function InboxRoute() {
	const { rows, total, page, requests, today } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<h1>{t('inbox.title')}</h1>
			<RequestWork rows={requests} today={today} />
			{rows.length === 0 ? (
				<p className="panel muted">{t('inbox.empty')}</p>
			) : (
				<div className="table-wrap cards">
					<table>
						<thead>
							<tr>
								<th>{t('inbox.what')}</th>
								<th>{t('plan.name')}</th>
								<th>{t('plan.organisation')}</th>
								<th>{t('plan.direction')}</th>
								<th>{t('plan.waiting')}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map(plan => (
								<tr key={`${plan.kind}-${plan.id}`}>
									<td>{t(`inbox.kind.${plan.kind}`)}</td>
									<td data-label={t('plan.name')}>
										<Link
											to={
												plan.kind === 'report'
													? `/plans/${plan.id}/report`
													: `/plans/${plan.id}`
											}
										>
											{plan.name || t('plan.notSet')}
										</Link>
										<PlanFacts plan={plan} />
										{plan.own ? (
											<p className="muted">{t(`inbox.own.${plan.kind}`)}</p>
										) : null}
									</td>
									<td data-label={t('plan.organisation')}>
										{plan.organisation_short_name}
									</td>
									<td data-label={t('plan.direction')}>
										{t(`plan.direction.${plan.direction}`)}
									</td>
									<td
										data-label={t('plan.waiting')}
										title={formatDateTime(plan.status_changed_at)}
										className={
											// Late once the approvers are reminded: so many working days waited.
											plan.working_days_waited >= plan.approval_reminder_days
												? 'late'
												: undefined
										}
									>
										{plan.waitingDays === 0
											? t('plan.waitingToday')
											: t('plan.waitingWorkingDays', {
													days: plan.waitingDays,
													working: plan.working_days_waited,
												})}
										{plan.next_reminder_on ? (
											<div className="muted">
												{t('plan.nextReminder', {
													date: formatIsoDate(plan.next_reminder_on),
												})}
											</div>
										) : null}
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

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('nav.inbox')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
