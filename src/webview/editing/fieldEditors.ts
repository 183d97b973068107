import type { CanvasView, CardView, FieldData, FieldSpec } from '../../core/render/viewTypes';
import type { FieldObject, FieldValue } from '../../core/editing/types';
import type { EditingLabels } from '../../shared/labels/editing';
import { format } from './format';

/**
 * A card field's value as written, whichever part of the card view carries it; a dotted path
 * (`persona.name`, `segmentation.0.basis`) reads inside an object field.
 */
export function cardValue(card: CardView, field: string): FieldData | undefined {
  const [first, ...rest] = field.split('.');
  let value = topValue(card, first);
  for (const key of rest) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Array.isArray(value) ? value[Number(key)] : Object.hasOwn(value, key) ? value[key] : undefined;
  }
  return value;
}

function topValue(card: CardView, field: string): FieldData | undefined {
  switch (field) {
    case 'name':
      return card.name;
    case 'id':
      return card.id;
    case 'type':
      return card.type?.value;
    case 'status':
      return card.status;
    case 'tags':
      return card.tags.length ? card.tags : undefined;
    case 'description':
      return card.description;
    default:
      return card.values?.[field];
  }
}

export interface EditorContext {
  view: CanvasView;
  card: CardView;
  labels: EditingLabels;
  /** Sets the field (null removes it). */
  commit(target: EditTarget, value: FieldValue): void;
}

/** What a change sets: a field or a dotted path into one, and its title in the announcement. */
export interface EditTarget {
  field: string;
  title: string;
}

const strings = (value: FieldData | undefined): string[] =>
  Array.isArray(value) ? value.filter((v): v is string | number | boolean => v !== null && typeof v !== 'object').map(String) : value === undefined || value === null ? [] : [String(value)];

const scalarText = (value: FieldData | undefined): string => (value === undefined || value === null || typeof value === 'object' ? '' : String(value));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

/**
 * The editor of one field: a labelled control (or a group of checkboxes, or a group of editors of
 * an object's keys) that commits on change. `announced`: the title said when it changes.
 */
export function fieldEditor(spec: FieldSpec, context: EditorContext, announced = spec.title): HTMLElement {
  const value = cardValue(context.card, spec.field);
  const id = `detail-${spec.field}`;
  const wrap = el('div', { className: `field field-${spec.kind}` });
  wrap.dataset.field = spec.field;
  const label = el('label', { htmlFor: id, textContent: spec.title });
  const commit = (v: FieldValue) => context.commit({ field: spec.field, title: announced }, v);
  switch (spec.kind) {
    case 'enum':
    case 'boolean':
    case 'reference':
      if (spec.kind !== 'reference' || !spec.multiple) {
        const options = spec.kind === 'boolean' ? [{ value: 'true', label: 'true' }, { value: 'false', label: 'false' }] : spec.kind === 'enum' ? (spec.options ?? []) : idOptions(context.view, spec.target);
        const select = picker(id, options, scalarText(value), context.labels, spec.required === true && spec.kind === 'enum');
        select.addEventListener('change', () => commit(select.value === '' ? null : spec.kind === 'boolean' ? select.value === 'true' : select.value));
        wrap.append(label, select);
        return wrap;
      }
      return checkboxes(wrap, spec, idOptions(context.view, spec.target), strings(value), context, commit);
    case 'enumList':
      return checkboxes(wrap, spec, spec.options ?? [], strings(value), context, commit);
    case 'markdown':
    case 'list': {
      const area = el('textarea', { id, value: spec.kind === 'list' ? strings(value).join('\n') : scalarText(value), rows: spec.kind === 'list' ? 3 : 5 });
      if (spec.kind === 'list') {
        const hint = el('span', { className: 'field-hint', id: `${id}-hint`, textContent: context.labels.onePerLine });
        area.setAttribute('aria-describedby', hint.id);
        label.append(' ', hint);
      }
      area.addEventListener('change', () => {
        if (spec.kind === 'markdown') return commit(area.value === '' ? null : area.value);
        const items = area.value.split('\n').map((line) => line.trim()).filter(Boolean);
        commit(items.length ? items : null);
      });
      wrap.append(label, area);
      return wrap;
    }
    case 'color': {
      const input = el('input', { id, type: 'color', value: hexOf(value, context.card) });
      input.addEventListener('change', () => commit(input.value.toLowerCase()));
      const remove = el('button', { type: 'button', className: 'remove-value', textContent: context.labels.removeValue, disabled: value === undefined });
      remove.addEventListener('click', () => commit(null));
      wrap.append(label, input, remove);
      return wrap;
    }
    case 'object': {
      // One editor per key, each committing the key alone (`persona.name`): one edit, one undo step.
      const group = el('fieldset', { className: 'field-group' });
      group.appendChild(el('legend', { textContent: spec.title }));
      for (const key of spec.fields ?? []) group.appendChild(keyEditor(spec, key, spec.field, context));
      wrap.appendChild(group);
      return wrap;
    }
    case 'objectList':
      return entryRows(wrap, spec, value, context);
    default: {
      const input = el('input', { id, type: spec.kind === 'number' ? 'number' : 'text', value: scalarText(value) });
      if (spec.kind === 'number' && spec.integer) input.step = '1';
      if (spec.required) input.required = true;
      input.addEventListener('change', () => {
        const text = input.value.trim();
        if (text === '') return spec.required ? undefined : commit(null);
        if (spec.kind === 'number') return Number.isFinite(Number(text)) ? commit(Number(text)) : undefined;
        commit(spec.kind === 'textOrNumber' && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);
      });
      wrap.append(label, input);
      return wrap;
    }
  }
}

