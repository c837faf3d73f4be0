/**
 * `npm run bench -- --scale tiny|small|large [--duration 10] [--connections 10] [--check-queries] [--no-build]`
 * Builds the app, starts the built server (BENCH=1, no worker) on 127.0.0.1 with a fresh
 * embedded database (or a new database on DATABASE_URL's server), loads generated data, signs
 * in demo users, loads each page with autocannon (bounded by duration or count), counts SQL
 * queries per request, times the daily reminder scan and one annual report DOCX, prints a
 * table and writes bench/results/<date>-<scale>.json. --check-queries then starts a second
 * server with twice the data and fails if any page's query count differs.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import autocannon from 'autocannon'
import postgres from 'postgres'
import { createDb } from '#db/connect.ts'
import { freePort } from '#db/embedded.server.ts'
import { DEMO_PASSWORD } from '#seed/seed.ts'
import { buildAnnualReportDocx } from '#workflows/annual-report/docx.server.ts'
import { getReportData } from '#db/repos/annual-report.server.ts'
import { runDailyReminders } from '#workflows/reminders/reminders.server.ts'
import { dateInVietnam } from '#workflows/reminders/reminder-points.ts'
import { type Generated, generate, SCALES, type Scale } from './generate.ts'

const root = path.resolve(import.meta.dirname, '..')
const { values: args } = parseArgs({
	options: {
		scale: { type: 'string', default: 'small' },
		duration: { type: 'string', default: '10' },
		connections: { type: 'string', default: '10' },
		seed: { type: 'string', default: '2026' },
		'check-queries': { type: 'boolean', default: false },
		'no-build': { type: 'boolean', default: false },
		/** Seconds to keep the server up after generating, for a look with a browser or psql (no load). */
		hold: { type: 'string', default: '0' },
	},
})
const scale = args.scale as Scale
if (!(scale in SCALES))
	throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`)
const duration = Number(args.duration)
const connections = Number(args.connections)
const seed = Number(args.seed)
if (!(duration > 0 && duration <= 600 && connections > 0 && connections <= 200))
	throw new Error('--duration must be 1–600 seconds and --connections 1–200')

export async function startServer() {
	if (!existsSync(path.join(root, 'build/index.js')))
		throw new Error('build/index.js is missing: run `npm run build` first.')
	const port = await freePort()
	const env: Record<string, string> = {}
	for (const [k, v] of Object.entries(process.env))
		if (v !== undefined && !/^(NODE_ENV|DATABASE_URL|VITEST.*)$/.test(k))
			env[k] = v
	Object.assign(env, {
		PORT: String(port),
		BENCH: '1',
		RUN_WORKER: 'false',
		SEED_DEMO: 'true',
		NODE_ENV: 'production',
	})
	let dataDir: string | undefined
	let dbUrl: string
	let dropDb = async () => {}
	if (process.env.DATABASE_URL) {
		const name = `app_bench_${process.pid}`
		const admin = postgres(process.env.DATABASE_URL, {
			max: 1,
			onnotice: () => {},
		})
		await admin.unsafe(
			`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`,
		)
		await admin.end()
		const url = new URL(process.env.DATABASE_URL)
		url.pathname = `/${name}`
		dbUrl = env.DATABASE_URL = url.toString()
		dropDb = async () => {
			const sql = postgres(process.env.DATABASE_URL!, {
				max: 1,
				onnotice: () => {},
			})
			await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
			await sql.end()
		}
	} else {
		dataDir = mkdtempSync(path.join(os.tmpdir(), 'app-bench-'))
		chmodSync(dataDir, 0o755)
		env.DATA_DIR = dataDir
		dbUrl = ''
	}
	let output = ''
	// BENCH_NODE_ARGS, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof', to profile the server.
	const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '')
		.split(' ')
		.filter(Boolean)
	const child = spawn(
		process.execPath,
		[...nodeArgs, '--import', 'tsx', 'server.ts'],
		{
			cwd: root,
			env: env as NodeJS.ProcessEnv,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	)
	child.stdout?.on('data', c => (output += c))
	child.stderr?.on('data', c => (output += c))
	const baseUrl = `http://127.0.0.1:${port}`
	const deadline = Date.now() + 120_000
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited:\n${output}`)
		if (Date.now() > deadline)
			throw new Error(`server did not start:\n${output}`)
		try {
			if ((await fetch(`${baseUrl}/login`)).status < 500) break
		} catch {}
		await new Promise(r => setTimeout(r, 250))
	}
	if (dataDir) {
		const pgPort = readFileSync(path.join(dataDir, 'port'), 'utf8').trim()
		dbUrl = `postgres://postgres:postgres@127.0.0.1:${pgPort}/app`
	}
	const stop = async () => {
		if (child.pid && child.exitCode === null) {
			const exited = new Promise(r => child.once('exit', r))
			process.kill(child.pid, 'SIGTERM')
			await Promise.race([exited, new Promise(r => setTimeout(r, 15_000))])
			try {
				process.kill(-child.pid, 'SIGKILL')
			} catch {}
		}
		await dropDb()
		if (dataDir) rmSync(dataDir, { recursive: true, force: true })
	}
	// Ctrl-C or a timeout stops the server (and drops its database) before the runner exits.
	const onSignal = () => void stop().finally(() => process.exit(130))
	process.once('SIGINT', onSignal)
	process.once('SIGTERM', onSignal)
	return {
		baseUrl,
		dbUrl,
		stop: async () => {
			process.off('SIGINT', onSignal)
			process.off('SIGTERM', onSignal)
			await stop()
		},
		child: child as ChildProcess,
	}
}

