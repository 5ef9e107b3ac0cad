/*
 * The one spelling-insensitive form of a name for search, and the JavaScript twin of the SQL
 * function `hub_search_fold` (migration MunicipalitySearchFold): case, accents and ß → ss folded
 * (`hub_fold`), then the German transcriptions ae/oe/ue → a/o/u, so that "Bruchmühlbach",
 * "bruchmuhlbach" and "Bruchmuehlbach" are the same text. The directory and the people search
 * both match on it; tests/api/search-fold.test.ts checks that both twins agree.
 */

/** Letters unaccent() maps to other letters rather than by stripping a combining mark. */
const LETTERS: Record<string, string> = {
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
};

/** `hub_fold`: lower case without accents, ß as ss. */
export function fold(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .replace(/[øØæÆœŒłŁđĐ]/g, (letter) => LETTERS[letter])
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** `hub_search_fold`: the fold, with ae/oe/ue read as a/o/u. */
export function searchFold(text: string): string {
  return fold(text).replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}
