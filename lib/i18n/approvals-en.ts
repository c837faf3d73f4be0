export const approvalsEn = {
	'approvals.title': 'Approvers at the current step',
	'approvals.rule.any': 'Any one approver is enough',
	'approvals.rule.all': 'All {total} approvers must agree',
	'approvals.rule.min': '{required} of {total} approvers must agree',
	'approvals.progress': '{approved} of {required} have agreed',
	'approvals.approvedAt': 'agreed at {time}',
	'approvals.waiting': 'not decided yet',
	'approvals.none': 'This organisation has no active approver.',
	'approvals.already':
		'You have already agreed at this step; waiting for the other approvers.',
	'approvals.partialDone':
		'Your approval is recorded ({approved}/{required}). The plan waits for other approvers.',
	'event.APPROVE_PARTIAL': 'Agreed (waiting for other approvers)',
	'event.APPROVE_PARTIAL.count':
		'Agreed ({approved}/{required}), waiting for other approvers',
	'approvals.ruleLabel': 'Approvals needed',
	'approvals.ruleOption.any': 'Any one approver',
	'approvals.ruleOption.all': 'All approvers',
	'approvals.ruleOption.min': 'A minimum number',
	'approvals.minLabel': 'Minimum number',
	'approvals.minRequired': 'Enter the minimum number (1 or more)',
	'approvals.minTooMany':
		'The minimum is larger than the number of active approvers of this organisation',
	'approvals.ruleBadge.all': 'all must agree',
	'approvals.ruleBadge.min': 'at least {n}',
	'confirm.title': 'Confirm your decision',
	'confirm.question.APPROVE': 'Approve the plan “{name}”?',
	'confirm.question.RETURN': 'Return the plan “{name}” for changes?',
	'confirm.question.REJECT': 'Reject the plan “{name}”? This cannot be undone.',
	'confirm.comment': 'Your comment: {comment}',
	'confirm.yes.APPROVE': 'Yes, approve',
	'confirm.yes.RETURN': 'Yes, return',
	'confirm.yes.REJECT': 'Yes, reject',
	'confirm.cancel': 'No, go back',
	'confirm.changed':
		'The plan changed after you opened the page, so your decision was not recorded. Review the changes below, then decide again.',
	'confirm.changesTitle': 'Changes since you opened the page',
} as const
