import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import postgres from 'postgres'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { backupDatabase, restoreDatabase, tableChecksums } from '#db/backup.server.ts'
import { db } from '#db/client.server.ts'
import { seedDemo } from '#seed/seed.ts'
import { databaseUrl } from '../setup/database-url.ts'

const adminUrl = inject('dbAdminUrl')
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
const created: string[] = []
let dir: string

async function emptyDatabase() {
	const name = `${inject('dbPrefix')}_restore_${Math.random().toString(36).slice(2, 8)}`
	await admin.unsafe(`CREATE DATABASE "${name}" ENCODING 'UTF8' TEMPLATE template0`)
	created.push(name)
	return databaseUrl(adminUrl, name)
}

beforeAll(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), 'app-backup-'))
})
afterAll(async () => {
	for (const name of created) await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
	await admin.end()
	await rm(dir, { recursive: true, force: true })
})

test('a backup restored into an empty database holds every row of every table, and new rows carry on after them', async () => {
	await seedDemo(db)
	// Text that COPY's format must escape comes back as it was.
	await db.updateTable('organisation').set({ name_en: 'Tab\there, new\nline, back\\slash, \\N, \r' }).where('kind', '=', 'vgcl_board').execute()
	const source = process.env.DATABASE_URL!
	const file = path.join(dir, 'demo.gz')
	const counts = await backupDatabase(source, file)
	expect(counts['public.plan']).toBeGreaterThan(0)
	expect(counts['public.plan_event']).toBeGreaterThan(0)

	const target = await emptyDatabase()
	await restoreDatabase(target, file)
	const before = await tableChecksums(source)
	const after = await tableChecksums(target)
	expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort())
	for (const table of Object.keys(before)) expect({ table, ...after[table] }).toEqual({ table, ...before[table] })

	// Sequences moved on: a new audit row (serial id) in the restored database does not collide.
	const restored = postgres(target, { max: 1, onnotice: () => {} })
	try {
		const [{ max }] = await restored<{ max: string | null }[]>`SELECT max(id)::text AS max FROM audit_log`
		const [{ next }] = await restored<{ next: string }[]>`
			SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))::text AS next`
		expect(BigInt(next)).toBeGreaterThan(BigInt(max ?? '0'))
	} finally {
		await restored.end()
	}

	// A database that already holds data is never overwritten.
	await expect(restoreDatabase(target, file)).rejects.toThrow('not empty')
})

test('a file that is not a backup is refused before anything is written', async () => {
	const file = path.join(dir, 'not-a-backup.gz')
	await writeFile(file, gzipSync('{"format":"something else"}\n'))
	const target = await emptyDatabase()
	await expect(restoreDatabase(target, file)).rejects.toThrow('is not a backup')
	const check = postgres(target, { max: 1, onnotice: () => {} })
	try {
		const [{ n }] = await check<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`
		expect(n).toBe(0)
	} finally {
		await check.end()
	}
})

test('npm run db:backup writes the file and says how many rows it saved', async () => {
	await seedDemo(db)
	const file = path.join(dir, 'cli.gz')
	const { stdout } = await promisify(execFile)('node', ['--import', 'tsx', 'db/backup.ts', file], {
		env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
		timeout: 60_000,
	})
	expect(stdout).toMatch(/^Đã sao lưu \d+ bảng \(\d+ dòng\) vào .*cli\.gz/)
	const target = await emptyDatabase()
	await restoreDatabase(target, file)
	expect((await tableChecksums(target))['public.plan']).toEqual((await tableChecksums(process.env.DATABASE_URL!))['public.plan'])
})
