type Listen = <K extends keyof WindowEventMap>(target: EventTarget, type: K, listener: (event: WindowEventMap[K]) => void, options?: AddEventListenerOptions) => void;

/**
 * Listeners that come off together. Each `on` adds one with the group's AbortSignal; the returned
 * teardown removes every one of them, so no listener can be added and forgotten in the teardown.
 */
export function listenerGroup(): { on: Listen; teardown: () => void } {
  const controller = new AbortController();
  return {
    on: (target, type, listener, options = {}) => target.addEventListener(type, listener as EventListener, { ...options, signal: controller.signal }),
    teardown: () => controller.abort(),
  };
}
