import { type ReportReminderProps } from '../index.ts'
import { emailTranslator } from './i18n.ts'

/** "25/03/2027" or, when the rule is known, "trước 25/03/2027, 15 ngày sau ngày về". */
export function dueDateWithRule(props: ReportReminderProps) {
	if (!props.dueRule) return props.dueDate
	const t = emailTranslator(props.locale)
	return t('deadline.dueWithRule', {
		date: props.dueDate,
		rule: t(`deadline.rule.${props.dueRule.unit}`, {
			days: props.dueRule.days,
		}),
	})
}
