// The ids the authoring help registers and contributes; package.json and the walkthrough name them too.

/** Commands registered by registerAuthoring(). */
export const AUTHORING_COMMANDS = {
  /** "dbarch: New architecture file": a starter or an example as a new, unsaved file. */
  newFile: 'dbarch.newFile',
  /** "dbarch: Open the learning example": the walkthrough's first step. */
  openExample: 'dbarch.openExample',
  /** The walkthrough's "show me" button: puts the cursor on a fixable finding and opens the Quick Fix menu. */
  showQuickFix: '_dbarch.walkthrough.showQuickFix',
} as const;

/** Set to true once a finding of the walkthrough's example was fixed; completes the "apply a quick fix" step. */
export const FIX_APPLIED_CONTEXT = 'dbarch.walkthrough.fixApplied';