async function signIn(baseUrl: string, email: string) {
	const response = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: baseUrl,
		},
		body: new URLSearchParams({
			email,
			password: DEMO_PASSWORD,
			redirectTo: '/',
		}),
	})
	const cookie = response.headers
		.getSetCookie()
		.map(c => c.split(';')[0])
		.join('; ')
	if (response.status !== 302 || !cookie)
		throw new Error(`sign-in of ${email} failed (${response.status})`)
	return cookie
}

/** SQL queries of one request: the server's counter before and after, nothing else running. */
async function queriesPerRequest(
	baseUrl: string,
	cookie: string,
	url: string,
	init: RequestInit = {},
) {
	const count = async () =>
		Number(await (await fetch(`${baseUrl}/bench/queries`)).text())
	const before = await count()
	const response = await fetch(`${baseUrl}${url}`, {
		redirect: 'manual',
		...init,
		headers: { cookie, origin: baseUrl, ...init.headers },
	})
	if (response.status >= 400) throw new Error(`${url}: HTTP ${response.status}`)
	await response.arrayBuffer()
	return (await count()) - before
}

interface Row {
	name: string
	rps: number
	p50: number
	p95: number
	p99: number
	errors: number
	non2xx: number
	queries: number
}

function percentile(sorted: number[], p: number) {
	if (!sorted.length) return 0
	return sorted[
		Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
	]!
}

/** autocannon, bounded by duration or amount; latencies kept per response for exact p50/p95/p99. */
async function load(
	name: string,
	opts: autocannon.Options,
): Promise<Omit<Row, 'queries'>> {
	const times: number[] = []
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(
			{ connections, duration, ...opts },
			(error, r) => (error ? reject(error) : resolve(r)),
		)
		instance.on('response', (_client, _status, _bytes, responseTime) =>
			times.push(responseTime),
		)
	})
	times.sort((a, b) => a - b)
	return {
		name,
		rps: Math.round(result.requests.average),
		p50: +percentile(times, 50).toFixed(1),
		p95: +percentile(times, 95).toFixed(1),
		p99: +percentile(times, 99).toFixed(1),
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx,
	}
}

/** Signs in the demo users the pages are measured for. */
async function signInAll(baseUrl: string) {
	return {
		drafter: await signIn(baseUrl, 'soanthao@ldld-quangtri.vn'),
		approver: await signIn(baseUrl, 'chutich@ldld-quangtri.vn'),
		board: await signIn(baseUrl, 'pheduyet@bandoingoai-tld.vn'),
	}
}

interface Page {
	name: string
	url: string
	cookie: string
	/** Target: p95 at most this many times the floor's p95. */
	target?: number
	/** Target: p50 under this many milliseconds. */
	p50Under?: number
}

