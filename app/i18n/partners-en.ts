import { type partnersVi } from './partners-vi.ts'

export const partnersEn: Record<keyof typeof partnersVi, string> = {
	'nav.partners': 'Partners',
}
