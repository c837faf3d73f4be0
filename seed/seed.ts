import { sql, type Kysely } from 'kysely'
import { hashPassword } from '#lib/password.server.ts'
import { recordHistoryEmailsSent } from '#workflows/notify/history.server.ts'
import { seedPartners } from './seed-partners.ts'
import { seedPeople } from './seed-people.ts'
import { seedPlans } from './seed-plans.ts'
import { type DB, type NewAppUser, type NewOrganisation } from '#db/schema.ts'

export const DEMO_PASSWORD = 'Doingoai@2026'

type OrgKey =
	| 'ldld'
	| 'tinhUy'
	| 'board'
	| 'banBiThu'
	| 'cdct'
	| 'dangUyBct'
	| 'savannakhet'
	| 'salavan'

const organisations: Record<OrgKey, NewOrganisation> = {
	board: {
		kind: 'vgcl_board',
		name_vi: 'Ban Đối ngoại Tổng Liên đoàn Lao động Việt Nam',
		name_en: 'VGCL Foreign Affairs Department',
		short_name: 'Ban Đối ngoại TLĐ',
		document_notation: '{n}/{kind}-ĐN',
		province: 'Hà Nội',
	},
	banBiThu: {
		kind: 'party_committee',
		name_vi: 'Ban Bí thư Trung ương Đảng',
		name_en: 'Party Central Secretariat',
		short_name: 'Ban Bí thư',
		document_notation: '{n}-{kind}/TW',
		province: 'Hà Nội',
	},
	ldld: {
		kind: 'provincial_federation',
		name_vi: 'Liên đoàn Lao động tỉnh Quảng Trị',
		name_en: 'Quang Tri Provincial Federation of Labour',
		short_name: 'LĐLĐ tỉnh Quảng Trị',
		document_notation: '{n}/{kind}-LĐLĐ',
		province: 'Quảng Trị',
	},
	tinhUy: {
		kind: 'party_committee',
		name_vi: 'Tỉnh ủy Quảng Trị',
		name_en: 'Quang Tri Provincial Party Committee',
		short_name: 'Tỉnh ủy Quảng Trị',
		document_notation: '{n}-{kind}/TU',
		province: 'Quảng Trị',
	},
	cdct: {
		kind: 'sector_union',
		name_vi: 'Công đoàn Công Thương Việt Nam',
		name_en: 'Vietnam Industry and Trade Trade Union',
		short_name: 'CĐCTVN',
		document_notation: '{n}/{kind}-CĐCT',
		province: 'Hà Nội',
	},
	dangUyBct: {
		kind: 'party_committee',
		name_vi: 'Đảng ủy Bộ Công Thương',
		name_en: 'Party Committee of the Ministry of Industry and Trade',
		short_name: 'Đảng ủy Bộ Công Thương',
		document_notation: '{n}-{kind}/ĐU',
		province: 'Hà Nội',
	},
	savannakhet: {
		kind: 'foreign_partner',
		name_vi: 'Liên hiệp Công đoàn tỉnh Savannakhet',
		name_en: 'Savannakhet Provincial Trade Union Federation',
		short_name: 'LHCĐ tỉnh Savannakhet',
		name_original: 'ສະຫະພັນກຳມະບານແຂວງສະຫວັນນະເຂດ',
		partner_type: 'federation',
		country: 'LA',
		province: 'Savannakhet',
	},
	salavan: {
		kind: 'foreign_partner',
		name_vi: 'Liên hiệp Công đoàn tỉnh Salavan',
		name_en: 'Salavan Provincial Trade Union Federation',
		short_name: 'LHCĐ tỉnh Salavan',
		name_original: 'ສະຫະພັນກຳມະບານແຂວງສາລະວັນ',
		partner_type: 'federation',
		country: 'LA',
		province: 'Salavan',
	},
}

type DemoUser = Omit<NewAppUser, 'password_hash' | 'organisation_id'> & {
	org: OrgKey
}

export const demoUsers: DemoUser[] = [
	{
		org: 'ldld',
		email: 'soanthao@ldld-quangtri.vn',
		full_name: 'Nguyễn Thị Hương',
		title: 'Chuyên viên Văn phòng (kiêm nhiệm đối ngoại)',
		roles: ['drafter'],
	},
	{
		org: 'ldld',
		email: 'chutich@ldld-quangtri.vn',
		full_name: 'Lê Văn Đức',
		title: 'Chủ tịch LĐLĐ tỉnh',
		roles: ['approver'],
	},
	{
		org: 'ldld',
		email: 'phochutich@ldld-quangtri.vn',
		full_name: 'Trần Thị Thu Hà',
		title: 'Phó Chủ tịch Thường trực LĐLĐ tỉnh',
		roles: ['approver'],
	},
	{
		org: 'ldld',
		email: 'quantri@ldld-quangtri.vn',
		full_name: 'Phạm Minh Tuấn',
		title: 'Chánh Văn phòng',
		roles: ['admin'],
	},
	{
		org: 'tinhUy',
		email: 'pheduyet@tinhuy-quangtri.vn',
		full_name: 'Hoàng Văn Bình',
		title: 'Trưởng Ban Đối ngoại Tỉnh ủy',
		roles: ['approver'],
	},
	{
		org: 'board',
		email: 'pheduyet@bandoingoai-tld.vn',
		full_name: 'Đặng Thị Mai',
		title: 'Trưởng Ban Đối ngoại',
		roles: ['approver'],
	},
	{
		org: 'board',
		email: 'quantri@bandoingoai-tld.vn',
		full_name: 'Vũ Quốc Anh',
		title: 'Chuyên viên Ban Đối ngoại',
		roles: ['admin'],
	},
	{
		org: 'cdct',
		email: 'soanthao@cdct.vn',
		full_name: 'Đỗ Thị Lan',
		title: 'Chuyên viên Ban Tuyên giáo - Nữ công',
		roles: ['drafter'],
	},
	{
		org: 'cdct',
		email: 'chutich@cdct.vn',
		full_name: 'Bùi Văn Cường',
		title: 'Chủ tịch CĐCTVN',
		roles: ['approver', 'admin'],
	},
	{
		org: 'dangUyBct',
		email: 'pheduyet@danguy-bct.vn',
		full_name: 'Ngô Thị Yến',
		title: 'Phó Bí thư Đảng ủy',
		roles: ['approver'],
	},
]

