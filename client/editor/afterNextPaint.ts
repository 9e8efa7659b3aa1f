/**
 * Runs `run` once the frame after this moment has been painted: a
 * requestAnimationFrame callback runs just before that frame is drawn, and a
 * message posted from it is handled right after. Returns a cancel function.
 * A hidden page draws no frames, so there `run` waits until it is shown.
 */
export function afterNextPaint(run: () => void): () => void {
  let isCancelled = false;
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (!isCancelled) run();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    isCancelled = true;
    cancelAnimationFrame(frame);
  };
}
