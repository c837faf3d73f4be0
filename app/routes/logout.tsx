import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import {
	endAllSessions,
	endSession,
	requireUser,
} from '#app/utils/auth.server.ts'

export async function loader() {
	return redirect('/')
}

/** `everywhere` ends every session of the user, on every device. */
export async function action({ request }: ActionFunctionArgs) {
	const formData = await request.formData()
	if (formData.get('everywhere') === 'true') {
		const user = await requireUser(request, { allowPasswordChange: true })
		await endAllSessions(user.id)
	}
	return redirect('/login', {
		headers: { 'Set-Cookie': await endSession(request) },
	})
}
