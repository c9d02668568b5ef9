/** Register files: reading TSV, CSV and XLSX registers; writing CSV and XLSX exports. */
export * from './csv-writer';
export * from './decode-text';
export * from './delimited-text';
export * from './read-register-file';
export * from './register-table';
export * from './xlsx';
