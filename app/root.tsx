import {
	json,
	type LinksFunction,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import {
	Form,
	Link,
	Links,
	Meta,
	NavLink,
	Outlet,
	Scripts,
	ScrollRestoration,
	useLoaderData,
	useLocation,
	useNavigation,
	useRouteLoaderData,
} from '@remix-run/react'
import { type ReactNode, useState } from 'react'
import { GeneralErrorBoundary } from './components/error-boundary.tsx'
import styles from './styles.css'
import { getSession } from './utils/auth.server.ts'
import { useLocale, useT } from './utils/i18n.tsx'
import { useNonce } from './utils/nonce.tsx'
import { getLocale } from './utils/locale.server.ts'
import { pageTitle } from './utils/meta.ts'
import { getToast } from './utils/toast.server.ts'
import { configureZod } from './utils/zod-config.ts'

configureZod()

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
	pageTitle(matches, () => [])

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: styles },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
	const { user, setCookie } = await getSession(request)
	const { toast, setCookie: toastCookie } = await getToast(request)
	const headers = new Headers()
	if (setCookie) headers.append('Set-Cookie', setCookie)
	if (toastCookie) headers.append('Set-Cookie', toastCookie)
	const locale = await getLocale(request, user)
	return json(
		{
			locale,
			toast,
			user: user && {
				fullName: user.fullName,
				organisationName: user.organisationName,
				isAdmin: user.roles.includes('admin'),
				isApprover: user.roles.includes('approver'),
				// A substitute who is not an approver has the inbox while a substitution is in force.
				substituting: user.substituting,
				mustChangePassword: user.mustChangePassword,
				unread: user.unread,
				// What waits for the user, on the nav items (read with the session: no query of its own).
				inboxCount: user.inboxCount,
				returnedCount: user.roles.includes('drafter') ? user.returnedCount : 0,
				reportsOwedCount: user.roles.includes('drafter')
					? user.reportsOwedCount
					: 0,
			},
		},
		{ headers },
	)
}

