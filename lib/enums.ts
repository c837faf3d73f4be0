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

export const ORGANISATION_KINDS = [
	'provincial_federation',
	'sector_union',
	'party_committee',
	'vgcl_board',
	'foreign_partner',
] as const
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]

export const ROLES = ['drafter', 'approver', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const APPROVAL_RULES = ['any', 'all', 'min'] as const
export type ApprovalRule = (typeof APPROVAL_RULES)[number]

export const DIRECTIONS = ['out', 'in'] as const
export type Direction = (typeof DIRECTIONS)[number]

export const PASSPORT_TYPES = ['diplomatic', 'official', 'ordinary'] as const
export type PassportType = (typeof PASSPORT_TYPES)[number]

/** Where a passport is: in the organisation's safe, out with its holder for a trip, lost, cancelled. */
export const PASSPORT_STATES = ['in_safe', 'out', 'lost', 'cancelled'] as const
export type PassportState = (typeof PASSPORT_STATES)[number]

export const PASSPORT_EVENTS = [
	'registered',
	'handed_out',
	'handed_back',
	'lost',
	'cancelled',
] as const
export type PassportEventKind = (typeof PASSPORT_EVENTS)[number]

export const FUNDING_SOURCES = ['union_budget', 'partner', 'other'] as const
export type FundingSource = (typeof FUNDING_SOURCES)[number]

// ISO 4217 codes of the currencies the unions' partners and budgets use, the usual ones first.
export const CURRENCIES = [
	'VND',
	'USD',
	'EUR',
	'LAK',
	'THB',
	'KHR',
	'CNY',
	'KRW',
	'JPY',
	'SGD',
	'MYR',
	'IDR',
	'PHP',
	'MMK',
	'INR',
	'RUB',
	'CUP',
	'AUD',
	'GBP',
	'CHF',
	'HKD',
	'TWD',
	'CAD',
] as const
export type Currency = (typeof CURRENCIES)[number]

export const EMAIL_STATUSES = [
	'queued',
	'sending',
	'sent',
	'stored',
	'failed',
] as const
export type EmailStatus = (typeof EMAIL_STATUSES)[number]

export const PARTNER_TYPES = [
	'trade_union',
	'federation',
	'international_organisation',
	'ngo',
	'government',
	'other',
] as const
export type PartnerType = (typeof PARTNER_TYPES)[number]

export const AGREEMENT_KINDS = [
	'mou',
	'cooperation_agreement',
	'cooperation_plan',
	'other',
] as const
export type AgreementKind = (typeof AGREEMENT_KINDS)[number]

/** What a deadline counts: calendar days or Vietnamese working days (lib/working-days.ts). */
export const DUE_UNITS = ['days', 'working_days'] as const
export type DueUnit = (typeof DUE_UNITS)[number]

/** The approval decisions the plan page asks once more about before sending. */
export const CONFIRMED_DECISIONS = ['APPROVE', 'RETURN', 'REJECT'] as const
export type ConfirmedDecision = (typeof CONFIRMED_DECISIONS)[number]

/** The orders of the plan list (each ends with the plan id). */
export const PLAN_SORTS = ['time', 'name', 'status'] as const
export type PlanSort = (typeof PLAN_SORTS)[number]

/** The plan list's status filter ('pending': at any step). */
export const PLAN_STATUS_FILTERS = [
	'drafting',
	'pending',
	'returned',
	'approved',
	'departed',
	'trip_done',
	'report_submitted',
	'closed',
	'cancelled',
	'rejected',
	'withdrawn',
] as const

/** The report list's orders: by due date, most late first, least late first. */
export const REPORT_SORTS = ['due', 'late', 'late_asc'] as const