/** The ids of the cards of `block` that have one, labelled with their names. */
function idOptions(view: CanvasView, block: string | undefined): { value: string; label: string }[] {
  const cards = view.blocks.find((b) => b.key === block)?.cards ?? [];
  const seen = new Set<string>();
  const options: { value: string; label: string }[] = [];
  for (const card of cards) {
    if (card.id === undefined || seen.has(card.id)) continue;
    seen.add(card.id);
    options.push({ value: card.id, label: card.name ? `${card.name} (${card.id})` : card.id });
  }
  return options;
}

/**
 * The editor of a key of an object (or of an entry of a list of objects at `at`, `segmentation.0`):
 * at its dotted path, announced with the field's title ("Persona: Goals").
 */
function keyEditor(parent: FieldSpec, key: FieldSpec, at: string, context: EditorContext): HTMLElement {
  return fieldEditor({ ...key, field: `${at}.${key.field}` }, context, format(context.labels.subField, parent.title, key.title));
}

/**
 * A list of objects (segmentation): a group per entry with an editor per key (each committing
 * `field.index.key`) and a button that removes the entry (`field.index` = null); a last button
 * appends an entry (`field.count`) with the first option of each required key that has options.
 */
function entryRows(wrap: HTMLElement, spec: FieldSpec, value: FieldData | undefined, context: EditorContext): HTMLElement {
  const group = el('fieldset', { className: 'field-group field-entries' });
  group.appendChild(el('legend', { textContent: spec.title }));
  const entries = Array.isArray(value) ? value : [];
  entries.forEach((_, index) => {
    const at = `${spec.field}.${index}`;
    const row = el('fieldset', { className: 'field-entry' });
    row.dataset.entry = String(index);
    row.appendChild(el('legend', { textContent: format(context.labels.entry, spec.title, index + 1) }));
    for (const key of spec.fields ?? []) row.appendChild(keyEditor(spec, key, at, context));
    const remove = el('button', { type: 'button', className: 'remove-entry', textContent: format(context.labels.removeEntry, spec.title, index + 1) });
    remove.addEventListener('click', () => context.commit({ field: at, title: format(context.labels.entry, spec.title, index + 1) }, null));
    row.appendChild(remove);
    group.appendChild(row);
  });
  const add = el('button', { type: 'button', className: 'add-entry', textContent: format(context.labels.addEntry, spec.title) });
  add.addEventListener('click', () => {
    const entry: FieldObject = {};
    for (const key of spec.fields ?? []) if (key.required && key.options?.length) entry[key.field] = key.options[0].value;
    context.commit({ field: `${spec.field}.${entries.length}`, title: format(context.labels.entry, spec.title, entries.length + 1) }, entry);
  });
  group.appendChild(add);
  wrap.appendChild(group);
  return wrap;
}

/** A single choice: "Not set" (unless the value is required), the options, and a written value they lack (kept, marked unknown). */
function picker(id: string, options: { value: string; label: string }[], current: string, labels: EditingLabels, required = false): HTMLSelectElement {
  const select = el('select', { id });
  if (!required || current === '') select.appendChild(el('option', { value: '', textContent: labels.notSet }));
  for (const option of options) select.appendChild(el('option', { value: option.value, textContent: option.label }));
  if (current !== '' && !options.some((o) => o.value === current)) select.appendChild(el('option', { value: current, textContent: format(labels.unknownValue, current) }));
  select.value = current;
  return select;
}

/** Several choices: a checkbox each; written values stay in their order, new ones go after them. */
function checkboxes(
  wrap: HTMLElement,
  spec: FieldSpec,
  options: { value: string; label: string }[],
  written: string[],
  context: EditorContext,
  commit: (v: FieldValue) => void,
): HTMLElement {
  const group = el('fieldset', { className: 'field-choices' });
  group.appendChild(el('legend', { textContent: spec.title }));
  const all = [...options, ...written.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: format(context.labels.unknownValue, v) }))];
  for (const option of all) {
    const box = el('input', { type: 'checkbox', value: option.value, checked: written.includes(option.value) });
    box.addEventListener('change', () => {
      const checked = new Set(Array.from(group.querySelectorAll<HTMLInputElement>('input[type=checkbox]')).filter((b) => b.checked).map((b) => b.value));
      const next = [...written.filter((v) => checked.has(v)), ...all.map((o) => o.value).filter((v) => checked.has(v) && !written.includes(v))];
      commit(next.length ? next : null);
    });
    const label = el('label');
    label.append(box, ' ', option.label);
    group.appendChild(label);
  }
  wrap.appendChild(group);
  return wrap;
}

/** `<input type=color>` takes #rrggbb only: the written colour when it is one, else the colour drawn. */
function hexOf(value: FieldData | undefined, card: CardView): string {
  const hex = /^#[0-9a-f]{6}$/i;
  if (typeof value === 'string' && hex.test(value)) return value.toLowerCase();
  const drawn = card.colors[0];
  return drawn && hex.test(drawn) ? drawn.toLowerCase() : '#000000';
}
