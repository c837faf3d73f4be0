import {
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
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
import {
	getPlanEventSnapshot,
	getPlanPage,
	type latestPlanEvent,
} from '#db/repos/plan.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { invariantResponse } from '#app/utils/misc.ts'
import { forbidden, notFound } from '#app/utils/permissions.server.ts'
import {
	requireVisiblePlan,
	workflowActor,
} from '#app/utils/plan-access.server.ts'
import { describePlan, diffPlans } from '#app/utils/plan-display.ts'
import { recordToDraft } from '#app/utils/plan-mapping.ts'
import { completenessIssues } from '#app/utils/plan-schema.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import {
	type PlanEventType,
	stepIndexOf,
} from '#workflows/plan/plan.machine.ts'
import {
	applyPlanEvent,
	availableEvents,
	planWorkflow,
} from '#workflows/plan/plan.server.ts'
import {
	LastDecision,
	PlanChain,
	PlanDetails,
	PlanTimeline,
	StatusBadge,
} from './__plan-view.tsx'

// Events this page sends; the trip's events carry dates and reasons and have their own forms.
const APPROVAL_EVENTS = [
	'SUBMIT',
	'APPROVE',
	'RETURN',
	'REJECT',
	'WITHDRAW',
	'RESUBMIT',
] as const

const DecisionSchema = z
	.object({
		intent: z.enum(APPROVAL_EVENTS),
		version: z.coerce.number().int(),
		comment: z.string().trim().max(4000, { error: 'error.tooLong' }).optional(),
	})
	.refine(d => !['RETURN', 'REJECT'].includes(d.intent) || d.comment, {
		path: ['comment'],
		error: 'plan.commentRequired',
	})

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const planId = await requireVisiblePlan(user, params.planId)
	const page = await getPlanPage(db, planId)
	invariantResponse(page, 'error.notFound')
	const workflow = planWorkflow(page, page.chain_steps)
	const actions = workflow
		? availableEvents(workflow.snapshot, workflowActor(user))
		: []
	const canEdit =
		page.organisation_id === user.organisationId &&
		user.roles.includes('drafter') &&
		['drafting', 'returned'].includes(page.status)

	// After a return and resubmission, approvers see what changed since the version they returned.
	const lastReturn = page.events.findLast(e => e.event === 'RETURN')
	const returnedSnapshot =
		lastReturn && stepIndexOf(page.status) !== null
			? await getPlanEventSnapshot(db, planId, lastReturn.id)
			: null

	const {
		events,
		chain_steps,
		attachments,
		workflow_snapshot: _snapshot,
		...record
	} = page
	return json({
		plan: record,
		draft: recordToDraft(record),
		returned: returnedSnapshot && {
			draft: recordToDraft(returnedSnapshot),
			partnerName: returnedSnapshot.partner_org_name,
			by: lastReturn!.actor_name,
			at: lastReturn!.created_at,
		},
		events,
		chain: chain_steps,
		steps: workflow?.steps ?? chain_steps,
		attachments: attachments.map(({ id, file_name, size }) => ({
			id,
			file_name,
			size,
		})),
		actions,
		canEdit,
	})
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request)
	const planId = await requireVisiblePlan(user, params.planId)
	const formData = await request.formData()
	const typed = String(formData.get('comment') ?? '')
	/** A refusal keeps what the user typed and says why, next to the decision form. */
	const refuse = (
		intent: PlanEventType | null,
		status: number,
		errors: string[],
		conflict: Awaited<ReturnType<typeof latestPlanEvent>> | null = null,
	) => json({ intent, comment: typed, errors, conflict }, { status })

	const parsed = DecisionSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) {
		const intent = z.enum(APPROVAL_EVENTS).safeParse(formData.get('intent'))
		return refuse(
			intent.data ?? null,
			400,
			parsed.error.issues.map(i => i.message),
		)
	}
	const { intent, version, comment } = parsed.data
	const event = {
		type: intent,
		actor: workflowActor(user),
		comment: comment ?? '',
	}
	const result = await db.transaction().execute(trx =>
		applyPlanEvent(trx, {
			planId,
			expectedVersion: version,
			event,
			validate: record => completenessIssues(recordToDraft(record)),
		}),
	)
	switch (result.status) {
		case 'ok':
			return redirectWithToast(`/plans/${planId}`, {
				type: 'success',
				message: `plan.done.${intent}`,
			})
		case 'conflict':
			return refuse(intent, 409, [], result.last)
		case 'incomplete':
			return refuse(intent, 400, [
				'plan.incomplete',
				...new Set(result.issues.map(i => i.message)),
			])
		case 'no_chain':
			return refuse(intent, 400, ['plan.noChain'])
		case 'wrong_state':
			return refuse(intent, 409, ['plan.wrongState'])
		case 'forbidden':
			throw forbidden()
		case 'not_found':
			throw notFound()
	}
}

