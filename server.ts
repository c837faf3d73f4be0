import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import { type ServerBuild } from '@remix-run/node'
import express from 'express'
import { isCrossSiteRequest } from '#app/utils/csrf.server.ts'
import { answerDuringOutage } from '#app/utils/outage.server.ts'
import { requestScope } from '#app/utils/request-scope.server.ts'
import { surviveDatabaseOutages } from '#db/availability.ts'
import { createDb, queryCounter } from '#db/connect.ts'
import { resolveDatabase } from '#db/embedded.server.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { demoLoginsText, isDatabaseEmpty, seedDemo } from '#db/seed.ts'

const port = Number(process.env.PORT ?? 3000)
surviveDatabaseOutages()

// Migrate, and load the demo data into an empty database, before serving anything.
const database = await resolveDatabase()
process.env.DATABASE_URL = database.url
await migrateDatabase(database.url)
const setupDb = createDb(database.url, { max: 1 })
const seeded =
	(await isDatabaseEmpty(setupDb)) && process.env.SEED_DEMO !== 'false'
if (seeded) await seedDemo(setupDb)
await setupDb.destroy()

// The job queue (emails, reminders) runs here unless RUN_WORKER=false (then run `npm run worker`).
const { startWorker } = await import('#workflows/worker/worker.server.ts')
const worker =
	process.env.RUN_WORKER === 'false' ? null : await startWorker(database.url)

const build = (await import(
	pathToFileURL(path.resolve('build/index.js')).href
)) as ServerBuild

const app = express()
app.disable('x-powered-by')
if (process.env.TRUST_PROXY) app.set('trust proxy', process.env.TRUST_PROXY)
app.use((req, res, next) => {
	const refused = isCrossSiteRequest({
		method: req.method,
		origin: req.get('origin'),
		host: req.get('host'),
		fetchSite: req.get('sec-fetch-site'),
	})
	if (!refused) return next()
	res
		.status(403)
		.type('text/plain; charset=utf-8')
		.send('Yêu cầu bị từ chối vì không xuất phát từ trang của ứng dụng (CSRF).')
})
app.use(
	'/build',
	express.static('public/build', { immutable: true, maxAge: '1y' }),
)
// Only a path naming a file (with an extension) can be one of public/'s files: pages skip the disk.
const publicFiles = express.static('public', { maxAge: '1h' })
app.use((req, res, next) =>
	/\.[^/]*$/.test(req.path) ? publicFiles(req, res, next) : next(),
)
const handleRequest = createRequestHandler({
	build,
	getLoadContext: req => ({
		clientIp: req.ip ?? 'unknown',
		// The benchmark reads the SQL query count through /bench/queries.
		...(process.env.BENCH === '1' ? { queryCounter } : {}),
	}),
})
app.use(answerDuringOutage)
// Each request runs in its own scope, where its loaders share the session check.
app.all('*', (req, res, next) =>
	requestScope.run(new Map(), () => handleRequest(req, res, next)),
)

const server = app.listen(port, () => {
	console.log(`Ứng dụng đang chạy tại http://localhost:${port}`)
	if (seeded) console.log('Đã nạp dữ liệu demo vào cơ sở dữ liệu trống.')
	console.log(demoLoginsText())
})

let stopping = false
async function shutdown() {
	if (stopping) return
	stopping = true
	server.close()
	server.closeAllConnections()
	await worker?.stop()
	await database.stop()
	process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
