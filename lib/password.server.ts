import { hash, verify } from '@node-rs/argon2'

/** argon2id with the library's defaults (19 MiB, 2 passes). */
export function hashPassword(password: string) {
	return hash(password)
}

export function verifyPassword(passwordHash: string, password: string) {
	return verify(passwordHash, password).catch(() => false)
}
