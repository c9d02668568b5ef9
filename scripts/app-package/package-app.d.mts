/** Types of ./package-app.mjs, the app packaging behind `npm run package`. */

/** Variables that may be empty (the name suffix is empty in production). */
export declare const MAY_BE_EMPTY: ReadonlySet<string>;

/** A packaging problem a person can fix; the message says what and where. */
export declare class PackageError extends Error {}

/** One or more `${{VAR}}` placeholders have no value. */
export declare class MissingVariablesError extends PackageError {
  readonly env: string;
  /** The missing names, sorted. */
  readonly names: string[];
}

/** The manifest or a localisation file breaks the schema or a rule Teams checks on upload. */
export declare class ManifestValidationError extends PackageError {
  readonly file: string;
  readonly errors: string[];
}

/** The variables of one environment and the files they came from. */
export interface LoadedEnvironment {
  values: Record<string, string>;
  files: string[];
  userFile: string;
}

/** Parses a dotenv file: KEY=value lines, `#` comments, optional quotes. */
export declare function parseEnvFile(text: string): Record<string, string>;

/** `.env.<env>`, overridden by `.env.<env>.user`; `processEnv` only fills names the files leave undefined or empty. */
export declare function loadEnvironment(options: { envDir: string; env: string; processEnv?: Record<string, string | undefined> }): LoadedEnvironment;

/** The placeholder names in a text, each once, in order of appearance. */
export declare function placeholdersIn(text: string): string[];

/** The names a text needs that `values` does not give (empty counts as missing, except MAY_BE_EMPTY). */
export declare function missingVariables(text: string, values: Record<string, string | undefined>): string[];

/** Replaces every `${{VAR}}` in a JSON text, JSON-escaping the values. */
export declare function substitute(text: string, values: Record<string, string | undefined>): string;

/** The folder of the Teams JSON schemas inside @microsoft/app-manifest, resolved from `fromDir`. */
export declare function defaultSchemaRoot(fromDir?: string): string;

/** Schema errors of a manifest (empty when valid), against the schema of its manifestVersion. */
export declare function validateManifestSchema(manifest: unknown, schemaRoot?: string): string[];

/** Schema errors of a localisation file, against the localisation schema of `manifestVersion`. */
export declare function validateLocalizationSchema(localization: unknown, manifestVersion: string, schemaRoot?: string): string[];

/** The value at a localisation key such as `bots[0].commandLists[1].commands[0].title`. */
export declare function valueAtKey(manifest: unknown, key: string): unknown;

/** Rules beyond the schema: validDomains, one bot registration, SSO resource, ribbon actions, localisation keys. */
export declare function consistencyErrors(manifest: unknown, localizations?: Record<string, Record<string, unknown>>): string[];

/** What buildAppPackage wrote. */
export interface BuiltPackage {
  zipPath: string;
  /** The resolved manifest, beside the zip, for review. */
  manifestPath: string;
  /** The file names at the zip's root, in order. */
  entries: string[];
  /** The manifest as written into the zip (parsed JSON). */
  manifest: any;
  envFiles: string[];
}

/** Builds `<outDir>/appPackage.<env>.zip`; throws MissingVariablesError, ManifestValidationError or PackageError. */
export declare function buildAppPackage(options: {
  appPackageDir: string;
  envDir: string;
  env: string;
  /** Default appPackageDir/build. */
  outDir?: string;
  /** Default: @microsoft/app-manifest's schemas, resolved from the working directory. */
  schemaRoot?: string;
  processEnv?: Record<string, string | undefined>;
}): Promise<BuiltPackage>;
