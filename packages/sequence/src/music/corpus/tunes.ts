/**
 * The shipped melody corpus, written by hand as data in the notation of `../notation.ts` and
 * turned into `packages/sequence/data/melodies/*.mid` by `writeCorpusMidi` (a spec checks the
 * shipped files are byte for byte what this data encodes). Every tune is in the public domain:
 * traditional, or by a composer who died long ago. These are simplified single-line melodies
 * (the tune as one would sing or whistle it), in a comfortable key, without repeats or ties.
 */
export interface Tune {
  /** File name stem: `<id>.mid`. */
  id: string;
  title: string;
  /** Who wrote it and when, and why it is public domain. */
  origin: string;
  key: string;
  meter: [number, number];
  /** Quarter notes per minute. */
  tempo: number;
  notes: string;
}

export const TUNES: readonly Tune[] = [
  {
    id: 'amazing-grace',
    title: 'Amazing Grace',
    origin: 'public domain: traditional American tune "New Britain" (first printed 1829), words John Newton (1779)',
    key: 'G major',
    meter: [3, 4],
    tempo: 84,
    notes: `D4/4 | G4/2 B4/8 G4/8 | B4/2 A4/4 | G4/2 E4/4 | D4/2 D4/4 | G4/2 B4/8 G4/8 | B4/2 A4/4 | D5/2. |
      D5/2 B4/4 | D5/4. B4/8 D5/8 B4/8 | G4/2 D4/4 | E4/4. G4/8 G4/8 E4/8 | D4/2 D4/4 | G4/2 B4/8 G4/8 | B4/2 A4/4 | G4/2.`,
  },
  {
    id: 'auld-lang-syne',
    title: 'Auld Lang Syne',
    origin: 'public domain: traditional Scottish melody, words Robert Burns (1788)',
    key: 'G major',
    meter: [4, 4],
    tempo: 80,
    notes: `D4/4 | G4/4. G4/8 G4/4 B4/4 | A4/4. G4/8 A4/4 B4/8 A4/8 | G4/4. G4/8 B4/4 D5/4 | E5/2. E5/4 |
      D5/4. B4/8 B4/4 G4/4 | A4/4. G4/8 A4/4 B4/8 A4/8 | G4/4. E4/8 E4/4 D4/4 | G4/2. E5/4 |
      D5/4. B4/8 B4/4 G4/4 | A4/4. G4/8 A4/4 E5/4 | D5/4. B4/8 B4/4 D5/4 | E5/2. G5/4 |
      D5/4. B4/8 B4/4 G4/4 | A4/4. G4/8 A4/4 B4/8 A4/8 | G4/4. E4/8 E4/4 D4/4 | G4/2.`,
  },
  {
    id: 'brahms-lullaby',
    title: "Brahms' Lullaby (Wiegenlied)",
    origin: 'public domain: Johannes Brahms, Op. 49 No. 4 (1868)',
    key: 'C major',
    meter: [3, 4],
    tempo: 72,
    notes: `E4/8 E4/8 | G4/2 E4/8 E4/8 | G4/2 E4/8 G4/8 | C5/4 B4/4. A4/8 | A4/4 G4/4 D4/8 E4/8 |
      F4/4 D4/4 D4/8 E4/8 | F4/2 D4/8 F4/8 | B4/8 A4/8 G4/4 B4/4 | C5/2 C4/8 C4/8 |
      C5/2 A4/8 F4/8 | G4/2 E4/8 C4/8 | F4/4 G4/4 A4/4 | E4/2 C4/8 C4/8 | C5/2 A4/8 F4/8 | G4/2 E4/8 C4/8 |
      F4/4 E4/4 D4/4 | C4/2.`,
  },
  {
    id: 'camptown-races',
    title: 'Camptown Races',
    origin: 'public domain: Stephen Foster (1850)',
    key: 'C major',
    meter: [4, 4],
    tempo: 104,
    notes: `G4/8 G4/8 E4/8 G4/8 A4/8 G4/8 E4/4 | E4/8 D4/4. E4/8 D4/4. | G4/8 G4/8 E4/8 G4/8 A4/8 G4/8 E4/4 |
      D4/4 E4/8. D4/16 C4/2 | G4/8 G4/8 E4/8 G4/8 A4/8 G4/8 E4/4 | E4/8 D4/4. E4/8 D4/4. |
      G4/8 G4/8 E4/8 G4/8 A4/8 G4/8 E4/4 | D4/4 E4/8. D4/16 C4/2`,
  },
  {
    id: 'canon-in-d',
    title: 'Canon in D (first violin entry and first variation)',
    origin: 'public domain: Johann Pachelbel (c. 1680)',
    key: 'D major',
    meter: [4, 4],
    tempo: 60,
    notes: `F#5/2 E5/2 | D5/2 C#5/2 | B4/2 A4/2 | B4/2 C#5/2 | D5/2 C#5/2 | B4/2 A4/2 | G4/2 F#4/2 | G4/2 E4/2 |
      D4/4 F#4/4 A4/4 G4/4 | F#4/4 D4/4 F#4/4 E4/4 | D4/4 B3/4 D4/4 A4/4 | G4/4 B4/4 A4/4 G4/4 |
      F#4/4 D4/4 E4/4 C#5/4 | D5/4 F#5/4 A5/4 A4/4 | B4/4 G4/4 A4/4 F#4/4 | D4/4 D5/4 D5/2`,
  },
  {
    id: 'clementine',
    title: 'Oh My Darling, Clementine',
    origin: 'public domain: American folk song, attributed to Percy Montrose (1884)',
    key: 'C major',
    meter: [3, 4],
    tempo: 96,
    notes: `C4/8. C4/16 | C4/4 G3/4 E4/8. E4/16 | E4/4 C4/4 C4/8. E4/16 | G4/4. G4/8 F4/8 E4/8 | D4/2 D4/8. E4/16 |
      F4/4 F4/4 E4/8. D4/16 | E4/4 C4/4 C4/8. E4/16 | D4/4. G3/8 B3/8 D4/8 | C4/2.`,
  },
  {
    id: 'deck-the-halls',
    title: 'Deck the Halls',
    origin: 'public domain: traditional Welsh melody "Nos Galan" (16th century)',
    key: 'C major',
    meter: [4, 4],
    tempo: 112,
    notes: `G4/4. F4/8 E4/4 D4/4 | C4/4 D4/4 E4/4 C4/4 | D4/8 E4/8 F4/8 D4/8 E4/4. D4/8 | C4/4 B3/4 C4/2 |
      G4/4. F4/8 E4/4 D4/4 | C4/4 D4/4 E4/4 C4/4 | D4/8 E4/8 F4/8 D4/8 E4/4. D4/8 | C4/4 B3/4 C4/2 |
      D4/4. E4/8 F4/4 D4/4 | E4/4. F4/8 G4/4 D4/4 | E4/8 F4/8 G4/4 A4/8 B4/8 C5/4 | B4/4 A4/4 G4/2 |
      G4/4. F4/8 E4/4 D4/4 | C4/4 D4/4 E4/4 C4/4 | A4/8 A4/8 A4/8 A4/8 G4/4. F4/8 | E4/4 D4/4 C4/2`,
  },
  {
    id: 'drunken-sailor',
    title: 'Drunken Sailor',
    origin: 'public domain: traditional sea shanty (first printed 1839)',
    key: 'D dorian',
    meter: [4, 4],
    tempo: 120,
    notes: `A4/4 A4/8 A4/8 A4/4 A4/8 A4/8 | A4/4 D4/4 F4/4 A4/4 | G4/4 G4/8 G4/8 G4/4 G4/8 G4/8 | G4/4 C4/4 E4/4 G4/4 |
      A4/4 A4/8 A4/8 A4/4 A4/8 A4/8 | A4/4 B4/4 C5/4 D5/4 | C5/4 A4/4 G4/4 E4/4 | D4/2 D4/2 |
      A4/2 A4/2 | A4/4 D4/4 F4/4 A4/4 | G4/2 G4/2 | G4/4 C4/4 E4/4 G4/4 | A4/2 A4/2 | A4/4 B4/4 C5/4 D5/4 |
      C5/4 A4/4 G4/4 E4/4 | D4/2 D4/2`,
  },
  {
    id: 'fur-elise',
    title: 'Für Elise (opening)',
    origin: 'public domain: Ludwig van Beethoven, Bagatelle WoO 59 (1810)',
    key: 'A minor',
    meter: [3, 8],
    tempo: 66,
    notes: `E5/16 D#5/16 | E5/16 D#5/16 E5/16 B4/16 D5/16 C5/16 | A4/8 R/16 C4/16 E4/16 A4/16 | B4/8 R/16 E4/16 G#4/16 B4/16 |
      C5/8 R/16 E4/16 E5/16 D#5/16 | E5/16 D#5/16 E5/16 B4/16 D5/16 C5/16 | A4/8 R/16 C4/16 E4/16 A4/16 |
      B4/8 R/16 E4/16 C5/16 B4/16 | A4/4.`,
  },
  {
    id: 'frere-jacques',
    title: 'Frère Jacques',
    origin: 'public domain: traditional French round (18th century)',
    key: 'G major',
    meter: [4, 4],
    tempo: 100,
    notes: `G4/4 A4/4 B4/4 G4/4 | G4/4 A4/4 B4/4 G4/4 | B4/4 C5/4 D5/2 | B4/4 C5/4 D5/2 |
      D5/8 E5/8 D5/8 C5/8 B4/4 G4/4 | D5/8 E5/8 D5/8 C5/8 B4/4 G4/4 | G4/4 D4/4 G4/2 | G4/4 D4/4 G4/2`,
  },
  {
    id: 'greensleeves',
    title: 'Greensleeves',
    origin: 'public domain: traditional English ballad (registered 1580)',
    key: 'A minor',
    meter: [6, 8],
    tempo: 84,
    notes: `A4/8 | C5/4 D5/8 E5/8. F5/16 E5/8 | D5/4 B4/8 G4/8. A4/16 B4/8 | C5/4 A4/8 A4/8. G#4/16 A4/8 | B4/4 G#4/8 E4/4 A4/8 |
      C5/4 D5/8 E5/8. F5/16 E5/8 | D5/4 B4/8 G4/8. A4/16 B4/8 | C5/8. B4/16 A4/8 G#4/8. F#4/16 G#4/8 | A4/4. A4/4. |
      G5/4. G5/8. F#5/16 E5/8 | D5/4 B4/8 G4/8. A4/16 B4/8 | C5/4 A4/8 A4/8. G#4/16 A4/8 | B4/4 G#4/8 E4/4. |
      G5/4. G5/8. F#5/16 E5/8 | D5/4 B4/8 G4/8. A4/16 B4/8 | C5/8. B4/16 A4/8 G#4/8. F#4/16 G#4/8 | A4/4. A4/4.`,
  },
  {
    id: 'hot-cross-buns',
    title: 'Hot Cross Buns',
    origin: 'public domain: traditional English street cry (18th century)',
    key: 'C major',
    meter: [4, 4],
    tempo: 100,
    notes: `E4/4 D4/4 C4/2 | E4/4 D4/4 C4/2 | C4/8 C4/8 C4/8 C4/8 D4/8 D4/8 D4/8 D4/8 | E4/4 D4/4 C4/2 |
      E4/4 D4/4 C4/2 | E4/4 D4/4 C4/2 | C4/8 C4/8 C4/8 C4/8 D4/8 D4/8 D4/8 D4/8 | E4/4 D4/4 C4/2`,
  },
  {
    id: 'jingle-bells',
    title: 'Jingle Bells (chorus)',
    origin: 'public domain: James Lord Pierpont (1857)',
    key: 'C major',
    meter: [4, 4],
    tempo: 120,
    notes: `E4/4 E4/4 E4/2 | E4/4 E4/4 E4/2 | E4/4 G4/4 C4/4. D4/8 | E4/1 | F4/4 F4/4 F4/4. F4/8 | F4/4 E4/4 E4/4 E4/8 E4/8 |
      E4/4 D4/4 D4/4 E4/4 | D4/2 G4/2 | E4/4 E4/4 E4/2 | E4/4 E4/4 E4/2 | E4/4 G4/4 C4/4. D4/8 | E4/1 |
      F4/4 F4/4 F4/4. F4/8 | F4/4 E4/4 E4/4 E4/8 E4/8 | G4/4 G4/4 F4/4 D4/4 | C4/1`,
  },
  {
    id: 'london-bridge',
    title: 'London Bridge Is Falling Down',
    origin: 'public domain: traditional English nursery rhyme (17th century)',
    key: 'C major',
    meter: [4, 4],
    tempo: 104,
    notes: `G4/4. A4/8 G4/4 F4/4 | E4/4 F4/4 G4/2 | D4/4 E4/4 F4/2 | E4/4 F4/4 G4/2 |
      G4/4. A4/8 G4/4 F4/4 | E4/4 F4/4 G4/2 | D4/2 G4/2 | E4/4 C4/2.`,
  },
  {
    id: 'mary-had-a-little-lamb',
    title: 'Mary Had a Little Lamb',
    origin: 'public domain: American nursery song, words Sarah Josepha Hale (1830), tune after Lowell Mason',
    key: 'C major',
    meter: [4, 4],
    tempo: 100,
    notes: `E4/4 D4/4 C4/4 D4/4 | E4/4 E4/4 E4/2 | D4/4 D4/4 D4/2 | E4/4 G4/4 G4/2 |
      E4/4 D4/4 C4/4 D4/4 | E4/4 E4/4 E4/4 E4/4 | D4/4 D4/4 E4/4 D4/4 | C4/1`,
  },
  {
    id: 'minuet-in-g',
    title: 'Minuet in G',
    origin: 'public domain: Christian Petzold, BWV Anh. 114, from the Notebook for Anna Magdalena Bach (1725)',
    key: 'G major',
    meter: [3, 4],
    tempo: 108,
    notes: `D5/4 G4/8 A4/8 B4/8 C5/8 | D5/4 G4/4 G4/4 | E5/4 C5/8 D5/8 E5/8 F#5/8 | G5/4 G4/4 G4/4 |
      C5/4 D5/8 C5/8 B4/8 A4/8 | B4/4 C5/8 B4/8 A4/8 G4/8 | F#4/4 G4/8 A4/8 B4/8 G4/8 | A4/2. |
      D5/4 G4/8 A4/8 B4/8 C5/8 | D5/4 G4/4 G4/4 | E5/4 C5/8 D5/8 E5/8 F#5/8 | G5/4 G4/4 G4/4 |
      C5/4 D5/8 C5/8 B4/8 A4/8 | B4/4 C5/8 B4/8 A4/8 G4/8 | A4/4 B4/8 A4/8 G4/8 F#4/8 | G4/2.`,
  },
  {
    id: 'ode-to-joy',
    title: 'Ode to Joy',
    origin: 'public domain: Ludwig van Beethoven, Symphony No. 9, fourth movement (1824)',
    key: 'C major',
    meter: [4, 4],
    tempo: 108,
    notes: `E4/4 E4/4 F4/4 G4/4 | G4/4 F4/4 E4/4 D4/4 | C4/4 C4/4 D4/4 E4/4 | E4/4. D4/8 D4/2 |
      E4/4 E4/4 F4/4 G4/4 | G4/4 F4/4 E4/4 D4/4 | C4/4 C4/4 D4/4 E4/4 | D4/4. C4/8 C4/2 |
      D4/4 D4/4 E4/4 C4/4 | D4/4 E4/8 F4/8 E4/4 C4/4 | D4/4 E4/8 F4/8 E4/4 D4/4 | C4/4 D4/4 G3/2 |
      E4/4 E4/4 F4/4 G4/4 | G4/4 F4/4 E4/4 D4/4 | C4/4 C4/4 D4/4 E4/4 | D4/4. C4/8 C4/2`,
  },
  {
    id: 'oh-susanna',
    title: 'Oh! Susanna',
    origin: 'public domain: Stephen Foster (1848)',
    key: 'C major',
    meter: [4, 4],
    tempo: 112,
    notes: `C4/8 D4/8 | E4/4 G4/4 G4/4. A4/8 | G4/4 E4/4 C4/4. D4/8 | E4/4 E4/4 D4/4 C4/4 | D4/2. C4/8 D4/8 |
      E4/4 G4/4 G4/4. A4/8 | G4/4 E4/4 C4/4. D4/8 | E4/4 E4/4 D4/4 D4/4 | C4/2. R/4 |
      F4/2 F4/2 | A4/2 A4/2 | G4/4 G4/4 E4/4 C4/4 | D4/2. C4/8 D4/8 |
      E4/4 G4/4 G4/4. A4/8 | G4/4 E4/4 C4/4. D4/8 | E4/4 E4/4 D4/4 D4/4 | C4/2.`,
  },
  {
    id: 'old-macdonald',
    title: 'Old MacDonald Had a Farm',
    origin: 'public domain: traditional (first printed 1917 from older folk versions)',
    key: 'G major',
    meter: [4, 4],
    tempo: 120,
    notes: `G4/4 G4/4 G4/4 D4/4 | E4/4 E4/4 D4/2 | B4/4 B4/4 A4/4 A4/4 | G4/2. D4/4 |
      G4/4 G4/4 G4/4 D4/4 | E4/4 E4/4 D4/2 | B4/4 B4/4 A4/4 A4/4 | G4/2. D4/8 D4/8 |
      G4/4 G4/4 G4/4 D4/8 D4/8 | G4/4 G4/4 G4/2 | G4/8 G4/8 G4/4 G4/8 G4/8 G4/4 | G4/8 G4/8 G4/8 G4/8 G4/4 G4/4 |
      G4/4 G4/4 G4/4 D4/4 | E4/4 E4/4 D4/2 | B4/4 B4/4 A4/4 A4/4 | G4/1`,
  },
  {
    id: 'pop-goes-the-weasel',
    title: 'Pop Goes the Weasel',
    origin: 'public domain: traditional English (1850s)',
    key: 'C major',
    meter: [6, 8],
    tempo: 100,
    notes: `C4/4 C4/8 D4/4 D4/8 | E4/8 G4/8 E4/8 C4/4 G3/8 | C4/4 C4/8 D4/4 D4/8 | E4/4. C4/4 G3/8 |
      C4/4 C4/8 D4/4 D4/8 | E4/8 G4/8 E4/8 C4/4. | A4/4. D4/4 F4/8 | E4/4. C4/4.`,
  },
  {
    id: 'row-your-boat',
    title: 'Row, Row, Row Your Boat',
    origin: 'public domain: traditional American round (first printed 1852)',
    key: 'C major',
    meter: [6, 8],
    tempo: 88,
    notes: `C4/4. C4/4. | C4/4 D4/8 E4/4. | E4/4 D4/8 E4/4 F4/8 | G4/2. | C5/8 C5/8 C5/8 G4/8 G4/8 G4/8 |
      E4/8 E4/8 E4/8 C4/8 C4/8 C4/8 | G4/4 F4/8 E4/4 D4/8 | C4/2.`,
  },
  {
    id: 'scarborough-fair',
    title: 'Scarborough Fair',
    origin: 'public domain: traditional English ballad (17th century)',
    key: 'D dorian',
    meter: [3, 4],
    tempo: 96,
    notes: `D4/2 D4/4 | A4/2 A4/4 | E4/4. F4/8 E4/4 | D4/2. | R/4 A4/4 C5/4 | D5/2 C5/4 | A4/4 B4/4 G4/4 | A4/2. |
      R/2 D5/4 | D5/2 D5/4 | C5/2 A4/4 | A4/4 G4/4 F4/4 | E4/4 C4/2 | D4/2 A4/4 | G4/2 F4/4 | E4/4 D4/4 C4/4 | D4/2.`,
  },
  {
    id: 'skip-to-my-lou',
    title: 'Skip to My Lou',
    origin: 'public domain: traditional American play-party song (1840s)',
    key: 'C major',
    meter: [4, 4],
    tempo: 116,
    notes: `E4/2 C4/2 | E4/4 E4/8 E4/8 G4/2 | D4/2 B3/2 | D4/4 D4/8 D4/8 F4/2 | E4/2 C4/2 | E4/4 E4/8 E4/8 G4/2 |
      D4/4 E4/8 F4/8 E4/4 D4/4 | C4/1`,
  },
  {
    id: 'twinkle-twinkle',
    title: 'Twinkle, Twinkle, Little Star',
    origin: 'public domain: French melody "Ah! vous dirai-je, maman" (1761), words Jane Taylor (1806)',
    key: 'C major',
    meter: [4, 4],
    tempo: 100,
    notes: `C4/4 C4/4 G4/4 G4/4 | A4/4 A4/4 G4/2 | F4/4 F4/4 E4/4 E4/4 | D4/4 D4/4 C4/2 |
      G4/4 G4/4 F4/4 F4/4 | E4/4 E4/4 D4/2 | G4/4 G4/4 F4/4 F4/4 | E4/4 E4/4 D4/2 |
      C4/4 C4/4 G4/4 G4/4 | A4/4 A4/4 G4/2 | F4/4 F4/4 E4/4 E4/4 | D4/4 D4/4 C4/2`,
  },
  {
    id: 'when-the-saints',
    title: 'When the Saints Go Marching In',
    origin: 'public domain: traditional African-American spiritual (early 20th century, from older hymns)',
    key: 'C major',
    meter: [4, 4],
    tempo: 120,
    notes: `C4/4 E4/4 F4/4 | G4/1 | R/4 C4/4 E4/4 F4/4 | G4/1 | R/4 C4/4 E4/4 F4/4 | G4/2 E4/2 | C4/2 E4/2 | D4/1 |
      R/4 E4/4 E4/4 D4/4 | C4/2. C4/4 | E4/2 G4/4 G4/4 | F4/1 | R/4 E4/4 F4/4 G4/4 | E4/2 C4/2 | D4/1 | C4/1`,
  },
  {
    id: 'yankee-doodle',
    title: 'Yankee Doodle',
    origin: 'public domain: traditional American (18th century)',
    key: 'C major',
    meter: [4, 4],
    tempo: 120,
    notes: `C4/4 C4/4 D4/4 E4/4 | C4/4 E4/4 D4/4 G3/4 | C4/4 C4/4 D4/4 E4/4 | C4/2 B3/2 |
      C4/4 C4/4 D4/4 E4/4 | F4/4 E4/4 D4/4 C4/4 | B3/4 G3/4 A3/4 B3/4 | C4/2 C4/2 |
      A3/4. B3/8 A3/4 G3/4 | A3/4 B3/4 C4/2 | G3/4. A3/8 G3/4 F3/4 | E3/2 G3/2 |
      A3/4. B3/8 A3/4 G3/4 | A3/4 B3/4 C4/4 A3/4 | G3/4 C4/4 B3/4 D4/4 | C4/2 C4/2`,
  },
];
