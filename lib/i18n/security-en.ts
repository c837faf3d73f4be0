import { type securityVi } from './security-vi.ts'

export const securityEn: Record<keyof typeof securityVi, string> = {
	'csrf.title': 'Request refused',
	'csrf.message':
		'This request did not come from one of the app’s pages, so it was not carried out. Nothing changed. Open the page again and retry.',
	'csrf.home': 'Go to the home page',
	'mail.title': 'My mail',
	'mail.hint':
		'The emails the system sent you. Without a mail server (SMTP_URL) you read them here; their links work for you alone.',
	'mail.back': 'Back to my mail',
	'mail.sentHint':
		'This email went to your mailbox; the copy kept here has no one-time links.',
	'outbox.hintPrivate':
		'System emails to the users of the organisations you administer: recipient, subject and status. Only the recipient can read the body and its links (under “My mail”, or in their mailbox once SMTP_URL is set).',
	'outbox.bodyPrivate':
		'Only the recipient can read this email, as it may hold one-time links (approval, password reset).',
	'decide.problem.otherUser':
		'This link was sent to {name}, but you are signed in as someone else. A link works only for the person it was sent to. Nothing changed.',
	'decide.problem.ownSubmission':
		'Whoever submitted a plan cannot approve or return it. Nothing changed.',
	'plan.ownSubmission':
		'You submitted this plan, so you cannot approve, return or reject it (the person who submits and the person who approves must differ).',
	'plan.ownReport':
		'You filed this post-trip report, so you cannot acknowledge or return it.',
	'timeline.viaLink': 'via the email link',
}
