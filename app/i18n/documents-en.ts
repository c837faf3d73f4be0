import { type documentsVi } from './documents-vi.ts'

export const documentsEn: Record<keyof typeof documentsVi, string> = {
	'nav.documents': 'Outgoing register',
	'documents.title': 'Register of outgoing documents, {year}',
	'documents.year': 'Year',
	'documents.show': 'Show',
	'documents.number': 'Number',
	'documents.kind': 'Kind',
	'documents.date': 'Issued on',
	'documents.subject': 'Subject',
	'documents.issuedBy': 'Numbered by',
	'documents.for': 'Issued for',
	'documents.none': 'No document has been numbered this year.',
	'documents.xlsx': 'Download register (XLSX)',
	'documents.notation': 'Document notation of the organisation',
	'documents.notationHint':
		'{n} is the number, {kind} the document kind (KH, BC, CV…). E.g. {n}/{kind}-LĐLĐ gives 12/KH-LĐLĐ; {n}-{kind}/TU gives 123-CV/TU.',
	'documents.notationSave': 'Save notation',
	'documents.notationSaved': 'Notation saved.',
	'notation.number':
		'The notation needs exactly one {n} (where the number goes)',
	'notation.kind': 'The notation needs exactly one {kind} (the document kind)',
	'notation.chars':
		'Besides {n} and {kind} only letters, digits and / - . are allowed (at most 40 characters)',
	'planDocument.title': 'Plan (document): {name}',
	'planDocument.open': 'Plan document',
	'planDocument.preview': 'Preview (not numbered yet)',
	'planDocument.issuedVersion': 'Issued as {notation} on {date}',
	'planDocument.versions': 'Issued versions',
	'planDocument.print': 'Print',
	'planDocument.download': 'Download (DOCX)',
	'planDocument.issue': 'Number and issue',
	'planDocument.issueHint':
		'Takes the next number of the outgoing register and keeps the document as it is now. Each version of the plan is issued once.',
	'planDocument.signerTitle': 'Signer’s position',
	'planDocument.signerName': 'Signer’s full name',
	'planDocument.recipients': 'Recipients',
	'planDocument.issued': 'Numbered {notation}.',
	'planDocument.alreadyIssued':
		'This version of the plan has already been issued; edit the plan to issue a new one.',
	'annualReport.issueHint':
		'Takes the next report number (BC) of the organisation’s outgoing register; the report’s date becomes the day of issue.',
	'planDocument.back': 'Back to the plan',
}
