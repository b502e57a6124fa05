import type { Localised } from '../lang';

/** A part of the catalogue: key → the text in every language (a missing language is a type error). */
export type Entries = Readonly<Record<string, Localised>>;
