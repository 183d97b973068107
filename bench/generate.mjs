#!/usr/bin/env node
// Deterministic generator of realistic Business Model Canvas files for the benchmark.
//
//   import { generateCanvas } from './generate.mjs';   generateCanvas(8000, 1) -> YAML text
//   node bench/generate.mjs 8000 [seed] > big.canvas.yaml
//
// Everything about the format comes from schemas/business-model.schema.json: the block keys (top-level
// properties with `x-block`), the card fields and their order, the enumerations, which fields are
// references and to which block (`x-references`), the segment checks. Only the free text (names,
// notes, tags) comes from the word lists below. The output satisfies the semantic rules, so a
// generated canvas validates with zero diagnostics:
//   - ids are kebab-case and unique across the file;
//   - every reference names an existing id of its target block;
//   - every block with a `segments` reference field (value propositions, channels, relationships,
//     revenue streams) names at least one segment on every card, and together each of these
//     blocks names every segment (so no unserved segment, no segment without a relationship);
//   - every multi-sided-platform segment has `linked` sides; all `checks` are true;
//   - all nine blocks hold at least one card (no empty-block hint).
// The PRNG is seeded (mulberry32): the same (cards, seed) always gives the same bytes.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(join(here, '..', 'schemas', 'business-model.schema.json'), 'utf8'));

// ---------------------------------------------------------------------------------------------
// Schema access

