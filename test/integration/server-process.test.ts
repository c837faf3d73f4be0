import { spawn, spawnSync } from 'node:child_process'
import {
	chmodSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
} from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { freePort, startEmbeddedPostgres } from '#db/embedded.server.ts'
import { demoUsers } from '#seed/seed.ts'
import { startSmtpServer } from '../mail.ts'
import { databaseUrl } from '../setup/database-url.ts'

// `npm start` as a user runs it, in a process group of its own, as a terminal would hold it:
// a Ctrl-C there is a SIGINT to the whole group.
const root = path.resolve(import.meta.dirname, '../..')
const adminUrl = inject('dbAdminUrl')
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
const cleanUps: (() => Promise<void> | void)[] = []

beforeAll(() => {
	// The server serves the Remix build; `npm test` alone may run before any build.
	if (!existsSync(path.join(root, 'build/index.js'))) {
		const build = spawnSync('npx', ['remix', 'build'], {
			cwd: root,
			stdio: 'ignore',
		})
		if (build.status !== 0) throw new Error('remix build failed')
	}
}, 240_000)

afterAll(async () => {
	for (const cleanUp of cleanUps.reverse()) await cleanUp()
	await admin.end()
})

type Server = ReturnType<typeof startServer>

function startServer(env: Record<string, string>) {
	const clean: Record<string, string> = {}
	for (const [key, value] of Object.entries(process.env))
		if (
			value !== undefined &&
			!/^(NODE_ENV|VITEST.*|DATABASE_URL|DATA_DIR|SMTP_URL)$/.test(key)
		)
			clean[key] = value
	const child = spawn(
		process.execPath,
		['--import', './stop-signals.js', '--import', 'tsx', 'server.ts'],
		{
			cwd: root,
			env: { ...clean, ...env } as NodeJS.ProcessEnv,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	)
	let output = ''
	child.stdout!.on('data', chunk => (output += chunk))
	child.stderr!.on('data', chunk => (output += chunk))
	const exit = new Promise<{
		code: number | null
		signal: string | null
		at: number
	}>(resolve =>
		child.once('exit', (code, signal) =>
			resolve({ code, signal, at: Date.now() }),
		),
	)
	cleanUps.push(() => {
		try {
			process.kill(-child.pid!, 'SIGKILL')
		} catch {
			// already gone
		}
	})
	return {
		child,
		exit,
		baseUrl: `http://127.0.0.1:${env.PORT}`,
		output: () => output,
	}
}

async function waitUntilServing(server: Server, timeoutMs = 150_000) {
	const deadline = Date.now() + timeoutMs
	let exited = false
	void server.exit.then(() => (exited = true))
	while (Date.now() < deadline) {
		if (exited)
			throw new Error(`the server exited during start-up:\n${server.output()}`)
		try {
			const response = await fetch(`${server.baseUrl}/readyz`)
			if (response.status === 200) return
		} catch {
			// not listening yet
		}
		await new Promise(resolve => setTimeout(resolve, 250))
	}
	throw new Error(`the server did not become ready:\n${server.output()}`)
}

/** Ctrl-C in the terminal: SIGINT to the whole process group; how it ended and how long it took. */
async function ctrlC(server: Server) {
	const sent = Date.now()
	process.kill(-server.child.pid!, 'SIGINT')
	const { code, signal, at } = await server.exit
	return { code, signal, seconds: (at - sent) / 1000, output: server.output() }
}

function expectCleanStop(result: Awaited<ReturnType<typeof ctrlC>>) {
	expect(result.code, result.output).toBe(0)
	expect(result.seconds).toBeLessThan(15)
	expect(result.output.match(/^Đã dừng ứng dụng\.$/gm)).toHaveLength(1)
	expect(result.output).not.toMatch(
		/^\s+at |Error|Unhandled|triggerUncaughtException/m,
	)
}

async function emptyDatabase(name: string) {
	const database = `${inject('dbPrefix')}_${name}_${process.pid}`
	await admin.unsafe(
		`CREATE DATABASE "${database}" ENCODING 'UTF8' TEMPLATE template0`,
	)
	return databaseUrl(adminUrl, database)
}

function tempDataDir() {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'app-server-test-'))
	// As root, the embedded PostgreSQL runs as the `postgres` user, who must be able to enter it.
	chmodSync(dir, 0o755)
	cleanUps.push(() => rmSync(dir, { recursive: true, force: true }))
	return dir
}

