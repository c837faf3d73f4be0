import { type DueUnit } from '#lib/enums.ts'
import { formatIsoDate } from '#lib/format.ts'
import { useT } from '#app/utils/i18n.tsx'

/**
 * A report's due date with the rule it follows: "trước 25/03/2027, 15 ngày sau ngày về" or
 * "trước 25/03/2027, 10 ngày làm việc sau ngày về" (the date alone for a due date set before
 * the rule was kept).
 */
export function useReportDue() {
	const t = useT()
	return (plan: {
		report_due_on: string | null
		report_due_count?: number | null
		report_due_unit?: DueUnit | null
	}) => {
		const date = formatIsoDate(plan.report_due_on)
		if (!plan.report_due_on || !plan.report_due_count || !plan.report_due_unit)
			return date
		return t('deadline.dueWithRule', {
			date,
			rule: t(`deadline.rule.${plan.report_due_unit}`, {
				days: plan.report_due_count,
			}),
		})
	}
}
