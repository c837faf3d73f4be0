import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here.
// Budget lines take the ISO 4217 currencies of the partners' countries, not only VND and USD.
const CODES = [
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
]

export async function up(db: Kysely<any>) {
	await sql`ALTER TABLE plan_budget_line DROP CONSTRAINT IF EXISTS plan_budget_line_currency_check`.execute(
		db,
	)
	await sql`ALTER TABLE plan_budget_line ADD CONSTRAINT plan_budget_line_currency_check
		CHECK (currency IN (${sql.join(CODES.map(c => sql.lit(c)))}))`.execute(db)
}

export async function down(db: Kysely<any>) {
	await sql`ALTER TABLE plan_budget_line DROP CONSTRAINT IF EXISTS plan_budget_line_currency_check`.execute(
		db,
	)
	await sql`ALTER TABLE plan_budget_line ADD CONSTRAINT plan_budget_line_currency_check
		CHECK (currency IN ('VND', 'USD'))`.execute(db)
}
