import { PassThrough } from 'node:stream'
import { createElement } from 'react'
import { renderToPipeableStream } from 'react-dom/server'
import { expect, test } from 'vitest'

// React 18.3's streaming renderer sent zero bytes where a Vietnamese letter did not fit at the end
// of its 2 kB buffer (react#31134); patches/ fixes it. Every page and email is rendered this way.
test('a page streamed with Vietnamese text has no zero bytes and every letter intact', async () => {
	const rows = Array.from({ length: 1500 }, (_, i) =>
		createElement('p', { key: i }, `Nguyễn Thị Hương ${i}`),
	)
	const bytes = await new Promise<Buffer>((resolve, reject) => {
		const chunks: Buffer[] = []
		const sink = new PassThrough()
		sink.on('data', (chunk: Buffer) => chunks.push(chunk))
		sink.on('end', () => resolve(Buffer.concat(chunks)))
		const { pipe } = renderToPipeableStream(createElement('main', null, rows), {
			onAllReady: () => pipe(sink),
			onError: reject,
		})
	})
	expect(bytes.includes(0)).toBe(false)
	const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
	expect(text.match(/Nguyễn Thị Hương \d+/g)).toHaveLength(1500)
})
