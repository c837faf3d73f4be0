import { type Migration, type MigrationProvider } from 'kysely'
import * as foundation from './2026-11-23T00-00_foundation.ts'
import * as plans from './2026-11-23T01-00_plans.ts'
import * as notifications from './2026-11-23T02-00_notifications.ts'
import * as trips from './2026-11-23T03-00_trips.ts'
import * as partners from './2026-11-23T04-00_partners.ts'
import * as annualReports from './2026-11-23T05-00_annual_reports.ts'
import * as substitutes from './2026-11-23T06-00_substitutes.ts'
import * as stepApprovals from './2026-11-23T07-00_step_approvals.ts'
import * as annualReportSections from './2026-11-29T08-00_annual_report_sections.ts'
import * as benchIndexes from './2026-11-29T11-00_bench_indexes.ts'
import * as deliveryOnce from './2026-12-06T11-00_delivery_once.ts'
import * as privateMail from './2026-12-06T12-00_private_mail.ts'
import * as sessionIdle from './2026-12-06T13-00_session_idle.ts'
import * as auditLog from './2026-12-06T13-10_audit_log.ts'
import * as annualReportPlanSummary from './2026-12-06T14-00_annual_report_plan_summary.ts'
import * as currencies from './2026-12-06T14-10_currencies.ts'
import * as lookalikeLetters from './2026-12-06T15-00_lookalike_letters.ts'
import * as listOrders from './2026-12-06T15-10_list_orders.ts'
import * as documentRegister from './2026-12-06T16-00_document_register.ts'
import * as lateReturnReminder from './2026-12-06T20-00_late_return_reminder.ts'
import * as workingDays from './2026-12-06T21-00_working_days.ts'
import * as personEmail from './2026-12-07T06-00_person_email.ts'
import * as foldInAnyLocale from './2026-12-06T22-00_fold_in_any_locale.ts'
import * as tripReportNumber from './2026-12-07T01-00_trip_report_number.ts'
import * as pageSpeed from './2026-12-07T04-00_page_speed.ts'
import * as statisticsSummary from './2026-12-07T07-00_statistics_summary.ts'
import * as navCounts from './2026-12-07T07-10_nav_counts.ts'
import * as inboxOrder from './2026-12-07T08-00_inbox_order.ts'
import * as planNameFold from './2026-12-07T08-10_plan_name_fold.ts'
import * as statisticsVersion from './2026-12-07T10-00_statistics_version.ts'
import * as oneWaitingIndex from './2026-12-07T11-00_one_waiting_index.ts'
import * as delegationsAtHand from './2026-12-07T12-00_delegations_at_hand.ts'
import * as decidedIndex from './2026-12-07T12-10_decided_index.ts'
import * as peoplePassports from './2026-12-07T02-00_people_passports.ts'
import * as reportRequests from './2026-12-07T03-00_report_requests.ts'
import * as deadlineUnits from './2026-12-07T05-00_deadline_units.ts'

// Listed by hand so the migrations are bundled into the server build as well.
const migrations: Record<string, Migration> = {
	'2026-11-23T00-00_foundation': foundation,
	'2026-11-23T01-00_plans': plans,
	'2026-11-23T02-00_notifications': notifications,
	'2026-11-23T03-00_trips': trips,
	'2026-11-23T04-00_partners': partners,
	'2026-11-23T05-00_annual_reports': annualReports,
	'2026-11-23T06-00_substitutes': substitutes,
	'2026-11-23T07-00_step_approvals': stepApprovals,
	'2026-11-29T08-00_annual_report_sections': annualReportSections,
	'2026-11-29T11-00_bench_indexes': benchIndexes,
	'2026-12-06T11-00_delivery_once': deliveryOnce,
	'2026-12-06T12-00_private_mail': privateMail,
	'2026-12-06T13-00_session_idle': sessionIdle,
	'2026-12-06T13-10_audit_log': auditLog,
	'2026-12-06T14-00_annual_report_plan_summary': annualReportPlanSummary,
	'2026-12-06T14-10_currencies': currencies,
	'2026-12-06T15-00_lookalike_letters': lookalikeLetters,
	'2026-12-06T15-10_list_orders': listOrders,
	'2026-12-06T16-00_document_register': documentRegister,
	'2026-12-06T20-00_late_return_reminder': lateReturnReminder,
	'2026-12-06T21-00_working_days': workingDays,
	'2026-12-07T06-00_person_email': personEmail,
	'2026-12-06T22-00_fold_in_any_locale': foldInAnyLocale,
	'2026-12-07T01-00_trip_report_number': tripReportNumber,
	'2026-12-07T04-00_page_speed': pageSpeed,
	'2026-12-07T02-00_people_passports': peoplePassports,
	'2026-12-07T03-00_report_requests': reportRequests,
	'2026-12-07T05-00_deadline_units': deadlineUnits,
	'2026-12-07T07-00_statistics_summary': statisticsSummary,
	'2026-12-07T07-10_nav_counts': navCounts,
	'2026-12-07T08-00_inbox_order': inboxOrder,
	'2026-12-07T08-10_plan_name_fold': planNameFold,
	'2026-12-07T10-00_statistics_version': statisticsVersion,
	'2026-12-07T11-00_one_waiting_index': oneWaitingIndex,
	'2026-12-07T12-00_delegations_at_hand': delegationsAtHand,
	'2026-12-07T12-10_decided_index': decidedIndex,
}

export const migrationProvider: MigrationProvider = {
	getMigrations: async () => migrations,
}
