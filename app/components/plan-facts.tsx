import { countryName } from '#lib/countries.ts'
import { useLocale, useT } from '#app/utils/i18n.tsx'
import { timingText } from '#workflows/plans/plan-display.ts'

/** Country and time of a plan, shown beside its name in lists so that plans of one name can be told apart. */
export function PlanFacts({
	plan,
}: {
	plan: {
		country: string | null
		plan_year: number
		timing_kind: string
		timing_month?: number | null
		start_date?: string | null
		end_date?: string | null
	}
}) {
	const t = useT()
	const locale = useLocale()
	const facts = [
		plan.country ? countryName(plan.country, locale) : '',
		timingText(plan, t),
	].filter(Boolean)
	return <span className="plan-facts">{facts.join(' · ')}</span>
}
