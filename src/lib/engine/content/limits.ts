/**
 * How large authored content may be. One place for every way content arrives (the studio's editor,
 * a zip import, `content:sync`): the checks refuse anything beyond these with file and line, and
 * the pages and checks that read content can then count on them.
 */

/** The most characters (UTF-16 units, as an editor's maxlength counts) one content file may hold. */
export const MAX_FILE_CHARS = 200_000;

/**
 * How deeply Markdown may nest block quotes and lists (`> > - >`…). The Markdown renderer recurses
 * once per level; a few thousand levels overflow its stack.
 */
export const MAX_MARKDOWN_DEPTH = 12;

/** The playtest bots' replies, per list (good, bad): each is a turn, scored against every earlier one. */
export const MAX_EXAMPLES = 30;

/** A rule's `maxTries`: more than this many tries of one beat is no role-play. */
export const MAX_TRIES = 10;
