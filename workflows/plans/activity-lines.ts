/** The lines of a plan's activities, without list marks or blank lines. */
export function activityLines(activities: string | undefined) {
	return (activities ?? '')
		.split('\n')
		.map(line => line.replace(/^\s*[-–•+*]\s*/, '').trim())
		.filter(Boolean)
}
