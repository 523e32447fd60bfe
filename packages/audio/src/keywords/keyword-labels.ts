/** The ten command words of Speech Commands v0.02 (Warden 2018), then its two extra classes. */
export const KEYWORDS = ['yes', 'no', 'up', 'down', 'left', 'right', 'on', 'off', 'stop', 'go'] as const;

/** The classes in model output order. */
export const KEYWORD_LABELS: readonly string[] = [...KEYWORDS, 'unknown', 'silence'];

/** Speech Commands' auxiliary words, spoken for the "unknown" class. */
export const UNKNOWN_WORDS = [
  'bed', 'bird', 'cat', 'dog', 'eight', 'five', 'four', 'happy', 'house', 'marvin',
  'nine', 'one', 'seven', 'sheila', 'six', 'three', 'tree', 'two', 'wow', 'zero',
]; // prettier-ignore
