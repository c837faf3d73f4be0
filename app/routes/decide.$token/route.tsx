import {
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import {
	Form,
	Link,
	useActionData,
	useLoaderData,
	useNavigation,
} from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList } from '#app/components/forms.tsx'
import { db } from '#db/client.server.ts'
import { getPlanPage } from '#db/repos/plan.server.ts'
import { getUser } from '#app/utils/auth.server.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { localeCookie, parseLocale } from '#app/utils/locale.server.ts'
import { recordToDraft } from '#workflows/plans/plan-mapping.ts'
import { stepIndexOf } from '#workflows/plans/plan-status.ts'
import { planWorkflow } from '#workflows/plans/plan.server.ts'
import {
	checkDecisionLink,
	decideByLink,
	findDecisionLink,
	type LinkProblem,
} from '#workflows/plans/decide-by-email.server.ts'
import { CurrentState, PlanSummary, Problem } from './decide-view.tsx'
import { pageTitle } from '#app/utils/meta.ts'
import { web } from '#app/utils/domain.server.ts'
import { tooLong } from '#lib/form-errors.ts'

const CommentSchema = z
	.string()
	.trim()
	.max(4000, { error: tooLong(4000) })
	.optional()
	.default('')

// The page speaks the approver's language (see useLocale), unless the browser chose one.
export const handle = { readerLocale: true }

/** Reachable without signing in: the token alone says who decides, on which plan and step. */
export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: LoaderFunctionArgs) => {
			const reader = await getUser(request)
			const chosen = await localeCookie.parse(request.headers.get('cookie'))
			const token = await findDecisionLink(db, params.token ?? '')
			const page = token ? await getPlanPage(db, token.plan_id) : null
			if (!token || !page)
				return json({
					locale: null,
					problem: 'invalid' as LinkProblem,
					link: null,
					approverName: null,
				})
			const workflow = planWorkflow(page, page.chain_steps)
			const { problem, onBehalfOf } = await checkDecisionLink(
				db,
				token,
				page,
				workflow,
				new Date(),
				reader?.id ?? null,
			)
			// Signed in as someone else: say so, and show nothing of the plan.
			if (problem === 'otherUser')
				return json({
					locale: null,
					problem,
					link: null,
					approverName: token.approver_name,
				})
			const steps = workflow?.steps ?? page.chain_steps
			const linkStep = steps[stepIndexOf(token.step_status) ?? -1]
			return json({
				locale: chosen ? parseLocale(chosen) : token.approver_locale,
				problem,
				link: {
					action: token.action,
					approverName: token.approver_name,
					onBehalfOf: onBehalfOf?.full_name ?? null,
					stepLabel: linkStep
						? { vi: linkStep.label_vi, en: linkStep.label_en }
						: null,
				},
				plan: {
					id: page.id,
					name: page.name,
					status: page.status,
					direction: page.direction,
					organisation_name: page.organisation_name,
					partner_name: page.partner_org_name,
				},
				draft: recordToDraft(page),
				steps,
				events: page.events.map(e => ({
					event: e.event,
					actor_name: e.actor_name,
					actor_organisation: e.actor_organisation,
					created_at: e.created_at,
					comment: e.comment,
				})),
			})
		},
	)

export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(
		async ({ request, params }: ActionFunctionArgs) => {
			const token = params.token ?? ''
			const formData = await request.formData()
			const typed = String(formData.get('comment') ?? '')
			const comment = CommentSchema.safeParse(
				formData.get('comment') ?? undefined,
			)
			if (!comment.success)
				return json(
					{ errors: comment.error.issues.map(i => i.message), comment: typed },
					{ status: 400 },
				)
			const link = await findDecisionLink(db, token)
			if (link?.action === 'return' && !comment.data)
				return json(
					{ errors: ['plan.commentRequired'], comment: typed },
					{ status: 400 },
				)
			const reader = await getUser(request)
			const result = await decideByLink(
				db,
				token,
				comment.data,
				new Date(),
				reader?.id ?? null,
			)
			if (result.status === 'refused')
				return json({ problem: result.problem }, { status: 409 })
			return json({ done: { approvals: result.approvals ?? null } })
		},
	)

export default function DecideRoute() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const t = useT()
	const locale = useLocale()
	const done = actionData && 'done' in actionData ? actionData.done : null
	const problem =
		actionData && 'problem' in actionData ? actionData.problem : data.problem
	if (!data.link)
		return (
			<Problem
				problem={data.problem ?? 'invalid'}
				name={data.approverName ?? ''}
			/>
		)
	const { link, plan } = data
	const name = plan.name || t('plan.notSet')
	const stepLabel = link.stepLabel
		? locale === 'en' && link.stepLabel.en
			? link.stepLabel.en
			: link.stepLabel.vi
		: ''
	const summary = (
		<PlanSummary
			name={name}
			plan={plan}
			draft={data.draft as never}
			locale={locale}
		/>
	)
	const current = (
		<CurrentState plan={plan} steps={data.steps} events={data.events} />
	)
	const title = <h1>{t(`decide.title.${link.action}`)}</h1>
	if (done)
		return (
			<>
				{title}
				<p className="toast toast-success" role="status">
					{done.approvals
						? t('decide.done.approvePartial', {
								approved: done.approvals.count,
								required: done.approvals.required,
							})
						: t(`decide.done.${link.action}`, { name })}
				</p>
				{current}
			</>
		)
	if (problem)
		return (
			<>
				<Problem problem={problem} />
				{current}
				{summary}
			</>
		)
	const errors = actionData && 'errors' in actionData ? actionData.errors : null
	return (
		<>
			{title}
			<p className="muted">
				{t('decide.for', { name: link.approverName })}
				{link.onBehalfOf
					? ` ${t('decide.onBehalf', { principal: link.onBehalfOf })}`
					: null}
			</p>
			<section
				className="panel confirm-panel"
				aria-labelledby="decide-question"
			>
				<p id="decide-question">
					<strong>
						{t(`decide.question.${link.action}`, { name, step: stepLabel })}
					</strong>
				</p>
				<Form method="post" className="decision">
					<label>
						{t(`decide.comment.${link.action}`)}
						<textarea
							name="comment"
							rows={3}
							required={link.action === 'return'}
							defaultValue={
								actionData && 'comment' in actionData ? actionData.comment : ''
							}
							aria-invalid={errors?.length ? true : undefined}
						/>
					</label>
					<ErrorList errors={errors} />
					<p className="hint">{t('decide.hint')}</p>
					<div className="actions">
						<button
							type="submit"
							className={link.action === 'return' ? 'secondary' : ''}
							disabled={navigation.state !== 'idle'}
						>
							{t(`decide.confirm.${link.action}`)}
						</button>
						<Link to={`/plans/${plan.id}`}>{t('decide.viewPlan')}</Link>
					</div>
				</Form>
			</section>
			{summary}
		</>
	)
}

// The link is a one-time key: keep it out of search engines and of Referer headers.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
	...pageTitle(matches, t => [
		data?.link && t(`decide.title.${data.link.action}`),
		data && 'plan' in data ? data.plan.name : null,
	]),
	{ name: 'robots', content: 'noindex' },
	{ name: 'referrer', content: 'no-referrer' },
]

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
