export const fontFamily =
	'Arial, "Helvetica Neue", Helvetica, "Liberation Sans", sans-serif'

export const colors = {
	brand: '#0b4f8a',
	text: '#1c2733',
	muted: '#5b6573',
	page: '#eef2f6',
	panel: '#f5f8fb',
	border: '#dbe3ec',
}
