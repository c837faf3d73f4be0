/** 0-based index of the step a status stands for, or null for drafting/returned/final states. */
export function stepIndexOf(status: string) {
	const match = /^step_([1-9]\d*)$/.exec(status)
	return match ? Number(match[1]) - 1 : null
}
