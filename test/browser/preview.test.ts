// The topology preview in Chromium: the real dist/webview bundle under the panel's Content-Security-
// Policy, fed with the updates the engine builds for real files. It looks at the drawn SVG (nodes,
// colours, labels), at what the page posts to its host, and at what must never happen: script from
// the file, eval, requests off the machine, page errors. Timings are written to test-results, not
// asserted. Needs `node scripts/build.mjs` first.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test, type TestContext } from 'node:test';
import { generateForNodes } from '../../bench/generate';
import { lint } from '../../src/core/lint';
import { ROLE_STYLES } from '../../src/core/mermaid';
import { buildPreview, type PreviewOptions, type PreviewUpdateMessage } from '../../src/core/preview';
import { PREVIEW_LIMITS } from '../../src/core/preview-limits';
import { Browser, RESULTS, type PreviewPage, type ThemeClass } from './harness';
import { THEMES } from './themes';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const EXAMPLE_FILES = readdirSync(EXAMPLES).filter((name) => /\.dbarch\.(ya?ml|json)$/.test(name)).sort();

let browser: Browser;
before(async () => {
  browser = await Browser.launch();
});
after(async () => {
  await browser?.close();
});

/** The update the VS Code panel would post for a file's text. */
function update(fileName: string, text: string, options: PreviewOptions = {}): PreviewUpdateMessage {
  const result = lint(text, { fileName });
  return buildPreview(result, { uri: pathToFileURL(join(ROOT, fileName)).href, fileName: basename(fileName), version: 1, ...options }).message;
}

function example(name: string): PreviewUpdateMessage {
  return update(`examples/${name}`, readFileSync(join(EXAMPLES, name), 'utf8'));
}

/** A preview that draws: the update carries a diagram and no problem. */
function drawable(message: PreviewUpdateMessage): PreviewUpdateMessage & { diagram: NonNullable<PreviewUpdateMessage['diagram']> } {
  assert.equal(message.problem, undefined, `the file has a blocking problem: ${message.problem?.message}`);
  assert.ok(message.diagram && !message.diagram.tooLarge && message.diagram.nodes.length > 0, 'the update has a diagram to draw');
  return message as PreviewUpdateMessage & { diagram: NonNullable<PreviewUpdateMessage['diagram']> };
}

/** Opens a page, runs the body, checks nothing went wrong in the page, and closes it. */
async function withPage<T>(options: Parameters<Browser['open']>[0], body: (page: PreviewPage) => Promise<T>): Promise<T> {
  const page = await browser.open(options);
  try {
    const result = await body(page);
    await assertClean(page);
    return result;
  } finally {
    await page.page.close();
  }
}

/**
 * One page for the tests of a describe block, opened before them (loading the bundle takes a second
 * or two); each test checks the page is still clean.
 */
function sharedPage(options: Parameters<Browser['open']>[0] = {}, prepare?: (page: PreviewPage) => Promise<void>): () => PreviewPage {
  let page: PreviewPage | undefined;
  before(async () => {
    page = await browser.open(options);
    await prepare?.(page);
  });
  after(async () => {
    await page?.page.close();
  });
  return () => {
    assert.ok(page, 'the shared page is open');
    return page;
  };
}

/** No page errors, no CSP violations, no alert(), nothing requested off the preview origin. */
async function assertClean(page: PreviewPage): Promise<void> {
  assert.deepEqual(page.errors, [], 'page errors');
  assert.deepEqual(await page.violations(), [], 'CSP violations');
  assert.equal(await page.alerts(), 0, 'alert() calls');
  assert.deepEqual(page.offsite, [], 'requests off the preview origin');
}

const count = (page: PreviewPage, selector: string): Promise<number> => page.evaluate(`document.querySelectorAll(${JSON.stringify(selector)}).length`);
const nodeIds = (page: PreviewPage): Promise<string[]> => page.evaluate(`[...document.querySelectorAll('.canvas g.node[data-node]')].map((node) => node.dataset.node)`);

/** The last message of a type the page posted, once it has posted one more than `after`. */
async function posted(page: PreviewPage, type: string, after = 0): Promise<{ type: string; [key: string]: unknown }> {
  await page.waitFor(`window.__posted.filter((message) => message.type === ${JSON.stringify(type)}).length > ${after}`, `a '${type}' message`);
  const messages = (await page.posted()).filter((message) => message.type === type);
  return messages[messages.length - 1];
}

async function postedCount(page: PreviewPage, type: string): Promise<number> {
  return (await page.posted()).filter((message) => message.type === type).length;
}

/** The canvas transform: `translate(xpx, ypx) scale(zoom)`. */
async function transform(page: PreviewPage): Promise<{ x: number; y: number; zoom: number }> {
  const text = await page.evaluate<string>(`document.querySelector('.canvas').style.transform`);
  const match = /translate\((-?[\d.e+-]+)px, (-?[\d.e+-]+)px\) scale\(([\d.e+-]+)\)/.exec(text);
  assert.ok(match, `the canvas has a transform: ${text}`);
  return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

/** Sends an update and waits for it to be drawn. */
async function draw(page: PreviewPage, message: PreviewUpdateMessage): Promise<void> {
  await page.send(message, { waitForRender: true });
}

/** `rgb(r, g, b)` or `#rrggbb` as channels. */
function channels(colour: string): number[] {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour.trim());
  if (hex) return [0, 2, 4].map((at) => parseInt(hex[1].slice(at, at + 2), 16));
  const rgb = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(colour);
  assert.ok(rgb, `a colour: ${colour}`);
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
}

/** A colour as the browser computes it: `rgb(r, g, b)`. */
const computed = (colour: string): string => `rgb(${channels(colour).join(', ')})`;

/** The fill or stroke a role's classDef gives its nodes. */
const roleColour = (role: keyof typeof ROLE_STYLES, property: 'fill' | 'stroke'): string => computed(new RegExp(`${property}:(#[0-9a-f]{6})`, 'i').exec(ROLE_STYLES[role])![1]);

