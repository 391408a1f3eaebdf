// The exchange screens' file helpers live in lib/files.ts with the attachments' and the .ics export's.
export { readAsBase64, saveFile, sizeOfBase64 } from '../../lib/files';
