import { type statisticsVi } from './statistics-vi.ts'

export const statisticsEn: Record<keyof typeof statisticsVi, string> = {
	'nav.statistics': 'Statistics',
}