/** The outline and badge of each drawn node, as computed. */
const OUTLINES = `Object.fromEntries([...document.querySelectorAll('.canvas g.node[data-node]')].map((node) => {
  const outline = node.querySelector(':scope > .label-container');
  const shape = outline.tagName === 'g' ? outline.lastElementChild : outline;
  const badge = node.querySelector(':scope > g.badge > circle');
  return [node.dataset.node, { stroke: getComputedStyle(shape).stroke, badge: badge ? getComputedStyle(badge).fill : null }];
}))`;
type Outlines = Record<string, { stroke: string; badge: string | null }>;

/** Relative luminance (WCAG), 0 black .. 1 white. */
function luminance(colour: string): number {
  const [r, g, b] = channels(colour).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('examples', () => {
  const shared = sharedPage();
  for (const name of EXAMPLE_FILES) {
    test(`${name} draws one SVG with every node`, async () => {
      const message = drawable(example(name));
      const page = shared();
      {
        await draw(page, message);
        assert.equal(await count(page, '.canvas svg'), 1, 'one <svg> in the canvas');
        const ids = await nodeIds(page);
        assert.equal(ids.length, message.diagram.nodes.length, 'drawn nodes');
        assert.deepEqual([...ids].sort(), message.diagram.nodes.map((node) => node.id).sort(), 'every node of the update is drawn once');
        const marked = message.diagram.nodes.filter((node) => node.severity === 'error' || node.severity === 'warning').length;
        assert.equal(await count(page, '.canvas g.node[data-node] > g.badge'), marked, 'nodes with errors or warnings carry a badge');
        // Errors and warnings: outline and badge in the theme's colour; other nodes keep their role's outline.
        const outlines = await page.evaluate<Outlines>(OUTLINES);
        const theme = THEMES['vscode-light'];
        for (const node of message.diagram.nodes) {
          const mark = node.severity === 'error' ? computed(theme['--vscode-editorError-foreground']) : node.severity === 'warning' ? computed(theme['--vscode-editorWarning-foreground']) : undefined;
          assert.deepEqual(outlines[node.id], { stroke: mark ?? roleColour(node.role, 'stroke'), badge: mark ?? null }, `${node.id} (${node.role}, ${node.severity ?? 'no findings'})`);
        }
        assert.equal(await page.evaluate(`document.querySelector('.banner').hidden`), true, 'no banner');
        await assertClean(page);
      }
    });
  }
});

describe('themes', () => {
  /** What a theme changes and what it must not: read from the drawn SVG. */
  const probe = `(() => {
    const fill = (element) => (element ? getComputedStyle(element).fill : null);
    const shape = (node) => node.querySelector(':scope > :is(rect, path, polygon, circle, ellipse)');
    const region = document.querySelector('.canvas g.cluster.region > rect');
    const nodes = {};
    for (const node of document.querySelectorAll('.canvas g.node[data-node]')) nodes[node.dataset.node] = { fill: fill(shape(node)), text: fill(node.querySelector('text')) };
    return {
      background: getComputedStyle(document.body).backgroundColor,
      regionFill: fill(region),
      regionStroke: region ? getComputedStyle(region).stroke : null,
      edgeText: fill(document.querySelector('.canvas .edgeLabel text')),
      nodes,
    };
  })()`;
  type Colours = { background: string; regionFill: string | null; regionStroke: string | null; edgeText: string | null; nodes: Record<string, { fill: string | null; text: string | null }> };

  test('shop in light, then dark: the theme colours follow, the role colours stay', async () => {
    const message = drawable(example('shop.dbarch.yaml'));
    const roles = new Map(message.diagram.nodes.map((node) => [node.id, node.role]));
    await withPage({ theme: 'vscode-light' }, async (page) => {
      await draw(page, message);
      const light = await page.evaluate<Colours>(probe);
      await page.screenshot('preview-shop-light.png');

      const before = await page.rendered();
      await page.setTheme('vscode-dark');
      await page.waitForRender(before);
      assert.equal(await count(page, '.canvas g.node[data-node]'), message.diagram.nodes.length, 'every node after the re-render');
      const dark = await page.evaluate<Colours>(probe);
      await page.screenshot('preview-shop-dark.png');

      assert.ok(light.regionFill && dark.regionFill && light.edgeText && dark.edgeText, 'a Region box and an edge label are drawn');
      assert.notEqual(dark.regionFill, light.regionFill, 'the Region box fill changes with the theme');
      assert.notEqual(dark.edgeText, light.edgeText, 'the edge label text changes with the theme');
      assert.ok(luminance(light.background) > 0.8 && luminance(dark.background) < 0.1, `light then dark background: ${light.background}, ${dark.background}`);
      assert.ok(luminance(light.edgeText) < 0.2, `dark edge text on the light theme: ${light.edgeText}`);
      assert.ok(luminance(dark.edgeText) > 0.5, `light edge text on the dark theme: ${dark.edgeText}`);
      assert.ok(luminance(light.regionFill) > 0.8, `a light Region box on the light theme: ${light.regionFill}`);
      assert.ok(luminance(dark.regionFill) < 0.1, `a dark Region box on the dark theme: ${dark.regionFill}`);

      let checked = 0;
      for (const [id, role] of roles) {
        if (role !== 'primary' && role !== 'replica' && role !== 'storage') continue;
        const expected = roleColour(role, 'fill');
        assert.equal(light.nodes[id]?.fill, expected, `${id} (${role}) in light`);
        assert.equal(dark.nodes[id]?.fill, expected, `${id} (${role}) in dark`);
        checked++;
      }
      assert.ok(checked >= 10, `the shop has primaries, replicas and storage to compare (${checked})`);
      for (const id of roles.keys()) assert.equal(dark.nodes[id]?.text, light.nodes[id]?.text, `${id}: node text keeps its colour on its role fill`);
    });
  });

  test('shop in high contrast, then high contrast light: the theme foreground outlines Regions and writes edge labels', async () => {
    const message = drawable(example('shop.dbarch.yaml'));
    await withPage({ theme: 'vscode-high-contrast' }, async (page) => {
      await draw(page, message);
      const themes: [ThemeClass, string][] = [
        ['vscode-high-contrast', 'rgb(255, 255, 255)'],
        ['vscode-high-contrast-light', 'rgb(41, 41, 41)'],
      ];
      for (const [theme, foreground] of themes) {
        if (theme !== 'vscode-high-contrast') {
          const before = await page.rendered();
          await page.setTheme(theme);
          await page.waitForRender(before);
        }
        assert.equal(await count(page, '.canvas g.node[data-node]'), message.diagram.nodes.length, theme);
        const colours = await page.evaluate<Colours>(probe);
        assert.equal(colours.regionStroke, foreground, `${theme}: Region outline`);
        assert.equal(colours.edgeText, foreground, `${theme}: edge label text`);
        if (theme === 'vscode-high-contrast') await page.screenshot('preview-shop-high-contrast.png');
      }
    });
  });
});

describe('hostile text', () => {
  /** Markup, Mermaid syntax and directives, template and URL payloads. */
  const PAYLOADS = [
    '<img src=x onerror=alert(1)>',
    '"]-->x',
    '%%{init: {"theme":"dark","securityLevel":"loose"}}%%',
    '%%{init:{"securityLevel":"loose"}}%%',
    'click n0 call alert(1)',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '</style><svg onload=alert(1)>',
    "{{constructor.constructor('alert(1)')()}}",
    '<iframe src=javascript:alert(1)>',
    '<foreignObject><div onclick=alert(1)>',
    '#lt;img src=x onerror=alert(1)#gt;',
    '&lt;b onmouseover=alert(1)&gt;',
    '`<b>md</b>`',
    '"];click n0 href "javascript:alert(1)"',
    'x\n  click n1 call alert(1)\n%%',
  ];

  /**
   * A design with a payload in every free-text field the schema accepts: descriptions, engine
   * versions, instance and node classes, KMS keys, DynamoDB attribute names, external migration
   * sources, S3 locations (names and references must match `^[a-z][a-z0-9-]*$`, so they cannot).
   */
  function hostileArchitecture(): Record<string, unknown> {
    const applications: Record<string, unknown> = {};
    const databases: Record<string, unknown> = {};
    const migrations: unknown[] = [];
    PAYLOADS.forEach((payload, index) => {
      applications[`app-${index}`] = { description: payload, connects: [{ to: `db-${index}`, access: 'read-write', description: payload }] };
      databases[`db-${index}`] = {
        service: 'rds',
        engine: 'postgres',
        engineVersion: payload,
        instanceClass: payload,
        description: payload,
        az: 'us-east-1a',
        security: { encrypted: true, kmsKey: payload },
        readReplicas: [{ name: `db-${index}-replica`, instanceClass: payload, description: payload }],
      };
      migrations.push({ name: `move-${index}`, description: payload, source: { engine: payload, version: payload, location: 'on-premises' }, target: `db-${index}`, type: 'full-load' });
    });
    databases.cache = { service: 'elasticache', engine: 'valkey', engineVersion: PAYLOADS[0], nodeType: PAYLOADS[2], replicasPerShard: 1, cacheFor: 'db-0', description: PAYLOADS[7] };
    databases.table = {
      service: 'dynamodb',
      partitionKey: { name: PAYLOADS[1], type: 'S' },
      ttlAttribute: PAYLOADS[4],
      dax: { nodeType: PAYLOADS[5], nodes: 3, description: PAYLOADS[8] },
      accessPatterns: [{ name: PAYLOADS[9], partitionKey: PAYLOADS[1], description: PAYLOADS[10] }],
      description: PAYLOADS[6],
    };
    // An S3 path may hold anything but a line break.
    databases.lake = { service: 'redshift', nodeType: 'ra3.xlplus', nodes: 2, spectrum: { s3Locations: PAYLOADS.filter((payload) => !payload.includes('\n')).map((payload) => `s3://shop-lake/${payload}`) } };
    return { dbarch: 1, name: PAYLOADS[8], description: PAYLOADS[0], environment: 'development', region: 'us-east-1', applications, databases, migrations };
  }

  /** The JSON pointers of the strings that carry a payload. */
  function placements(value: unknown, pointer = ''): string[] {
    if (typeof value === 'string') return PAYLOADS.some((payload) => value.includes(payload)) ? [pointer] : [];
    if (Array.isArray(value)) return value.flatMap((item, index) => placements(item, `${pointer}/${index}`));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => placements(item, `${pointer}/${key}`));
    return [];
  }

  const architecture = hostileArchitecture();
  const placed = placements(architecture);

  /** What the engine does to a label so Mermaid draws it as written, undone; spaces ignored (labels wrap). */
  const asWritten = (text: string): string => text.replace(/\u2060/g, '').replace(/\u2039/g, '<').replace(/\u203a/g, '>').replace(/\u201d/g, '"').replace(/\s+/g, '');

  test(`${PAYLOADS.length} payloads in ${placed.length} fields: drawn as text, never run`, async () => {
    const message = update('hostile.dbarch.json', JSON.stringify(architecture, null, 2));
    drawable(message);
    const diagram = message.diagram!;
    await withPage({}, async (page) => {
      await draw(page, message);
      assert.equal(await count(page, '.canvas svg'), 1);
      assert.equal((await nodeIds(page)).length, diagram.nodes.length, 'every node is drawn');

      // Nothing active in the drawing: no markup elements, handlers, links or javascript: URLs.
      assert.equal(await count(page, '.canvas :is(img, script, iframe, foreignObject, object, embed, a, use, image)'), 0, 'markup elements in the canvas');
      assert.equal(await page.evaluate(`[...document.querySelectorAll('.canvas *')].filter((element) => [...element.attributes].some((attribute) => /^on/i.test(attribute.name) || (attribute.name !== 'aria-label' && /javascript:/i.test(attribute.value)))).length`), 0, 'on* attributes or javascript: values');
      assert.equal(await count(page, '.canvas .clickable'), 0, 'no Mermaid click bindings');
      assert.equal(await page.evaluate(`[...document.querySelectorAll('.canvas svg style')].some((style) => /alert|onload|loose/i.test(style.textContent))`), false, 'no payload in the SVG stylesheet');
      // The %%{init}%% payloads changed nothing: the edge text still has the light theme's colour.
      assert.equal(await page.evaluate(`getComputedStyle(document.querySelector('.canvas .edgeLabel text')).fill`), 'rgb(59, 59, 59)');

      // Every payload reads as written in some label; one longer than a label line (40 columns) at least starts as written.
      const labels = (await page.evaluate<string[]>(`[...document.querySelectorAll('.canvas g.node[data-node]')].map((node) => node.textContent)`)).map(asWritten);
      const shown: Record<string, string> = {};
      for (const payload of PAYLOADS) {
        const whole = asWritten(payload);
        if (labels.some((label) => label.includes(whole))) shown[payload] = 'whole';
        else if (payload.length > 40 && labels.some((label) => label.includes(whole.slice(0, 24)) && label.includes('…'))) shown[payload] = 'clipped';
        else assert.fail(`the payload ${JSON.stringify(payload)} is not in any node label: ${JSON.stringify(labels)}`);
      }

      // Hovering shows the tooltip with the text exactly as written (the title, or a finding that quotes it).
      let hovered = 0;
      for (const payload of PAYLOADS) {
        const holders = diagram.nodes.filter((node) => node.label.includes(payload) || node.messages.some((text) => text.includes(payload)));
        assert.ok(holders.length > 0, `some node's tooltip quotes ${JSON.stringify(payload)}`);
        for (const node of holders.slice(0, 2)) {
          await page.page.locator(`.canvas g.node[data-node="${node.id}"]`).hover();
          await page.waitFor(`!document.querySelector('.tooltip').hidden && document.querySelector('.tooltip-title').textContent === ${JSON.stringify(node.label)}`, `the tooltip of ${node.id}`);
          const tooltip = await page.evaluate<{ text: string; elements: string[] }>(`(() => { const tooltip = document.querySelector('.tooltip'); return { text: tooltip.textContent, elements: [...tooltip.querySelectorAll('*')].map((element) => element.tagName) }; })()`);
          assert.ok(tooltip.text.includes(payload), `the tooltip of ${node.id} shows ${JSON.stringify(payload)} literally`);
          assert.deepEqual([...new Set(tooltip.elements)].sort().filter((tag) => !['DIV', 'LI', 'UL'].includes(tag)), [], 'the tooltip holds only its own elements');
          hovered++;
        }
      }
      // The picture: actual size, so the labels can be read, with the tooltip of a node in view.
      await page.page.click('[data-action="reset"]');
      const inView = await page.evaluate<string[]>(`(() => {
        const viewport = document.querySelector('.viewport').getBoundingClientRect();
        return [...document.querySelectorAll('.canvas g.node[data-node]')].filter((node) => {
          const box = node.getBoundingClientRect();
          return box.top >= viewport.top && box.bottom <= viewport.bottom && box.left >= viewport.left && box.right <= viewport.right;
        }).map((node) => node.dataset.node);
      })()`);
      const pictured = diagram.nodes.find((node) => inView.includes(node.id) && node.messages.some((text) => text.includes(PAYLOADS[0])));
      if (pictured) await page.page.locator(`.canvas g.node[data-node="${pictured.id}"]`).hover();
      await page.screenshot('preview-hostile.png');

      // Highlights with ids that are not node ids (the host never sends these; the page must not care).
      await page.send({ type: 'highlight', nodeIds: PAYLOADS });
      assert.equal(await count(page, '.canvas g.node.highlighted'), 0);

      // A file whose names carry payloads is a schema error: the banner quotes the name as text.
      const named = update('names.dbarch.json', JSON.stringify({ dbarch: 1, name: 'names', region: 'us-east-1', databases: Object.fromEntries(PAYLOADS.map((payload) => [payload, { service: 'qldb' }])) }, null, 2));
      assert.ok(named.problem && named.problem.message.includes(PAYLOADS[0]), 'the schema error quotes the name');
      await page.send(named);
      const expected = `Line ${named.problem.line}: ${named.problem.message} (and ${named.problem.count - 1} more)`;
      assert.equal(await page.evaluate(`document.querySelector('.banner-text').textContent`), expected);
      // And a problem message with every payload at once.
      const problem = { message: PAYLOADS.join(' | '), line: 3, count: 1 };
      await page.send({ ...named, problem });
      assert.equal(await page.evaluate(`document.querySelector('.banner-text').textContent`), `Line 3: ${problem.message}`);
      assert.equal(await count(page, '.banner-text *, .banner-detail *'), 0, 'no elements from the message in the banner');
      assert.equal(await page.evaluate(`document.querySelector('.banner').hidden`), false);

      mkdirSync(RESULTS, { recursive: true });
      const summary = {
        payloads: PAYLOADS,
        fields: placed.length,
        placements: placed,
        alsoTried: ['highlight node ids', 'schema error messages (payloads as database names)', 'a problem message with every payload'],
        labels: shown,
        tooltipsHovered: hovered,
        alerts: await page.alerts(),
        violations: await page.violations(),
        pageErrors: page.errors,
      };
      writeFileSync(join(RESULTS, 'xss-summary.json'), JSON.stringify(summary, null, 2) + '\n');
    });
  });
});