function resolve(s) {
  let cur = s ?? {};
  for (let hops = 0; cur.$ref && hops < 16; hops++) cur = schema.definitions[cur.$ref.replace(/^#\/definitions\//, '')];
  return cur;
}

const hasType = (s, t) => s.type === t || (Array.isArray(s.type) && s.type.includes(t));

function referenceTarget(s) {
  const r = resolve(s);
  return r['x-references'] ?? (r.items ? resolve(r.items)['x-references'] : undefined);
}

/** The blocks, in schema order: key, the object form of a card, and whether a sticky note is allowed. */
const BLOCKS = Object.entries(schema.properties)
  .filter(([, s]) => resolve(s)['x-block'])
  .map(([key, s]) => {
    const branches = (resolve(resolve(s).items).anyOf ?? [resolve(s).items]).map(resolve);
    const card = branches.find((b) => hasType(b, 'object'));
    const references = new Map();
    for (const [field, fs] of Object.entries(card.properties)) {
      const target = referenceTarget(fs);
      if (target) references.set(field, target);
    }
    return { key, card, references, stickyAllowed: branches.some((b) => hasType(b, 'string')) };
  });
const BLOCK_KEYS = new Set(BLOCKS.map((b) => b.key));

/** The block the `segments` field points to: the customer segments. */
const SEGMENT_BLOCK = BLOCKS.map((b) => b.references.get('segments')).find(Boolean);
/** Blocks that are the target of some reference: their cards always carry an id. */
const TARGET_BLOCKS = new Set(BLOCKS.flatMap((b) => [...b.references.values()]));
/** The segment type whose cards need `linked` sides (the `unlinked-platform-side` rule). */
const PLATFORM = 'multi-sided-platform';
const segmentCard = BLOCKS.find((b) => b.key === SEGMENT_BLOCK)?.card;
const SEGMENT_TYPES = resolve(segmentCard?.properties?.type).enum ?? [];
if (!SEGMENT_BLOCK || !BLOCK_KEYS.has(SEGMENT_BLOCK)) throw new Error('schema: no block is the target of `segments`');
if (!SEGMENT_TYPES.includes(PLATFORM)) throw new Error(`schema: customer segment types lack ${PLATFORM}`);
const CANVAS_KIND = resolve(schema.properties.canvas).enum[0];
const VERSION = resolve(schema.properties.version).enum?.[0];

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Free text (not format vocabulary: only what people write on sticky notes)

const ADJECTIVES = ('faster cheaper local premium shared trusted mobile instant flexible secure simple regional ' +
  'personal seasonal organic automated verified curated bulk digital green weekly nightly certified').split(' ');
const NOUNS = ('pickup delivery onboarding invoices payments bookings checkout support catalogue subscriptions ' +
  'insurance routing analytics inventory reminders reviews rewards training logistics hosting licences ' +
  'consulting repairs rentals meals clinics drivers riders farms stores agents').split(' ');
const AUDIENCES = ('commuters,students,retirees,families,freelancers,small shops,clinics,restaurants,landlords,' +
  'tourists,hospitals,schools,farmers,developers,accountants,night workers,parents,gamers').split(',');
const CITIES = 'Seoul Busan Lyon Porto Leeds Osaka Austin Krakow Pune Accra Quito Perth'.split(' ');
const TAGS = 'mvp launch b2b b2c pilot moat expansion partner-led annual core q3 risky'.split(' ');
const SENTENCE_WORDS = ('we still need to confirm this with interviews and a pilot in two cities before the next ' +
  'funding round because the numbers come from a small survey of early users').split(' ');

function makeText(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  return {
    pick,
    /** A segment is a group of people; other cards say what is offered, done or paid. */
    segmentName() {
      const r = rand();
      if (r < 0.4) return `${cap(pick(ADJECTIVES))} ${pick(AUDIENCES)}`;
      if (r < 0.8) return `${cap(pick(AUDIENCES))} in ${pick(CITIES)}`;
      return `${cap(pick(AUDIENCES))} and ${pick(AUDIENCES)}`;
    },
    name() {
      const r = rand();
      if (r < 0.45) return `${cap(pick(ADJECTIVES))} ${pick(NOUNS)} for ${pick(AUDIENCES)}`;
      if (r < 0.75) return `${cap(pick(ADJECTIVES))} ${pick(NOUNS)}`;
      if (r < 0.9) return `${cap(pick(NOUNS))} in ${pick(CITIES)}`;
      return `${cap(pick(AUDIENCES))} ${pick(NOUNS)} and ${pick(NOUNS)}`;
    },
    sentence(min = 6, max = 14) {
      const n = min + Math.floor(rand() * (max - min + 1));
      const start = Math.floor(rand() * (SENTENCE_WORDS.length - n));
      return cap(SENTENCE_WORDS.slice(start, start + n).join(' ')) + '.';
    },
    words(list, min, max) {
      const n = min + Math.floor(rand() * (max - min + 1));
      const out = new Set();
      for (let i = 0; i < n * 3 && out.size < n; i++) out.add(pick(list));
      return [...out];
    },
  };
}

const STOPWORDS = new Set(['and', 'in', 'for', 'the', 'of']);

function slug(text) {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOPWORDS.has(w))
    .slice(0, 2)
    .join('-');
}

// ---------------------------------------------------------------------------------------------
// Generation

/** How many cards each block gets: segments one in twelve, the rest shared evenly; at least one each. */
function allocate(total) {
  const n = Math.max(total, BLOCKS.length);
  const weights = BLOCKS.map((b) => (b.key === SEGMENT_BLOCK ? 1 : 11 / 8) / 12);
  const counts = weights.map((w) => Math.max(1, Math.floor(n * w)));
  let left = n - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % counts.length, left--) counts[(i + 1) % counts.length]++;
  for (let i = 0; left < 0; i = (i + 1) % counts.length) if (counts[i] > 1) counts[i]--, left++;
  return new Map(BLOCKS.map((b, i) => [b.key, counts[i]]));
}

const flowSeq = (items) => `[${items.join(', ')}]`;

/**
 * Returns the YAML text of a canvas with `cards` cards (at least nine: one per block).
 * @param {number} cards
 * @param {number} [seed]
 */