const chains: Partial<
	Record<
		OrgKey,
		{
			org: OrgKey
			label_vi: string
			label_en: string
			optional?: boolean
			requires_written_answer?: boolean
		}[]
	>
> = {
	ldld: [
		{
			org: 'ldld',
			label_vi: 'Ban Thường vụ LĐLĐ tỉnh',
			label_en: 'Federation standing committee',
		},
		{
			org: 'tinhUy',
			label_vi: 'Tỉnh ủy',
			label_en: 'Provincial Party Committee',
		},
		{
			org: 'banBiThu',
			label_vi: 'Ban Bí thư Trung ương Đảng',
			label_en: 'Party Central Secretariat',
			optional: true,
		},
		{
			org: 'board',
			label_vi: 'Ban Đối ngoại TLĐ',
			label_en: 'VGCL Foreign Affairs Department',
		},
	],
	cdct: [
		{
			org: 'cdct',
			label_vi: 'Ban Thường vụ CĐCTVN',
			label_en: 'Union standing committee',
		},
		{
			org: 'dangUyBct',
			label_vi: 'Đảng ủy Bộ Công Thương',
			label_en: 'Ministry Party Committee',
		},
		{
			org: 'board',
			label_vi: 'Ban Đối ngoại TLĐ',
			label_en: 'VGCL Foreign Affairs Department',
		},
	],
}

export async function isDatabaseEmpty(db: Kysely<DB>) {
	return !(await db
		.selectFrom('organisation')
		.select('id')
		.limit(1)
		.executeTakeFirst())
}

/** The demo organisations, users and chains; one transaction, so it is all there or none. */
export async function seedDemo(db: Kysely<DB>) {
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	await db.transaction().execute(async trx => {
		const ids = {} as Record<OrgKey, string>
		for (const [key, org] of Object.entries(organisations) as [
			OrgKey,
			NewOrganisation,
		][]) {
			const row = await trx
				.insertInto('organisation')
				.values(org)
				.returning('id')
				.executeTakeFirstOrThrow()
			ids[key] = row.id
		}
		await trx
			.updateTable('organisation')
			.set({ parent_id: ids.board })
			.where('id', 'in', [ids.ldld, ids.cdct])
			.execute()
		await trx
			.insertInto('app_user')
			.values(
				demoUsers.map(({ org, ...user }) => ({
					...user,
					organisation_id: ids[org],
					password_hash: passwordHash,
				})),
			)
			.execute()
		for (const [key, steps] of Object.entries(chains) as [
			OrgKey,
			NonNullable<(typeof chains)[OrgKey]>,
		][]) {
			const chain = await trx
				.insertInto('chain')
				.values({ organisation_id: ids[key], version: 1 })
				.returning('id')
				.executeTakeFirstOrThrow()
			await trx
				.insertInto('chain_step')
				.values(
					steps.map(({ org, optional = false, ...labels }, index) => ({
						...labels,
						optional,
						chain_id: chain.id,
						organisation_id: ids[org],
						position: index + 1,
					})),
				)
				.execute()
		}
		const drafter = await trx
			.selectFrom('app_user')
			.select('id')
			.where('email', '=', 'soanthao@ldld-quangtri.vn')
			.executeTakeFirstOrThrow()
		// The directory first: the delegation abroad now takes two of its people and their passports.
		const people = await seedPeople(trx, ids, drafter.id)
		await seedPlans(trx, ids, people)
		await seedPartners(trx, ids)
		// The demo's events are history (2019): the bell counts only what is new to the person.
		await trx
			.updateTable('notification')
			.set({ read_at: sql`now()` })
			.where('read_at', 'is', null)
			.execute()
		await recordHistoryEmailsSent(trx)
	})
}

export function demoLoginsText() {
	const lines = demoUsers.map(
		u =>
			`  ${u.email.padEnd(30)} ${u.full_name} — ${u.title} [${(u.roles ?? []).join(', ')}]`,
	)
	return [`Tài khoản demo (mật khẩu chung: ${DEMO_PASSWORD}):`, ...lines].join(
		'\n',
	)
}
