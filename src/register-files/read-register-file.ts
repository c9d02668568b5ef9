/** Reads a register file from disk: TSV, CSV (either separator, any of the usual encodings) or XLSX. */
import { readFile } from 'node:fs/promises';
import { decodeRegisterBytes } from './decode-text';
import { parseDelimitedRegister } from './delimited-text';
import { RegisterFileError, type RegisterTable } from './register-table';
import { parseRegisterXlsx } from './xlsx';

/** True for a ZIP container (XLSX is one), whatever the file is called. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Parses the bytes of a register file, choosing the format from its content. */
export async function parseRegisterBytes(bytes: Uint8Array): Promise<RegisterTable> {
  if (bytes.length === 0) {
    throw new RegisterFileError(
      'file_empty',
      'Filen är tom: den har ingen rubrikrad och inga incidenter.',
      'The file is empty.',
    );
  }
  if (isZip(bytes)) return parseRegisterXlsx(bytes);
  return parseDelimitedRegister(decodeRegisterBytes(bytes).text);
}

/**
 * Reads and parses a register file.
 * @throws RegisterFileError with a Swedish message when the file is missing or unreadable.
 */
export async function readRegisterFile(file: string): Promise<RegisterTable> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new RegisterFileError(
        'file_not_found',
        `Filen ${file} finns inte. Kontrollera sökvägen och filnamnet.`,
        `The file ${file} does not exist. Check the path and the file name.`,
      );
    }
    if (code === 'EISDIR') {
      throw new RegisterFileError(
        'file_is_directory',
        `${file} är en mapp, inte en fil. Ange registerfilen (.tsv, .csv eller .xlsx).`,
        `${file} is a folder, not a file.`,
      );
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new RegisterFileError(
        'file_unreadable',
        `Filen ${file} får inte läsas av ditt konto. Kontrollera behörigheterna eller kopiera filen till en mapp du äger.`,
        `Your account may not read ${file}.`,
      );
    }
    throw error;
  }
  return parseRegisterBytes(bytes);
}