export function generateCanvas(cards, seed = 1) {
  if (!Number.isInteger(cards) || cards < 0) throw new Error(`cards must be a non-negative integer, got ${cards}`);
  const rand = mulberry32(seed * 2654435761 + cards);
  const T = makeText(rand);
  const chance = (p) => rand() < p;
  const counts = allocate(cards);
  // Ids as people write them: the name in kebab-case, numbered from the second time it is taken.
  const taken = new Map();
  const newId = (name) => {
    const base = slug(name);
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };

  // Pass 1: every card's name and id (targets of references always get an id).
  const skeletons = new Map();
  const idsOf = new Map();
  for (const block of BLOCKS) {
    const list = [];
    for (let i = 0; i < counts.get(block.key); i++) {
      const name = block.key === SEGMENT_BLOCK ? T.segmentName() : T.name();
      const mustBeCard = TARGET_BLOCKS.has(block.key) || block.references.has('segments');
      const sticky = !mustBeCard && block.stickyAllowed && chance(0.6);
      const id = !sticky && (TARGET_BLOCKS.has(block.key) || chance(0.5)) ? newId(name) : undefined;
      list.push({ name, id, sticky, fields: new Map() });
    }
    skeletons.set(block.key, list);
    idsOf.set(block.key, list.map((c) => c.id).filter(Boolean));
  }

  // Pass 2: the multi-sided platforms (pairs of segments naming each other) and segment coverage.
  const segments = skeletons.get(SEGMENT_BLOCK);
  const otherTypes = SEGMENT_TYPES.filter((t) => t !== PLATFORM);
  for (let i = 0; i < segments.length; i++) {
    if (i + 1 < segments.length && chance(0.12)) {
      const [a, b] = [segments[i], segments[i + 1]];
      a.type = b.type = PLATFORM;
      a.fields.set('linked', [b.id]);
      b.fields.set('linked', [a.id]);
      i++;
    } else {
      segments[i].type = T.pick(otherTypes);
    }
  }
  for (const block of BLOCKS) {
    if (block.references.get('segments') !== SEGMENT_BLOCK || block.key === SEGMENT_BLOCK) continue;
    const list = skeletons.get(block.key);
    // Every segment is named by some card of this block (round robin), every card names one or more.
    segments.forEach((s, i) => {
      const card = list[i % list.length];
      if (!card.fields.has('segments')) card.fields.set('segments', []);
      card.fields.get('segments').push(s.id);
    });
    for (const card of list) {
      const named = card.fields.get('segments') ?? [];
      if (named.length === 0 || chance(0.1)) named.push(T.pick(segments).id);
      card.fields.set('segments', [...new Set(named)].slice(0, 3));
    }
  }

  // Pass 3: the text, fields in schema order.
  const out = [];
  out.push('# yaml-language-server: $schema=../schemas/canvas.schema.json');
  out.push(`# Generated by bench/generate.mjs (${cards} cards, seed ${seed}).`);
  out.push(`canvas: ${CANVAS_KIND}`);
  out.push(`title: ${T.name()} (${cards} cards)`);
  out.push('description: |');
  out.push(`  ${T.sentence(10, 16)}`);
  out.push(`  ${T.sentence(8, 14)}`);
  if (VERSION !== undefined) out.push(`version: ${VERSION}`);
  out.push('x-owner: strategy-team');

  for (const block of BLOCKS) {
    out.push('');
    out.push(`${block.key}:`);
    for (const card of skeletons.get(block.key)) {
      if (card.sticky) {
        out.push(`  - ${card.name}`);
        continue;
      }
      const lines = [];
      for (const [field, fieldSchema] of Object.entries(block.card.properties)) {
        const line = fieldText(field, fieldSchema, block, card);
        if (line !== undefined) lines.push(...(Array.isArray(line) ? line : [line]));
      }
      if (chance(0.01)) lines.push(`x-reviewed: ${2020 + Math.floor(rand() * 5)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 10)}`);
      out.push(`  - ${lines[0]}`);
      for (const l of lines.slice(1)) out.push(`    ${l}`);
    }
  }
  return out.join('\n') + '\n';

  /** One field of a card as YAML lines (relative to the card's indentation), or undefined to leave it out. */
  function fieldText(field, fieldSchema, block, card) {
    const s = resolve(fieldSchema);
    const isSegmentBlock = block.key === SEGMENT_BLOCK;
    if (field === 'id') return card.id === undefined ? undefined : `id: ${card.id}`;
    if (field === 'name') return `name: ${card.name}`;
    if (field === 'type' && isSegmentBlock) return `type: ${card.type}`;
    const target = block.references.get(field);
    if (target) {
      if (card.fields.has(field)) return `${field}: ${flowSeq(card.fields.get(field))}`;
      if (target === SEGMENT_BLOCK) return undefined; // segments/linked are decided in pass 2
      const ids = idsOf.get(target);
      if (!ids.length || !chance(0.3)) return undefined;
      return `${field}: ${flowSeq(T.words(ids, 1, chance(0.2) ? 2 : 1))}`;
    }
    if (s.enum) {
      if (!chance(field === 'type' ? 0.85 : field === 'status' ? 0.15 : 0.3)) return undefined;
      return `${field}: ${T.pick(s.enum)}`;
    }
    if (hasType(s, 'array')) {
      const items = resolve(s.items);
      if (items.enum) return chance(0.15) ? `${field}: ${flowSeq(T.words(items.enum, 1, 2))}` : undefined;
      if (hasType(items, 'object')) {
        if (!isSegmentBlock || !chance(0.06)) return undefined;
        return [`${field}:`, ...segmentationEntries(items)];
      }
      if (hasType(items, 'string')) {
        if (field === 'tags') return chance(0.1) ? `tags: ${flowSeq(T.words(TAGS, 1, 2))}` : undefined;
        return chance(0.08) ? `${field}: ${flowSeq(T.words(NOUNS, 1, 3))}` : undefined;
      }
      return undefined;
    }
    if (hasType(s, 'object') && s.properties) {
      const props = Object.entries(s.properties).map(([k, v]) => [k, resolve(v)]);
      if (props.length && props.every(([, v]) => hasType(v, 'boolean'))) {
        // The six segment checks: all passed (a false one would be a failed-segment-check finding).
        return chance(0.1) ? `${field}: { ${props.map(([k]) => `${k}: true`).join(', ')} }` : undefined;
      }
      if (!chance(0.05)) return undefined;
      const lines = [`${field}:`];
      for (const [k, v] of props) {
        if (hasType(v, 'string') && chance(0.8)) lines.push(`  ${k}: ${T.pick(AUDIENCES)} in ${T.pick(CITIES)}`);
        else if (hasType(v, 'array') && chance(0.5)) lines.push(`  ${k}: ${flowSeq(T.words(NOUNS, 1, 3))}`);
      }
      return lines.length > 1 ? lines : undefined;
    }
    if (s.pattern && hasType(s, 'string')) {
      // A colour: `#rrggbb`, quoted (a bare # starts a comment).
      if (!chance(0.3) || !new RegExp(s.pattern).test('#a1b2c3')) return undefined;
      return `${field}: "#${Math.floor(rand() * 0xffffff).toString(16).padStart(6, '0')}"`;
    }
    if (hasType(s, 'integer')) return chance(0.3) ? `${field}: ${(s.minimum ?? 0) + 1 + Math.floor(rand() * 5)}` : undefined;
    if (hasType(s, 'number') && hasType(s, 'string')) {
      if (!chance(0.2)) return undefined;
      return chance(0.5) ? `${field}: ${1000 * (1 + Math.floor(rand() * 500))}` : `${field}: ${(1 + rand() * 9).toFixed(1)}M ${T.pick(AUDIENCES)}`;
    }
    if (hasType(s, 'string')) {
      const p = field === 'notes' ? 0.04 : field === 'description' ? 0.03 : 0.01;
      return chance(p) ? `${field}: ${T.sentence()}` : undefined;
    }
    return undefined;
  }

  /** Entries of an array-of-objects field (segmentation): the required enum key and a criteria list. */
  function segmentationEntries(entrySchema) {
    const lines = [];
    const n = 1 + Math.floor(rand() * 2);
    for (let i = 0; i < n; i++) {
      const props = Object.entries(entrySchema.properties).map(([k, v]) => [k, resolve(v)]);
      const entry = [];
      for (const [k, v] of props) {
        if (v.enum) entry.push(`${k}: ${T.pick(v.enum)}`);
        else if (hasType(v, 'array')) entry.push(`${k}: ${flowSeq(T.words(CITIES, 1, 3))}`);
      }
      if (!entry.length) continue;
      lines.push(`  - ${entry[0]}`);
      for (const l of entry.slice(1)) lines.push(`    ${l}`);
    }
    return lines;
  }
}

// ---------------------------------------------------------------------------------------------
// CLI

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [cardsArg = '100', seedArg = '1'] = process.argv.slice(2);
  const cards = Number(cardsArg);
  const seed = Number(seedArg);
  if (!Number.isInteger(cards) || cards < 0 || !Number.isInteger(seed)) {
    process.stderr.write('usage: node bench/generate.mjs <cards> [seed] > out.canvas.yaml\n');
    process.exit(2);
  }
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0); // `| head` is fine
    throw error;
  });
  process.stdout.write(generateCanvas(cards, seed));
}
