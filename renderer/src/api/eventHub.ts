import type { EventName, EventPayload } from '@shared/api/contract';

type AnyListener = (payload: never) => void;

/** Fan-out of core events to the UI's listeners, shared by both transports. */
export class EventHub {
  private readonly listeners = new Map<string, Set<AnyListener>>();

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as AnyListener);
    return () => set.delete(listener as AnyListener);
  }

  emit(event: string, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as (p: unknown) => void)(payload);
      } catch (e) {
        // One faulty listener must not stop the others from hearing the event.
        console.error(`Listener for ${event} failed`, e);
      }
    }
  }
}
