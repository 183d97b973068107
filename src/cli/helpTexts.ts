/**
 * The --help text of each command, in English, as templates ({0}: the usage line; then the values
 * each command fills in). In the l10n bundles like CLI_MESSAGES (main.ts exports this table for
 * scripts/export-l10n.mjs) and translated with the core's translator.
 */
export const CLI_HELP_MESSAGES = {
  /** {0}: VALIDATE_USAGE, {1}: DEFAULT_MAX_FILE_SIZE_KB, {2}: the common options (commonHelp) */
  validateHelp: `Usage:
  {0}

validate checks Business Model Canvas files (*.canvas.yaml). Text output is one problem per line,
"file:line:col severity code message"; JSON output is an array of
{file, line, column, endLine, endColumn, severity, code, message}. --format github prints GitHub
Actions workflow commands (::error file=…,line=…::message; information and hints as ::notice), which
show as annotations on the pull request. --format sarif prints a SARIF 2.1.0 log for code scanning:
one rule per code with its description, one result per problem with its region, files as URIs
relative to the repository root (the nearest folder up holding .git, else the current directory).
Control characters in names and messages are printed as visible escapes (\\x1b, \\n, \\u202e).
- reads one canvas from standard input, reported as <stdin> (checked before the files); after --
every argument is a file, even one that starts with -.
Only regular files are read, at most --max-file-size KB each (default {1}, as the editor's
canvasAsCode.maxFileSizeKB; 0: no limit), as UTF-8 or UTF-16 with a byte order mark.
--jobs N (-j N) validates on N threads (N - 1 worker threads besides the main one); left out, one
per idle CPU core (up to 8) when there are enough files to be worth it, else 1. Output is written
as each file is done, in input order whatever N.
--fix applies, in place, the quick fixes that need no human choice (a value written as text or as
a list, a kebab-case id with its references, a numbered id for a duplicate), prints
"fixed file:line:col code title" for each, then reports what is left; exit status by what is left.
A read-only file is left as it was (exit 2). --fix-dry-run writes nothing: it prints the unified
diff --fix would apply (and the problems that would be left, on standard error). Both run on one
thread; --fix cannot take - (standard input), --fix-dry-run can.

Options:
  --format FORMAT        text (default), json, github or sarif
  -j, --jobs N           validate on N threads
  --max-file-size KB     the largest file read (default {1}; 0: no limit)
  --quiet                report errors only (warnings are still counted for --max-warnings)
  --max-warnings N       exit 1 when more than N warnings are found (as eslint)
  --color, --no-color    colour severities and file names in text output; by default only on a
                         terminal, and never when NO_COLOR is set (FORCE_COLOR forces it)
  --config FILE          use this .canvas-as-code.yaml for every canvas (rules, ignore, max-file-size)
  --no-config            use no configuration file; by default each canvas uses the nearest
                         .canvas-as-code.yaml (or .yml) found walking up from its folder. A config
                         with a problem is printed as file:line:col error config message, exit 2
  --fix                  apply the safe quick fixes in place
  --fix-dry-run          print the unified diff of the safe quick fixes instead
{2}

Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 bad usage, a
file not found or not readable (not a regular file, too large, not UTF-8 text).
`,
  /** {0}: RENDER_USAGE, {1}: DEFAULT_MAX_FILE_SIZE_KB, {2}: the common options (commonHelp) */
  renderHelp: `Usage:
  {0}

render draws one canvas as a standalone HTML page (no script), an SVG image (for READMEs and pull
requests) or Markdown (a table per block), to standard output or to the -o file. --format may be
left out when -o ends in .html, .svg or .md. A canvas with problems is drawn as far as it can be
read, its problems listed. The file is read as validate reads one (- for standard input). -o is
written whole or not at all (a temporary file renamed over it), and never over the canvas itself.

Options:
  --format FORMAT        html, svg or md
  -o, --output FILE      write there instead of to standard output
  --max-file-size KB     the largest file read (default {1}; 0: no limit)
{2}

Exit status: 0 rendered, 2 bad usage, unreadable file, an output that is the input or a directory,
or YAML too broken to read a canvas from.
`,
  /** {0}: DIFF_USAGE, {1}: DEFAULT_MAX_FILE_SIZE_KB, {2}: the common options (commonHelp) */
  diffHelp: `Usage:
  {0}

diff compares two versions of a canvas card by card: added, removed, changed (field by field) and
moved cards per block, title and description. Each side is a file, - (standard input, one side
at most) or git:REV:path: the file at one commit REV (a branch, tag or commit id; never an option
or a range) of the repository in the current directory, path from its root. Sides are read as
validate reads files; after -- every argument is a side, even one that starts with -. A side with
errors is diffed as far as it can be read.

Options:
  --format FORMAT        text (default), md (a pull request comment) or json
  --max-file-size KB     the largest side read (default {1}; 0: no limit)
{2}

Exit status: 0 equal, 1 different, 2 bad usage, unreadable side, not a canvas or bad git revision.
`,
  /** {0}: REVIEW_USAGE, {1}: DEFAULT_MAX_FILE_SIZE_KB */
  reviewHelp: `Usage:
  {0}

Reviews every canvas (*.canvas.yaml, *.canvas.yml) added, deleted, modified, renamed or copied
between two revisions: a semantic diff of each (a rename or copy against its source) and the
problems of the changed canvases. A value-proposition canvas's link is checked against the
business model as of the head (read from git); under a changed, deleted or renamed business model,
"affected" lists the unchanged value-proposition canvases whose link it breaks.

Options:
  --base REV          the old side (default: the merge base of the head with origin/HEAD, else
                      main, else master)
  --head REV          the new side (default: the work tree, uncommitted and untracked canvases
                      included)
  --format FORMAT     text (default), md (one pull request comment) or json
  --max-file-size KB  canvases larger than this are not read (default {1}; 0: no limit)
  --locale LANG       the language of messages: en or ko (default: LC_ALL, LC_MESSAGES or LANG)
  --help              this help

Exit status: 0 no errors in the changed canvases, 1 errors found, 2 bad usage, not a git
repository or a bad revision.
`,
  /** {0}: INIT_USAGE, {1}: STARTER_KINDS.join(', '), {2}: DEFAULT_KIND */
  initHelp: `Usage:
  {0}

Writes a starter canvas, with no errors or warnings, to FILE (default: KIND.canvas.yaml; - for
standard output). FILE must end in .canvas.yaml or .canvas.yml. An existing file is never
overwritten.

Options:
  --kind KIND    the kind of canvas: {1} (default: {2})
  --title TITLE  the canvas's title
  --locale LANG  the language of messages: en or ko (default: LC_ALL, LC_MESSAGES or LANG)
  -h, --help     show this help
`,
  /** {0}: IMPORT_USAGE, {1}: DEFAULT_MAX_FILE_SIZE_KB */
  importHelp: `Usage:
  {0}

import bmml reads a BMML v2 file (Business Model Markup Language, github.com/hiasinho/bmml) and
writes a business-model canvas (-o, default: the BMML file's name with .canvas.yaml, beside it)
and, where the BMML file holds value-proposition detail, value-proposition canvases beside it,
named after it and linked to it by business-model: (one per fit's proposition and segment, one
per profile or value map no fit uses). It prints each file written. Nothing is dropped: what has
no field in a canvas is kept under x-bmml keys (listed on standard error), so that export bmml
restores it. Dangling links, unknown sections and the like are warnings (file:line:col). A BMML
v1 file is refused: convert it with BMML's own "bmml migrate" first. The mapping: docs/bmml.md.

Options:
  -o, --output FILE      the business-model canvas to write (.canvas.yaml or .canvas.yml)
  --force                overwrite canvases that exist (by default nothing is written then)
  --max-file-size KB     the largest file read (default {1}; 0: no limit)
  --locale LANG          the language of messages: en or ko (default: LC_ALL, LC_MESSAGES or LANG)
  -h, --help             this help
  --version              print the version of canvas-as-code

Exit status: 0 imported, 1 the file is not BMML v2 that can be imported (not YAML, v1, duplicate
ids...; nothing written), 2 bad usage, an unreadable file, or a canvas that exists (without --force).
`,
  /** {0}: EXPORT_USAGE, {1}: DEFAULT_MAX_FILE_SIZE_KB */
  exportHelp: `Usage:
  {0}

export bmml writes a business-model canvas as BMML v2 (github.com/hiasinho/bmml), to standard
output or the -o file, with the value-proposition canvases whose business-model: leads to it by
the rules of links (looked for in its folder and below; one whose path is refused, absolute or
leading out of the project root, is noted and left out): their profiles and value maps go into
its segments and propositions, their relieves/creates into fits. What import bmml kept under x-bmml is put back. BMML has no
types, status, tags, notes, personas, colours or extension keys: every value dropped is listed on
standard error (--format json: as a JSON report {file, output, dropped: [{file, path, value,
reason}], notes} on standard output; it needs -o). Ids get BMML's prefixes (riders -> cs-riders)
where they lack them. The BMML is checked against BMML's own v2 schema, read back as BMML reads
it (an unquoted 2024-03-01 would be a date), before anything is written. The mapping: docs/bmml.md.

Options:
  -o, --output FILE      write there instead of to standard output (written whole or not at all)
  --format FORMAT        text (default) or json: how the dropped values are reported
  --max-file-size KB     the largest canvas read (default {1}; 0: no limit)
  --locale LANG          the language of messages: en or ko (default: LC_ALL, LC_MESSAGES or LANG)
  -h, --help             this help
  --version              print the version of canvas-as-code

Exit status: 0 exported (values may have been dropped), 1 the BMML would not pass BMML's schema or
the file is not a business-model canvas (nothing written), 2 bad usage, an unreadable canvas, or an
output that is the input or a directory.
`,
  /** The options every command takes (validate, render and diff list them last). */
  commonHelp: `  -h, --help             this help
  --version              print the version of canvas-as-code
  --locale LANG          the language of messages: en or ko (default: LC_ALL, LC_MESSAGES or LANG)`,
} as const;
