import { sql } from 'kysely'
import postgres from 'postgres'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { createDb } from '#db/connect.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { databaseUrl } from '../setup/database-url.ts'

// A database made from template0, not from the migrated test template: the migrations
// must build the whole schema from nothing, as on a new server.
const adminUrl = inject('dbAdminUrl')
const name = `${inject('dbPrefix')}_empty_${process.pid}`
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
let db: ReturnType<typeof createDb>

beforeAll(async () => {
	await admin.unsafe(`CREATE DATABASE "${name}" ENCODING 'UTF8' TEMPLATE template0`)
	db = createDb(databaseUrl(adminUrl, name), { max: 1 })
})

afterAll(async () => {
	await db?.destroy()
	await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
	await admin.end()
})

test('migrations build the schema on an empty database, and a second run changes nothing', async () => {
	const first = await migrateToLatest(db)
	expect(first.length).toBeGreaterThan(0)
	expect(first.every(r => r.status === 'Success')).toBe(true)

	const tables = await sql<{ tablename: string }>`
		SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_migration%'`.execute(db)
	expect(tables.rows.map(r => r.tablename)).toEqual(
		expect.arrayContaining(['organisation', 'app_user', 'session', 'login_attempt', 'chain', 'chain_step']),
	)

	// The pieces search and sorting rely on came along too.
	const folded = await sql<{ v: string }>`SELECT vn_fold('Liên đoàn Lao động tỉnh Quảng Trị') AS v`.execute(db)
	expect(folded.rows[0].v).toBe('lien doan lao dong tinh quang tri')
	const sorted = await sql<{ n: string }>`
		SELECT n FROM (VALUES ('Đà Nẵng'), ('Yên Bái'), ('Dương')) v(n) ORDER BY n COLLATE vi`.execute(db)
	expect(sorted.rows.map(r => r.n)).toEqual(['Dương', 'Đà Nẵng', 'Yên Bái'])

	const applied = await db.selectFrom('kysely_migration' as never).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
	expect(applied).toEqual({ n: first.length })

	const second = await migrateToLatest(db)
	expect(second).toEqual([])
	const again = await db.selectFrom('kysely_migration' as never).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
	expect(again).toEqual({ n: first.length })
})
