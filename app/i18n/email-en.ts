import { type emailVi } from './email-vi.ts'

export const emailEn: Record<keyof typeof emailVi, string> = {
	'email.subjectPrefix': '[Foreign affairs]',
	'email.greeting': 'Dear {name},',
	'email.footer.automatic':
		'This is an automatic email from {app}; please do not reply.',
	'email.footer.informational':
		'This email is for information only. You can turn such emails off in your notification settings; emails that ask you to act are always sent.',
	'email.linkFallback':
		'If the button does not work, copy this link into your browser:',
	'email.field.plan': 'Plan',
	'email.field.organisation': 'Organisation',
	'email.field.status': 'Status',
	'email.field.step': 'Approval step',
	'email.field.submittedBy': 'Submitted by',
	'email.field.comment': 'Comment',
	'email.field.reason': 'Reason',
	'email.field.email': 'Sign-in email',
	'email.field.roles': 'Roles',
	'email.viewPlan': 'View the plan',

	'email.planSubmitted.subject': 'Plan "{plan}" is waiting for your approval',
	'email.planSubmitted.subjectResubmitted':
		'Revised plan "{plan}" is waiting for your approval',
	'email.planSubmitted.heading':
		'The plan “{plan}” is waiting for approval by {step}',
	'email.planSubmitted.headingNoStep':
		'The plan “{plan}” is waiting for approval',
	'email.planSubmitted.intro':
		'{actor} ({actorOrg}) has submitted a plan of {org}. Please review it and decide.',
	'email.planSubmitted.resubmitted':
		'This is a revised version: the plan was returned earlier, and its drafters changed it and submitted it again.',
	'email.planSubmitted.button': 'Review and approve',

	'email.planStepApproved.subject': 'Plan "{plan}" passed the {step} step',
	'email.planStepApproved.heading': 'The plan passed the {step} step',
	'email.planStepApproved.intro':
		'{actor} ({actorOrg}) approved the plan “{plan}” at the {step} step.',
	'email.planStepApproved.next': 'It is now waiting for the next step: {next}.',

	'email.planReturned.subject': 'Plan "{plan}" was returned for changes',
	'email.planReturned.heading': 'The plan was returned for changes',
	'email.planReturned.intro':
		'{actor} ({actorOrg}) returned the plan “{plan}” with this comment:',
	'email.planReturned.after':
		'Please change the plan as asked and submit it again.',
	'email.planReturned.button': 'Edit the plan',

	'email.planRejected.subject': 'Plan "{plan}" was rejected',
	'email.planRejected.heading': 'The plan was rejected',
	'email.planRejected.intro':
		'{actor} ({actorOrg}) rejected the plan “{plan}” of {org}.',
	'email.planRejected.after':
		'The plan is closed and cannot be submitted again.',

	'email.planApproved.subject': 'Plan "{plan}" has been approved',
	'email.planApproved.heading': 'The plan has been approved',
	'email.planApproved.intro':
		'The plan “{plan}” of {org} has been fully approved. The last step was approved by {actor} ({actorOrg}).',

	'email.accountCreated.subject': 'Your account has been created',
	'email.accountCreated.heading': 'Your account is ready',
	'email.accountCreated.intro':
		'An administrator has created an account for you on {app}.',
	'email.accountCreated.password':
		'Your administrator will give you a one-time password separately. You must change it the first time you sign in.',
	'email.accountCreated.button': 'Sign in',

	'email.passwordReset.subject': 'Reset your password',
	'email.passwordReset.heading': 'Reset your password',
	'email.passwordReset.intro':
		'We received a request to reset the password of your account. Use the button below to choose a new password.',
	'email.passwordReset.validity':
		'The link is valid for {minutes} minutes and can be used only once.',
	'email.passwordReset.ignore':
		'If you did not ask for this, ignore this email; your password stays the same.',
	'email.passwordReset.button': 'Reset password',
}
