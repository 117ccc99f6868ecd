// Export of the drawn diagram: SVG text, or a PNG drawn from it at twice its size. Both get the
// theme's background, so a diagram exported from a dark editor stays readable on its own.

/** The diagram as a standalone SVG document. */
export function exportSvg(svg: SVGSVGElement, background: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  copy.removeAttribute('style');
  for (const element of copy.querySelectorAll('.highlighted')) element.classList.remove('highlighted');
  for (const element of copy.querySelectorAll('[tabindex]')) {
    element.removeAttribute('tabindex');
    element.removeAttribute('role');
  }
  const box = svg.viewBox.baseVal;
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('x', String(box.x));
  rect.setAttribute('y', String(box.y));
  rect.setAttribute('width', String(box.width));
  rect.setAttribute('height', String(box.height));
  rect.setAttribute('fill', background);
  copy.insertBefore(rect, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** The diagram as PNG (base64, without the data: prefix). */
export async function exportPng(svg: SVGSVGElement, background: string, size: { width: number; height: number }): Promise<string> {
  const text = exportSvg(svg, background);
  const image = new Image();
  const scale = Math.min(2, 16_000 / Math.max(size.width, size.height));
  image.width = size.width;
  image.height = size.height;
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The SVG could not be drawn as an image.'));
  });
  image.src = `data:image/svg+xml;base64,${toBase64(text)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(size.width * scale);
  canvas.height = Math.round(size.height * scale);
  const context = canvas.getContext('2d')!;
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}
