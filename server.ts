import {
	closeServer,
	stopOnSignals,
	stopRequested,
	within,
} from '#app/utils/shutdown.server.ts'
import { type Server } from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import { type ServerBuild } from '@remix-run/node'
import express from 'express'
import { bodyLimits } from '#app/utils/body-limits.server.ts'
import { healthChecks } from '#app/utils/health.server.ts'
import { answerDuringOutage } from '#app/utils/outage.server.ts'
import { applySecurity, cspNonceOf } from '#app/utils/http-security.server.ts'
import { requestScope } from '#app/utils/request-scope.server.ts'
import { surviveDatabaseOutages } from '#db/availability.ts'
import { queryCounter } from '#db/connect.ts'
import { DatabaseStartError, resolveDatabase } from '#db/embedded.server.ts'
import { databaseReady } from '#db/ready.server.ts'
import { demoLoginsText } from '#seed/seed.ts'
import { prepareDatabase } from '#seed/start-up.server.ts'
import { type JobWorker } from '#workflows/worker/worker.server.ts'

const port = Number(process.env.PORT ?? 3000)
surviveDatabaseOutages()

let database: Awaited<ReturnType<typeof resolveDatabase>> | null = null
let worker: JobWorker | null = null
let server: Server | null = null
let starting: Promise<unknown> = Promise.resolve()

// In this order: stop taking requests, let running jobs finish (or release them), stop the
// worker, close the pools, then stop the embedded PostgreSQL.
stopOnSignals(
	async () => {
		await within(starting, 10_000)
		if (server) await closeServer(server)
		if (worker) await stopWorker(worker)
		if (process.env.DATABASE_URL)
			await (await import('#db/client.server.ts')).db.destroy()
		await database?.stop()
	},
	{ stopped: 'Đã dừng ứng dụng.' },
)

/** One step of start-up; once a stop signal has come, start-up goes no further. */
async function startStep<T>(step: () => Promise<T>) {
	if (stopRequested()) await new Promise<never>(() => {})
	const work = step()
	starting = work.catch(() => {})
	const value = await work.catch((error: unknown) => {
		if (stopRequested()) return new Promise<never>(() => {})
		// PostgreSQL's own reason, in one line: no stack trace for a cause outside the code.
		if (error instanceof DatabaseStartError) {
			console.error(error.message)
			process.exit(1)
		}
		throw error
	})
	if (stopRequested()) await new Promise<never>(() => {})
	return value
}

// Migrate, and load the demo data into an empty database, before serving anything.
database = await startStep(resolveDatabase)
process.env.DATABASE_URL = database.url
const { seeded } = await startStep(() =>
	prepareDatabase(database!.url, { demo: process.env.SEED_DEMO !== 'false' }),
)

// The job queue (emails, reminders) runs here unless RUN_WORKER=false (then run `npm run worker`).
const { startWorker, stopWorker } =
	await import('#workflows/worker/worker.server.ts')
worker =
	process.env.RUN_WORKER === 'false'
		? null
		: await startStep(() => startWorker(database!.url))

const build = (await import(
	pathToFileURL(path.resolve('build/index.js')).href
)) as ServerBuild

const app = express()
app.disable('x-powered-by')
applySecurity(app)
// Answered before everything else, for a load balancer or an orchestrator.
app.use(
	healthChecks({
		ready: async () => databaseReady((await import('#db/client.server.ts')).db),
		stopping: stopRequested,
	}),
)
app.use(
	'/build',
	express.static('public/build', { immutable: true, maxAge: '1y' }),
)
// Only a path naming a file (with an extension) can be one of public/'s files: pages skip the disk.
const publicFiles = express.static('public', { maxAge: '1h' })
app.use((req, res, next) =>
	/\.[^/]*$/.test(req.path) ? publicFiles(req, res, next) : next(),
)
// Every body is read and checked before Remix sees it (400/413 otherwise).
app.use(bodyLimits())
const handleRequest = createRequestHandler({
	build,
	getLoadContext: (req, res) => ({
		clientIp: req.ip ?? 'unknown',
		cspNonce: cspNonceOf(res),
		// The benchmark reads the SQL query count through /bench/queries.
		...(process.env.BENCH === '1' ? { queryCounter } : {}),
	}),
})
app.use(answerDuringOutage)
// Each request runs in its own scope, where its loaders share the session check.
app.all('*', (req, res, next) =>
	requestScope.run(new Map(), () => handleRequest(req, res, next)),
)

server = app.listen(port, () => {
	console.log(`Ứng dụng đang chạy tại http://localhost:${port}`)
	if (seeded) console.log('Đã nạp dữ liệu demo vào cơ sở dữ liệu trống.')
	console.log(demoLoginsText())
})
