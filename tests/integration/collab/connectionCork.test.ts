import { afterEach, describe, expect, it } from 'vitest';
import { connectPair } from '../../support/connectionPair.ts';
import { waitFor } from '../../support/waitFor.ts';

const texts = (received: Array<{ data: Buffer }>) => received.map((message) => message.data.toString());

describe('a connection holding frames for one write', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('sends nothing while corked, then every held frame, in order, once uncorked', async () => {
    const pair = await connectPair();
    close = pair.close;
    pair.connection.cork();
    for (const text of ['one', 'two', 'three']) pair.connection.send(new TextEncoder().encode(text));
    // Long enough for a frame written at once to cross loopback.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(texts(pair.received)).toEqual([]);

    pair.connection.uncork();
    await waitFor(() => pair.received.length === 3, 'the held frames');
    expect(texts(pair.received)).toEqual(['one', 'two', 'three']);
  });

  it('nests: frames go out when the outermost hold ends', async () => {
    const pair = await connectPair();
    close = pair.close;
    pair.connection.cork();
    pair.connection.cork();
    pair.connection.send(new TextEncoder().encode('held'));
    pair.connection.uncork();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(texts(pair.received)).toEqual([]);

    pair.connection.uncork();
    await waitFor(() => pair.received.length === 1, 'the held frame');
  });
});
