const n = require('@dlkit/nlp');
const el = require('../dist/ner-data/entity-lists');
const lists = el.partitionEntityLists(el.loadEntityLists(), {});
const where = (str) => { for (const split of ['train', 'test']) for (const k of el.ENTITY_LIST_KEYS) if (lists[split][k].includes(str)) return split + ':' + k; return '-'; };
const hand = n.loadHandLabelledNer();
const rows = {};
for (const s of hand) for (const e of n.extractEntities(s.tags)) { const str = s.tokens.slice(e.start, e.end + 1).join(' '); const w = where(str); (rows[e.type + ' ' + w.split(':')[0]] ??= []).push(str); }
for (const [k, v] of Object.entries(rows)) console.log(k, v.length, v.slice(0, 30).join(', '));
