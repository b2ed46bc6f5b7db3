// In-page timing: a paint marker (a task posted from inside requestAnimationFrame runs after that
// frame's style, layout and paint), frame intervals, and long tasks.

const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();

/** Resolves in a task queued now: from a rAF callback, that is after the frame has painted. */
export function afterTask(): Promise<number> {
  return new Promise((resolve) => {
    waiting.push(() => resolve(performance.now()));
    channel.port2.postMessage(0);
  });
}

export const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/** Time at which the next frame (with whatever is committed by then) has been painted. */
export async function nextPaint(): Promise<number> {
  await nextFrame();
  return afterTask();
}

export interface Recorder {
  frameTimes: number[];
  longTasks: number[];
  stop(): void;
}

export function startRecorder(): Recorder {
  const frameTimes: number[] = [];
  const longTasks: number[] = [];
  let last = -1;
  let running = true;
  const tick = (t: number) => {
    if (!running) return;
    if (last >= 0) frameTimes.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.duration > 50) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    frameTimes,
    longTasks,
    stop() {
      running = false;
      observer.disconnect();
    },
  };
}
