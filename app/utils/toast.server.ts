import { createCookieSessionStorage, redirect } from '@remix-run/node'
import { type MessageKey, type Params } from '#lib/i18n/index.ts'

export interface Toast {
	type: 'success' | 'error'
	message: MessageKey
	params?: Params
}

const toastStorage = createCookieSessionStorage({
	cookie: {
		name: 'toast',
		sameSite: 'lax',
		path: '/',
		httpOnly: true,
		secrets: [process.env.SESSION_SECRET ?? 'toast-cookie-not-secret'],
	},
})

export async function redirectWithToast(
	url: string,
	toast: Toast,
	init?: ResponseInit,
) {
	const session = await toastStorage.getSession()
	session.flash('toast', toast)
	const headers = new Headers(init?.headers)
	headers.append('Set-Cookie', await toastStorage.commitSession(session))
	return redirect(url, { ...init, headers })
}

export async function getToast(request: Request) {
	const session = await toastStorage.getSession(request.headers.get('cookie'))
	const toast = (session.get('toast') as Toast | undefined) ?? null
	return {
		toast,
		setCookie: toast ? await toastStorage.destroySession(session) : null,
	}
}
