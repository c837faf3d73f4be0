import { randomBytes } from 'node:crypto'
import { type Express, type Request, type Response } from 'express'
import { translator } from '#lib/i18n/index.ts'
import { isCrossSiteRequest } from './csrf.server.ts'
import { localeCookie, parseLocale } from './locale.server.ts'

/** The name of the sign-in session's cookie (see auth.server.ts). */
export const SESSION_COOKIE = 'session'

/**
 * Pages whose URL carries a one-time token: it must not leak through Referer or a cache. Remix
 * matches paths in any case, so this does too.
 */
const TOKEN_PAGE = /^\/(decide\/|reset-password)/i

/**
 * TRUST_PROXY as Express expects it: a number is a hop count (Express reads the string "1" as
 * an address, so `TRUST_PROXY=1` trusted nobody), true/false a boolean, anything else (addresses,
 * `loopback`, `uniquelocal`) as written.
 */
export function trustProxySetting(value: string | undefined) {
	const setting = value?.trim()
	if (!setting) return undefined
	if (/^\d+$/.test(setting)) return Number(setting)
	if (setting === 'true' || setting === 'false') return setting === 'true'
	return setting
}

export function contentSecurityPolicy(nonce: string) {
	return [
		"default-src 'self'",
		`script-src 'self' 'nonce-${nonce}'`,
		// Style attributes (progress bars, the emails shown in the Outbox) need inline styles.
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		"frame-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	].join('; ')
}

/** The CSP nonce of this response, for entry.server.tsx through the load context. */
export function cspNonceOf(res: Response) {
	return String(res.locals.cspNonce ?? '')
}

function signedIn(req: Request) {
	return (req.get('cookie') ?? '')
		.split(';')
		.some(part => part.trim().startsWith(`${SESSION_COOKIE}=`))
}

/**
 * The headers every response carries, set here and nowhere else. `Cache-Control: no-store` is
 * forced on token pages and every signed-in page when the headers go out, over whatever the
 * page set, except for public static files (`public, max-age…`).
 */
function securityHeaders(req: Request, res: Response, next: () => void) {
	const nonce = randomBytes(16).toString('base64')
	res.locals.cspNonce = nonce
	const tokenPage = TOKEN_PAGE.test(req.path)
	res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce))
	res.setHeader('X-Frame-Options', 'DENY')
	res.setHeader('X-Content-Type-Options', 'nosniff')
	res.setHeader('Referrer-Policy', tokenPage ? 'no-referrer' : 'same-origin')
	if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000')
	if (tokenPage || signedIn(req)) {
		const writeHead = res.writeHead
		res.writeHead = function (this: Response, ...args: unknown[]) {
			const cache = String(res.getHeader('Cache-Control') ?? '')
			if (tokenPage || !cache.startsWith('public')) {
				res.setHeader('Cache-Control', 'no-store')
				res.removeHeader('Expires')
			}
			return (writeHead as (...a: unknown[]) => Response).apply(this, args)
		} as Response['writeHead']
	}
	next()
}

/** The hosts a same-origin request may name: Host, and X-Forwarded-Host behind a trusted proxy. */
function ownHosts(req: Request) {
	const trust = req.app.get('trust proxy fn') as
		((address: string | undefined, hop: number) => boolean) | undefined
	const forwarded = trust?.(req.socket.remoteAddress, 0)
		? req.get('x-forwarded-host')?.split(',')[0]?.trim()
		: undefined
	return [req.get('host'), forwarded]
}

async function refusalLocale(req: Request) {
	const chosen = await localeCookie.parse(req.get('cookie') ?? null)
	if (chosen) return parseLocale(chosen)
	return /^en\b/i.test(req.get('accept-language') ?? '') ? 'en' : 'vi'
}

function csrfGuard(req: Request, res: Response, next: (err?: unknown) => void) {
	const refused = isCrossSiteRequest({
		method: req.method,
		origin: req.get('origin'),
		host: ownHosts(req),
		fetchSite: req.get('sec-fetch-site'),
	})
	if (!refused) return next()
	refusalLocale(req)
		.then(locale => {
			const t = translator(locale)
			res
				.status(403)
				.type('text/html; charset=utf-8')
				.send(
					`<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${t('csrf.title')}</title><h1>${t('csrf.title')}</h1><p>${t('csrf.message')}</p><p><a href="/">${t('csrf.home')}</a></p></html>`,
				)
		})
		.catch(next)
}

/** Trust proxy, the security headers and the CSRF check, before anything else is served. */
export function applySecurity(
	app: Express,
	trustProxy = process.env.TRUST_PROXY,
) {
	const setting = trustProxySetting(trustProxy)
	if (setting !== undefined) app.set('trust proxy', setting)
	app.use(securityHeaders)
	app.use(csrfGuard)
}
