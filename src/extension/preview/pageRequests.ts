import * as vscode from 'vscode';

const RASTERIZE_TIMEOUT_MS = 20_000;
const READY_TIMEOUT_MS = 15_000;

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

/**
 * What the host asks of the page and waits for: that it listens (`ready`, after every reload) and
 * that it rasterises an SVG (PNG export: both extension hosts lack a rasteriser of their own).
 */
export class PageRequests {
  private nextId = 1;
  private readonly rasters = new Map<number, Waiter<string>>();
  private readonly readyWaiters: Waiter<void>[] = [];

  /** Resolves once `isReady()` or the next `ready()` (after a reload too). */
  whenReady(isReady: boolean, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
    if (isReady) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(vscode.l10n.t('The preview did not load.'))), timeoutMs);
      this.readyWaiters.push({
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
    });
  }

  ready(): void {
    for (const waiter of this.readyWaiters.splice(0)) waiter.resolve();
  }

  /** PNG bytes of `svg`: `post` sends the page the request, `rasterized` brings its answer. */
  async rasterize(svg: string, scale: number, post: (id: number) => void): Promise<Uint8Array> {
    const id = this.nextId++;
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.rasters.delete(id);
        reject(new Error(vscode.l10n.t('The preview did not draw the image in time.')));
      }, RASTERIZE_TIMEOUT_MS);
      this.rasters.set(id, {
        resolve: (url) => (clearTimeout(timer), resolve(url)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      post(id);
    });
    const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  }

  /** The page's answer to a `rasterize` request. */
  rasterized(id: number, dataUrl: string | undefined, error: string | undefined): void {
    const request = this.rasters.get(id);
    this.rasters.delete(id);
    if (dataUrl) request?.resolve(dataUrl);
    else request?.reject(new Error(error ?? 'rasterising failed'));
  }

  /** The preview closed: every waiter fails. */
  dispose(): void {
    const closed = new Error(vscode.l10n.t('The preview was closed.'));
    for (const request of this.rasters.values()) request.reject(closed);
    this.rasters.clear();
    for (const waiter of this.readyWaiters.splice(0)) waiter.reject(closed);
  }
}
