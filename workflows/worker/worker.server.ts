import { run, type Runner } from 'graphile-worker'
import { quietLogger } from '#db/migrate.ts'
import { taskList } from './tasks.server.ts'

/** Runs the job queue in this process until `stop()`; several processes may run it at once. */
export async function startWorker(
	connectionString: string,
	{ concurrency = 2, pollInterval = 1000 } = {},
): Promise<Runner> {
	return run({
		connectionString,
		concurrency,
		pollInterval,
		taskList,
		logger: quietLogger,
		noHandleSignals: true,
	})
}
