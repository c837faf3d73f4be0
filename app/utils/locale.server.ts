import { createCookie } from '@remix-run/node'
import { type Locale } from '#lib/enums.ts'
import { type SessionUser } from './auth.server.ts'

// Before sign-in the choice lives in a cookie; after, on the user's row.
export const localeCookie = createCookie('lang', {
	path: '/',
	sameSite: 'lax',
	httpOnly: true,
	maxAge: 60 * 60 * 24 * 365,
})

export function parseLocale(value: unknown): Locale {
	return value === 'en' ? 'en' : 'vi'
}

export async function getLocale(
	request: Request,
	user: SessionUser | null,
): Promise<Locale> {
	if (user) return user.locale
	return parseLocale(await localeCookie.parse(request.headers.get('cookie')))
}
