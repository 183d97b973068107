import type { PreviewState, WebviewMessage } from '../shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The host side as the webview sees it: typed messages and persisted state. */
export interface Host {
  post(message: WebviewMessage): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}

/** `acquireVsCodeApi` may be called once per page: this is the only call. */
export function connectHost(): Host {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    getState: () => (api.getState() as PreviewState | undefined) ?? undefined,
    setState: (state) => api.setState(state),
  };
}
