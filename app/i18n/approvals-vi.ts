export const approvalsVi = {} as const
