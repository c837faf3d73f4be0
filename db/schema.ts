import type {
	ColumnType,
	Generated,
	Insertable,
	Selectable,
	Updateable,
} from 'kysely'

import {
	type Locale,
	type TimingKind,
	type OrganisationKind,
	type Role,
	type ApprovalRule,
	type Direction,
	type PassportType,
	type FundingSource,
	type Currency,
	type EmailStatus,
	type PartnerType,
	type AgreementKind,
	type PassportState,
	type PassportEventKind,
	type DueUnit,
} from '#lib/enums.ts'

export {
	LOCALES,
	type Locale,
	TIMING_KINDS,
	type TimingKind,
	ORGANISATION_KINDS,
	type OrganisationKind,
	ROLES,
	type Role,
	APPROVAL_RULES,
	type ApprovalRule,
	DIRECTIONS,
	type Direction,
	PASSPORT_TYPES,
	type PassportType,
	FUNDING_SOURCES,
	type FundingSource,
	CURRENCIES,
	type Currency,
	EMAIL_STATUSES,
	type EmailStatus,
	PARTNER_TYPES,
	type PartnerType,
	AGREEMENT_KINDS,
	type AgreementKind,
} from '#lib/enums.ts'

/** A timestamptz with a database default: optional on insert. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>
type GeneratedAlways<T> = ColumnType<T, never, never>

export interface OrganisationTable {
	id: Generated<string>
	kind: OrganisationKind
	name_vi: string
	name_en: Generated<string>
	short_name: string
	province: string | null
	country: Generated<string>
	parent_id: string | null
	report_due_days: Generated<number>
	/** Whether report_due_days counts calendar days ('days', the default) or working days. */
	report_due_unit: Generated<DueUnit>
	approval_reminder_days: Generated<number>
	/** Working days after the return within which a passport must be handed back. */
	passport_return_working_days: Generated<number>
	/** "{n}/{kind}-LĐLĐ": how the organisation writes its document numbers. */
	document_notation: Generated<string>
	name_original: Generated<string>
	partner_type: PartnerType | null
	search_text: GeneratedAlways<string>
	version: Generated<number>
	created_at: Timestamp
	updated_at: Timestamp
}

export interface AppUserTable {
	id: Generated<string>
	email: string
	password_hash: string
	full_name: string
	title: Generated<string>
	organisation_id: string
	roles: Generated<Role[]>
	locale: Generated<Locale>
	active: Generated<boolean>
	must_change_password: Generated<boolean>
	email_info: Generated<boolean>
	search_text: GeneratedAlways<string>
	version: Generated<number>
	created_at: Timestamp
	updated_at: Timestamp
}

export interface SessionTable {
	id: string
	user_id: string
	expires_at: RequiredTimestamp
	last_seen_at: Generated<Date>
}