/** Every page of the nav, as the user who opens it most (issue 20's table), with its target. */
function pagesFor(
	gen: Generated,
	cookies: Awaited<ReturnType<typeof signInAll>>,
): Page[] {
	return [
		{ name: 'floor', url: '/bench/floor', cookie: cookies.approver },
		{
			name: 'settings',
			url: '/settings',
			cookie: cookies.drafter,
			target: 1.5,
		},
		{ name: 'home (drafter)', url: '/', cookie: cookies.drafter, target: 2.5 },
		{ name: 'plans', url: '/plans', cookie: cookies.drafter, target: 2.5 },
		{
			name: 'plans?q',
			url: `/plans?q=${encodeURIComponent('trao doi kinh nghiem')}`,
			cookie: cookies.drafter,
			target: 2.5,
		},
		{ name: 'inbox', url: '/inbox', cookie: cookies.approver, target: 2 },
		{
			name: 'plan (typical)',
			url: `/plans/${gen.typicalPlanId}`,
			cookie: cookies.drafter,
			target: 2.5,
		},
		{
			name: 'plan (long timeline)',
			url: `/plans/${gen.longPlanId}`,
			cookie: cookies.drafter,
			target: 3,
		},
		{ name: 'reports', url: '/reports', cookie: cookies.drafter, target: 2.5 },
		{
			name: 'statistics (board)',
			url: '/statistics',
			cookie: cookies.board,
			target: 5,
			p50Under: 150,
		},
	]
}

/**
 * First-load JavaScript of a page as a browser gets it: the module scripts and modulepreloads of
 * its HTML, and the catalogue of the page's language that entry.client imports before hydrating.
 */
