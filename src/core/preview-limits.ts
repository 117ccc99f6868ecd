// How much the preview draws at once. Past PREVIEW_LIMITS a whole-file diagram takes Mermaid more
// than a few seconds in a webview, so the preview offers one Region or one database instead (and a
// button to draw everything anyway). Measured in Chromium on a 2-core machine (`npm run bench`):
// about 0.5 s at 50 nodes, 2.5 s at 200, growing faster than linearly; 300 nodes is about 4 s.

/** Above these, the whole-file view asks before drawing. */
export const PREVIEW_LIMITS = { nodes: 300, edges: 500 } as const;

/** Mermaid's own limits, raised on purpose: the preview decides what is too large, not Mermaid. */
export const MERMAID_LIMITS = { maxTextSize: 1_000_000, maxEdges: 5_000 } as const;