export default function PlanRoute() {
	const data = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	const { plan } = data
	const diff = data.returned
		? diffPlans(
				{
					plan: data.returned.draft as never,
					partnerName: data.returned.partnerName,
				},
				{ plan: data.draft as never, partnerName: plan.partner_org_name },
				t,
				locale,
			)
		: null
	return (
		<>
			<div className="toolbar">
				<h1>{plan.name || t('plan.notSet')}</h1>
				<StatusBadge status={plan.status} steps={data.steps} />
			</div>
			<p className="muted">
				{plan.organisation_name} · {t(`plan.direction.${plan.direction}`)} ·{' '}
				{t('plan.year.value', { year: plan.plan_year })}
			</p>
			{actionData?.conflict ? (
				<p className="form-error" role="alert">
					{t('plan.conflict', {
						name: actionData.conflict.actor_name,
						action: t(`event.${actionData.conflict.event}`).toLowerCase(),
						time: formatDateTime(actionData.conflict.created_at),
					})}
				</p>
			) : null}
			<LastDecision events={data.events} status={plan.status} />
			{data.actions.length || data.canEdit ? <Actions /> : null}
			{diff ? (
				<section className="panel">
					<h2>
						{t('plan.changesSince', {
							name: data.returned!.by,
							time: formatDateTime(data.returned!.at),
						})}
					</h2>
					{diff.fields.length ||
					diff.membersAdded.length ||
					diff.membersRemoved.length ? (
						<div className="table-wrap">
							<table>
								<thead>
									<tr>
										<th>{t('plan.changes.field')}</th>
										<th>{t('plan.changes.before')}</th>
										<th>{t('plan.changes.after')}</th>
									</tr>
								</thead>
								<tbody>
									{diff.fields.map(row => (
										<tr key={row.label}>
											<td>{row.label}</td>
											<td className="pre removed">{row.before}</td>
											<td className="pre added">{row.after}</td>
										</tr>
									))}
									{diff.membersAdded.length ? (
										<tr>
											<td>{t('plan.changes.membersAdded')}</td>
											<td />
											<td className="pre added">
												{diff.membersAdded.join('\n')}
											</td>
										</tr>
									) : null}
									{diff.membersRemoved.length ? (
										<tr>
											<td>{t('plan.changes.membersRemoved')}</td>
											<td className="pre removed">
												{diff.membersRemoved.join('\n')}
											</td>
											<td />
										</tr>
									) : null}
								</tbody>
							</table>
						</div>
					) : (
						<p className="muted">{t('plan.changes.none')}</p>
					)}
				</section>
			) : null}
			<PlanChain
				chain={data.chain}
				steps={data.steps}
				status={plan.status}
				events={data.events}
			/>
			<PlanDetails
				rows={describePlan(
					data.draft as never,
					plan.partner_org_name,
					t,
					locale,
				)}
				draft={data.draft as never}
				attachments={data.attachments}
				planId={plan.id}
			/>
			<PlanTimeline events={data.events} steps={data.steps} />
		</>
	)
}

function Actions() {
	const { plan, actions, canEdit } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const t = useT()
	const busy = navigation.state !== 'idle'
	const decisions = (['APPROVE', 'RETURN', 'REJECT'] as const).filter(intent =>
		actions.includes(intent),
	)
	const decisionErrors = decisions.some(d => d === actionData?.intent)
		? actionData?.errors
		: null
	const style = { APPROVE: '', RETURN: 'secondary', REJECT: 'danger' } as const
	return (
		<section className="panel actions-panel">
			{decisions.length ? (
				<Form method="post" className="decision">
					<input type="hidden" name="version" value={plan.version} />
					<label>
						{t('plan.comment')}
						<textarea
							name="comment"
							rows={3}
							defaultValue={actionData?.comment ?? ''}
							aria-invalid={decisionErrors?.length ? true : undefined}
							aria-describedby="decision-hint"
						/>
					</label>
					<p id="decision-hint" className="hint">
						{t('plan.commentHint')}
					</p>
					<ErrorList errors={decisionErrors} />
					<div className="actions">
						{decisions.map(intent => (
							<button
								key={intent}
								type="submit"
								name="intent"
								value={intent}
								className={style[intent]}
								disabled={busy}
							>
								{t(`plan.action.${intent.toLowerCase()}`)}
							</button>
						))}
					</div>
				</Form>
			) : null}
			<div className="actions">
				{canEdit ? (
					<Link className="button secondary" to="edit">
						{t('common.edit')}
					</Link>
				) : null}
				{(['SUBMIT', 'RESUBMIT', 'WITHDRAW'] as const)
					.filter(intent => actions.includes(intent))
					.map(intent => (
						<Form method="post" key={intent} className="inline">
							<input type="hidden" name="version" value={plan.version} />
							<button
								type="submit"
								name="intent"
								value={intent}
								className={intent === 'WITHDRAW' ? 'danger' : ''}
								disabled={busy}
							>
								{t(`plan.action.${intent.toLowerCase()}`)}
							</button>
						</Form>
					))}
			</div>
			{['SUBMIT', 'RESUBMIT', 'WITHDRAW'].includes(actionData?.intent ?? '') ? (
				<ErrorList errors={actionData?.errors} />
			) : null}
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
