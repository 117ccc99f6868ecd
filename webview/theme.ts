// Colours from the VS Code theme. VS Code sets `vscode-light`, `vscode-dark`, `vscode-high-contrast`
// or `vscode-high-contrast-light` on the body and its colours as CSS variables; a saved page has
// neither and follows the system's light or dark preference. The role colours (orange primaries,
// green replicas, blue storage) are in the Mermaid text and stay the same in every theme.

/** The kind of theme. */
export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** The colours a render uses, as values Mermaid and the canvas understand. */
export interface ThemeColours {
  kind: ThemeKind;
  background: string;
  foreground: string;
  muted: string;
  border: string;
  focus: string;
  regionFill: string;
  regionStroke: string;
  azFill: string;
  azStroke: string;
  error: string;
  warning: string;
  info: string;
  fontFamily: string;
}

/** The current theme kind. */
export function themeKind(): ThemeKind {
  const classes = document.body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.contains('vscode-high-contrast')) return 'high-contrast';
  if (classes.contains('vscode-dark')) return 'dark';
  if (classes.contains('vscode-light')) return 'light';
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

const FALLBACK: Record<ThemeKind, { background: string; foreground: string; border: string; focus: string }> = {
  light: { background: '#ffffff', foreground: '#1f2328', border: '#c8ccd0', focus: '#0969da' },
  dark: { background: '#1e1e1e', foreground: '#d4d4d4', border: '#454545', focus: '#3794ff' },
  'high-contrast': { background: '#000000', foreground: '#ffffff', border: '#6fc3df', focus: '#f38518' },
  'high-contrast-light': { background: '#ffffff', foreground: '#292929', border: '#0f4a85', focus: '#006bbd' },
};

/** Reads the theme's colours now. */
export function readTheme(): ThemeColours {
  const kind = themeKind();
  const fallback = FALLBACK[kind];
  const style = getComputedStyle(document.body);
  const variable = (name: string, otherwise: string): string => normalise(style.getPropertyValue(name).trim()) ?? otherwise;
  const background = variable('--vscode-editor-background', fallback.background);
  const foreground = variable('--vscode-editor-foreground', fallback.foreground);
  const border = variable('--vscode-panel-border', fallback.border);
  const focus = variable('--vscode-focusBorder', fallback.focus);
  const contrast = kind === 'high-contrast' || kind === 'high-contrast-light';
  const dark = kind === 'dark' || kind === 'high-contrast';
  return {
    kind,
    background,
    foreground,
    muted: variable('--vscode-descriptionForeground', mix(foreground, background, 0.35)),
    border,
    focus,
    regionFill: contrast ? background : mix(background, dark ? '#4dabf7' : '#1c7ed6', 0.07),
    regionStroke: contrast ? foreground : mix(background, dark ? '#74c0fc' : '#1864ab', 0.55),
    azFill: contrast ? background : mix(background, foreground, 0.05),
    azStroke: contrast ? foreground : mix(background, foreground, 0.35),
    error: variable('--vscode-editorError-foreground', dark ? '#f14c4c' : '#e51400'),
    warning: variable('--vscode-editorWarning-foreground', dark ? '#cca700' : '#bf8803'),
    info: variable('--vscode-editorInfo-foreground', dark ? '#3794ff' : '#1a85ff'),
    fontFamily: style.getPropertyValue('--vscode-font-family').trim() || '-apple-system, BlinkMacSystemFont, "Segoe UI", Ubuntu, sans-serif',
  };
}

/** Mermaid's configuration for a theme: the 'base' theme with the editor's colours. */
export function mermaidTheme(colours: ThemeColours): { theme: 'base'; themeVariables: Record<string, string | boolean> } {
  const dark = colours.kind === 'dark' || colours.kind === 'high-contrast';
  return {
    theme: 'base',
    themeVariables: {
      darkMode: dark,
      background: colours.background,
      fontFamily: colours.fontFamily,
      fontSize: '14px',
      primaryColor: mix(colours.background, colours.foreground, 0.08),
      primaryTextColor: colours.foreground,
      primaryBorderColor: colours.azStroke,
      secondaryColor: colours.regionFill,
      tertiaryColor: colours.azFill,
      lineColor: mix(colours.foreground, colours.background, 0.2),
      textColor: colours.foreground,
      titleColor: colours.foreground,
      edgeLabelBackground: colours.background,
      clusterBkg: colours.regionFill,
      clusterBorder: colours.regionStroke,
    },
  };
}

const probe = document.createElement('canvas').getContext('2d');

/** A CSS colour as `#rrggbb` or `rgba(...)` (what the canvas makes of it), or undefined. */
function normalise(value: string): string | undefined {
  if (!value || !probe) return undefined;
  probe.fillStyle = '#010203';
  probe.fillStyle = value;
  const result = String(probe.fillStyle);
  return result === '#010203' && value.toLowerCase() !== '#010203' ? undefined : result;
}

/** `a` moved towards `b` by `amount` (0..1), as `#rrggbb`. */
export function mix(a: string, b: string, amount: number): string {
  const from = rgb(a);
  const to = rgb(b);
  const channel = (index: number): string => Math.round(from[index] + (to[index] - from[index]) * amount).toString(16).padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

function rgb(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6})/i.exec(colour);
  if (hex) return [0, 2, 4].map((at) => parseInt(hex[1].slice(at, at + 2), 16)) as [number, number, number];
  const match = /rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(colour);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [128, 128, 128];
}
