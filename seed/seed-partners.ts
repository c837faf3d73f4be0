import { type Insertable, type Kysely, type Transaction } from 'kysely'
import { addDays, todayIso } from '#lib/trip-dates.ts'
import { type DB } from '#db/schema.ts'

type Db = Kysely<DB> | Transaction<DB>
type NewAgreement = Insertable<DB['agreement']>
type NewPartnerSupport = Insertable<DB['partner_support']>

/**
 * Seed 000: LĐLĐ tỉnh Quảng Trị's memoranda with LHCĐ tỉnh Savannakhet (signed on the visits
 * of 2013 and 2018), a cooperation agreement for 2020–2022, and a current agreement with LHCĐ
 * tỉnh Salavan whose period ends 60 days from the day the demo is loaded, so the 90-day flag
 * shows. The seed gives only the 4,500 USD total over ten years; it is split over the four
 * visits to Savannakhet (2011, 2013, 2015, 2018).
 */
export async function seedPartners(
	trx: Db,
	ids: { ldld: string; savannakhet: string; salavan: string },
	today = todayIso(),
) {
	const { id: createdBy } = await trx
		.selectFrom('app_user')
		.select('id')
		.where('email', '=', 'soanthao@ldld-quangtri.vn')
		.executeTakeFirstOrThrow()
	const own = { organisation_id: ids.ldld, created_by: createdBy }
	const endsSoon = addDays(today, 60)
	const startsOn = addDays(endsSoon, -3 * 365)
	const agreements: NewAgreement[] = [
		{
			...own,
			partner_id: ids.savannakhet,
			title: 'Biên bản ghi nhớ hợp tác giai đoạn 2013–2018',
			kind: 'mou',
			signed_on: '2013-05-16',
			valid_from: '2013-05-16',
			valid_to: '2018-05-15',
		},
		{
			...own,
			partner_id: ids.savannakhet,
			title: 'Biên bản ghi nhớ hợp tác giai đoạn 2018–2023',
			kind: 'mou',
			signed_on: '2018-08-22',
			valid_from: '2018-08-22',
			valid_to: '2023-08-21',
		},
		{
			...own,
			partner_id: ids.savannakhet,
			title: 'Thỏa thuận hợp tác giai đoạn 2020–2022',
			kind: 'cooperation_agreement',
			signed_on: '2019-12-20',
			valid_from: '2020-01-01',
			valid_to: '2022-12-31',
		},
		{
			...own,
			partner_id: ids.salavan,
			title: `Thỏa thuận hợp tác giai đoạn ${startsOn.slice(0, 4)}–${endsSoon.slice(0, 4)}`,
			kind: 'cooperation_agreement',
			signed_on: startsOn,
			valid_from: startsOn,
			valid_to: endsSoon,
		},
	]
	await trx.insertInto('agreement').values(agreements).execute()

	const purpose =
		'Hỗ trợ mua sắm trang thiết bị, tổ chức các hoạt động công đoàn'
	const support: NewPartnerSupport[] = [
		['2011-09-15', 1000],
		['2013-05-16', 1000],
		['2015-07-09', 1000],
		['2018-08-22', 1500],
	].map(([given_on, amount]) => ({
		...own,
		partner_id: ids.savannakhet,
		given_on: String(given_on),
		amount,
		currency: 'USD',
		purpose,
	}))
	await trx.insertInto('partner_support').values(support).execute()
}
