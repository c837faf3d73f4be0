import { type timelineVi } from './timeline-vi.ts'

// The plan page's timeline when it shows only the latest events (spread into en.ts).
export const timelineEn: Record<keyof typeof timelineVi, string> = {
	'timeline.latest': 'Showing the latest {shown} of {total} events.',
	'timeline.showAll': 'See the whole history ({total} events)',
}
