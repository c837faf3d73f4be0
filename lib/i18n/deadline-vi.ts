// A deadline with its rule, in pages and in emails alike.
export const deadlineVi = {
	/** A deadline with the rule it follows: "trước 15/02/2027, 10 ngày làm việc sau ngày về". */
	'deadline.dueWithRule': 'trước {date}, {rule}',
	'deadline.rule.days': '{days} ngày sau ngày về',
	'deadline.rule.working_days': '{days} ngày làm việc sau ngày về',
} as const
