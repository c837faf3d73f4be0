import { type decideVi } from './decide-vi.ts'

export const decideEn: Record<keyof typeof decideVi, string> = {
	'decide.meta': 'Decide from email',
	'decide.title.approve': 'Approve the plan',
	'decide.title.return': 'Return the plan',
	'decide.for': 'Link from the email sent to {name}.',
	'decide.onBehalf': 'You decide on behalf of {principal} (substitute).',
	'decide.question.approve':
		'Are you sure you want to approve the plan “{name}” at the step {step}?',
	'decide.question.return':
		'Are you sure you want to return the plan “{name}” to its drafters for changes?',
	'decide.comment.approve': 'Comment (optional)',
	'decide.comment.return': 'Reason for returning (required)',
	'decide.confirm.approve': 'Confirm approval',
	'decide.confirm.return': 'Confirm return',
	'decide.hint':
		'Nothing is recorded until you press the confirm button. The link works once.',
	'decide.summary': 'Plan summary',
	'decide.direction': 'Delegation',
	'decide.step': 'Approval step',
	'decide.current': 'Current state of the plan',
	'decide.viewPlan': 'Open the plan (sign-in needed)',
	'decide.done.approve': 'The plan “{name}” is approved.',
	'decide.done.approvePartial':
		'Your approval is recorded ({approved}/{required}). The plan waits for the other approvers of this step.',
	'decide.done.return': 'The plan “{name}” was returned to its drafters.',
	'decide.problem.title': 'This link can no longer be used',
	'decide.problem.invalid':
		'This link is not valid. Open the link in the email again, or sign in to handle the plan.',
	'decide.problem.used':
		'You have already decided through a link in this email: each email decides once. Nothing changed; the plan now stands as shown below.',
	'decide.problem.expired':
		'This link has expired (after 7 days). Nothing was changed; sign in to handle the plan.',
	'decide.problem.decided':
		'The plan was decided after this email was sent. Nothing was changed.',
	'decide.problem.moved':
		'The plan has moved on to another approval step since this email was sent. Nothing was changed.',
	'decide.problem.changed':
		'The plan has changed since this email was sent (e.g. it was returned, edited and sent again). Nothing was changed; look at the new version before deciding.',
	'decide.problem.notAllowed':
		'You may no longer decide at this step (your role or substitution has changed). Nothing was changed.',
	'decide.problem.already':
		'You have already approved this plan at the current step. Nothing was changed.',
}
