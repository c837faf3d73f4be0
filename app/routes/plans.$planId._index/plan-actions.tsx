import {
	Form,
	Link,
	useActionData,
	useLoaderData,
	useNavigation,
} from '@remix-run/react'
import { ErrorList } from '#app/components/forms.tsx'
import {
	DecisionConfirm,
	DecisionForm,
} from '#app/components/step-approvals.tsx'
import { WrittenAnswerFields } from '#app/components/written-answer.tsx'
import { useT } from '#app/utils/i18n.tsx'
import type { loadPlanPage, planPageAction } from './plan-page.server.ts'

/** The plan page's decision panel (asking once more before a decision), submit/withdraw and the edit link. */
export function PlanActions() {
	const { plan, actions, canEdit, answerRequired } =
		useLoaderData<typeof loadPlanPage>()
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
			>
				<WrittenAnswerFields
					required={answerRequired && confirm.intent === 'APPROVE'}
					errors={
						actionData && 'answerErrors' in actionData
							? actionData.answerErrors
							: undefined
					}
				/>
			</DecisionConfirm>
		)
	return (
		<section className="panel actions-panel">
			{decisions.length ? (
				<DecisionForm
					intents={decisions}
					version={plan.version}
					ask={!aboutReport}
					comment={actionData?.comment ?? ''}
					errors={decisionErrors}
					hint={t(aboutReport ? 'report.commentHint' : 'plan.commentHint')}
					busy={busy}
				/>
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
