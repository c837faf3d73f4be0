import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { setLocale } from '#db/repos/user.server.ts'
import { db } from '#db/client.server.ts'
import { getUser, safeRedirect } from '#app/utils/auth.server.ts'
import { localeCookie, parseLocale } from '#app/utils/locale.server.ts'

export async function loader() {
	return redirect('/')
}

/** Switches the language: kept on the user's row once signed in, in a cookie before. */
export async function action({ request }: ActionFunctionArgs) {
	const formData = await request.formData()
	const locale = parseLocale(formData.get('locale'))
	const user = await getUser(request)
	if (user) await setLocale(db, user.id, locale)
	return redirect(safeRedirect(formData.get('redirectTo')), {
		headers: { 'Set-Cookie': await localeCookie.serialize(locale) },
	})
}
