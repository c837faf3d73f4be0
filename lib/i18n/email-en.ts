import { deadlineEn } from './deadline-en.ts'
import { type emailVi } from './email-vi.ts'

export const emailEn: Record<keyof typeof emailVi, string> = {
	...deadlineEn,
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

	'email.field.returnedOn': 'Returned on',
	'email.field.reportDue': 'Report due',
	'email.field.daysLate': 'Days overdue',
	'email.field.drafter': 'Drafted by',
	'email.field.waitingSince': 'Waiting since',
	'email.field.daysWaiting': 'Working days waiting',
	'email.days': '{days} {days|day|days}',
	'email.workingDays': '{days} {days|working day|working days}',

	'email.reportDue.subject':
		'The trip report of "{plan}" is due in {days} {days|day|days}',
	'email.reportDue.subjectToday': 'The trip report of "{plan}" is due today',
	'email.reportDue.heading': 'The trip report is due in {days} {days|day|days}',
	'email.reportDue.subjectWorking':
		'The trip report of "{plan}" is due in {days} {days|working day|working days}',
	'email.reportDue.headingWorking':
		'The trip report is due in {days} {days|working day|working days}',
	'email.reportDue.headingToday': 'The trip report is due today',
	'email.reportDue.intro':
		'The delegation “{plan}” of {org} returned on {returned}. Its trip report is due on {due} at the latest.',
	'email.reportDue.introNoReturn':
		'The trip report of the delegation “{plan}” ({org}) is due on {due} at the latest.',
	'email.reportDue.after':
		'Please write the report (summary, results, activities done, proposals, participants) and submit it to the organisations of the approval chain.',
	'email.reportDue.button': 'Write the report',

	'email.reportOverdue.subject':
		'The trip report of "{plan}" is {days} {days|day|days} overdue',
	'email.reportOverdue.heading':
		'The trip report is {days} {days|day|days} overdue',
	'email.reportOverdue.intro':
		'The trip report of the delegation “{plan}” was due on {due} and has not been submitted yet.',
	'email.reportOverdue.after':
		'Please finish and submit the report now. You will be reminded every 7 days until it is submitted.',
	'email.reportOverdue.escalationIntro':
		'The trip report of the delegation “{plan}” of {org} was due on {due} and is {days} {days|day|days} overdue, although its drafter ({drafter}) has been reminded.',
	'email.reportOverdue.escalationAfter':
		"This email goes to the organisation's approvers so that they can follow the report up.",
	'email.reportOverdue.button': 'Write the report',

	'email.tripEnd.subject':
		'"{plan}" was to end on {end}: record the end of the trip',
	'email.tripEnd.heading': 'The trip was to end on {end}',
	'email.tripEnd.intro':
		'The trip of “{plan}” was to end on {end}, but it is still recorded as under way.',
	'email.tripEnd.after':
		'Once the trip is over, open the plan and use “{action}” with the actual date: the post-trip report is due counting from that day. You will be reminded every 7 days until the trip’s end is recorded.',
	'email.tripEnd.escalationIntro':
		'The trip of “{plan}” ({org}) was to end on {end}, {days} {days|day|days} ago, and its end is not recorded, although the drafter ({drafter}) was reminded.',
	'email.tripEnd.escalationAfter':
		'This email goes to the organisation’s approvers, to follow up the end of the trip and the post-trip report.',
	'email.field.departedOn': 'Departed on',
	'email.field.endDate': 'Planned last day',

	'email.approvalWaiting.subject':
		'Plan "{plan}" has waited {days} {days|working day|working days} for your approval',
	'email.approvalWaiting.heading':
		'The plan has waited {days} {days|working day|working days} for {step}',
	'email.approvalWaiting.headingNoStep':
		'The plan has waited {days} {days|working day|working days} for approval',
	'email.approvalWaiting.intro':
		'The plan “{plan}” of {org} reached your organisation on {since} and has been waiting for {days} {days|working day|working days}.',
	'email.approvalWaiting.after':
		'Please review it and decide: approve it, return it for changes or reject it.',
	'email.approvalWaiting.button': 'Review and approve',

	'email.reportSubmitted.subject':
		'The trip report of "{plan}" is waiting for your acknowledgement',
	'email.reportSubmitted.subjectResubmitted':
		'The completed trip report of "{plan}" is waiting for your acknowledgement',
	'email.reportSubmitted.subjectInformational':
		'The trip report of "{plan}" has been submitted',
	'email.reportSubmitted.heading': 'A trip report has been submitted',
	'email.reportSubmitted.intro':
		'{actor} ({actorOrg}) submitted the trip report of the delegation “{plan}” ({org}).',
	'email.reportSubmitted.resubmitted':
		'This is a completed version: the report was returned earlier, and the organisation completed it and submitted it again.',
	'email.reportSubmitted.action':
		'Please read the report and acknowledge it, or return it with a comment if something is missing.',
	'email.reportSubmitted.info':
		'The report is sent to your organisation for information; if something is missing, you can return it with a comment.',
	'email.reportSubmitted.button': 'Read the report',

	'email.reportReturned.subject':
		'The trip report of "{plan}" was returned for completion',
	'email.reportReturned.heading': 'The trip report was returned for completion',
	'email.reportReturned.intro':
		'{actor} ({actorOrg}) returned the trip report of the delegation “{plan}” with this comment:',
	'email.reportReturned.after':
		'Please complete the report as asked and submit it again.',
	'email.reportReturned.button': 'Complete the report',

	'email.reportAcknowledged.subject':
		'The trip report of "{plan}" has been acknowledged',
	'email.reportAcknowledged.heading': 'The trip report has been acknowledged',
	'email.reportAcknowledged.intro':
		'{actor} ({actorOrg}) acknowledged the trip report of the delegation “{plan}”. The plan is closed.',
	'email.planSubmitted.decideIntro':
		'You can also decide straight from this email. The links are for you only, work once within 7 days, and the page they open asks you to confirm before anything is recorded.',
	'email.planSubmitted.approve': 'Approve',
	'email.planSubmitted.return': 'Return',
	'email.reportReminder.drafterInactive':
		'The plan’s drafter ({drafter}) is no longer active, so this reminder goes to your organisation’s drafters.',
	'email.field.passport': 'Passport',
	'email.field.passportDue': 'Passport due back',
	'email.passport.button': 'View the passport',
	'email.passportDue.subject':
		'{holder}’s passport is due back in {days} {days|working day|working days}',
	'email.passportDue.subjectToday': '{holder}’s passport is due back today',
	'email.passportDue.heading':
		'Passport due back in {days} {days|working day|working days}',
	'email.passportDue.headingToday': 'Passport due back today',
	'email.passportDue.intro':
		'Passport {number} of {holder} was handed out for the trip “{plan}”, which returned on {returned}. Under Decision 58/2012/QĐ-TTg it must be handed back before {due}, {workingDays} {workingDays|working day|working days} after the return.',
	'email.passportOverdue.subject':
		'{holder}’s passport is {days} {days|day|days} overdue',
	'email.passportOverdue.heading': 'Passport {days} {days|day|days} overdue',
	'email.passportOverdue.intro':
		'Passport {number} of {holder} (trip “{plan}”) was due back before {due} and has not been handed back. Please remind the holder to hand it back now.',
	'email.passportOverdue.escalationIntro':
		'Passport {number} of {holder} (trip “{plan}”, drafter: {drafter}) is {days} {days|day|days} overdue (due {due}). Please follow it up.',
	'email.passportDue.holderIntro':
		'Your passport {number} was handed out for the trip “{plan}”, which returned on {returned}. Under Decision 58/2012/QĐ-TTg you must hand it back to the office that keeps it before {due}, {workingDays} {workingDays|working day|working days} after the return.',
	'email.passportOverdue.holderIntro':
		'Your passport {number} (trip “{plan}”) was due back before {due} and has not been handed back: it is {days} {days|day|days} overdue. Please hand it back now.',
	'email.passport.holderOutro':
		'You receive this email because your address is in your organisation’s directory. If something is wrong, please contact the office that keeps the passports.',
	'email.passportsExpiring.subject':
		'{count} {count|passport|passports} of {org} {count|expires|expire} within 6 months',
	'email.passportsExpiring.holderSubject': 'Your passport expires soon',
	'email.passportsExpiring.holderSubjectExpired': 'Your passport has expired',
	'email.passportsExpiring.heading': 'Passports expiring before {until}',
	'email.passportsExpiring.holderHeading': 'Your passport expires soon',
	'email.passportsExpiring.intro':
		'Weekly list of {today}: {count} {count|passport|passports} kept by {org} {count|expires|expire} before {until} (within 6 months) or {count|has|have} expired. Under Decision 58/2012/QĐ-TTg, holders of passports with less than 6 months left must be told, so that they can renew them.',
	'email.passportsExpiring.holderIntro':
		'Your passport below, kept by {org}, expires before {until} (less than 6 months left) or has expired. Please contact the office that keeps the passports to renew it.',
	'email.passportsExpiring.col.number': 'Number',
	'email.passportsExpiring.col.kind': 'Kind',
	'email.passportsExpiring.col.expires': 'Expires',
	'email.passportsExpiring.col.left': 'Time left',
	'email.passportsExpiring.col.where': 'Where it is',
	'email.passportsExpiring.button': 'View the passports',
	'email.passportsExpiring.expired': 'Expired',
	'email.passportsExpiring.expiresToday': 'Expires today',
	'email.passportsExpiring.leftDays': '{days} {days|day|days} left',
	'email.passportsExpiring.leftMonths': '{months} {months|month|months} left',
	'email.passportsExpiring.leftMonthsDays':
		'{months} {months|month|months} {days} {days|day|days} left',
	'email.passportsExpiring.inSafe': 'In the safe',
	'email.passportsExpiring.out': 'Out with the trip “{plan}”',
	'email.field.request': 'Report request',
	'email.field.requestNumber': 'Letter number',
	'email.field.requestDue': 'Report due',
	'email.requestReminder.subject':
		'The report "{title}" is due in {days} {days|day|days}',
	'email.requestReminder.subjectToday': 'The report "{title}" is due today',
	'email.requestReminder.subjectOverdue':
		'The report "{title}" is {days} {days|day|days} overdue',
	'email.requestReminder.intro':
		'Letter no. {number} of {issuer} asks for the report “{title}”: your organisation must submit it by {due} at the latest.',
	'email.requestReminder.button': 'Write the report',
	'email.requestReturned.subject': 'The report "{title}" was returned',
	'email.requestReturned.intro':
		'{issuer} returned your organisation’s report “{title}” for changes. Please revise it as the comment below asks and submit it again.',
	'email.requestReturned.comment': 'Comment',
	'email.requestReturned.button': 'Revise and resubmit the report',
}