describe('content security policy', () => {
  test('the policy is nonce-only for scripts, without eval; injected script, handlers and eval do not run', async () => {
    const page = await browser.open({});
    try {
      await page.waitFor(`document.querySelector('.toolbar')`, 'the page script');
      const csp = await page.evaluate<string>(`document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`);
      const directives = new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
      const nonce = await page.evaluate<string>(`document.querySelector('script[src]').nonce`);
      assert.ok(nonce.length >= 8, 'the page script carries a nonce');
      assert.deepEqual(directives.get('script-src'), [`'nonce-${nonce}'`], 'script-src is the nonce alone');
      assert.deepEqual(directives.get('default-src'), ["'none'"]);
      assert.doesNotMatch(csp, /unsafe-eval|wasm-unsafe-eval|strict-dynamic/);

      // A script element without the nonce.
      await page.evaluate(`(() => { const script = document.createElement('script'); script.textContent = 'window.__ranScript = true'; document.body.append(script); })()`);
      // An inline handler, the way injected markup would carry one.
      await page.evaluate(`(() => { const holder = document.createElement('div'); holder.innerHTML = '<img src="data:," onerror="window.__ranHandler = true">'; document.body.append(holder); })()`);
      // eval and Function from the page's own tasks (DevTools' evaluate is exempt from the policy, a timer callback is not).
      await page.evaluate(`setTimeout(() => {
        const attempt = (run) => { try { run(); return 'ran'; } catch (error) { return error.name; } };
        window.__evalResults = { eval: attempt(() => eval('1')), Function: attempt(() => new Function('return 1')()), setTimeoutString: attempt(() => setTimeout('window.__ranTimer = true')) };
      })`);
      await page.waitFor(`window.__evalResults && window.__violations.length >= 4`, 'the violations');
      assert.deepEqual(await page.evaluate('window.__evalResults'), { eval: 'EvalError', Function: 'EvalError', setTimeoutString: 'ran' });
      assert.deepEqual(await page.evaluate(`[window.__ranScript, window.__ranHandler, window.__ranTimer]`), [undefined, undefined, undefined], 'nothing injected ran');
      const violations = await page.violations();
      assert.ok(violations.some((text) => text.startsWith('script-src-elem inline')), `the script element was blocked: ${violations}`);
      assert.ok(violations.some((text) => text.startsWith('script-src-attr inline')), `the handler was blocked: ${violations}`);
      assert.ok(violations.filter((text) => text.startsWith('script-src eval')).length >= 2, `eval and Function were blocked: ${violations}`);
      assert.deepEqual(page.errors, []);
      assert.deepEqual(page.offsite, []);
    } finally {
      await page.page.close();
    }
  });
});

