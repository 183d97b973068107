import type { HostMessageType, SegmentCanvases, WebviewMessageType } from '../../shared/protocol';
import type { CompareSnapshot } from './previewCompare';
import type { EditAnswer } from './previewEditing';

const LOG_LENGTH = 50;

/** What the tests read through the internal state command (canvasAsCode.preview._state). */
export interface PreviewSnapshot {
  uri: string;
  locked: boolean;
  visible: boolean;
  active: boolean;
  ready: boolean;
  postedVersion: number | undefined;
  /** The last view posted was the last good canvas of a text with syntax errors. */
  outdated: boolean;
  renderedVersion: number | undefined;
  renderedCards: number | undefined;
  posted: HostMessageType[];
  received: WebviewMessageType[];
  /** Compare mode: what the shown canvas is compared with, and the last summary posted. */
  compare?: CompareSnapshot;
  /** The last `links` message's segments (value-proposition canvases per segment). */
  links: SegmentCanvases[];
  /** The last answers to the page's edit gestures (previewEditing.ts), oldest first. */
  edits: EditAnswer[];
}

/** The last message types posted and received, for the tests. */
export class MessageLog {
  readonly posted: HostMessageType[] = [];
  readonly received: WebviewMessageType[] = [];

  sent(type: HostMessageType): void {
    push(this.posted, type);
  }

  got(type: WebviewMessageType): void {
    push(this.received, type);
  }
}

function push<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > LOG_LENGTH) list.shift();
}