export const AUDIT_ACTIONS = [
	'user.created',
	'user.activated',
	'user.deactivated',
	'user.updated',
	'user.reset_sent',
	'organisation.created',
	'organisation.updated',
	'chain.published',
	'substitution.created',
	'substitution.ended',
	'email.resent',
	'calendar.declared',
	'calendar.removed',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** Append-only: the database refuses UPDATE and DELETE. */
export interface AuditLogTable {
	id: Generated<string>
	created_at: Generated<Date>
	actor_id: string
	organisation_id: string
	action: AuditAction
	subject_id: string
	before: unknown | null
	after: unknown | null
}

export interface LoginAttemptTable {
	id: Generated<string>
	email: string
	ip: string
	succeeded: boolean
	created_at: Timestamp
}

export interface ChainTable {
	id: Generated<string>
	organisation_id: string
	version: number
	created_by: string | null
	created_at: Timestamp
}

export interface ChainStepTable {
	id: Generated<string>
	chain_id: string
	position: number
	organisation_id: string
	label_vi: string
	label_en: Generated<string>
	optional: Generated<boolean>
	approval_rule: Generated<ApprovalRule>
	min_approvals: number | null
	requires_written_answer: Generated<boolean>
}

/** One approver's approval at a step that needs several; a round is the plan's version there. */
export interface StepApprovalTable {
	id: Generated<string>
	plan_id: string
	status: string
	plan_version: number
	approver_id: string
	created_at: Generated<Date>
}

export interface PlanTable {
	id: Generated<string>
	organisation_id: string
	plan_year: number
	direction: Direction
	name: Generated<string>
	in_name_of: Generated<string>
	head_title: Generated<string>
	head_name: Generated<string>
	member_count: number | null
	country: string | null
	partner_id: string | null
	partner_name: Generated<string>
	activities: Generated<string[]>
	days_min: number | null
	days_max: number | null
	timing_kind: Generated<TimingKind>
	timing_month: number | null
	/** 'YYYY-MM-DD' */
	start_date: string | null
	end_date: string | null
	optional_step_ids: Generated<string[]>
	status: Generated<string>
	chain_id: string | null
	current_step_organisation_id: string | null
	workflow_snapshot: unknown | null
	workflow_version: Generated<number>
	version: Generated<number>
	created_by: string
	status_changed_at: Timestamp
	created_at: Timestamp
	updated_at: Timestamp
	search_text: GeneratedAlways<string>
	/** vn_fold(name), for putting plans whose name matches a search first. */
	name_fold: GeneratedAlways<string>
	/** 'YYYY-MM-DD', set when the trip is recorded */
	departed_on: string | null
	returned_on: string | null
	report_due_on: string | null
	/** The rule report_due_on was computed with: this many days or working days after the return. */
	report_due_count: number | null
	report_due_unit: DueUnit | null
	cancel_reason: string | null
	/** 'YYYY-MM-DD': a return recorded after the due date reminded the drafter that day. */
	report_late_reminded_on: string | null
}

export interface PlanMemberTable {
	id: Generated<string>
	plan_id: string
	position: number
	full_name: string
	title: Generated<string>
	organisation_name: Generated<string>
	passport_type: PassportType | null
	/** The directory's person this member was chosen from (or added to it). */
	person_id: string | null
}

export interface PlanBudgetLineTable {
	id: Generated<string>
	plan_id: string
	position: number
	payer: string
	item: string
	source: FundingSource
	/** numeric: a decimal string */
	amount: string | null
	currency: Currency | null
}

export interface PlanAttachmentTable {
	id: Generated<string>
	plan_id: string
	file_name: string
	content_type: string
	size: number
	sha256: string
	data: Uint8Array
	uploaded_by: string
	purpose: Generated<'plan' | 'report'>
	created_at: Timestamp
}

export interface ParticipantRow {
	full_name: string
	title: string
	organisation_name: string
}

export interface TripReportTable {
	plan_id: string
	summary: Generated<string>
	results: Generated<string>
	activities_done: Generated<string>
	proposals: Generated<string>
	participants: ColumnType<
		ParticipantRow[],
		ParticipantRow[] | undefined,
		ParticipantRow[]
	>
	version: Generated<number>
	submitted_at: Date | null
	created_at: Timestamp
	updated_at: Timestamp
}

export type EventVia = 'page' | 'link'

export interface PlanEventTable {
	id: Generated<string>
	plan_id: string
	event: string
	actor_id: string
	actor_organisation_id: string
	from_status: string
	to_status: string
	comment: string | null
	plan_version: number
	plan_snapshot: unknown
	/** The principal when a substitute decided on their behalf. */
	on_behalf_of: string | null
	/** How the event was taken: on a signed-in page, or through an email's decision link. */
	via: Generated<EventVia>
	created_at: Timestamp
	/** For a change of status: when the plan left the status it entered (its next change), set by a trigger. */
	left_at: Generated<Timestamp | null>
}

export interface SubstitutionTable {
	id: Generated<string>
	organisation_id: string
	principal_id: string
	substitute_id: string
	/** Asia/Ho_Chi_Minh days, both included. */
	starts_on: string
	ends_on: string
	created_by: string
	ended_early_at: Date | null
	created_at: Timestamp
	updated_at: Timestamp
}

export interface DecisionTokenTable {
	id: Generated<string>
	token_hash: string
	approver_id: string
	plan_id: string
	step_status: string
	plan_version: number
	action: 'approve' | 'return'
	expires_at: RequiredTimestamp
	used_at: Date | null
	created_at: Timestamp
}

export interface NotificationTable {
	id: Generated<string>
	user_id: string
	plan_id: string | null
	kind: string
	params: unknown
	dedupe_key: string
	read_at: Date | null
	created_at: Timestamp
}

export interface EmailMessageTable {
	id: Generated<string>
	recipient_id: string | null
	to_address: string
	template: string
	props: unknown
	plan_id: string | null
	organisation_id: string | null
	dedupe_key: string
	status: Generated<EmailStatus>
	attempts: Generated<number>
	last_error: string | null
	subject: string | null
	html: string | null
	text: string | null
	created_at: Timestamp
	sent_at: Date | null
	/** When the message was claimed for SMTP ('sending'). */
	claimed_at: Date | null
	/** To a person of the directory who is not a user (recipient_id null): their organisation's Outbox shows it. */
	person_id: Generated<string | null>
}

export interface JobWorkerTable {
	/** graphile-worker's worker pool id (the jobs' locked_by). */
	id: string
	started_at: Timestamp
	seen_at: Timestamp
}

export interface PasswordResetTable {
	id: Generated<string>
	user_id: string
	token_hash: string
	expires_at: RequiredTimestamp
	used_at: Date | null
	created_at: Timestamp
}

export interface AgreementTable {
	id: Generated<string>
	organisation_id: string
	partner_id: string
	title: string
	kind: AgreementKind
	signed_on: string | null
	valid_from: string | null
	valid_to: string | null
	file_name: string | null
	file_content_type: string | null
	file_size: number | null
	file_sha256: string | null
	file_data: Uint8Array | null
	version: Generated<number>
	created_by: string
	created_at: Timestamp
	updated_at: Timestamp
}

export interface PartnerSupportTable {
	id: Generated<string>
	organisation_id: string
	partner_id: string
	/** numeric(14, 2): read as a string. */
	amount: ColumnType<string, string | number, string | number>
	currency: string
	given_on: string
	purpose: Generated<string>
	created_by: string
	created_at: Timestamp
}

export interface AnnualReportTable {
	id: Generated<string>
	organisation_id: string
	year: number
	number_symbol: Generated<string>
	place: Generated<string>
	/** 'YYYY-MM-DD' */
	report_date: string | null
	request_text: Generated<string>
	results: Generated<string>
	difficulties: Generated<string>
	plan_intro: Generated<string>
	recipients: Generated<string>
	signature_on_behalf: Generated<string>
	signature_title: Generated<string>
	signer_name: Generated<string>
	governing_body: Generated<string>
	proposals: Generated<string>
	version: Generated<number>
	created_by: string
	created_at: Timestamp
	updated_at: Timestamp
}

/** Computed public holidays 2020–2035 (lib/working-days.ts publicHolidays), for SQL scans. */
export interface PublicHolidayTable {
	day: string
	name: string
}

/** Days off and make-up working days the board admin declares. */
export interface DeclaredDayTable {
	day: string
	kind: 'off' | 'working'
	note: string
	declared_by: string
	version: Generated<number>
	created_at: Timestamp
}

export interface DocumentCounterTable {
	organisation_id: string
	year: number
	kind: string
	last_number: number
}

/** One entry of the register of outgoing documents (sổ văn bản đi). */
export interface OutgoingDocumentTable {
	id: Generated<string>
	organisation_id: string
	year: number
	kind: string
	number: number
	notation: string
	subject: string
	/** 'YYYY-MM-DD' */
	issued_on: string
	plan_id: string | null
	annual_report_id: string | null
	plan_version: number | null
	content: unknown | null
	issued_by: string
	created_at: Timestamp
}

export const ANSWER_KINDS = ['cong_van', 'quyet_dinh', 'thong_bao'] as const
export type AnswerKind = (typeof ANSWER_KINDS)[number]

/** The written answer a step's organisation gave with its decision, and its signed scan. */
export interface WrittenAnswerTable {
	id: Generated<string>
	plan_id: string
	plan_event_id: string
	organisation_id: string
	kind: AnswerKind
	number: string
	/** 'YYYY-MM-DD' */
	issued_on: string
	signer: string
	file_name: string
	size: number
	sha256: string
	data: Uint8Array
	created_by: string
	created_at: Timestamp
}

/** One of an organisation's people (the directory plan members are chosen from). */
export interface PersonTable {
	id: Generated<string>
	organisation_id: string
	full_name: string
	position: Generated<string>
	unit: Generated<string>
	/** 'YYYY-MM-DD' */
	born_on: string | null
	/** Optional: the passport reminders about their own passport go here too. */
	email: Generated<string | null>
	search_text: GeneratedAlways<string>
	version: Generated<number>
	created_by: string | null
	created_at: Timestamp
	updated_at: Timestamp
}

export interface PassportTable {
	id: Generated<string>
	organisation_id: string
	person_id: string
	number: string
	kind: PassportType
	/** 'YYYY-MM-DD' */
	issued_on: string
	expires_on: string
	state: Generated<PassportState>
	plan_id: string | null
	out_event_id: string | null
	version: Generated<number>
	created_at: Timestamp
	updated_at: Timestamp
}

/** Append-only: the database refuses UPDATE and DELETE. */
export interface PassportEventTable {
	id: Generated<string>
	passport_id: string
	organisation_id: string
	event: PassportEventKind
	from_state: PassportState | null
	to_state: PassportState
	plan_id: string | null
	out_event_id: string | null
	/** 'YYYY-MM-DD' */
	happened_on: string
	handed_by: Generated<string>
	received_by: Generated<string>
	note: Generated<string>
	actor_id: string
	created_at: Timestamp
}

export type RequestAudience = 'all' | 'provinces' | 'sectors' | 'chosen'
export const RESPONSE_STATUSES = [
	'not_started',
	'draft',
	'submitted',
	'returned',
] as const
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number]