describe('interaction', () => {
  const shop = drawable(example('shop.dbarch.yaml'));
  // One page for these tests, in this order: the direction change and the zoom, which change its state, come last.
  const shared = sharedPage({}, (page) => draw(page, shop));

  test('a highlight message marks the nodes the cursor is in', async () => {
    const page = shared();
    const [a, b] = shop.diagram.nodes;
    const highlighted = `[...document.querySelectorAll('.canvas g.node.highlighted')].map((node) => node.dataset.node)`;
    await page.send({ type: 'highlight', nodeIds: [a.id] });
    assert.deepEqual(await page.evaluate(highlighted), [a.id]);
    assert.equal((await page.evaluate<Outlines>(OUTLINES))[a.id].stroke, computed(THEMES['vscode-light']['--vscode-focusBorder']), 'outlined in the focus colour');
    await page.send({ type: 'highlight', nodeIds: [b.id] });
    assert.deepEqual(await page.evaluate(highlighted), [b.id]);
    await page.send({ type: 'highlight', nodeIds: [] });
    assert.deepEqual(await page.evaluate(highlighted), []);
    if (!a.severity) assert.equal((await page.evaluate<Outlines>(OUTLINES))[a.id].stroke, roleColour(a.role, 'stroke'), 'the role outline again');
    await assertClean(page);
  });

  test('clicking a node, or Enter on it, asks the host to reveal it', async () => {
    const page = shared();
    const [first, second] = shop.diagram.nodes.filter((node) => node.kind === 'rds-primary' || node.kind === 'cluster-writer');
    const already = await postedCount(page, 'reveal');
    await page.page.locator(`.canvas g.node[data-node="${first.id}"]`).click();
    assert.deepEqual(await posted(page, 'reveal', already), { type: 'reveal', nodeId: first.id });
    await page.page.locator(`.canvas g.node[data-node="${second.id}"]`).focus();
    await page.page.keyboard.press('Enter');
    assert.deepEqual(await posted(page, 'reveal', already + 1), { type: 'reveal', nodeId: second.id });
    assert.equal(await postedCount(page, 'reveal'), already + 2, 'one reveal per action');
    await assertClean(page);
  });

  test('exports: SVG text and a PNG drawn from it', async () => {
    const page = shared();
    const already = await postedCount(page, 'export');
    await page.page.click('[data-action="exportSvg"]');
    const svg = await posted(page, 'export', already);
    assert.equal(svg.format, 'svg');
    assert.equal(typeof svg.data, 'string');
    const text = svg.data as string;
    assert.ok(text.startsWith('<?xml'), 'an XML document');
    assert.match(text, /<svg[\s>]/);
    assert.equal(text.match(/data-node="n\d+"/g)?.length, shop.diagram.nodes.length, 'every node is in the export');
    assert.doesNotMatch(text, /tabindex|foreignObject/, 'no page-only attributes, no HTML');

    await page.page.click('[data-action="exportPng"]');
    const png = await posted(page, 'export', already + 1);
    assert.equal(png.format, 'png');
    const bytes = Buffer.from(png.data as string, 'base64');
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature (the canvas was not tainted)');
    const width = await page.evaluate<number>(`Number(document.querySelector('.canvas svg').getAttribute('width'))`);
    assert.equal(bytes.readUInt32BE(16), Math.round(width * Math.min(2, 16_000 / width)), 'drawn at twice the diagram size');
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'preview-shop-export.png'), bytes);
    await assertClean(page);
  });

  test('a file with several Regions offers a view per Region', async () => {
    const page = shared();
    const regions = shop.diagram.views.filter((option) => option.view.kind === 'region');
    assert.ok(regions.length >= 2, 'the shop spans Regions');
    assert.equal(await page.evaluate(`document.querySelector('.view-select').hidden`), false);
    const already = await postedCount(page, 'view');
    await page.page.click('vscode-single-select.view-select');
    await page.page.getByRole('option', { name: regions[1].label }).click();
    assert.deepEqual(await posted(page, 'view', already), { type: 'view', view: regions[1].view, force: false });
    await assertClean(page);
  });

  test('copy posts the direction; a new direction re-draws', async () => {
    const page = shared();
    const own = /^flowchart (\w+)/.exec(shop.diagram.text)![1];
    const already = await postedCount(page, 'copySource');
    await page.page.click('[data-action="copy"]');
    assert.deepEqual(await posted(page, 'copySource', already), { type: 'copySource', direction: own });

    const other = own === 'TB' ? { value: 'LR', label: 'Left to right' } : { value: 'TB', label: 'Top to bottom' };
    const viewBox = await page.evaluate<string>(`document.querySelector('.canvas svg').getAttribute('viewBox')`);
    const before = await page.rendered();
    await page.page.click('vscode-single-select[aria-label="Layout direction"]');
    await page.page.getByRole('option', { name: other.label }).click();
    await page.waitForRender(before);
    assert.equal(await count(page, '.canvas svg'), 1);
    assert.equal((await nodeIds(page)).length, shop.diagram.nodes.length);
    assert.notEqual(await page.evaluate(`document.querySelector('.canvas svg').getAttribute('viewBox')`), viewBox, 'a different layout');
    await page.page.click('[data-action="copy"]');
    assert.deepEqual(await posted(page, 'copySource', already + 1), { type: 'copySource', direction: other.value });
    await assertClean(page);
  });

  test('zoom is saved in the webview state and restored instead of fitting', async () => {
    const saved = await (async () => {
      const page = shared();
      await page.page.click('[data-action="fit"]');
      const fitted = await transform(page);
      await page.page.click('[data-action="zoomIn"]');
      const zoomed = await transform(page);
      assert.ok(Math.abs(zoomed.zoom / (fitted.zoom * 1.25) - 1) < 1e-4, `zoom in by 1.25: ${fitted.zoom} -> ${zoomed.zoom}`);
      await page.page.click('[data-action="zoomIn"]');
      const twice = await transform(page);
      assert.ok(twice.zoom > zoomed.zoom);
      await page.waitFor(`window.__state && window.__state.moved === true && Math.abs(window.__state.zoom / ${twice.zoom} - 1) < 1e-4`, 'the saved state');
      const state = await page.evaluate<{ zoom: number; x: number; y: number; moved: boolean; uri: string }>('window.__state');
      assert.equal(state.moved, true);
      assert.ok(Math.abs(state.x - twice.x) < 0.01 && Math.abs(state.y - twice.y) < 0.01, `the saved position ${state.x}, ${state.y} is the canvas's ${twice.x}, ${twice.y}`);
      assert.equal(state.uri, shop.uri, 'the document is remembered for the serializer');
      await assertClean(page);
      return { state, fitted, twice };
    })();
    await withPage({ state: saved.state }, async (page) => {
      await draw(page, shop);
      const restored = await transform(page);
      assert.deepEqual(restored, saved.twice, 'the saved transform');
      assert.notEqual(restored.zoom, saved.fitted.zoom, 'not the fitted zoom');
    });
  });
});

