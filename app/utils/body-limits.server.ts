import { Readable } from 'node:stream'
import type express from 'express'
import { translator } from '#lib/i18n/index.ts'
import { localeCookie, parseLocale } from './locale.server.ts'

/**
 * Every request body is read and checked here, before Remix and before any action: its size,
 * its syntax, the encoding of every name and value, control characters and list indexes. A
 * body that passes is handed on unchanged; anything else gets a plain 400 or 413 page at once,
 * so no action can trip over a malformed post or be made to build a huge list.
 */
export const BODY_LIMITS = {
	/** A urlencoded form (no files). */
	formBytes: 1024 * 1024,
	/** A multipart form, attachments included. */
	multipartBytes: 50 * 1024 * 1024,
	/** One text value; files are limited by the forms that take them. */
	valueBytes: 256 * 1024,
	fields: 5000,
	nameLength: 200,
	/** A list in any form (plan members, budget lines, participants …) has at most this many items. */
	listItems: 200,
	/** A body not received within this time is refused, so a slow sender cannot hold a request. */
	readMs: 30_000,
}

/** Forms that carry files: their actions read only multipart bodies. */
const MULTIPART_PATHS = [
	/^\/plans\/new\/?$/i,
	/^\/plans\/[^/]+\/edit\/?$/i,
	/^\/partners\/(?!new\/?$)[^/]+\/?$/i,
	/^\/requests\/new\/?$/i,
]

/**
 * Pages with one form that carries a file among others that do not (the written answer's scan on
 * the plan page, the post-trip report's files): multipart or urlencoded. Everywhere else a
 * multipart body, which may be 50 times larger, is refused before it is read.
 */
const MIXED_PATHS = [/^\/plans\/[^/]+\/?$/i, /^\/plans\/[^/]+\/report\/?$/i]

type Refusal = { status: 400 | 408 | 413; reason: Reason }
type Reason =
	| 'type'
	| 'size'
	| 'fields'
	| 'syntax'
	| 'encoding'
	| 'control'
	| 'index'
	| 'timeout'

class Refused extends Error {
	constructor(readonly refusal: Refusal) {
		super(refusal.reason)
	}
}

