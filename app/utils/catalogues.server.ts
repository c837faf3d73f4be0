import { en } from '#lib/i18n/en.ts'
import { vi } from '#lib/i18n/vi.ts'

/** Both languages on the server; in the browser this module is empty (see i18n.tsx). */
export const serverCatalogues = { vi, en }
