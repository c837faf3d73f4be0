import {
	type AnswerView,
	WrittenAnswerLine,
} from '#app/components/written-answer.tsx'
import { Link } from '@remix-run/react'
import { formatDateTime, formatIsoDate, formatNumber } from '#lib/format.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { timingText } from '#workflows/plans/plan-display.ts'
import { stepIndexOf } from '#workflows/plans/plan-status.ts'
import {
	INBOUND_WORDING,
	type PlanEventRow,
	statusBadge,
	type Step,
} from './plan-view.tsx'

/** From entering a step to leaving it, in days and hours ("2 ngày 3 giờ"). */
function stepDuration(
	from: string,
	to: string,
	t: (key: string, params?: Record<string, string | number>) => string,
) {
	const hours = Math.floor(
		(new Date(to).getTime() - new Date(from).getTime()) / 3_600_000,
	)
	if (hours < 1) return t('substitutes.underHour')
	const days = Math.floor(hours / 24)
	return [
		days ? t('substitutes.days', { n: days }) : '',
		hours % 24 ? t('substitutes.hours', { n: hours % 24 }) : '',
	]
		.filter(Boolean)
		.join(' ')
}

export function PlanTimeline({
	events,
	total = events.length,
	steps,
	direction,
	tripDates,
	answers = [],
	planId,
}: {
	answers?: AnswerView[]
	planId?: string
	events: PlanEventRow[]
	/** All the plan's events, when `events` are only the latest of them. */
	total?: number
	steps: Step[]
	direction?: 'out' | 'in'
	/** The dates the trip's events recorded, shown with them. */
	tripDates?: { DEPART?: string | null; COMPLETE_TRIP?: string | null }
}) {
	const t = useT()
	const locale = useLocale()
	const badge = { steps, direction }
	const inbound = (key: string) =>
		direction === 'in' && INBOUND_WORDING.has(key) ? '.in' : ''
	if (!events.length) return null
	// An event that leaves a step: when the plan entered it (partial approvals do not leave it).
	const entered = events.map((e, i) =>
		stepIndexOf(e.from_status) !== null && e.from_status !== e.to_status
			? (events
					.slice(0, i)
					.findLast(
						p => p.to_status === e.from_status && p.from_status !== p.to_status,
					)?.created_at ?? null)
			: null,
	)
	return (
		<section className="panel">
			<h2>{t('plan.timeline')}</h2>
			{total > events.length ? (
				<p className="muted">
					{t('timeline.latest', {
						shown: events.length,
						total: formatNumber(total),
					})}{' '}
					<Link to="?timeline=all">
						{t('timeline.showAll', { total: formatNumber(total) })}
					</Link>
				</p>
			) : null}
			<ol className="timeline">
				{events.map((e, i) => (
					<li key={e.id}>
						<div>
							<strong>
								{e.edited
									? t('event.EDIT_APPROVED')
									: e.approvals
										? t('event.APPROVE_PARTIAL.count', {
												approved: e.approvals.count,
												required: e.approvals.required,
											})
										: t(`event.${e.event}${inbound(e.event)}`)}
							</strong>{' '}
							—{' '}
							{e.on_behalf_name
								? t('substitutes.onBehalf', {
										substitute: e.actor_name,
										principal: e.on_behalf_name,
									})
								: e.actor_name}{' '}
							({e.actor_organisation})
							{e.via === 'link' ? ` · ${t('timeline.viaLink')}` : null}
						</div>
						{entered[i] ? (
							<div className="muted">
								{t('substitutes.stepTook', {
									duration: stepDuration(entered[i]!, e.created_at, t),
								})}
							</div>
						) : null}
						<div className="muted">
							<time dateTime={e.created_at}>
								{formatDateTime(e.created_at)}
							</time>{' '}
							· {statusBadge(e.from_status, t, locale, badge)} →{' '}
							{statusBadge(e.to_status, t, locale, badge)}
						</div>
						{(e.event === 'DEPART' || e.event === 'COMPLETE_TRIP') &&
						tripDates?.[e.event] ? (
							<div>
								{t(
									`${e.event === 'DEPART' ? 'trip.departedOn' : 'trip.returnedOn'}${inbound(e.event)}`,
								)}
								: {formatIsoDate(tripDates[e.event])}
							</div>
						) : null}
						{e.timing && !e.edited ? (
							<div>
								{t('plan.timing')}:{' '}
								{timingText(
									{
										...e.timing,
										timing_month: e.timing.timing_month ?? undefined,
										start_date: e.timing.start_date ?? undefined,
										end_date: e.timing.end_date ?? undefined,
									},
									t,
								)}
							</div>
						) : null}
						{e.comment ? <blockquote>{e.comment}</blockquote> : null}
						{answers
							.filter(a => String(a.plan_event_id) === String(e.id))
							.map(a => (
								<div key={a.id}>
									<WrittenAnswerLine answer={a} planId={planId!} />
								</div>
							))}
					</li>
				))}
			</ol>
		</section>
	)
}