const refuse = (reason: Reason, status: Refusal['status'] = 400) => {
	throw new Refused({ status, reason })
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
function decode(bytes: Uint8Array) {
	try {
		return utf8.decode(bytes)
	} catch {
		return refuse('encoding')
	}
}

// C0 controls other than tab, line feed and carriage return; DEL; the C1 controls.
const CONTROL_IN_VALUE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
const CONTROL_IN_NAME = /[\u0000-\u001f\u007f-\u009f]/

class FieldCheck {
	count = 0
	field(name: string, value: string | null) {
		if (++this.count > BODY_LIMITS.fields) refuse('fields', 413)
		if (!name || name.length > BODY_LIMITS.nameLength) refuse('syntax')
		if (CONTROL_IN_NAME.test(name)) refuse('control')
		for (const [, index] of name.matchAll(/\[(\d+)\]/g)) {
			if (index.length > 3 || Number(index) >= BODY_LIMITS.listItems)
				refuse('index')
		}
		if (value === null) return
		if (value.length > BODY_LIMITS.valueBytes) refuse('size', 413)
		if (CONTROL_IN_VALUE.test(value)) refuse('control')
	}
}

const HEX = /^[0-9a-f]{2}$/i

/** Percent-decodes one urlencoded name or value to its bytes; a broken escape is refused. */
function urlDecode(part: Buffer) {
	const out = Buffer.alloc(part.length)
	let length = 0
	for (let i = 0; i < part.length; i++) {
		const byte = part[i]!
		if (byte === 0x25) {
			const hex = part.subarray(i + 1, i + 3).toString('latin1')
			if (!HEX.test(hex)) refuse('encoding')
			out[length++] = parseInt(hex, 16)
			i += 2
		} else out[length++] = byte === 0x2b ? 0x20 : byte
	}
	return decode(out.subarray(0, length))
}

export function checkUrlEncoded(body: Buffer) {
	const check = new FieldCheck()
	let start = 0
	while (start <= body.length) {
		let end = body.indexOf(0x26, start)
		if (end < 0) end = body.length
		const pair = body.subarray(start, end)
		start = end + 1
		if (!pair.length) continue
		const equals = pair.indexOf(0x3d)
		const name = urlDecode(equals < 0 ? pair : pair.subarray(0, equals))
		const value = equals < 0 ? '' : urlDecode(pair.subarray(equals + 1))
		check.field(name, value)
	}
}

export function boundaryOf(contentType: string) {
	const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(
		contentType,
	)
	return match?.[1] ?? match?.[2] ?? null
}

const CRLF = Buffer.from('\r\n')
const HEADER_END = Buffer.from('\r\n\r\n')

/** A strict multipart/form-data reading: CRLF line ends, every part named, the closing delimiter present. */
export function checkMultipart(body: Buffer, boundary: string) {
	const check = new FieldCheck()
	const first = Buffer.from(`--${boundary}`)
	const delimiter = Buffer.from(`\r\n--${boundary}`)
	if (!body.subarray(0, first.length).equals(first)) refuse('syntax')
	let at = first.length
	for (;;) {
		// After a delimiter: "--" closes the body, CRLF opens the next part.
		if (body.subarray(at, at + 2).toString('latin1') === '--') return
		if (!body.subarray(at, at + 2).equals(CRLF)) refuse('syntax')
		const headersEnd = body.indexOf(HEADER_END, at + 2)
		if (headersEnd < 0) refuse('syntax')
		const headers = decode(body.subarray(at + 2, headersEnd))
		const contentStart = headersEnd + HEADER_END.length
		const contentEnd = body.indexOf(delimiter, contentStart)
		if (contentEnd < 0) refuse('syntax')
		const { name, filename } = partNames(headers)
		if (filename !== null) {
			check.field(name, filename)
		} else {
			if (contentEnd - contentStart > BODY_LIMITS.valueBytes)
				refuse('size', 413)
			check.field(name, decode(body.subarray(contentStart, contentEnd)))
		}
		at = contentEnd + delimiter.length
	}
}

function partNames(headers: string) {
	const lines = headers.split('\r\n')
	if (lines.some(line => CONTROL_IN_VALUE.test(line))) refuse('control')
	const disposition = lines.find(line => /^content-disposition\s*:/i.test(line))
	if (!disposition || !/:\s*form-data\s*(;|$)/i.test(disposition))
		refuse('syntax')
	const param = (key: string) => {
		const match = new RegExp(`;\\s*${key}=(?:"([^"]*)"|([^\\s;"]+))`, 'i').exec(
			disposition!,
		)
		return match ? (match[1] ?? match[2] ?? '') : null
	}
	const name = param('name')
	if (!name) refuse('syntax')
	return { name: name!, filename: param('filename') }
}

/** Reads the body up to `limit` bytes; resolves null once the limit is passed. */
function readBody(req: express.Request, limit: number) {
	return new Promise<Buffer | null>((resolve, reject) => {
		const chunks: Buffer[] = []
		let size = 0
		const stop = () => {
			clearTimeout(timer)
			req.off('data', onData)
			req.off('end', onEnd)
			req.off('error', onError)
		}
		const timer = setTimeout(() => {
			stop()
			reject(new Refused({ status: 408, reason: 'timeout' }))
		}, BODY_LIMITS.readMs)
		const done = (value: Buffer | null) => {
			stop()
			resolve(value)
		}
		const onData = (chunk: Buffer) => {
			size += chunk.length
			if (size > limit) return done(null)
			chunks.push(chunk)
		}
		const onEnd = () => done(Buffer.concat(chunks))
		const onError = (error: Error) => {
			stop()
			reject(error)
		}
		req.on('data', onData)
		req.on('end', onEnd)
		req.on('error', onError)
	})
}

const STREAM_EVENTS = new Set(['data', 'end', 'error', 'close', 'readable'])

/** Hands the checked body on: the request's stream now reads from the bytes already received. */
function replay(req: express.Request, body: Buffer) {
	const source = Readable.from(body.length ? [body] : [])
	const target = req as unknown as Record<string | symbol, unknown>
	for (const method of [
		'on',
		'once',
		'off',
		'addListener',
		'removeListener',
		'prependListener',
	] as const) {
		const own = req[method].bind(req) as (...a: unknown[]) => unknown
		const replayed = source[method].bind(source) as (...a: unknown[]) => unknown
		target[method] = (event: string, listener: unknown) => {
			if (STREAM_EVENTS.has(event)) replayed(event, listener)
			else own(event, listener)
			return req
		}
	}
	target.pause = () => (source.pause(), req)
	target.resume = () => (source.resume(), req)
	target.read = source.read.bind(source)
	target.pipe = source.pipe.bind(source)
	target[Symbol.asyncIterator] = source[Symbol.asyncIterator].bind(source)
}

const REASON_KEYS: Record<Reason, string> = {
	type: 'body.type',
	size: 'body.tooLarge',
	fields: 'body.tooManyFields',
	syntax: 'body.syntax',
	encoding: 'body.encoding',
	control: 'body.control',
	index: 'body.index',
	timeout: 'body.timeout',
}

const escapeHtml = (text: string) =>
	text.replace(
		/[&<>"]/g,
		c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
	)

async function sendRefusal(
	req: express.Request,
	res: express.Response,
	{ status, reason }: Refusal,
) {
	let locale = parseLocale(null)
	try {
		locale = parseLocale(await localeCookie.parse(req.get('cookie') ?? null))
	} catch {
		// an unreadable cookie: Vietnamese
	}
	const t = translator(locale)
	const title = t(status === 400 ? 'body.invalidTitle' : 'body.tooLargeTitle')
	const html = `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(t(REASON_KEYS[reason]))}</p>
<p><a href="/">${escapeHtml(t('error.backHome'))}</a></p></main></body></html>`
	// The rest of a refused body is not wanted: the connection closes after this answer.
	res.set('Connection', 'close')
	res.status(status).type('text/html; charset=utf-8').send(html)
}

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function bodyLimits(): express.RequestHandler {
	return (req, res, next) => {
		if (BODYLESS.has(req.method)) return next()
		check(req)
			.then(body => {
				replay(req, body)
				next()
			})
			.catch(async error => {
				if (!(error instanceof Refused)) return next(error)
				// Let the sender finish (discarding) so it reads the answer rather than a reset,
				// up to a bound past which the connection is simply cut.
				let drained = 0
				req.on('data', (chunk: Buffer) => {
					drained += chunk.length
					if (drained > BODY_LIMITS.multipartBytes) req.destroy()
				})
				req.resume()
				await sendRefusal(req, res, error.refusal)
			})
	}
}

async function check(req: express.Request) {
	const contentType = req.get('content-type') ?? ''
	const multipart = /^multipart\/form-data\s*(;|$)/i.test(contentType)
	const urlencoded = /^application\/x-www-form-urlencoded\s*(;|$)/i.test(
		contentType,
	)
	if (!multipart && !urlencoded) refuse('type')
	const takesFiles = MULTIPART_PATHS.some(path => path.test(req.path))
	const mixed = !takesFiles && MIXED_PATHS.some(path => path.test(req.path))
	if (multipart !== takesFiles && !mixed) refuse('type')
	const boundary = multipart ? boundaryOf(contentType) : null
	if (multipart && !boundary) refuse('syntax')
	const limit = multipart ? BODY_LIMITS.multipartBytes : BODY_LIMITS.formBytes
	if (Number(req.get('content-length') ?? 0) > limit) refuse('size', 413)
	const body = await readBody(req, limit)
	if (!body) return refuse('size', 413)
	if (boundary) checkMultipart(body, boundary)
	else checkUrlEncoded(body)
	return body
}
