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
	'answer.requiredOption': 'A written answer is required to approve',
	'answer.title': 'Written answer',
	'answer.hint':
		'The organisation’s official letter, decision or notice that goes with this decision, with its signed scan (PDF).',
	'answer.kind': 'Kind',
	'answer.kind.cong_van': 'Official letter',
	'answer.kind.quyet_dinh': 'Decision',
	'answer.kind.thong_bao': 'Notice',
	'answer.number': 'Number',
	'answer.date': 'Date (dd/mm/yyyy)',
	'answer.signer': 'Signed by',
	'answer.file': 'Signed scan (PDF)',
	'answer.required':
		'This step needs a written answer: enter its number, date and signer and upload the signed PDF',
	'answer.fileRequired': 'Please upload the signed scan (PDF)',
	'answer.pdfOnly': 'The scan must be a PDF file',
	'answer.dateInvalid': 'Invalid date (dd/mm/yyyy)',
	'answer.line':
		'{kind} no. {number} of {date} by {organisation}, signed by {signer}',
	'answer.download': 'Download scan',
	'planFile.title': 'File',
	'planFile.zip': 'Download the whole file',
	'planFile.report': 'Post-trip report (sent {time})',
	'planFile.acknowledged': 'Acknowledged by {name} ({organisation}) at {time}',
	'planDocument.back': 'Back to the plan',
}
