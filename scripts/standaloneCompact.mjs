// Shrinks the code ajv's standalone generator writes (build-schema.mjs, build-bmml-schema.mjs): the
// extension bundle has a 400 KB budget and ajv writes the same long statements at every error and
// every call. Each rewrite matches ajv's exact shape and fails the build if that shape is gone, so an
// ajv update shows up as a build error, not as a silently bigger (or different) validator.

function mustReplace(code, pattern, replacement, what) {
  let count = 0;
  const out = code.replace(pattern, (...args) => {
    count++;
    return typeof replacement === 'function' ? replacement(...args) : replacement;
  });
  if (count === 0) throw new Error(`standaloneCompact: ajv no longer writes ${what}; update scripts/standaloneCompact.mjs`);
  return out;
}

/**
 * With allErrors, ajv gathers a referenced definition's errors by `vErrors = vErrors.concat(…)`:
 * every card copies all the errors gathered before it, so a file with an error on each of its
 * 4,000 cards copies 8 million of them (14 s). Appending in place is linear: one helper,
 * `appendErrors`, called where ajv wrote the append (and its own errors' append) out in full.
 */
export function appendInPlace(code) {
  const concat = /vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g;
  let out = mustReplace(code, concat, (_, fn) => `vErrors = appendErrors(vErrors, ${fn}.errors);`, 'vErrors.concat');
  if (out.includes('.concat(')) throw new Error('standaloneCompact: a concat is left in the validator; update appendInPlace');
  // One error of its own: `const errN = {…}; if (vErrors === null) vErrors = [errN]; else vErrors.push(errN);`,
  // the error object built by `schemaError` (same fields, same order).
  out = mustReplace(
    out,
    /const (err\d+) = \{instancePath(?::((?:[^{}"]|"(?:[^"\\]|\\.)*")*?))?,schemaPath:"",keyword:"(\w+)",params:(\{(?:[^{}"]|"(?:[^"\\]|\\.)*")*\})\};if\(vErrors === null\)\{vErrors = \[\1\];\}else \{vErrors\.push\(\1\);\}/g,
    (_, __, path, keyword, params) => `vErrors = appendErrors(vErrors, [schemaError(${path ?? 'instancePath'}, "${keyword}", ${params})]);`,
    'an error of its own as `const errN = {…}` then push',
  );
  if (/if\(vErrors === null\)/.test(out)) throw new Error('standaloneCompact: an append ajv wrote out in full is left; update appendInPlace');
  return (
    out +
    `
function appendErrors(errors, more) {if(errors === null){return more;}for(const e of more){errors.push(e);}return errors;}
function schemaError(instancePath, keyword, params) {return {instancePath, schemaPath:"", keyword, params};}
`
  );
}

/**
 * Each compiled definition takes `{instancePath, parentData, parentDataProperty, rootData}`; only
 * keywords this project does not use ($data, unevaluated*, dynamic refs) read the last three, so
 * the calls stop passing them. Checked: after the rewrite the code names none of them.
 */
export function withoutUnusedCallContext(code) {
  let out = mustReplace(
    code,
    /\{instancePath="", parentData, parentDataProperty, rootData=data\}=\{\}/g,
    '{instancePath=""}={}',
    'the `{instancePath, parentData, parentDataProperty, rootData}` parameter',
  );
  out = out.replace(/,parentData:[\w$]+,parentDataProperty:(?:[\w$]+|"(?:[^"\\]|\\.)*"),rootData\}/g, '}');
  if (/parentData|rootData/.test(out)) throw new Error('standaloneCompact: the validator still reads parentData or rootData; update withoutUnusedCallContext');
  return out;
}

/** Errors carry the failing schema's JSON pointer; the core reads none, so the pointers are left empty. */
export function withoutSchemaPaths(code) {
  return code.replace(/schemaPath:"(?:[^"\\]|\\.)*"/g, 'schemaPath:""');
}

/** The end (exclusive) of the JSON value that starts at `start` in `text`. */
function jsonEnd(text, start) {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('standaloneCompact: unbalanced schema constant');
}

/** `.a["b-c"].d` -> ['a', 'b-c', 'd']. */
function accessPath(suffix) {
  const keys = [];
  for (const m of suffix.matchAll(/\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\]/g)) keys.push(m[1] ?? JSON.parse(m[2]));
  return keys;
}

/**
 * ajv embeds each compiled schema as a constant (`const schemaN = {…}`) because the code reads a
 * few parts of it (an enum's allowed values for the error, the property names of a big object);
 * the root one even holds every definition again. Each constant keeps only the parts the code reads.
 */
export function withOnlyReadSchemaParts(code) {
  const decl = /const (schema\d+) = /g;
  const constants = [];
  for (let m; (m = decl.exec(code)); ) {
    const start = m.index + m[0].length;
    const end = jsonEnd(code, start);
    constants.push({ name: m[1], from: m.index, start, end, value: JSON.parse(code.slice(start, end)) });
    decl.lastIndex = end;
  }
  if (constants.length === 0) return code;
  const hasOwn = /const (func\d+) = Object\.prototype\.hasOwnProperty;/.exec(code)?.[1];
  let out = '';
  let at = 0;
  for (const c of constants) {
    const rest = code.slice(0, c.from) + code.slice(c.end);
    const matches = [...rest.matchAll(new RegExp(`(${hasOwn ? `${hasOwn}\\.call\\(` : '^$'})?\\b${c.name}(?![\\w$])((?:\\.[A-Za-z_$][\\w$]*|\\["(?:[^"\\\\]|\\\\.)*"\\])*)`, 'g'))];
    const reads = matches.map((r) => accessPath(r[2]));
    let kept;
    if (matches.length === 0) {
      // Never read: the constant goes.
      out += code.slice(at, c.from);
      at = c.end + (code[c.end] === ';' ? 1 : 0);
      continue;
    }
    if (reads.some((path) => path.length === 0)) kept = c.value;
    else {
      kept = {};
      // Read only to ask whether it has a key (`hasOwnProperty.call(schemaN.properties, key)`): its keys, each worth 0.
      for (const [i, path] of reads.entries()) {
        if (!matches[i][1]) continue;
        let source = c.value;
        let target = kept;
        for (const key of path.slice(0, -1)) {
          source = source[key];
          target = target[key] ??= {};
        }
        const last = path[path.length - 1];
        if (path.length === 0 || !source[last] || typeof source[last] !== 'object' || Array.isArray(source[last])) throw new Error(`standaloneCompact: ${c.name}.${path.join('.')} is not an object`);
        target[last] ??= Object.fromEntries(Object.keys(source[last]).map((k) => [k, 0]));
      }
      for (const [i, path] of reads.entries()) {
        if (matches[i][1]) continue;
        let source = c.value;
        let target = kept;
        path.forEach((key, i) => {
          if (source === undefined || source === null || typeof source !== 'object' || !(key in source)) throw new Error(`standaloneCompact: ${c.name} has no ${path.join('.')}`);
          if (i === path.length - 1) target[key] = source[key];
          else {
            if (typeof target[key] !== 'object') target[key] = Array.isArray(source[key]) ? [] : {};
            target = target[key];
          }
          source = source[key];
        });
      }
    }
    out += code.slice(at, c.start) + JSON.stringify(kept);
    at = c.end;
  }
  return out + code.slice(at);
}

/**
 * Without allErrors (BMML), each failure sets `validateN.errors = [{instancePath, schemaPath,
 * keyword, params, message}]` written out in full; `schemaErrorWithMessage` builds the same object.
 * (The few errors ajv first gathers, as for `if`/`then`, are left as written.)
 */
export function withErrorHelper(code) {
  const value = String.raw`(?:[^{}",\]]|"(?:[^"\\]|\\.)*")*?`;
  const params = String.raw`\{(?:[^{}"]|"(?:[^"\\]|\\.)*")*\}`;
  const out = mustReplace(
    code,
    new RegExp(String.raw`\[\{instancePath(?::(${value}))?,schemaPath:"",keyword:"(\w+)",params:(${params}),message:(${value})\}\]`, 'g'),
    (_, path, keyword, p, message) => `[schemaErrorWithMessage(${path ?? 'instancePath'}, "${keyword}", ${p}, ${message})]`,
    'an error as `[{instancePath, schemaPath, keyword, params, message}]`',
  );
  return out + `\nfunction schemaErrorWithMessage(instancePath, keyword, params, message) {return {instancePath, schemaPath:"", keyword, params, message};}\n`;
}
