import { type Kysely, type Transaction } from 'kysely'
import {
	insertPassport,
	insertPassportEvent,
} from '#db/repos/passport.server.ts'
import { insertPeople } from '#db/repos/person.server.ts'
import { type PassportType } from '#lib/enums.ts'
import { type DB } from '#db/schema.ts'

type Db = Kysely<DB> | Transaction<DB>

// LĐLĐ tỉnh Quảng Trị's directory: its leaders and foreign-affairs staff, and the official
// passports the federation keeps in its safe (Quyết định 58/2012/QĐ-TTg). Names are invented.
const people: {
	full_name: string
	position: string
	born_on: string
	// The holder's own address, for the passport's hand-back reminders; not everyone gives one.
	email?: string
	passports: {
		number: string
		kind: PassportType
		issued_on: string
		expires_on: string
	}[]
}[] = [
	{
		full_name: 'Hoàng Văn Sơn',
		email: 'hvson@ldld-quangtri.vn',
		position: 'Chủ tịch LĐLĐ tỉnh',
		born_on: '1968-05-12',
		passports: [
			{ number: 'C3021456', kind: 'official', issued_on: '2018-03-15', expires_on: '2028-03-15' },
		],
	},
	{
		full_name: 'Đặng Thị Minh Hà',
		email: 'dtmha@ldld-quangtri.vn',
		position: 'Phó Chủ tịch thường trực',
		born_on: '1972-11-03',
		passports: [
			// Expires in 2027: a plan returning after mid-2026 flags it.
			{ number: 'C1987034', kind: 'official', issued_on: '2017-06-20', expires_on: '2027-06-20' },
		],
	},
	{
		full_name: 'Trần Quốc Dũng',
		position: 'Trưởng ban Tổ chức',
		born_on: '1979-01-25',
		passports: [
			{ number: 'C4410782', kind: 'official', issued_on: '2021-09-01', expires_on: '2031-09-01' },
			{ number: 'P00571234', kind: 'ordinary', issued_on: '2019-04-10', expires_on: '2029-04-10' },
		],
	},
	{
		full_name: 'Lê Thị Thu Thủy',
		email: 'lttthuy@ldld-quangtri.vn',
		position: 'Chuyên viên Văn phòng (kiêm nhiệm đối ngoại)',
		born_on: '1988-08-18',
		passports: [
			{ number: 'C5108823', kind: 'official', issued_on: '2023-02-14', expires_on: '2033-02-14' },
		],
	},
	{
		full_name: 'Nguyễn Văn Ánh',
		position: 'Ủy viên Ban Thường vụ, Chủ tịch Công đoàn ngành Giáo dục',
		born_on: '1975-07-30',
		passports: [],
	},
]

/** The directory's people as seeded, by name, with the ids of their passports (for the demo's trips). */
export type SeededPeople = Map<
	string,
	{
		personId: string
		position: string
		passports: { id: string; kind: PassportType }[]
	}
>

export async function seedPeople(
	trx: Db,
	ids: { ldld: string },
	recordedBy: string,
): Promise<SeededPeople> {
	const seeded: SeededPeople = new Map()
	const personIds = await insertPeople(
		trx,
		ids.ldld,
		recordedBy,
		people.map(({ passports: _p, ...p }) => ({ ...p, unit: 'LĐLĐ tỉnh Quảng Trị' })),
	)
	for (const [index, person] of people.entries()) {
		const entry = {
			personId: personIds[index]!,
			position: person.position,
			passports: [] as { id: string; kind: PassportType }[],
		}
		seeded.set(person.full_name, entry)
		for (const passport of person.passports) {
			const row = await insertPassport(trx, {
				...passport,
				organisation_id: ids.ldld,
				person_id: personIds[index]!,
			})
			if (!row) continue
			entry.passports.push({ id: row.id, kind: passport.kind })
			await insertPassportEvent(trx, {
				passport_id: row.id,
				organisation_id: ids.ldld,
				event: 'registered',
				from_state: null,
				to_state: 'in_safe',
				happened_on: passport.issued_on,
				actor_id: recordedBy,
			})
		}
	}
	return seeded
}
