import { PassThrough } from 'node:stream'
import {
	type AppLoadContext,
	createReadableStreamFromReadable,
	type EntryContext,
} from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceProvider } from './utils/nonce.tsx'

const ABORT_DELAY = 5_000

/** Remix's default entry, with the Content-Security-Policy nonce given to every inline script. */
export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext,
) {
	const nonce = loadContext.cspNonce ?? ''
	const waitForAll =
		isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
	return new Promise((resolve, reject) => {
		let shellRendered = false
		const ready = () => {
			shellRendered = true
			const body = new PassThrough()
			responseHeaders.set('Content-Type', 'text/html')
			resolve(
				new Response(createReadableStreamFromReadable(body), {
					headers: responseHeaders,
					status: responseStatusCode,
				}),
			)
			pipe(body)
		}
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={nonce}>
				<RemixServer
					context={remixContext}
					url={request.url}
					abortDelay={ABORT_DELAY}
					nonce={nonce}
				/>
			</NonceProvider>,
			{
				nonce,
				...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					// Errors of the shell reject and are logged by Remix; these came while streaming.
					if (shellRendered) console.error(error)
				},
			},
		)
		setTimeout(abort, ABORT_DELAY)
	})
}
