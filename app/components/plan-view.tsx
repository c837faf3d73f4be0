import {
	type AnswerView,
	WrittenAnswerLine,
} from '#app/components/written-answer.tsx'
import { formatDateTime } from '#lib/format.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { type Locale } from '#lib/enums.ts'
import { type Translate } from '#lib/i18n/message.ts'
import { type diffPlans } from '#workflows/plans/plan-display.ts'
import { stepIndexOf } from '#workflows/plans/plan-status.ts'

export interface Step {
	id: string
	label_vi: string
	label_en: string
	organisation_short_name: string
}

export interface PlanEventRow {
	id: string
	event: string
	from_status: string
	to_status: string
	comment: string | null
	created_at: string
	actor_name: string
	actor_organisation: string
	/** The approver a substitute decided for. */
	on_behalf_name?: string | null
	/** 'link' when decided through an email's link rather than on a signed-in page. */
	via?: 'page' | 'link'
	/** The new timing of a postponement or amendment. */
	timing?: {
		plan_year: number
		timing_kind: 'year' | 'month' | 'dates'
		timing_month: number | null
		start_date: string | null
		end_date: string | null
	} | null
	/** A change made through the edit page that kept the approval. */
	edited?: boolean
	/** A partial approval at a step that needs several: how many it has and needs. */
	approvals?: { count: number; required: number } | null
}

/** Statuses whose wording differs for an inbound delegation ("Đoàn đến", "Đoàn rời đi"). */
export const INBOUND_WORDING = new Set([
	'departed',
	'trip_done',
	'DEPART',
	'COMPLETE_TRIP',
])

function stepLabelIn(
	locale: Locale,
	step: Pick<Step, 'label_vi' | 'label_en'>,
) {
	return locale === 'en' && step.label_en ? step.label_en : step.label_vi
}

function useStepLabel() {
	const locale = useLocale()
	return (step: Pick<Step, 'label_vi' | 'label_en'>) =>
		stepLabelIn(locale, step)
}

const DECISION_STATE = {
	APPROVE: 'done',
	RETURN: 'returned',
	REJECT: 'rejected',
} as const
const DECISION_TEXT = {
	APPROVE: 'plan.stepDone',
	RETURN: 'plan.stepReturned',
	REJECT: 'plan.stepRejected',
} as const

/** "Chờ Tỉnh ủy duyệt" for a plan at a step; `stepLabel` names the step when the caller knows it. */
export function StatusBadge(props: BadgeOptions & { status: string }) {
	return statusBadge(props.status, useT(), useLocale(), props)
}

interface BadgeOptions {
	steps?: Pick<Step, 'label_vi' | 'label_en'>[]
	stepLabel?: string | null
	direction?: 'out' | 'in'
}

/** StatusBadge without hooks, for a list that shows many (a long timeline has two per event). */
export function statusBadge(
	status: string,
	t: Translate,
	locale: Locale,
	{ steps, stepLabel, direction }: BadgeOptions,
) {
	const index = stepIndexOf(status)
	const step = index === null ? undefined : steps?.[index]
	const name =
		index === null
			? null
			: (stepLabel ?? (step ? stepLabelIn(locale, step) : null))
	const text =
		index === null
			? t(
					`status.${status}${direction === 'in' && INBOUND_WORDING.has(status) ? '.in' : ''}`,
				)
			: name
				? t('status.step', { label: name })
				: t('status.pending')
	const tone = index !== null ? 'pending' : status
	return <span className={`status status-${tone}`}>{text}</span>
}

/** The chain in order; `steps` are the ones this plan climbs, other chain steps show as not applying. */
export function PlanChain({
	chain,
	steps,
	status,
	events,
	answers = [],
	planId,
}: {
	chain: Step[]
	steps: Step[]
	status: string
	events: PlanEventRow[]
	answers?: AnswerView[]
	planId?: string
}) {
	const t = useT()
	const label = useStepLabel()
	const current = stepIndexOf(status)
	const roundStart = events.findLastIndex(
		e => e.event === 'SUBMIT' || e.event === 'RESUBMIT' || e.event === 'AMEND',
	)
	const round = roundStart < 0 ? [] : events.slice(roundStart)
	return (
		<section className="panel">
			<h2>{t('plan.chain')}</h2>
			<ol className="chain-steps">
				{chain.map(step => {
					const index = steps.findIndex(s => s.id === step.id)
					if (index < 0)
						return (
							<li key={step.id} className="chain-step chain-step-skipped">
								<strong>{label(step)}</strong>
								<span className="muted">{t('plan.stepSkipped')}</span>
							</li>
						)
					// The last decision taken at this step since the plan was last sent up the chain.
					const decision = round.findLast(
						e =>
							['APPROVE', 'RETURN', 'REJECT'].includes(e.event) &&
							stepIndexOf(e.from_status) === index,
					)
					const state = decision
						? DECISION_STATE[decision.event as keyof typeof DECISION_STATE]
						: current === index
							? 'current'
							: 'waiting'
					const decided = decision && {
						name: decision.actor_name,
						time: formatDateTime(decision.created_at),
					}
					return (
						<li key={step.id} className={`chain-step chain-step-${state}`}>
							<strong>{label(step)}</strong>
							{step.organisation_short_name !== label(step) ? (
								<span className="muted">{step.organisation_short_name}</span>
							) : null}
							<span>
								{decided
									? t(
											DECISION_TEXT[
												decision.event as keyof typeof DECISION_TEXT
											],
											decided,
										)
									: state === 'current'
										? t('plan.stepCurrent')
										: t('plan.stepWaiting')}
							</span>
							{answers
								.filter(a => String(a.plan_event_id) === String(decision?.id))
								.map(a => (
									<WrittenAnswerLine key={a.id} answer={a} planId={planId!} />
								))}
						</li>
					)
				})}
			</ol>
		</section>
	)
}

/** A returned or rejected plan opens with who sent it back, when, and what they asked. */
export function LastDecision({
	events,
	status,
}: {
	events: Pick<
		PlanEventRow,
		'event' | 'actor_name' | 'actor_organisation' | 'created_at' | 'comment'
	>[]
	status: string
}) {
	const t = useT()
	const kind =
		status === 'returned' ? 'RETURN' : status === 'rejected' ? 'REJECT' : null
	const decision = kind ? events.findLast(e => e.event === kind) : undefined
	if (!decision) return null
	return (
		<section className={`panel callout callout-${status}`} role="note">
			<p>
				{t(kind === 'RETURN' ? 'plan.returnedBy' : 'plan.rejectedBy', {
					name: decision.actor_name,
					organisation: decision.actor_organisation,
					time: formatDateTime(decision.created_at),
				})}
			</p>
			<blockquote>{decision.comment}</blockquote>
		</section>
	)
}

/** What changed between two versions of the plan (after a return, or since its approval). */
export function PlanChanges({
	title,
	diff,
}: {
	title: string
	diff: ReturnType<typeof diffPlans>
}) {
	const t = useT()
	const any =
		diff.fields.length || diff.membersAdded.length || diff.membersRemoved.length
	return (
		<section className="panel">
			<h2>{title}</h2>
			{any ? (
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
									<td className="pre added">{diff.membersAdded.join('\n')}</td>
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
	)
}
