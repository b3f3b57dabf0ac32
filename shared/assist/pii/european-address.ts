/**
 * Street addresses and postcodes as written in continental Europe: the house number after the
 * street ("Hauptstraße 5", "Kerkstraat 12", "Via Roma 10", "Calle Mayor, 12"), before it with a
 * street word ("12 rue de Rivoli", "5 avenue des Champs-Élysées"), and postcodes followed by
 * their town ("10115 Berlin", "75008 Paris", "1012 AB Amsterdam", "00-950 Warszawa",
 * "1000-001 Lisboa") or after a postcode word ("PLZ 10115", "code postal 75008").
 */

import { isStopWord } from '../../knowledge/stop-words';

/** A found span (end exclusive). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const UPPER = 'A-ZÀ-ÖØ-Þ\\u0100-\\u017F';
const LOWER = 'a-zß-öø-ÿ\\u0100-\\u017F';
/** A capitalised word of a street or town name ("Rivoli", "Champs-Élysées", "Saint-Denis"). */
const NAME = `[${UPPER}][${LOWER}'’]*(?:-[${UPPER}${LOWER}][${LOWER}'’]*)*`;
const HOUSE = `\\d{1,4}(?: ?[a-zA-Z](?![${LOWER}]))?(?:[-/]\\d{1,4})?`;
/** A house number must not be a count of something ("Via Amazon 2 days"). */
const NOT_A_COUNT = `(?!\\s*(?:days?|weeks?|months?|years?|times?|hours?|minutes?|items?|euros?|eur|%|x\\b))`;

/** Street words written onto the name: "Hauptstraße", "Kerkstraat", "Dorpsweg", "Marktplatz". */
const GLUED =
  'straße|strasse|str\\.|gasse|weg|platz|allee|ring|damm|ufer|chaussee|straat|laan|plein|gracht|singel|kade|steeg|vej|gade|gatan|vägen|veien|gata';
/** Street words written before the name: "Rue de Rivoli", "Calle Mayor", "Via Roma". */
const BEFORE =
  'rue|avenue|av\\.|boulevard|bd|place|allée|allee|impasse|chemin|quai|route|cours|square|calle|c/|avenida|avda\\.|plaza|paseo|carrer|camino|ronda|travesía|via|viale|piazza|corso|largo|vicolo|rua|praça|travessa|ulica|ul\\.';
/** What may link a street word to its name: "de la", "des", "del", "della", "do". */
const LINK =
  "(?:(?:de la|de l'|de l’|de los|de las|des|du|de|del|della|delle|dei|degli|di|do|da|dos|das|d'|d’|la|le|les)[ ]?)?";

/** "Hauptstraße 5", "Berliner Straße 12a", "Am Markt 7"? (only with a street word). */
const NUMBER_AFTER_GLUED = new RegExp(
  `(?<![\\w])(?:${NAME}[ ])?[${UPPER}][${LOWER}]*(?:${GLUED})(?![${LOWER}])|(?<![\\w])${NAME}[ ](?:Straße|Strasse|Str\\.|Weg|Platz|Allee|Gasse|Ring|Damm|Laan|Straat|Plein|Kade)(?![${LOWER}])`,
  'g',
);
/** "Calle Mayor 12", "Via Roma, 10", "Rua Augusta 274". */
const NAMED_AFTER_WORD = new RegExp(
  `(?<![\\w])(?:${BEFORE})[ ]+${LINK}${NAME}(?:[ ]+${LINK}${NAME}){0,2}`,
  'gi',
);
/** "12 rue de Rivoli", "3 bis boulevard Haussmann", "14, rue du Bac". */
const NUMBER_BEFORE = new RegExp(
  `(?<![\\w.,])\\d{1,4}(?: ?(?:bis|ter))?,? (?:${BEFORE})[ ]+${LINK}${NAME}(?:[ -]+${LINK}${NAME}){0,3}`,
  'gi',
);
const HOUSE_AFTER = new RegExp(`^,?[ ]+(?:n[º°o.]\\s*)?(${HOUSE})${NOT_A_COUNT}(?![\\w.,]\\d|\\d)`);

/** Street addresses in `text`. */
export function europeanAddresses(text: string): Span[] {
  const out: Span[] = [];
  for (const re of [NUMBER_AFTER_GLUED, NAMED_AFTER_WORD]) {
    for (const m of text.matchAll(re)) {
      // The street word must start the name with a capital ("Via Roma", not "via email").
      if (re === NAMED_AFTER_WORD && !/^[A-ZÀ-Þ]|^c\/|^ul\./.test(m[0])) continue;
      const after = HOUSE_AFTER.exec(text.slice(m.index + m[0].length));
      if (after) out.push({ start: m.index, end: m.index + m[0].length + after[0].length });
    }
  }
  for (const m of text.matchAll(NUMBER_BEFORE)) {
    const street = m[0].replace(/^\d{1,4}(?: ?(?:bis|ter))?,? /i, '');
    // "12 rue de Rivoli": the street word in lower case is usual in French; its name is not.
    if (/[A-ZÀ-Þ]/.test(street)) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const TOWN = `[ ]+${NAME}(?:[ -]${NAME})?`;
/** Codes that are followed by their town. */
const POSTCODE_TOWN = new RegExp(
  `(?<![\\w$£€.,/-])(?:(?:[A-Z]{1,2}-)?\\d{5}|\\d{4}[ ]?[A-Z]{2}|\\d{2}-\\d{3}|\\d{4}-\\d{3}|[1-9]\\d{3})(?=${TOWN})`,
  'g',
);
/** Words that say a number is a postcode. */
const POSTCODE_WORD =
  /(?:plz|postleitzahl|code postal|cp|c\.p\.|cap|código postal|codice postale|postcode|post code|postnummer|kod pocztowy)[\s:]*$/i;
const CODE =
  /(?<![\w$£€.,/-])(?:\d{5}|\d{4}[ ]?[A-Z]{2}|\d{2}-\d{3}|\d{4}-\d{3}|\d{4})(?![\w/-]|[.,]\d)/g;
/** A town after a code must not be a unit or a currency ("12000 Euros", "1500 Points"). */
const NOT_TOWN =
  /^[ ]+(?:Euros?|Dollars?|Pounds?|Points?|Miles?|Steps?|Items?|Units?|Days?|Times?|Users?|Pages?|Words?|Calories?|GB|MB|EUR|USD|GBP)\b/;
const NOT_CONTEXT =
  /(order|po|purchase|account|acct|tracking|ref|reference|invoice|ticket|case|serial|receipt|batch|booking|model|version|build|sku|part|room|flight)\b[^.]*$/i;

/** Postcodes in `text`. */
export function europeanPostcodes(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(POSTCODE_TOWN)) {
    const before = text.slice(Math.max(0, m.index - 25), m.index);
    const rest = text.slice(m.index + m[0].length);
    const town = /^[ ]+(\S+)/.exec(rest)?.[1] ?? '';
    if (NOT_TOWN.test(rest) || NOT_CONTEXT.test(before) || isStopWord(town.toLowerCase())) continue;
    // A bare four-digit number before a town is a postcode only after an address ("…, 1050 Bruxelles").
    if (/^\d{4}$/.test(m[0]) && !/,\s*$|\d[a-z]?\s*$/i.test(before)) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(CODE)) {
    if (POSTCODE_WORD.test(text.slice(Math.max(0, m.index - 25), m.index))) {
      out.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}
