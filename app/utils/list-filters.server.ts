import { z } from 'zod'
import {
	DIRECTIONS,
	LOCALES,
	PLAN_SORTS,
	PLAN_STATUS_FILTERS,
	REPORT_SORTS,
	REPORT_STATES,
} from '#lib/enums.ts'

// The query strings and the settings form of pages without client-side checks, parsed on the
// server only (a .server module), so that zod stays out of those pages' JavaScript.

export const PlanFilterSchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
	direction: z.enum(DIRECTIONS).optional().catch(undefined),
	status: z.enum(PLAN_STATUS_FILTERS).optional().catch(undefined),
	sort: z.enum(PLAN_SORTS).optional().catch(undefined),
})

export const ReportFilterSchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	state: z.enum(REPORT_STATES).optional().catch(undefined),
	sort: z.enum(REPORT_SORTS).optional().catch(undefined),
})

export const SettingsSchema = z.object({
	email_info: z.literal('on').optional(),
	locale: z.enum(LOCALES).catch('vi'),
})