test('Ctrl-C 1 s after start, while a job runs, and after serving: each stops cleanly, leaves no job locked, and the next start serves', async () => {
	const dataDir = tempDataDir()
	const port = String(await freePort())

	const early = startServer({ DATA_DIR: dataDir, PORT: port })
	await new Promise(resolve => setTimeout(resolve, 1000))
	expectCleanStop(await ctrlC(early))

	// An SMTP server that takes the connection and never answers: the send_email job hangs.
	const sockets: net.Socket[] = []
	const silent = net.createServer(socket => sockets.push(socket))
	await new Promise<void>(resolve =>
		silent.listen(0, '127.0.0.1', () => resolve()),
	)
	cleanUps.push(() => {
		sockets.forEach(s => s.destroy())
		silent.close()
	})
	const smtpPort = (silent.address() as net.AddressInfo).port
	const busy = startServer({
		DATA_DIR: dataDir,
		PORT: port,
		SMTP_URL: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`,
	})
	await waitUntilServing(busy)
	const url = `postgres://postgres:postgres@127.0.0.1:${readFileSync(path.join(dataDir, 'port'), 'utf8')}/app`
	const appDb = postgres(url, { max: 1, onnotice: () => {} })
	const [message] = await appDb`
		UPDATE email_message SET status = 'queued'
		WHERE id = (SELECT id FROM email_message ORDER BY id LIMIT 1) RETURNING id`
	await appDb`SELECT graphile_worker.add_job('send_email', json_build_object('messageId', ${message!.id}::text),
		job_key := ${`email:${message!.id}`}::text)`
	const deadline = Date.now() + 20_000
	while (sockets.length === 0 && Date.now() < deadline)
		await new Promise(r => setTimeout(r, 100))
	expect(sockets.length, 'the worker took the job').toBeGreaterThan(0)
	const [running] =
		await appDb`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE locked_at IS NOT NULL`
	expect(running!.n).toBe(1)
	await appDb.end()
	expectCleanStop(await ctrlC(busy))

	// Nothing of the app runs now: look at its data with a PostgreSQL of our own.
	const pg = await startEmbeddedPostgres(dataDir)
	const check = postgres(pg.url, { max: 1, onnotice: () => {} })
	const jobs = await check<{ locked_at: Date | null }[]>`
		SELECT locked_at FROM graphile_worker._private_jobs WHERE key = ${`email:${message!.id}`}`
	await check.end()
	await pg.stop()
	expect(jobs).toHaveLength(1)
	expect(jobs[0]!.locked_at).toBeNull()

	const next = startServer({ DATA_DIR: dataDir, PORT: port })
	await waitUntilServing(next)
	const login = await fetch(`${next.baseUrl}/login`)
	expect(login.status).toBe(200)
	expect(await login.text()).toContain('Đăng nhập')
	expectCleanStop(await ctrlC(next))
}, 300_000)

test('two web processes started together on an empty database both serve, and the demo data is loaded once; /healthz and /readyz answer', async () => {
	const url = await emptyDatabase('two_web')
	const [a, b] = await Promise.all(
		[0, 1].map(async () =>
			startServer({
				DATABASE_URL: url,
				RUN_WORKER: 'false',
				PORT: String(await freePort()),
			}),
		),
	)
	await Promise.all([waitUntilServing(a!), waitUntilServing(b!)])
	for (const server of [a!, b!]) {
		const login = await fetch(`${server.baseUrl}/login`)
		expect(login.status).toBe(200)
	}
	const db = postgres(url, { max: 1, onnotice: () => {} })
	const [users] = await db`SELECT count(*)::int AS n FROM app_user`
	expect(users!.n).toBe(demoUsers.length)
	expect(a!.output() + b!.output()).not.toMatch(/duplicate key|Error/)
	expect(
		[a!, b!].filter(s => s.output().includes('Đã nạp dữ liệu demo')),
	).toHaveLength(1)

	const healthz = await fetch(`${a!.baseUrl}/healthz`)
	expect([healthz.status, await healthz.text()]).toEqual([200, 'ok'])
	const ready = await fetch(`${a!.baseUrl}/readyz`)
	expect([ready.status, await ready.text()]).toEqual([200, 'ok'])
	// A migration of this build missing from the database: not ready (an older database).
	const [last] = await db`DELETE FROM kysely_migration
		WHERE name = (SELECT max(name) FROM kysely_migration) RETURNING *`
	const notReady = await fetch(`${a!.baseUrl}/readyz`)
	expect([notReady.status, await notReady.text()]).toEqual([
		503,
		'migrations not applied',
	])
	await db`INSERT INTO kysely_migration ${db(last!)}`
	expect((await fetch(`${a!.baseUrl}/readyz`)).status).toBe(200)
	await db.end()

	for (const server of [a!, b!]) expectCleanStop(await ctrlC(server))
	// Stopped: the process answers nothing any more.
	await expect(fetch(`${a!.baseUrl}/healthz`)).rejects.toThrow()
}, 240_000)

test('started with SMTP_URL on an empty database, it mails nobody about the demo history, which is recorded as sent', async () => {
	const url = await emptyDatabase('smtp_history')
	const smtp = await startSmtpServer()
	cleanUps.push(() => smtp.close())
	const server = startServer({
		DATABASE_URL: url,
		SMTP_URL: smtp.url,
		PORT: String(await freePort()),
	})
	await waitUntilServing(server)
	const db = postgres(url, { max: 1, onnotice: () => {} })
	const messages = await db<
		{ id: string; status: string; subject: string | null }[]
	>`
		SELECT id, status, subject FROM email_message ORDER BY id`
	expect(messages.length).toBeGreaterThan(0)
	expect(messages.every(m => m.status === 'sent' && m.subject)).toBe(true)
	const [jobs] =
		await db`SELECT count(*)::int AS n FROM graphile_worker._private_jobs`
	expect(jobs!.n).toBe(0)

	// The worker does send: a message queued now arrives, and it is the only one.
	const [first] = messages
	await db`UPDATE email_message SET status = 'queued' WHERE id = ${first!.id}`
	await db`SELECT graphile_worker.add_job('send_email', json_build_object('messageId', ${first!.id}::text),
		job_key := ${`email:${first!.id}`}::text)`
	const deadline = Date.now() + 30_000
	while (smtp.received.length === 0 && Date.now() < deadline)
		await new Promise(r => setTimeout(r, 200))
	await new Promise(r => setTimeout(r, 2000))
	expect(smtp.received).toHaveLength(1)
	await db.end()
	expectCleanStop(await ctrlC(server))
}, 240_000)
