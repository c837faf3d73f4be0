import { createContext, useContext } from 'react'

// The CSP nonce reaches the document's scripts only on the server; browsers hide it from the DOM.
const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

export function useNonce() {
	return useContext(NonceContext)
}