/** A report request (công văn yêu cầu báo cáo) to organisations, with the template they fill. */
export interface ReportRequestTable {
	id: Generated<string>
	organisation_id: string
	number_symbol: string
	/** 'YYYY-MM-DD' */
	issued_on: string
	outgoing_document_id: string | null
	title: string
	audience: RequestAudience
	/** 'YYYY-MM-DD' */
	due_on: string
	/** lib/report-template.ts ReportTemplate, copied at issue. */
	template: unknown
	letter_name: string | null
	letter_size: number | null
	letter_sha256: string | null
	letter_data: Uint8Array | null
	created_by: string
	created_at: Timestamp
}

/** One asked organisation's answer (lib/report-template.ts ReportContent). */
export interface ReportResponseTable {
	id: Generated<string>
	request_id: string
	organisation_id: string
	status: Generated<ResponseStatus>
	content: unknown | null
	number_symbol: Generated<string>
	report_date: string | null
	signer_name: Generated<string>
	signature_title: Generated<string>
	submitted_at: Date | null
	version: Generated<number>
	updated_by: string | null
	updated_at: Timestamp
}

export interface ReportResponseEventTable {
	id: Generated<string>
	response_id: string
	event: 'save' | 'submit' | 'return'
	from_status: ResponseStatus
	to_status: ResponseStatus
	comment: string | null
	actor_id: string
	created_at: Timestamp
}

