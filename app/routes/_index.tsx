import {
	type MetaFunction,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { db } from '#db/client.server.ts'
import {
	getCurrentChain,
	listChainsWithStepOf,
} from '#db/repos/chain.server.ts'
import { approverOverview } from '#db/repos/plan.server.ts'
import { countReportsForHome } from '#db/repos/report.server.ts'
import { listDrafterWork } from '#db/repos/work.server.ts'
import { DelegationsAtHand } from '#app/components/delegations-at-hand.tsx'
import { DrafterWork } from '#app/components/drafter-work.tsx'
import { MyDecisions } from '#app/components/my-decisions.tsx'
import { RequestWork } from '#app/components/request-work.tsx'
import { planViewer } from '#workflows/access/plan-access.server.ts'
import { openRequestsFor } from '#workflows/requests/list.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { todayIso } from '#lib/trip-dates.ts'
import { pageTitle } from '#app/utils/meta.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const isDrafter = user.roles.includes('drafter')
	const isApprover = user.roles.includes('approver')
	const [chain, reports, work, requests, overview] = await Promise.all([
		getCurrentChain(db, user.organisationId),
		countReportsForHome(db, user.organisationId),
		isDrafter ? listDrafterWork(db, user.organisationId) : Promise.resolve([]),
		isDrafter ? openRequestsFor(user) : Promise.resolve([]),
		// A chairman follows their decisions and the delegations: who is on their trip, who leaves soon.
		isApprover
			? approverOverview(db, planViewer(user), user.id, todayIso())
			: Promise.resolve(null),
	])
	// An organisation without plans of its own (a party committee, the board) approves others'.
	const approvesFor = chain
		? []
		: await listChainsWithStepOf(db, user.organisationId)
	const inboxCount =
		user.roles.includes('approver') || user.substituting ? user.inboxCount : 0
	return json({
		user: {
			fullName: user.fullName,
			title: user.title,
			organisationName: user.organisationName,
			roles: user.roles,
		},
		chain: chain && { version: chain.version, steps: chain.steps },
		isAdmin: user.roles.includes('admin'),
		isDrafter,
		inboxCount,
		work,
		requests,
		approvesFor,
		today: todayIso(),
		// What needs me: reports my organisation owes (drafters), reports to acknowledge (approvers).
		reportsOwed: user.roles.includes('drafter') ? reports.owed : 0,
		reportsOverdue: user.roles.includes('drafter') ? reports.overdue : 0,
		reportsToAcknowledge: user.roles.includes('approver')
			? reports.toAcknowledge
			: 0,
		organisationId: user.organisationId,
		overview,
	})
}

export default function HomeRoute() {
	const {
		user,
		chain,
		isAdmin,
		isDrafter,
		inboxCount,
		reportsOwed,
		reportsOverdue,
		reportsToAcknowledge,
		organisationId,
		work,
		requests,
		approvesFor,
		today,
		overview,
	} = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	const waiting = Boolean(inboxCount || reportsOwed || reportsToAcknowledge)
	return (
		<>
			<h1>{t('home.greeting', { name: user.fullName })}</h1>
			<div className="panel">
				<p>
					{user.title ? `${user.title}. ` : ''}
					{t('home.intro', { organisation: user.organisationName })}
				</p>
				<p className="muted">
					{t('home.roles', {
						roles: user.roles.map(r => t(`role.${r}`)).join(', '),
					})}
				</p>
			</div>
			{isDrafter ? <DrafterWork rows={work} today={today} /> : null}
			<RequestWork rows={requests} today={today} />
			{/* An approver is told when nothing waits for them. */}
			{waiting || overview ? (
				<div className="panel highlight">
					<h2>{t('home.needsMe')}</h2>
					{waiting ? (
						<ul className="needs-me">
							{inboxCount ? (
								<li>
									<Link to="/inbox">
										{t('home.inbox', { count: inboxCount })}
									</Link>
								</li>
							) : null}
							{reportsOwed ? (
								<li>
									<Link to="/reports?sort=late">
										{t('home.reportsOwed', { count: reportsOwed })}
									</Link>
									{reportsOverdue ? (
										<>
											{' '}
											<span className="late">
												{t('home.reportsOverdue', { count: reportsOverdue })}
											</span>
										</>
									) : null}
								</li>
							) : null}
							{reportsToAcknowledge ? (
								<li>
									<Link to="/inbox">
										{t('home.reportsToAcknowledge', {
											count: reportsToAcknowledge,
										})}
									</Link>
								</li>
							) : null}
						</ul>
					) : (
						<p>{t('home.nothingWaits')}</p>
					)}
				</div>
			) : null}
			{overview ? (
				<>
					<MyDecisions rows={overview.decided} />
					<DelegationsAtHand {...overview} />
				</>
			) : null}
			<div className="panel">
				<h2>{t('home.plans')}</h2>
				<div className="actions">
					<Link className="button secondary" to="/plans">
						{t('nav.plans')}
					</Link>
					{isDrafter ? (
						<Link className="button" to="/plans/new">
							{t('plan.new')}
						</Link>
					) : null}
				</div>
			</div>
			<div className="panel">
				<h2>
					{chain || !approvesFor.length
						? t('home.chain')
						: t('home.approvesForTitle')}
				</h2>
				{chain ? (
					<ol className="chain-view">
						{chain.steps.map(step => (
							<li key={step.position}>
								{locale === 'en' && step.label_en
									? step.label_en
									: step.label_vi}
								{step.optional ? (
									<>
										{' '}
										<span className="badge">{t('chain.optionalBadge')}</span>
									</>
								) : null}
							</li>
						))}
					</ol>
				) : approvesFor.length ? (
					<>
						<p>{t('home.approvesFor')}</p>
						<ul>
							{approvesFor.map(c => (
								<li key={c.organisation_id}>
									{c.organisation_short_name} (
									{locale === 'en' && c.label_en ? c.label_en : c.label_vi})
								</li>
							))}
						</ul>
						<p className="muted">{t('home.approvesForHow')}</p>
					</>
				) : (
					<p className="muted">{t('home.noChain')}</p>
				)}
			</div>
			{isAdmin ? (
				<div className="panel">
					<h2>{t('home.adminLinks')}</h2>
					<div className="actions">
						<Link className="button secondary" to="/admin/organisations">
							{t('nav.organisations')}
						</Link>
						<Link className="button secondary" to="/admin/users">
							{t('nav.users')}
						</Link>
						<Link
							className="button secondary"
							to={`/admin/organisations/${organisationId}/chain`}
						>
							{t('org.chain')}
						</Link>
					</div>
				</div>
			) : null}
		</>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('nav.home')])
