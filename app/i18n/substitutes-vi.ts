export const substitutesVi = {} as const
