import { type RequestHandler } from 'express'

/**
 * GET /healthz: the process answers (no database). GET /readyz: the database answers and is
 * migrated, within 3 s; 503 otherwise, and from the moment the server starts stopping.
 */
export function healthChecks({
	ready,
	stopping,
}: {
	ready: () => Promise<boolean>
	stopping: () => boolean
}): RequestHandler {
	return (req, res, next) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return next()
		if (req.path === '/healthz') return reply(res, 200, 'ok')
		if (req.path !== '/readyz') return next()
		if (stopping()) return reply(res, 503, 'stopping')
		let timer: NodeJS.Timeout | undefined
		const timeout = new Promise<'timeout'>(
			resolve => (timer = setTimeout(() => resolve('timeout'), 3000)),
		)
		Promise.race([ready(), timeout])
			.then(
				result =>
					result === true
						? reply(res, 200, 'ok')
						: reply(
								res,
								503,
								result === 'timeout'
									? 'database not answering'
									: 'migrations not applied',
							),
				(error: Error) =>
					reply(res, 503, `database unreachable: ${error.message}`),
			)
			.finally(() => clearTimeout(timer))
	}
}

function reply(
	res: Parameters<RequestHandler>[1],
	status: number,
	text: string,
) {
	res
		.status(status)
		.set('Cache-Control', 'no-store')
		.type('text/plain; charset=utf-8')
		.send(text)
}
