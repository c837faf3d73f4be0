import { type substitutesVi } from './substitutes-vi.ts'

export const substitutesEn: Record<keyof typeof substitutesVi, string> = {}