async function firstLoadJs(baseUrl: string, cookie: string, url: string) {
	const html = await (
		await fetch(`${baseUrl}${url}`, { headers: { cookie } })
	).text()
	const locale = /<html[^>]*data-locale="(\w+)"/.exec(html)?.[1] ?? 'vi'
	const srcs = new Set<string>()
	for (const m of html.matchAll(
		/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g,
	))
		srcs.add(m[1]!)
	// The inline module script imports the manifest, the route modules and the entry.
	for (const m of html.matchAll(
		/import\s*(?:[^'"]*from\s*)?\(?["']([^"']+\.js)["']/g,
	))
		srcs.add(m[1]!)
	let raw = 0
	let gzip = 0
	const seen = new Set<string>()
	for (const src of srcs) {
		if (seen.has(src)) continue
		seen.add(src)
		const body = Buffer.from(
			await (await fetch(new URL(src, baseUrl))).arrayBuffer(),
		)
		raw += body.length
		gzip += gzipSync(body, { level: 9 }).length
		for (const m of body
			.toString('utf8')
			.matchAll(/import\("([^"]*\/(\w+)-[A-Z0-9]+\.js)"\)/g))
			if (m[2] === locale) srcs.add(m[1]!)
	}
	return {
		files: seen.size,
		rawKb: +(raw / 1024).toFixed(1),
		gzipKb: +(gzip / 1024).toFixed(1),
	}
}

/** The first-load JavaScript of /plans must stay within this (gzip, kB); CI fails past it. */
const PLANS_JS_GZIP_KB = 120

const approveBody = (version: number) =>
	new URLSearchParams({
		intent: 'APPROVE',
		version: String(version),
	}).toString()

/** Queries of one request of each page, and of one approval (the first plan of the pool). */
async function countQueries(
	baseUrl: string,
	gen: Generated,
	cookies: Awaited<ReturnType<typeof signInAll>>,
) {
	const counts: Record<string, number> = {}
	for (const page of pagesFor(gen, cookies))
		counts[page.name] = await queriesPerRequest(baseUrl, page.cookie, page.url)
	const first = gen.pool[0]!
	counts['approve (POST)'] = await queriesPerRequest(
		baseUrl,
		cookies.approver,
		`/plans/${first.id}`,
		{
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: approveBody(first.version),
		},
	)
	return counts
}

async function generateInto(dbUrl: string, factor: number) {
	const db = createDb(dbUrl, { max: 4 })
	const gen = await generate(db, scale, { seed, factor })
	console.log(
		`Generated ${scale}${factor === 1 ? '' : ` ×${factor}`} in ${gen.loadMs} ms:`,
		JSON.stringify(gen.counts),
	)
	return { db, gen }
}

async function main() {
	if (!args['no-build']) {
		const built = spawnSync('npx', ['remix', 'build'], {
			cwd: root,
			stdio: 'inherit',
			timeout: 300_000,
		})
		if (built.status !== 0) throw new Error('npm run build failed')
	}
	const server = await startServer()
	const { baseUrl } = server
	let queries: Record<string, number> = {}
	try {
		const { db, gen } = await generateInto(server.dbUrl, 1)
		const cookies = await signInAll(baseUrl)
		const hold = Math.min(Number(args.hold) || 0, 3600)
		if (hold) {
			console.log({
				baseUrl,
				dbUrl: server.dbUrl,
				cookies,
				gen: { ...gen, pool: gen.pool.length },
			})
			await new Promise(r => setTimeout(r, hold * 1000))
		}
		queries = await countQueries(baseUrl, gen, cookies)
		const pages = pagesFor(gen, cookies)
		const js: Record<string, Awaited<ReturnType<typeof firstLoadJs>>> = {}
		for (const page of pages.slice(1))
			js[page.name] = await firstLoadJs(baseUrl, page.cookie, page.url)
		const rows: Row[] = []
		for (const page of pages) {
			const r = await load(page.name, {
				url: baseUrl + page.url,
				headers: { cookie: page.cookie },
			})
			rows.push({ ...r, queries: queries[page.name]! })
		}

		// Approve: each request a different plan waiting at the approver's step (the first one was counted above).
		const queue = gen.pool.slice(1)
		const countApprovals = async () =>
			Number(
				(
					await db
						.selectFrom('plan_event')
						.select(db.fn.countAll<string>().as('n'))
						.where('event', '=', 'APPROVE')
						.where(
							'plan_id',
							'in',
							gen.pool.map(p => p.id),
						)
						.executeTakeFirstOrThrow()
				).n,
			)
		let sent = 0
		const approve = await load('approve (POST)', {
			url: baseUrl,
			amount: queue.length,
			requests: [
				{
					setupRequest: req => {
						const plan = queue[sent++ % queue.length]!
						return {
							...req,
							method: 'POST',
							path: `/plans/${plan.id}`,
							headers: {
								cookie: cookies.approver,
								origin: baseUrl,
								'content-type': 'application/x-www-form-urlencoded',
							},
							body: approveBody(plan.version),
						}
					},
				},
			],
		})
		rows.push({ ...approve, queries: queries['approve (POST)']! })
		const moved = await db
			.selectFrom('plan')
			.select(db.fn.countAll<string>().as('n'))
			.where(
				'id',
				'in',
				gen.pool.map(p => p.id),
			)
			.where('status', '=', 'step_2')
			.executeTakeFirstOrThrow()
		const decisions = {
			requests: Math.min(sent, queue.length) + 1,
			approveEvents: await countApprovals(),
			plansMoved: Number(moved.n),
		}

		// The daily reminder scan over all trips: the first run queues today's reminders, a second finds them sent.
		const today = dateInVietnam(new Date())
		let t0 = performance.now()
		const scan = await runDailyReminders(db, today)
		const reminderScanMs = Math.round(performance.now() - t0)
		t0 = performance.now()
		await runDailyReminders(db, today)
		const reminderRescanMs = Math.round(performance.now() - t0)

		// One annual report DOCX: the demo federation's plans of the report's two years, loaded and built.
		const ldld = await db
			.selectFrom('app_user')
			.select('organisation_id')
			.where('email', '=', 'soanthao@ldld-quangtri.vn')
			.executeTakeFirstOrThrow()
		t0 = performance.now()
		const data = await getReportData(db, ldld.organisation_id, gen.reportYear)
		const docxLoadMs = Math.round(performance.now() - t0)
		const docx = await buildAnnualReportDocx({
			...data,
			report: {
				year: gen.reportYear,
				number_symbol: '01/BC-LĐLĐ',
				place: 'Quảng Trị',
				report_date: `${gen.reportYear}-10-25`,
				request_text: 'Thực hiện Công văn của Ban Đối ngoại Tổng Liên đoàn.',
				results: 'Các đoàn đã hoàn thành nhiệm vụ.',
				difficulties: 'Không có.',
				proposals: 'Không có.',
				governing_body: 'Ban Thường vụ',
				plan_intro: 'Kế hoạch đối ngoại năm sau như sau.',
				recipients: 'Ban Đối ngoại TLĐ;\nLưu VT.',
				signature_on_behalf: 'TM. BAN THƯỜNG VỤ',
				signature_title: 'CHỦ TỊCH',
				signer_name: 'Lê Văn Đức',
			},
		})
		const docxMs = Math.round(performance.now() - t0)
		await db.destroy()

		const floorP95 = rows[0]!.p95 || 1
		const targetOf = (name: string) => pages.find(p => p.name === name)
		const met = (r: Row) => {
			const page = targetOf(r.name)
			if (r.name.startsWith('approve')) return r.rps >= 300
			if (!page?.target) return undefined
			if (!r.p95) return false
			return (
				r.p95 / floorP95 <= page.target &&
				(!page.p50Under || r.p50 < page.p50Under)
			)
		}
		const targetText = (r: Row) => {
			const page = targetOf(r.name)
			if (r.name.startsWith('approve')) return '≥ 300/s'
			if (!page?.target) return ''
			return `≤ ${page.target}${page.p50Under ? `, p50 < ${page.p50Under} ms` : ''}`
		}
		console.table(
			rows.map(r => ({
				...r,
				'p95/floor': +(r.p95 / floorP95).toFixed(2),
				target: targetText(r),
				met: met(r) === undefined ? '' : met(r) ? 'yes' : 'NO',
				'JS gzip kB': js[r.name]?.gzipKb ?? '',
			})),
		)
		const timings = {
			reminderScanMs,
			reminderRescanMs,
			remindersToday: scan.reminders.length,
			docxMs,
			docxLoadMs,
			docxPlans: data.plans.length,
			docxBytes: docx.length,
		}
		console.log({ ...timings, decisions })
		const plansJs = js['plans']!
		console.log(
			`Reminder scan ${reminderScanMs} ms (target ≤ 100 ms: ${reminderScanMs <= 100 ? 'met' : 'NOT met'}); ` +
				`first-load JavaScript of /plans ${plansJs.gzipKb} kB gzip, ${plansJs.rawKb} kB raw, ${plansJs.files} files ` +
				`(target ≤ ${PLANS_JS_GZIP_KB} kB: ${plansJs.gzipKb <= PLANS_JS_GZIP_KB ? 'met' : 'NOT met'})`,
		)
		const result = {
			date: new Date().toISOString(),
			scale,
			seed,
			duration,
			connections,
			machine: { cpus: os.cpus().length, node: process.version },
			generated: gen.counts,
			loadMs: gen.loadMs,
			rows: rows.map(r => ({
				...r,
				p95ToFloor: +(r.p95 / floorP95).toFixed(2),
				target: targetText(r) || undefined,
				met: met(r),
				firstLoadJs: js[r.name],
			})),
			...timings,
			decisions,
			queries,
		}
		mkdirSync(path.join(root, 'bench/results'), { recursive: true })
		const file = path.join(
			root,
			`bench/results/${result.date.slice(0, 10)}-${scale}.json`,
		)
		writeFileSync(file, JSON.stringify(result, null, 2))
		console.log(`Wrote ${path.relative(root, file)}`)
		// A decision answers with a redirect (302); the decisions check above tells whether it worked.
		const bad = rows.filter(
			r => r.errors || (!r.name.startsWith('approve') && r.non2xx),
		)
		if (
			decisions.approveEvents !== decisions.requests ||
			decisions.plansMoved !== decisions.requests
		)
			throw new Error(`Lost or doubled decisions: ${JSON.stringify(decisions)}`)
		if (bad.length)
			throw new Error(
				`Errors or non-2xx answers: ${bad.map(r => r.name).join(', ')}`,
			)
		if (plansJs.gzipKb > PLANS_JS_GZIP_KB)
			throw new Error(
				`First-load JavaScript of /plans is ${plansJs.gzipKb} kB gzip, over ${PLANS_JS_GZIP_KB} kB`,
			)
	} finally {
		await server.stop()
	}
	if (args['check-queries']) await checkQueries(queries)
}

/** The same pages and action against twice the data: every query count must be the same. */
async function checkQueries(counts: Record<string, number>) {
	const server = await startServer()
	try {
		const { db, gen } = await generateInto(server.dbUrl, 2)
		await db.destroy()
		const cookies = await signInAll(server.baseUrl)
		const doubled = await countQueries(server.baseUrl, gen, cookies)
		console.table(
			Object.keys(counts).map(name => ({
				name,
				queries: counts[name],
				'queries ×2 data': doubled[name],
			})),
		)
		const differ = Object.keys(counts).filter(n => counts[n] !== doubled[n])
		if (differ.length)
			throw new Error(`Query counts grow with the data: ${differ.join(', ')}`)
		console.log('Query counts are the same at both data sizes.')
	} finally {
		await server.stop()
	}
}

await main()
