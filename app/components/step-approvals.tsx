import { type ReactNode } from 'react'
import { Form, Link } from '@remix-run/react'
import { ErrorList } from '#app/components/forms.tsx'
import { formatDateTime } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'

export interface StepDecisionsView {
	rule: 'any' | 'all' | 'min'
	required: number
	total: number
	approved: number
	people: { id: string; full_name: string; approved_at: string | null }[]
}

/** Who at the current step has agreed and who has not yet, and how many must agree. */
export function StepDecisions({ decisions }: { decisions: StepDecisionsView }) {
	const t = useT()
	const { rule, required, total, approved, people } = decisions
	return (
		<section className="panel" aria-labelledby="step-approvals-title">
			<h2 id="step-approvals-title">{t('approvals.title')}</h2>
			<p>
				<strong>{t(`approvals.rule.${rule}`, { required, total })}</strong>
				{rule === 'any'
					? null
					: ` · ${t('approvals.progress', { approved, required })}`}
			</p>
			{people.length ? (
				<ul className="step-approvers">
					{people.map(p => (
						<li key={p.id}>
							{p.full_name}:{' '}
							{p.approved_at ? (
								<span className="badge">
									{t('approvals.approvedAt', {
										time: formatDateTime(p.approved_at),
									})}
								</span>
							) : (
								<span className="muted">{t('approvals.waiting')}</span>
							)}
						</li>
					))}
				</ul>
			) : (
				<p className="muted">{t('approvals.none')}</p>
			)}
		</section>
	)
}

export const CONFIRMED_DECISIONS = ['APPROVE', 'RETURN', 'REJECT'] as const
export type ConfirmedDecision = (typeof CONFIRMED_DECISIONS)[number]

/**
 * The second step of a decision: names the plan and asks once more. A plain form, so it works
 * without JavaScript; "No" goes back to the plan page without deciding.
 */
export function DecisionConfirm({
	intent,
	name,
	comment,
	version,
	busy,
	children,
}: {
	intent: ConfirmedDecision
	name: string
	comment: string
	version: number
	busy: boolean
	/** Extra fields sent with the decision (the written answer and its file). */
	children?: ReactNode
}) {
	const t = useT()
	return (
		<section
			className="panel confirm-panel"
			role="alertdialog"
			aria-labelledby="confirm-title"
			aria-describedby="confirm-question"
		>
			<h2 id="confirm-title">{t('confirm.title')}</h2>
			<p id="confirm-question">
				<strong>{t(`confirm.question.${intent}`, { name })}</strong>
			</p>
			{comment ? <p>{t('confirm.comment', { comment })}</p> : null}
			<Form
				method="post"
				encType={children ? 'multipart/form-data' : undefined}
			>
				<input type="hidden" name="version" value={version} />
				<input type="hidden" name="comment" value={comment} />
				{children}
				<div className="actions">
					<button
						type="submit"
						name="intent"
						value={intent}
						className={
							intent === 'REJECT'
								? 'danger'
								: intent === 'RETURN'
									? 'secondary'
									: ''
						}
						disabled={busy}
						autoFocus
					>
						{t(`confirm.yes.${intent}`)}
					</button>
					<Link className="button secondary" to="." replace>
						{t('confirm.cancel')}
					</Link>
				</div>
			</Form>
		</section>
	)
}

const DECISION_STYLE: Record<string, string> = {
	RETURN: 'secondary',
	REJECT: 'danger',
	RETURN_REPORT: 'secondary',
}

/**
 * The comment box and decision buttons on a plan or its report. With `ask`, the server first
 * asks once more (DecisionConfirm) before deciding.
 */
export function DecisionForm({
	intents,
	version,
	ask,
	comment,
	errors,
	hint,
	busy,
}: {
	intents: readonly string[]
	version: number
	ask: boolean
	comment: string
	errors?: string[] | null
	hint: string
	busy: boolean
}) {
	const t = useT()
	return (
		<Form method="post" className="decision">
			<input type="hidden" name="version" value={version} />
			{ask ? <input type="hidden" name="stage" value="ask" /> : null}
			<label>
				{t('plan.comment')}
				<textarea
					name="comment"
					rows={3}
					defaultValue={comment}
					aria-invalid={errors?.length ? true : undefined}
					aria-describedby="decision-hint"
				/>
			</label>
			<p id="decision-hint" className="hint">
				{hint}
			</p>
			<ErrorList errors={errors} />
			<div className="actions">
				{intents.map(intent => (
					<button
						key={intent}
						type="submit"
						name="intent"
						value={intent}
						className={DECISION_STYLE[intent] ?? ''}
						disabled={busy}
					>
						{t(`plan.action.${intent.toLowerCase()}`)}
					</button>
				))}
			</div>
		</Form>
	)
}
