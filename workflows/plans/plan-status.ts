/** 0-based index of the step a status stands for, or null for drafting/returned/final states. */
export function stepIndexOf(status: string) {
	const match = /^step_([1-9]\d*)$/.exec(status)
	return match ? Number(match[1]) - 1 : null
}

/** Statuses in which a post-trip report is owed and not yet with the receivers. */
export const REPORT_DUE_STATUSES = ['trip_done', 'report_returned'] as const
