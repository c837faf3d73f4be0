import { Link } from '@remix-run/react'
import { useT } from '#app/utils/i18n.tsx'
import { describePlan } from '#app/utils/plan-display.ts'
import { type PlanDraft } from '#app/utils/plan-schema.ts'
import { type Locale } from '#lib/enums.ts'
import { type LinkProblem } from '#workflows/plan/decide-by-email.server.ts'
import { LastDecision, StatusBadge } from '../../components/plan-view.tsx'

// What the approver needs to decide: name, organisation and direction first, then these rows.
const SUMMARY_ROWS = [
	'plan.country.out',
	'plan.country.in',
	'plan.partner',
	'plan.timing',
	'plan.memberCount',
	'plan.budget',
]

export function PlanSummary({
	name,
	plan,
	draft,
	locale,
}: {
	name: string
	plan: {
		organisation_name: string
		direction: 'out' | 'in'
		partner_name: string | null
	}
	draft: PlanDraft
	locale: Locale
}) {
	const t = useT()
	const rows = describePlan(draft, plan.partner_name, t, locale).filter(
		row => SUMMARY_ROWS.includes(row.key) && row.value,
	)
	return (
		<section className="panel" aria-labelledby="decide-summary">
			<h2 id="decide-summary">{t('decide.summary')}</h2>
			<table className="details">
				<tbody>
					<tr>
						<th scope="row">{t('plan.name')}</th>
						<td>{name}</td>
					</tr>
					<tr>
						<th scope="row">{t('plan.organisation')}</th>
						<td>{plan.organisation_name}</td>
					</tr>
					<tr>
						<th scope="row">{t('decide.direction')}</th>
						<td>{t(`plan.direction.${plan.direction}`)}</td>
					</tr>
					{rows.map(row => (
						<tr key={row.key}>
							<th scope="row">{row.label}</th>
							<td className="pre">{row.value}</td>
						</tr>
					))}
				</tbody>
			</table>
		</section>
	)
}

export function CurrentState({
	plan,
	steps,
	events,
}: {
	plan: { id: string; status: string; direction: 'out' | 'in' }
	steps: { label_vi: string; label_en: string }[]
	events: Parameters<typeof LastDecision>[0]['events']
}) {
	const t = useT()
	return (
		<section className="panel" aria-labelledby="decide-current">
			<h2 id="decide-current">{t('decide.current')}</h2>
			<p>
				<StatusBadge
					status={plan.status}
					steps={steps}
					direction={plan.direction}
				/>
			</p>
			<LastDecision events={events} status={plan.status} />
			<p>
				<Link to={`/plans/${plan.id}`}>{t('decide.viewPlan')}</Link>
			</p>
		</section>
	)
}

export function Problem({
	problem,
	name = '',
}: {
	problem: LinkProblem
	/** The person the link was sent to. */
	name?: string
}) {
	const t = useT()
	return (
		<>
			<h1>{t('decide.problem.title')}</h1>
			<section className="panel callout callout-returned" role="alert">
				<p>{t(`decide.problem.${problem}`, { name })}</p>
			</section>
		</>
	)
}
