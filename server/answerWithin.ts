/**
 * `promise`'s value, or `fallback` once `ms` have passed without one: for
 * asking something (Redis, the database) that must not hold a request or a
 * load up when it is slow or gone. A rejection passes through. The timer is
 * cleared as soon as the promise settles and never keeps the process alive.
 */
export async function answerWithin<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