describe('failure simulation', () => {
  test('the failure select posts the scenario; a failure update greys failed nodes and shows the RTO/RPO table', async () => {
    await withPage({ theme: 'vscode-light' }, async (page) => {
      const plain = drawable(example('shop.dbarch.yaml'));
      await draw(page, plain);
      assert.equal(await page.evaluate(`document.querySelector('.failure-select').hidden`), false);
      assert.equal(await page.evaluate(`document.querySelector('.outcomes').hidden`), true);
      const already = await postedCount(page, 'failure');
      await page.page.click('vscode-single-select.failure-select');
      await page.page.getByRole('option', { name: 'Loss of AZ ap-northeast-2a' }).click();
      const scenario = { kind: 'az', az: 'ap-northeast-2a' };
      assert.deepEqual(await posted(page, 'failure', already), { type: 'failure', scenario });
      // Saved (after the state's short debounce), so the choice survives a reload.
      await page.waitFor(`window.__state && window.__state.failure && window.__state.failure.az === 'ap-northeast-2a'`, 'the failure in the saved state');

      const failed = drawable(update('examples/shop.dbarch.yaml', readFileSync(join(EXAMPLES, 'shop.dbarch.yaml'), 'utf8'), { failure: { kind: 'az', az: 'ap-northeast-2a' } }));
      await draw(page, failed);
      const rows = await page.evaluate<string[][]>(`[...document.querySelectorAll('.outcomes-table tbody tr')].map((row) => [...row.cells].map((cell) => cell.textContent))`);
      assert.equal(rows.length, failed.diagram.failure!.databases.length);
      const orders = rows.find((row) => row[0] === 'orders')!;
      assert.deepEqual(orders.slice(0, 5), ['orders', 'failed over', 'yes', 'yes', '60-120 s']);
      assert.ok(rows.some((row) => row[1] === 'down' && row[3] === 'no'), 'something goes down');
      // The failed primary is drawn grey, the standby that takes over keeps its colour and a green outline.
      const primary = failed.diagram.nodes.find((node) => node.label === 'orders')!;
      const standby = failed.diagram.nodes.find((node) => node.label === 'orders standby')!;
      const fill = (id: string): Promise<string> => page.evaluate(`getComputedStyle(document.querySelector('.canvas g.node[data-node="${id}"] .label-container, .canvas g.node[data-node="${id}"] rect, .canvas g.node[data-node="${id}"] path')).fill`);
      assert.equal(channels(await fill(primary.id)).join(','), '233,236,239', 'the failed primary is grey');
      assert.notEqual(channels(await fill(standby.id)).join(','), '233,236,239');
      // Its tooltip says what happens to it.
      await page.page.hover(`.canvas g.node[data-node="${primary.id}"]`);
      assert.match(await page.evaluate<string>(`document.querySelector('.tooltip').textContent`), /Fails in this scenario/);
      await page.page.setViewportSize({ width: 1400, height: 1100 });
      await page.screenshot('preview-shop-fail-az.png');

      // "No failure" clears it.
      await page.page.click('vscode-single-select.failure-select');
      await page.page.getByRole('option', { name: 'No failure' }).click();
      assert.deepEqual(await posted(page, 'failure', already + 1), { type: 'failure' });
      await draw(page, plain);
      assert.equal(await page.evaluate(`document.querySelector('.outcomes').hidden`), true);
    });
  });
});

