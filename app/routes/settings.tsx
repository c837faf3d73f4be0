import {
	type MetaFunction,
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { db } from '#db/client.server.ts'
import { updateUserSettings } from '#db/repos/user.server.ts'
import { SettingsSchema } from '#app/utils/list-filters.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { pageTitle } from '#app/utils/meta.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	// Read with the session: the page runs no query of its own.
	const user = await requireUser(request)
	return json({ email_info: user.emailInfo, locale: user.locale })
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request)
	const value = SettingsSchema.parse(
		Object.fromEntries(await request.formData()),
	)
	await updateUserSettings(db, user.id, {
		email_info: value.email_info === 'on',
		locale: value.locale,
	})
	return redirectWithToast('/settings', {
		type: 'success',
		message: 'settings.saved',
	})
}

export default function SettingsRoute() {
	const settings = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<div className="panel narrow">
			<h1>{t('settings.title')}</h1>
			<Form method="post">
				<div className="field">
					<label className="checks">
						<input
							type="checkbox"
							name="email_info"
							defaultChecked={settings.email_info}
						/>
						{t('settings.emailInfo')}
					</label>
					<p className="hint">{t('settings.emailInfoHint')}</p>
				</div>
				<div className="field">
					<label htmlFor="locale">{t('settings.language')}</label>
					<select id="locale" name="locale" defaultValue={settings.locale}>
						<option value="vi">Tiếng Việt</option>
						<option value="en">English</option>
					</select>
				</div>
				<button type="submit">{t('common.save')}</button>
			</Form>
		</div>
	)
}

export const meta: MetaFunction = ({ matches }) =>
	pageTitle(matches, t => [t('settings.title')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
