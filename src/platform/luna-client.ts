import type { PalmServiceBridge } from './webos-api';

/** A Luna answer: a JSON object; `returnValue: false` marks a refusal. */
export type LunaAnswer = Record<string, unknown>;

function parseAnswer(message: string): LunaAnswer | undefined {
  try {
    const value = JSON.parse(message) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as LunaAnswer) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Luna through `PalmServiceBridge`, the way LG's webOSTV.js does it. Pending bridges are held
 * here because a bridge that nothing references can be collected before it calls back.
 */
export class LunaClient {
  private readonly pending = new Set<PalmServiceBridge>();

  constructor(private readonly Bridge: new () => PalmServiceBridge) {}

  /** One request; rejects on a refusal or an unreadable answer. The caller bounds the wait. */
  request(uri: string, params: object): Promise<LunaAnswer> {
    return new Promise((resolve, reject) => {
      const bridge = new this.Bridge();
      this.pending.add(bridge);
      bridge.onservicecallback = (message) => {
        this.pending.delete(bridge);
        const answer = parseAnswer(message);
        if (!answer) reject(new Error(`${uri}: unreadable answer`));
        else if (answer.returnValue === false) reject(new Error(`${uri}: ${typeof answer.errorText === 'string' ? answer.errorText : 'refused'}`));
        else resolve(answer);
      };
      bridge.call(uri, JSON.stringify(params));
    });
  }

  /** A subscription (`subscribe: true`): every readable, accepted answer is passed on until cancelled. */
  subscribe(uri: string, params: object, onAnswer: (answer: LunaAnswer) => void): () => void {
    const bridge = new this.Bridge();
    this.pending.add(bridge);
    bridge.onservicecallback = (message) => {
      const answer = parseAnswer(message);
      if (answer && answer.returnValue !== false) onAnswer(answer);
    };
    bridge.call(uri, JSON.stringify({ ...params, subscribe: true }));
    return () => {
      this.pending.delete(bridge);
      bridge.onservicecallback = null;
      bridge.cancel?.();
    };
  }
}