/** One row per plan counted as a delegation, kept by triggers for the statistics (see its migration). */
export interface StatisticsDelegationTable {
	plan_id: string
	organisation_id: string
	plan_year: number
	direction: string
	status: string
	country: string | null
	partner_id: string | null
	/** The typed partner name, trimmed (null when empty). */
	partner_name: string | null
	cancel_reason: string | null
	report_due_on: string | null
	/** plan_member rows, else member_count; 0 once cancelled. */
	people: number
	/** The day (Asia/Ho_Chi_Minh) its post-trip report was submitted. */
	report_submitted_on: string | null
}

/** The hours of the passes through step_N, per organisation, plan year, chain and chosen optional steps (triggers). */
export interface StatisticsStepTimeTable {
	organisation_id: string
	plan_year: number
	chain_id: string
	optional_step_ids: string[]
	n: number
	hours: number[]
}

/** A random version per organisation and plan year of the statistics summary, new at every change (triggers). */
export interface StatisticsVersionTable {
	organisation_id: string
	plan_year: number
	version: Generated<string>
}

export interface DB {
	person: PersonTable
	passport: PassportTable
	passport_event: PassportEventTable
	report_request: ReportRequestTable
	report_response: ReportResponseTable
	report_response_event: ReportResponseEventTable
	document_counter: DocumentCounterTable
	outgoing_document: OutgoingDocumentTable
	written_answer: WrittenAnswerTable

	annual_report: AnnualReportTable
	agreement: AgreementTable
	partner_support: PartnerSupportTable
	trip_report: TripReportTable
	notification: NotificationTable
	email_message: EmailMessageTable
	job_worker: JobWorkerTable
	password_reset: PasswordResetTable
	plan: PlanTable
	plan_member: PlanMemberTable
	plan_budget_line: PlanBudgetLineTable
	plan_attachment: PlanAttachmentTable
	plan_event: PlanEventTable
	statistics_delegation: StatisticsDelegationTable
	statistics_step_time: StatisticsStepTimeTable
	statistics_version: StatisticsVersionTable
	organisation: OrganisationTable
	app_user: AppUserTable
	session: SessionTable
	login_attempt: LoginAttemptTable
	audit_log: AuditLogTable
	chain: ChainTable
	chain_step: ChainStepTable
	step_approval: StepApprovalTable
	substitution: SubstitutionTable
	decision_token: DecisionTokenTable
	'calendar.public_holiday': PublicHolidayTable
	declared_day: DeclaredDayTable
}

export type Organisation = Selectable<OrganisationTable>
export type NewOrganisation = Insertable<OrganisationTable>
export type OrganisationUpdate = Updateable<OrganisationTable>
export type AppUser = Selectable<AppUserTable>
export type NewAppUser = Insertable<AppUserTable>

export type Plan = Selectable<PlanTable>
export type PlanUpdate = Updateable<PlanTable>
export type NewPlanMember = Insertable<PlanMemberTable>
export type NewPlanBudgetLine = Insertable<PlanBudgetLineTable>
export type NewPlanAttachment = Insertable<PlanAttachmentTable>
export type NewPlanEvent = Insertable<PlanEventTable>
