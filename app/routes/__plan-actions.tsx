import {
	Form,
	Link,
	useActionData,
	useLoaderData,
	useNavigation,
} from '@remix-run/react'
import { ErrorList } from '#app/components/forms.tsx'
import { DecisionConfirm } from '#app/components/step-approvals.tsx'
import { useT } from '#app/utils/i18n.tsx'
import type { loadPlanPage, planPageAction } from './__plan-page.server.ts'

/** The plan page's decision panel (asking once more before a decision), submit/withdraw and the edit link. */
export function PlanActions() {
	const { plan, actions, canEdit } = useLoaderData<typeof loadPlanPage>()
	const actionData = useActionData<typeof planPageAction>()
	const t = useT()
	const busy = useNavigation().state !== 'idle'
	const decisions = (
		[
			'APPROVE',
			'RETURN',
			'REJECT',
			'ACKNOWLEDGE_REPORT',
			'RETURN_REPORT',
		] as const
	).filter(intent => actions.includes(intent))
	const decisionErrors = decisions.some(d => d === actionData?.intent)
		? actionData?.errors
		: null
	const style = {
		APPROVE: '',
		RETURN: 'secondary',
		REJECT: 'danger',
		ACKNOWLEDGE_REPORT: '',
		RETURN_REPORT: 'secondary',
	} as const
	const aboutReport = decisions.some(d => d.endsWith('_REPORT'))
	const plain = (['SUBMIT', 'RESUBMIT', 'WITHDRAW'] as const).filter(intent =>
		actions.includes(intent),
	)
	// An approved plan's amendment link is with the trip's forms.
	const editLink = canEdit && plan.status !== 'approved'
	if (!decisions.length && !plain.length && !editLink) return null
	const confirm =
		actionData && 'confirm' in actionData ? actionData.confirm : null
	if (confirm)
		return (
			<DecisionConfirm
				intent={confirm.intent}
				name={confirm.name || t('plan.notSet')}
				comment={actionData?.comment ?? ''}
				version={plan.version}
				busy={busy}
			/>
		)
	return (
		<section className="panel actions-panel">
			{decisions.length ? (
				<Form method="post" className="decision">
					<input type="hidden" name="version" value={plan.version} />
					{decisions.some(d => d.endsWith('_REPORT')) ? null : (
						<input type="hidden" name="stage" value="ask" />
					)}
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
						{t(aboutReport ? 'report.commentHint' : 'plan.commentHint')}
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
				{editLink ? (
					<Link className="button secondary" to="edit">
						{t('common.edit')}
					</Link>
				) : null}
				{plain.map(intent => (
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
