import { EventEmitter } from 'node:events'
import {
	parseCronItems,
	run,
	type Runner,
	type WorkerEvents,
} from 'graphile-worker'
import pg from 'pg'
import { databaseAnswers, isConnectionError } from '#db/availability.ts'
import { quietLogger } from '#db/migrate.ts'
import { taskList } from './tasks.server.ts'

/**
 * The recurring jobs. graphile-worker's cron reads times in UTC: 01:00 UTC is 08:00 in
 * Asia/Ho_Chi_Minh (UTC+7 all year). Given here rather than in a `crontab` file, so no file is
 * read and a missing one does not matter. Runs missed while no worker was up (up to 3 days back)
 * are made up for when one starts: each backfilled job carries the time it was due (`_cron.ts`)
 * and runs for that day.
 */
export const CRON_ITEMS = parseCronItems([
	{
		task: 'daily_reminders',
		identifier: 'daily_reminders',
		match: '0 1 * * *',
		options: { backfillPeriod: 3 * 24 * 60 * 60 * 1000, maxAttempts: 5 },
	},
])

/** The job queue running in this process: it restarts itself after the database comes back. */
export interface JobWorker {
	/** Lets running jobs finish for `graceMs`, unlocks any still running, then stops. */
	stop(graceMs?: number): Promise<void>
	/** Settles once stopped. */
	promise: Promise<void>
}

/** A pool that checked in this long ago (counted from the database's start) has died. */
const DEAD_AFTER = '10 seconds'
const HEARTBEAT_MS = 2000

/**
 * The jobs locked by worker pools that no longer check in (a process killed, or its machine
 * gone) are released for the others at once, through graphile-worker's force_unlock_workers,
 * instead of after its 4 hours. A pool gets `DEAD_AFTER` from its last check-in, and every pool
 * that much time from the database server's start (it cannot check in while the server is
 * down). Jobs locked by a pool that never checked in count from their lock time.
 */
export const releaseDeadWorkersSql = `
WITH dead AS (
	DELETE FROM job_worker
	WHERE greatest(seen_at, pg_postmaster_start_time()) < now() - interval '${DEAD_AFTER}'
	RETURNING id
), unknown AS (
	SELECT DISTINCT j.locked_by AS id FROM graphile_worker._private_jobs j
	WHERE j.locked_by IS NOT NULL
		AND greatest(j.locked_at, pg_postmaster_start_time()) < now() - interval '${DEAD_AFTER}'
		AND NOT EXISTS (SELECT 1 FROM job_worker w WHERE w.id = j.locked_by)
), gone AS (SELECT id FROM dead UNION SELECT id FROM unknown)
SELECT graphile_worker.force_unlock_workers(ARRAY(SELECT id FROM gone)),
	(SELECT count(*)::int FROM gone) AS released`

/**
 * Runs the job queue in this process until `stop()`; several processes may run it at once.
 * graphile-worker's pool stops when it cannot write a job's result (the database went away);
 * then this waits for the database, releases that pool's jobs and starts a new one.
 */
export async function startWorker(
	connectionString: string,
	{
		concurrency = 2,
		pollInterval = 1000,
		/** Schedule the daily reminders (graphile-worker's cron); several workers still schedule each run once. */
		cron = true,
	} = {},
): Promise<JobWorker> {
	const pool = new pg.Pool({
		connectionString,
		max: concurrency + 3,
		connectionTimeoutMillis: 5000,
	})
	// Connections that PostgreSQL closes while idle or in use: the query that needed them fails.
	pool.on('error', () => {})
	pool.on('connect', client => client.on('error', () => {}))

	let stopping = false
	let runner: Runner | null = null
	let poolId: string | null = null
	const checkIn = async () => {
		if (!poolId) return
		await pool.query(
			`INSERT INTO job_worker (id) VALUES ($1)
			ON CONFLICT (id) DO UPDATE SET seen_at = now()`,
			[poolId],
		)
	}
	const tick = async () => {
		await checkIn()
		await pool.query(releaseDeadWorkersSql)
	}
	const heartbeat = setInterval(() => void tick().catch(() => {}), HEARTBEAT_MS)

	const start = async () => {
		const events: WorkerEvents = new EventEmitter()
		events.on('pool:create', ({ workerPool }) => {
			poolId = workerPool.id
			void checkIn().catch(() => {})
		})
		await pool.query(releaseDeadWorkersSql)
		return run({
			pgPool: pool,
			concurrency,
			pollInterval,
			taskList,
			parsedCronItems: cron ? CRON_ITEMS : [],
			logger: quietLogger,
			noHandleSignals: true,
			events,
			// A result that cannot be written stops the pool (handled below) instead of leaving an
			// unhandled rejection.
			preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
		})
	}

	const releaseOwn = async () => {
		if (!poolId) return
		const dead = poolId
		poolId = null
		await pool
			.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [
				[dead],
			])
			.catch(() => {})
		await pool
			.query('DELETE FROM job_worker WHERE id = $1', [dead])
			.catch(() => {})
	}

	try {
		runner = await start()
	} catch (error) {
		// Started while the database is away: wait for it below, as after an outage.
		if (!isConnectionError(error)) {
			clearInterval(heartbeat)
			await pool.end().catch(() => {})
			throw error
		}
	}
	const promise = (async () => {
		for (;;) {
			try {
				await runner?.promise
			} catch (error) {
				if (!stopping && !isConnectionError(error))
					console.error(`Hàng đợi công việc dừng vì lỗi: ${String(error)}`)
			}
			runner = null
			while (!stopping && !runner) {
				await new Promise(resolve => setTimeout(resolve, 500))
				if (stopping || !(await databaseAnswers(connectionString))) continue
				// The stopped pool's jobs go back to the queue for the next one.
				await releaseOwn()
				runner = await start().catch(() => null)
				if (runner && stopping) await runner.stop().catch(() => {})
			}
			if (!runner) return
		}
	})()

	return {
		promise,
		async stop(graceMs = 8_000) {
			stopping = true
			clearInterval(heartbeat)
			let timer: NodeJS.Timeout | undefined
			const stopped = await Promise.race([
				(async () => {
					await runner?.stop().catch(() => {})
					await promise
					return true
				})(),
				new Promise<false>(
					resolve => (timer = setTimeout(() => resolve(false), graceMs)),
				),
			])
			clearTimeout(timer)
			// A job still running (an SMTP server that does not answer) is unlocked, so the next
			// worker runs it at once rather than after graphile-worker's 4-hour lock expiry.
			if (!stopped) await releaseOwn()
			else if (poolId)
				await pool
					.query('DELETE FROM job_worker WHERE id = $1', [poolId])
					.catch(() => {})
			await Promise.race([
				pool.end().catch(() => {}),
				new Promise(resolve => setTimeout(resolve, 1_000)),
			])
		},
	}
}

/** Stops the worker: jobs under way get `graceMs` to finish, then are unlocked for the next one. */
export async function stopWorker(worker: JobWorker, graceMs = 8_000) {
	await worker.stop(graceMs)
}
