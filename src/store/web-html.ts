/** What every page of the store shares: escaping, the style sheet, the frame (title, navigation, logout). */

/** Escapes text for HTML element content and quoted attribute values. */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The Content-Security-Policy of every page: no script at all, styles only from the page's own <style>. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const STYLE = `body{font:14px system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{display:flex;align-items:center;gap:1em;padding:.6em 2em;background:#24292f;color:#fff}header a{color:#fff;text-decoration:none;font-weight:600}
header form{margin-left:auto}main{padding:1em 2em;max-width:1400px}
h1{font-size:1.5em;margin:.4em 0}h2{font-size:1.2em;margin:1.4em 0 .5em}
table{border-collapse:collapse;background:#fff;margin-bottom:1em}td,th{border:1px solid #d1d9e0;padding:.3em .6em;text-align:left;vertical-align:top}th{background:#f0f2f4}
.n{text-align:right}.digest,code{font-family:ui-monospace,monospace;font-size:92%}
.d-STOP,.c-fail{color:#b00;font-weight:bold}.d-WARN{color:#9a5b00;font-weight:bold}.d-GO,.c-pass{color:#070;font-weight:bold}
.cards{display:flex;gap:1em;flex-wrap:wrap;margin:.5em 0}.card{background:#fff;border:1px solid #d1d9e0;border-radius:6px;padding:.5em 1em;min-width:7em}
.card b{display:block;font-size:1.6em}.error{color:#b00;font-weight:600}.muted{color:#59636e}
form.filter input{width:22em}dl.meta{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dl.meta dt{font-weight:600}dl.meta dd{margin:0}
svg.chart{background:#fff;border:1px solid #d1d9e0;max-width:100%;height:auto}svg .grid{stroke:#e5e7ea}svg .axis{stroke:#59636e}svg .tick{font-size:11px;fill:#59636e}
svg .line{stroke-width:2}svg .s-total{stroke:#0969da}svg .s-critical{stroke:#8b0000}svg .s-high{stroke:#d1242f;stroke-dasharray:4 3}
svg circle.d-STOP,svg rect.d-STOP{fill:#cf222e}svg circle.d-WARN,svg rect.d-WARN{fill:#bf8700}svg circle.d-GO,svg rect.d-GO{fill:#1a7f37}svg circle{stroke:#fff;stroke-width:1.5}
.diff-add{color:#b00}.diff-del{color:#070}td.diff{min-width:18em}td.when{white-space:nowrap}td.policy{overflow-wrap:anywhere;max-width:14em}`;

export interface FrameOptions {
  title: string;
  /** Show the logout button (the reader came in with the cookie). */
  loggedIn: boolean;
}

export function frame(o: FrameOptions, body: string): string {
  const logout = o.loggedIn ? `<form method="post" action="/logout"><button type="submit">Log out</button></form>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(o.title)}</title>
<style>${STYLE}</style></head>
<body><header><a href="/">Portcullis store</a>${logout}</header>
<main>
${body}
</main></body></html>
`;
}
