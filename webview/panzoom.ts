// Pan and zoom of the diagram: a CSS transform on the canvas inside a clipping viewport. Dragging
// pans, the wheel scrolls, Ctrl/Cmd + wheel (and pinch) zooms around the pointer.

/** Where the canvas is. */
export interface Transform {
  zoom: number;
  x: number;
  y: number;
}

const MIN_ZOOM = 0.05;
const MAX_ZOOM = 8;

/** Pans and zooms one canvas; reports every change the user makes. */
export class PanZoom {
  private transform: Transform = { zoom: 1, x: 0, y: 0 };
  /** Set while a drag moved far enough not to count as a click. */
  dragged = false;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly canvas: HTMLElement,
    private readonly onUserChange: (transform: Transform) => void,
  ) {
    viewport.addEventListener('wheel', (event) => this.wheel(event), { passive: false });
    viewport.addEventListener('pointerdown', (event) => this.drag(event));
  }

  get current(): Transform {
    return { ...this.transform };
  }

  set(transform: Transform): void {
    this.transform = { zoom: clamp(transform.zoom), x: transform.x, y: transform.y };
    this.canvas.style.transform = `translate(${this.transform.x}px, ${this.transform.y}px) scale(${this.transform.zoom})`;
  }

  /** Zooms by a factor around a point of the viewport (its centre by default). */
  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const point = at ?? { x: this.viewport.clientWidth / 2, y: this.viewport.clientHeight / 2 };
    const zoom = clamp(this.transform.zoom * factor);
    const scale = zoom / this.transform.zoom;
    this.change({ zoom, x: point.x - (point.x - this.transform.x) * scale, y: point.y - (point.y - this.transform.y) * scale });
  }

  /** Fits a content size into the viewport, centred, never larger than 100 %. */
  fit(width: number, height: number, user = false): void {
    const margin = 24;
    const zoom = clamp(Math.min(1, (this.viewport.clientWidth - margin * 2) / width, (this.viewport.clientHeight - margin * 2) / height));
    const next = { zoom, x: (this.viewport.clientWidth - width * zoom) / 2, y: Math.max(margin, (this.viewport.clientHeight - height * zoom) / 2) };
    if (user) this.change(next);
    else this.set(next);
  }

  /** 100 %, the top of the diagram at the top, centred across. */
  reset(width: number): void {
    this.change({ zoom: 1, x: Math.max(24, (this.viewport.clientWidth - width) / 2), y: 24 });
  }

  /** Moves so a box of the canvas (in canvas units) is in view, if it is not already. */
  reveal(box: { x: number; y: number; width: number; height: number }): void {
    const { zoom, x, y } = this.transform;
    const left = box.x * zoom + x;
    const top = box.y * zoom + y;
    const right = left + box.width * zoom;
    const bottom = top + box.height * zoom;
    if (left >= 0 && top >= 0 && right <= this.viewport.clientWidth && bottom <= this.viewport.clientHeight) return;
    this.set({ zoom, x: this.viewport.clientWidth / 2 - (box.x + box.width / 2) * zoom, y: this.viewport.clientHeight / 2 - (box.y + box.height / 2) * zoom });
  }

  private change(transform: Transform): void {
    this.set(transform);
    this.onUserChange(this.current);
  }

  private wheel(event: WheelEvent): void {
    event.preventDefault();
    const bounds = this.viewport.getBoundingClientRect();
    if (event.ctrlKey || event.metaKey) {
      this.zoomBy(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002)), { x: event.clientX - bounds.left, y: event.clientY - bounds.top });
    } else {
      const unit = event.deltaMode === 1 ? 16 : 1;
      this.change({ ...this.transform, x: this.transform.x - event.deltaX * unit, y: this.transform.y - event.deltaY * unit });
    }
  }

  private drag(event: PointerEvent): void {
    if (event.button !== 0) return;
    const start = { x: event.clientX, y: event.clientY, from: this.current };
    this.dragged = false;
    const move = (next: PointerEvent): void => {
      const dx = next.clientX - start.x;
      const dy = next.clientY - start.y;
      if (!this.dragged && Math.hypot(dx, dy) < 4) return;
      if (!this.dragged) {
        this.dragged = true;
        this.viewport.setPointerCapture(event.pointerId);
        this.viewport.classList.add('dragging');
      }
      this.change({ ...start.from, x: start.from.x + dx, y: start.from.y + dy });
    };
    const end = (): void => {
      this.viewport.removeEventListener('pointermove', move);
      this.viewport.removeEventListener('pointerup', end);
      this.viewport.removeEventListener('pointercancel', end);
      this.viewport.classList.remove('dragging');
      if (this.viewport.hasPointerCapture(event.pointerId)) this.viewport.releasePointerCapture(event.pointerId);
    };
    this.viewport.addEventListener('pointermove', move);
    this.viewport.addEventListener('pointerup', end);
    this.viewport.addEventListener('pointercancel', end);
  }
}

function clamp(zoom: number): number {
  return Number.isFinite(zoom) ? Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom)) : 1;
}
