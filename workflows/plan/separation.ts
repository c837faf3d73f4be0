/**
 * Separation of duties: whoever submitted a plan (or last sent it up the chain again) cannot
 * decide on it at any step, and whoever filed its post-trip report cannot acknowledge or return
 * that report, whether they act in their own name or stand in for someone.
 */
const DECISIONS = {
	APPROVE: 'plan',
	RETURN: 'plan',
	REJECT: 'plan',
	ACKNOWLEDGE_REPORT: 'report',
	RETURN_REPORT: 'report',
} as const

export type OwnSubmission = (typeof DECISIONS)[keyof typeof DECISIONS]

/** Who last sent the plan up the chain, and who last filed its report (read with the plan). */
export interface Submitters {
	submitted_by: string | null
	report_submitted_by: string | null
}

/** 'plan' or 'report' when this event would decide on the deciders' own submission. */
export function ownSubmission(
	type: string,
	submitters: Submitters,
	/** The actor, and the principal a substitute decides for. */
	deciders: (string | null | undefined)[],
): OwnSubmission | null {
	const kind = DECISIONS[type as keyof typeof DECISIONS]
	if (!kind) return null
	const submitter =
		kind === 'plan' ? submitters.submitted_by : submitters.report_submitted_by
	return submitter && deciders.includes(submitter) ? kind : null
}

/** The events left once the deciders' own submissions are taken out, and why any were. */
export function withoutOwnSubmissions<T extends string>(
	events: T[],
	submitters: Submitters,
	deciders: (string | null | undefined)[],
) {
	const barred = events
		.map(type => ownSubmission(type, submitters, deciders))
		.find(Boolean)
	return {
		events: events.filter(type => !ownSubmission(type, submitters, deciders)),
		ownSubmission: barred ?? null,
	}
}
