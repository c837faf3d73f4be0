import { type approvalsVi } from './approvals-vi.ts'

export const approvalsEn: Record<keyof typeof approvalsVi, string> = {}