describe('narrow panel', () => {
  test('beside an editor (460 px wide) the toolbar wraps and nothing scrolls sideways, even with a select open', async () => {
    await withPage({ theme: 'vscode-dark' }, async (page) => {
      await page.page.setViewportSize({ width: 460, height: 700 });
      await draw(page, drawable(example('shop.dbarch.yaml')));
      const overflow = (): Promise<{ scrollLeft: number; appLeft: number; toolbarRight: number }> =>
        page.evaluate(`(() => ({ scrollLeft: document.scrollingElement.scrollLeft + document.getElementById('app').scrollLeft, appLeft: document.getElementById('app').getBoundingClientRect().left, toolbarRight: Math.max(...[...document.querySelectorAll('.toolbar > *')].map((element) => element.getBoundingClientRect().right)) }))()`);
      let measured = await overflow();
      assert.ok(measured.toolbarRight <= 460, `the toolbar ends at ${measured.toolbarRight} px`);
      await page.page.click('vscode-single-select.failure-select');
      await page.page.getByRole('option', { name: 'Loss of AZ ap-northeast-2a' }).click();
      measured = await overflow();
      assert.deepEqual([measured.scrollLeft, measured.appLeft], [0, 0], 'the page did not scroll sideways');
    });
  });
});

describe('live updates', () => {
  const shared = sharedPage();

  test('a broken file keeps the last diagram, dimmed, under a banner with the line; a fixed one clears both', async () => {
    const text = readFileSync(join(EXAMPLES, 'shop.dbarch.yaml'), 'utf8');
    const good = drawable(update('examples/shop.dbarch.yaml', text));
    const broken = update('examples/shop.dbarch.yaml', text.replace('    engine: postgres ', '    engine: [postgres '));
    const problem = broken.problem;
    assert.ok(problem, 'the edit is a syntax error');
    const page = shared();
    {
      await draw(page, good);
      await page.evaluate(`document.querySelector('.canvas svg').dataset.marker = 'first'`);
      await page.send(broken);
      assert.equal(await page.evaluate(`document.querySelector('.canvas svg')?.dataset.marker`), 'first', 'the same SVG stays');
      assert.equal(await page.evaluate(`document.querySelector('.canvas').classList.contains('stale')`), true);
      assert.equal(await page.evaluate(`document.querySelector('.banner').hidden`), false);
      const banner = await page.evaluate<string>(`document.querySelector('.banner-text').textContent`);
      assert.ok(banner.startsWith(`Line ${problem.line}: ${problem.message}`), banner);
      await page.screenshot('preview-stale.png');

      const before = await page.rendered();
      await page.send(good, { waitForRender: true });
      assert.ok((await page.rendered()) > before);
      assert.equal(await page.evaluate(`document.querySelector('.canvas').classList.contains('stale')`), false);
      assert.equal(await page.evaluate(`document.querySelector('.banner').hidden`), true);
      assert.equal(await page.evaluate(`document.querySelector('.canvas svg').dataset.marker`), 'first', 'the same text: the SVG on screen stays, and is current again');
      await assertClean(page);
    }
  });

  test('an edit that leaves the Mermaid text as it was shows the findings on the SVG already drawn; a new text or theme draws again', async () => {
    const text = readFileSync(join(EXAMPLES, 'shop.dbarch.yaml'), 'utf8');
    const before = drawable(update('examples/shop.dbarch.yaml', text));
    // Neptune's encryption and deletion protection are not in the diagram, but two of graph's findings are.
    const edited = drawable(update('examples/shop.dbarch.yaml', text.replace('  graph:\n', '  graph:\n    deletionProtection: true\n    security: { encrypted: true }\n')));
    assert.equal(edited.diagram.text, before.diagram.text, 'the edit leaves the Mermaid text as it was');
    const graph = before.diagram.nodes.find((node) => node.label.startsWith('graph'));
    assert.ok(graph, 'the shop draws graph');
    const severity = (message: typeof before): string | undefined => message.diagram.nodes.find((node) => node.id === graph.id)?.severity;
    assert.deepEqual([severity(before), severity(edited)], ['error', 'warning'], 'the edit turns graph from an error to a warning');
    const page = shared();
    const badge = `document.querySelector('.canvas g.node[data-node="${graph.id}"] > g.badge')?.getAttribute('class')`;
    const mermaidRenders = (): Promise<number> => page.mermaidRenders();
    {
      await draw(page, before);
      assert.equal(await page.evaluate(badge), 'badge badge-error');
      const rendersBefore = await mermaidRenders();
      const viewBox = await page.evaluate<string>(`document.querySelector('.canvas svg').getAttribute('viewBox')`);
      await page.evaluate(`document.querySelector('.canvas svg').dataset.marker = 'before'`);

      await draw(page, edited);
      assert.equal(await mermaidRenders(), rendersBefore, 'Mermaid was not asked to lay the diagram out again');
      assert.equal(await page.evaluate(`document.querySelector('.canvas svg').dataset.marker`), 'before', 'the SVG on screen is kept');
      assert.equal(await count(page, '.canvas g.node[data-node] > g.badge'), edited.diagram.nodes.filter((node) => node.severity === 'error' || node.severity === 'warning').length, 'one badge per node with errors or warnings, none left over');
      assert.equal(await page.evaluate(badge), 'badge badge-warning', 'the badge follows the new findings');
      assert.equal(await page.evaluate(`document.querySelector('.canvas g.node[data-node="${graph.id}"]').getAttribute('class').includes('finding-error')`), false, 'the error class is gone');
      assert.equal(await page.evaluate(`document.querySelector('.canvas g.node[data-node="${graph.id}"]').classList.contains('finding-warning')`), true, 'the warning class is on');
      assert.equal(await count(page, '.canvas svg'), 1);
      assert.equal(await count(page, '.canvas g.node[data-node]'), edited.diagram.nodes.length, 'every node is drawn and clickable');
      assert.equal(await page.evaluate(`document.querySelector('.canvas svg').getAttribute('viewBox')`), viewBox, 'the same layout');
      assert.ok(Number(await page.evaluate<string>('document.body.dataset.reusedMs')) >= 0, 'the page reports the time of the update');

      // A theme change and, at once, an update with the same text: the SVG that ends on screen is the one
      // drawn in the new theme (the newest render), not the old one with new marks.
      await page.setTheme('vscode-dark');
      await page.send(edited);
      await page.waitFor(`Number(document.body.dataset.mermaidRenders) > ${rendersBefore} && document.querySelector('.canvas svg')?.id === 'dbarch-diagram-' + document.body.dataset.mermaidRenders`, 'the SVG of the render in the new theme on screen');
      await draw(page, edited);
      assert.equal(await mermaidRenders(), rendersBefore + 1, 'the theme change drew once; the same text in that theme is shown again');
      assert.equal(await page.evaluate(`document.querySelector('.canvas svg').id`), `dbarch-diagram-${rendersBefore + 1}`);

      const moved = drawable(update('examples/shop.dbarch.yaml', text.replace('instanceClass: db.r6g.large, az: ap-northeast-2a }\n\n  ledger', 'instanceClass: db.r6g.xlarge, az: ap-northeast-2a }\n\n  ledger')));
      assert.notEqual(moved.diagram.text, edited.diagram.text, 'a new instance class is in the label');
      await draw(page, moved);
      assert.equal(await mermaidRenders(), rendersBefore + 2, 'a new text is drawn by Mermaid');

      // An update with nothing to draw empties the canvas; the text drawn last then comes back from Mermaid's SVG.
      await page.send({ ...moved, diagram: { ...moved.diagram, nodes: [] } });
      await page.waitFor(`document.querySelectorAll('.canvas svg').length === 0`, 'an empty canvas');
      await draw(page, moved);
      assert.equal(await mermaidRenders(), rendersBefore + 2, 'the SVG Mermaid drew last is put back without a new layout');
      assert.equal(await count(page, '.canvas g.node[data-node]'), moved.diagram.nodes.length, 'every node is back and clickable');
      assert.equal(await count(page, '.canvas g.node[data-node] > g.badge'), moved.diagram.nodes.filter((node) => node.severity === 'error' || node.severity === 'warning').length, 'with its finding marks');
      await page.setTheme('vscode-light');
      await page.waitFor(`Number(document.body.dataset.mermaidRenders) === ${rendersBefore + 3}`, 'the render in the light theme');
      await assertClean(page);
    }
  });

  test('a file that grows past the limits shows its size and a button that asks to draw it anyway', async () => {
    const large = generateForNodes(PREVIEW_LIMITS.nodes + 40);
    const message = update('large.dbarch.yaml', large.text);
    assert.ok(message.diagram?.tooLarge && message.diagram.text === '', 'the update is too large to draw');
    const page = shared();
    {
      assert.equal(await count(page, '.canvas svg'), 1, 'a diagram is on screen before');
      await page.send(message);
      assert.equal(await page.evaluate(`document.querySelector('.message').hidden`), false);
      const text = await page.evaluate<string>(`document.querySelector('.message-text').textContent`);
      assert.ok(text.includes(`${message.diagram!.tooLarge!.nodes} nodes`) && text.includes(`${message.diagram!.tooLarge!.edges} connections`), text);
      assert.equal(await count(page, '.canvas svg'), 0, 'nothing drawn');
      await page.screenshot('preview-too-large.png');
      await page.page.locator('.message vscode-button', { hasText: 'Draw everything anyway' }).click();
      assert.deepEqual(await posted(page, 'view'), { type: 'view', view: { kind: 'all' }, force: true });
      await assertClean(page);
    }
  });
});