export function Layout({ children }: { children: ReactNode }) {
	const data = useRouteLoaderData<typeof loader>('root')
	const nonce = useNonce()
	return (
		<html lang={data?.locale ?? 'vi'} data-locale={useLocale()}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body>
				{children}
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

/**
 * The toast as long as the user stays where it was given. Remix does not re-run the root
 * loader on plain navigations, so its data (and the toast) would otherwise follow the user
 * to the next pages, e.g. "Đã phê duyệt kế hoạch." above a plan that now waits for them again.
 */
function useCurrentToast<T>(toast: T | null) {
	const { key } = useLocation()
	const [shown, setShown] = useState({ toast, key })
	if (shown.toast !== toast) {
		setShown({ toast, key })
		return toast
	}
	return shown.key === key ? toast : null
}

export default function App() {
	const { user, toast: loadedToast } = useLoaderData<typeof loader>()
	const toast = useCurrentToast(loadedToast)
	const t = useT()
	const navigation = useNavigation()
	return (
		<>
			{navigation.state === 'idle' ? null : (
				<div className="progress" aria-hidden />
			)}
			<a className="skip-link" href="#main">
				{t('nav.skipToContent')}
			</a>
			<Header />
			<main className="container" id="main" tabIndex={-1}>
				{toast ? (
					<div className={`toast toast-${toast.type}`} role="status">
						{t(toast.message, toast.params)}
					</div>
				) : null}
				<Outlet />
			</main>
			<footer className="container footer">
				{user ? user.organisationName : null}
			</footer>
		</>
	)
}

function Header() {
	const { user, locale } = useLoaderData<typeof loader>()
	const t = useT()
	const location = useLocation()
	const here = `${location.pathname}${location.search}`
	return (
		<header className="header">
			<div className="container header-inner">
				<Link to="/" className="brand">
					{t('app.name')}
				</Link>
				{user ? (
					<NavLink
						to="/notifications"
						className="bell"
						aria-label={t('nav.unread', { count: user.unread })}
					>
						<svg
							aria-hidden
							width="18"
							height="18"
							viewBox="0 0 24 24"
							fill="currentColor"
						>
							<path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
						</svg>
						{user.unread ? <span className="count">{user.unread}</span> : null}
					</NavLink>
				) : null}
				{/* Below 640 px the nav folds behind this button; it works without JavaScript and
				    closes on every page change (a new key remounts it). */}
				<details className="menu-toggle" key={location.pathname}>
					<summary>
						<svg
							aria-hidden
							width="20"
							height="20"
							viewBox="0 0 24 24"
							fill="currentColor"
						>
							<path d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" />
						</svg>
						{t('nav.menu')}
					</summary>
				</details>
				<nav className="nav" aria-label={t('nav.menu')}>
					{user && !user.mustChangePassword ? (
						<>
							<NavLink to="/" end>
								{t('nav.home')}
							</NavLink>
							{user.isApprover || user.substituting ? (
								<NavLink to="/inbox">
									{t('nav.inbox')}
									<NavCount n={user.inboxCount} />
								</NavLink>
							) : null}
							<NavLink to="/plans">
								{t('nav.plans')}
								<NavCount n={user.returnedCount} />
							</NavLink>
							<NavLink to="/reports">
								{t('nav.reports')}
								<NavCount n={user.reportsOwedCount} />
							</NavLink>
							<NavLink to="/annual-reports">{t('nav.annualReports')}</NavLink>
							<NavLink to="/requests">{t('nav.requests')}</NavLink>
							<NavLink to="/documents">{t('nav.documents')}</NavLink>
							<NavLink to="/statistics">{t('nav.statistics')}</NavLink>
							<NavLink to="/partners">{t('nav.partners')}</NavLink>
							<NavLink to="/people">{t('nav.people')}</NavLink>
							<NavLink to="/passports">{t('nav.passports')}</NavLink>
							{user.isAdmin ? (
								<>
									<NavLink to="/admin/organisations">
										{t('nav.organisations')}
									</NavLink>
									<NavLink to="/admin/users">{t('nav.users')}</NavLink>
									<NavLink to="/admin/outbox">{t('nav.outbox')}</NavLink>
									<NavLink to="/admin/audit">{t('nav.audit')}</NavLink>
									<NavLink to="/admin/calendar">{t('calendar.nav')}</NavLink>
								</>
							) : null}
						</>
					) : null}
				</nav>
				<div className="account" role="group" aria-label={t('nav.account')}>
					{user ? (
						<>
							<span className="who">{user.fullName}</span>
							<NavLink to="/mail">{t('mail.title')}</NavLink>
							{user.isApprover || user.isAdmin ? (
								<NavLink to="/substitutes">{t('substitutes.title')}</NavLink>
							) : null}
							<NavLink to="/settings">{t('nav.settings')}</NavLink>
							<NavLink to="/change-password">{t('nav.changePassword')}</NavLink>
						</>
					) : null}
					<Form method="post" action="/locale" className="inline">
						<input
							type="hidden"
							name="locale"
							value={locale === 'vi' ? 'en' : 'vi'}
						/>
						<input type="hidden" name="redirectTo" value={here} />
						<button
							type="submit"
							className="link"
							lang={locale === 'vi' ? 'en' : 'vi'}
						>
							{t('nav.language')}
						</button>
					</Form>
					{user ? (
						<Form method="post" action="/logout" className="inline">
							<button type="submit" className="link">
								{t('nav.logout')}
							</button>
						</Form>
					) : null}
				</div>
			</div>
		</header>
	)
}

function NavCount({ n }: { n: number }) {
	return n ? (
		<span className="nav-count" aria-hidden>
			{n}
		</span>
	) : null
}

export function ErrorBoundary() {
	return (
		<main className="container">
			<GeneralErrorBoundary />
		</main>
	)
}
