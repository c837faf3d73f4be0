import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/** A timestamptz with a database default: optional on insert. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>
type GeneratedAlways<T> = ColumnType<T, never, never>

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

export const LOCALES = ['vi', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export interface OrganisationTable {
	id: Generated<string>
	kind: OrganisationKind
	name_vi: string
	name_en: Generated<string>
	short_name: string
	province: string | null
	country: Generated<string>
	parent_id: string | null
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
	search_text: GeneratedAlways<string>
	version: Generated<number>
	created_at: Timestamp
	updated_at: Timestamp
}

export interface SessionTable {
	id: string
	user_id: string
	expires_at: RequiredTimestamp
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
}

export interface DB {
	organisation: OrganisationTable
	app_user: AppUserTable
	session: SessionTable
	login_attempt: LoginAttemptTable
	chain: ChainTable
	chain_step: ChainStepTable
}

export type Organisation = Selectable<OrganisationTable>
export type NewOrganisation = Insertable<OrganisationTable>
export type OrganisationUpdate = Updateable<OrganisationTable>
export type AppUser = Selectable<AppUserTable>
export type NewAppUser = Insertable<AppUserTable>