describe('scale', () => {
  test('timings of the examples and of 50- and 200-node files (reported); 200 nodes draw', async (t: TestContext) => {
    const RUNS = 5;
    const cases = [
      ...EXAMPLE_FILES.map((name) => ({ name, message: drawable(example(name)) })),
      ...[50, 200].map((nodes) => {
        const generated = generateForNodes(nodes);
        return { name: `generated ${generated.nodes} nodes (${generated.databases} databases)`, message: drawable(update(`generated-${nodes}.dbarch.yaml`, generated.text)) };
      }),
    ];
    const rows: { name: string; nodes: number; edges: number; runsMs: number[]; medianMs: number; sameTextMs: number }[] = [];
    // One page, re-drawn: the first render of a case pays for the layout of a new size, hence the median.
    await withPage({}, async (page) => {
      for (const { name, message } of cases) {
        const runs: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          // A Mermaid comment makes each text new, so Mermaid lays the diagram out every time.
          const renders = await page.mermaidRenders();
          await draw(page, { ...message, diagram: { ...message.diagram, text: `${message.diagram.text}\n%% run ${run}` } });
          assert.equal(await page.mermaidRenders(), renders + 1, `${name}: run ${run} is a Mermaid render`);
          runs.push(Number(await page.evaluate('document.body.dataset.renderMs')));
        }
        assert.equal((await nodeIds(page)).length, message.diagram.nodes.length, `${name}: every node is drawn`);
        // The text of the last run again: the SVG already drawn is shown with the update's findings.
        const renders = await page.mermaidRenders();
        await draw(page, { ...message, diagram: { ...message.diagram, text: `${message.diagram.text}\n%% run ${RUNS - 1}` } });
        assert.equal(await page.mermaidRenders(), renders, `${name}: the same text again is not a Mermaid render`);
        const sameTextMs = Number(await page.evaluate('document.body.dataset.reusedMs'));
        const sorted = [...runs].sort((a, b) => a - b);
        rows.push({ name, nodes: message.diagram.nodes.length, edges: message.diagram.edgeCount, runsMs: runs, medianMs: sorted[Math.floor(sorted.length / 2)], sameTextMs });
      }
    });
    assert.ok(rows.some((row) => row.nodes >= 190), 'a file of about 200 nodes was drawn');
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'preview-timings.json'), JSON.stringify({ runs: RUNS, measure: 'document.body.dataset.renderMs (mermaid.render to decorated SVG); sameTextMs: document.body.dataset.reusedMs (an update with the text already drawn)', cases: rows }, null, 2) + '\n');
    for (const row of rows) t.diagnostic(`${row.name.padEnd(44)} ${String(row.nodes).padStart(4)} nodes ${String(row.edges).padStart(4)} links  median ${String(row.medianMs).padStart(5)} ms  (${row.runsMs.join(', ')}), same text again ${row.sameTextMs} ms`);
  });
});

describe('saved page', () => {
  test('dbarch diagram --html draws offline under its own policy', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dbarch-html-')), 'shop.html');
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'dbarch.js'), 'diagram', join(EXAMPLES, 'shop.dbarch.yaml'), '--html', out], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    const html = readFileSync(out, 'utf8');
    const expected = drawable(update('examples/shop.dbarch.yaml', readFileSync(join(EXAMPLES, 'shop.dbarch.yaml'), 'utf8'), { force: true }));
    await withPage({ standalone: html }, async (page) => {
      await page.waitForRender(0);
      assert.equal(await count(page, '.canvas svg'), 1);
      assert.equal((await nodeIds(page)).length, expected.diagram.nodes.length);
      const csp = await page.evaluate<string>(`document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`);
      assert.match(csp, /script-src 'nonce-[^' ]+'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-eval/);
      assert.deepEqual(await page.posted(), [], 'a saved page has no host to post to');
    });
  });
});
