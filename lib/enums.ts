/** Enums every layer shares; db/schema.ts re-exports them for the tables' types. */

export const LOCALES = ['vi', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export const TIMING_KINDS = ['year', 'month', 'dates'] as const
export type TimingKind = (typeof TIMING_KINDS)[number]

/** The states the "Báo cáo sau chuyến đi" list filters by. */
export const REPORT_STATES = [
	'due',
	'overdue',
	'submitted',
	'acknowledged',
] as const
export type ReportState = (typeof REPORT_STATES)[number]
