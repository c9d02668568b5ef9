/** A register file as read: its header row and its records, before the register is interpreted. */
import type { RegisterRecord, RegisterRowProblem } from '../domain/register-row';

/** The formats a register file can come in. */
export type RegisterFileFormat = 'tsv' | 'csv-semicolon' | 'csv-comma' | 'xlsx';

/** The header row and records of a register file, with the lines the parser could not read at all. */
export interface RegisterTable {
  format: RegisterFileFormat;
  headers: string[];
  records: RegisterRecord[];
  /** Lines lost to broken quoting and the like, by line number. */
  unreadable: RegisterRowProblem[];
}

/** A register file that cannot be read at all. `message` is Swedish and names what to do. */
export class RegisterFileError extends Error {
  constructor(
    readonly code: 'file_not_found' | 'file_empty' | 'file_unreadable' | 'file_is_directory',
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'RegisterFileError';
  }
}
