/**
 * A character trie of the words a decoder may write (e.g. every word of the training corpus):
 * beam search extends a word only along the trie and ends it only on a whole word.
 *
 * @example
 * const lexicon = LexiconTrie.fromWords(['HELLO', 'HELP', 'WORLD']);
 * lexicon.has('HELP');                 // true
 * lexicon.root.children.get('H')?.isWord; // false
 */

export interface LexiconNode {
  /** Next characters (or multi-character tokens) of the words through this node. */
  children: Map<string, LexiconNode>;
  /** Whether the path from the root to here spells a whole word. */
  isWord: boolean;
}

export class LexiconTrie {
  readonly root: LexiconNode = { children: new Map(), isWord: false };
  private count = 0;

  /** Words split into characters (code points); empty words are ignored. */
  static fromWords(words: Iterable<string>): LexiconTrie {
    const trie = new LexiconTrie();
    for (const w of words) trie.add([...w]);
    return trie;
  }

  /** Adds a word given as its token texts. */
  add(tokens: readonly string[]): void {
    if (tokens.length === 0) return;
    let node = this.root;
    for (const t of tokens) {
      let child = node.children.get(t);
      if (!child) node.children.set(t, (child = { children: new Map(), isWord: false }));
      node = child;
    }
    if (!node.isWord) this.count++;
    node.isWord = true;
  }

  /** Number of distinct words. */
  get size(): number {
    return this.count;
  }

  has(word: string): boolean {
    let node: LexiconNode | undefined = this.root;
    for (const c of word) node = node?.children.get(c);
    return node?.isWord ?? false;
  }
}
