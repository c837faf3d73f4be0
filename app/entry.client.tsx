import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { loadCatalogue } from './utils/i18n.tsx'

// Remix's default entry, after loading the catalogue of the language the page was rendered in
// (root's Layout writes it on <html data-locale>): the browser gets one language, not both.
const locale = document.documentElement.dataset.locale === 'en' ? 'en' : 'vi'
void loadCatalogue(locale).then(() =>
	startTransition(() => {
		hydrateRoot(
			document,
			<StrictMode>
				<RemixBrowser />
			</StrictMode>,
		)
	}),
)
